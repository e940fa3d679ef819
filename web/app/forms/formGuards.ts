/**
 * Keyboard and dismissal rules every form of the app follows, installed once on the window
 * so no form can forget them:
 * - Enter in a field never submits its form (a half-filled draft was saved by an Enter in a
 *   date field); only the form's button or Ctrl+Enter (⌘+Enter) does. A form that should
 *   submit on Enter (signing in, a one-field code) carries `data-enter-submits`.
 * - A dialog or drawer the person has typed into is not thrown away by Esc or a click
 *   outside without asking (`installDiscardGuard`).
 */

const ENTER_SUBMITS = '[data-enter-submits]';
const DIALOG = '.ant-modal-wrap, .ant-drawer';

/** The form an Enter was just pressed in, until the browser's implicit submission has run. */
let enteredForm: HTMLFormElement | null = null;

function isTextField(target: EventTarget | null): target is HTMLInputElement {
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file'].includes(target.type);
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || event.isComposing) return;
  const target = event.target;
  if (event.ctrlKey || event.metaKey) {
    // The explicit way to submit from the keyboard, from a text area too: as if the form's button were pressed.
    const form = target instanceof HTMLTextAreaElement || isTextField(target) ? target.form : null;
    if (!form) return;
    event.preventDefault();
    form.requestSubmit();
    return;
  }
  if (!isTextField(target)) return;
  const form = target.form;
  if (!form || form.closest(ENTER_SUBMITS)) return;
  enteredForm = form;
  // Implicit submission happens while this key press is dispatched; afterwards Enter is forgotten.
  setTimeout(() => {
    enteredForm = null;
  }, 0);
}

/** The browser's implicit submission clicks the form's default button: that click is not the person's. */
function onClick(event: MouseEvent): void {
  if (!enteredForm || event.detail !== 0) return;
  const target = event.target;
  if (!(target instanceof Element)) return;
  const button = target.closest('button, input');
  if (!(button instanceof HTMLButtonElement || button instanceof HTMLInputElement)) return;
  if (button.form !== enteredForm) return;
  event.preventDefault();
  event.stopImmediatePropagation();
}

function onSubmit(event: SubmitEvent): void {
  if (!enteredForm || event.target !== enteredForm) return;
  event.preventDefault();
  event.stopImmediatePropagation();
}

// ---------------------------------------------------------------- dirty dialogs

const dirtyDialogs = new WeakSet<Element>();
const closeWatcher = typeof MutationObserver === 'undefined' ? null : new MutationObserver(onDialogChanged);

function isOpen(dialog: Element): boolean {
  if (dialog.classList.contains('ant-drawer')) return dialog.classList.contains('ant-drawer-open');
  return dialog instanceof HTMLElement && dialog.style.display !== 'none' && dialog.isConnected;
}

function onDialogChanged(records: MutationRecord[]): void {
  for (const record of records) {
    if (record.target instanceof Element && !isOpen(record.target)) dirtyDialogs.delete(record.target);
  }
}

/** The dialog or drawer on top: the last open one in the document (each opens in its own portal). */
export function topDialog(): Element | null {
  const open = [...document.querySelectorAll(DIALOG)].filter(isOpen);
  return open.at(-1) ?? null;
}

export function isDirty(dialog: Element): boolean {
  return dirtyDialogs.has(dialog);
}

export function markClean(dialog: Element): void {
  dirtyDialogs.delete(dialog);
}

function markDirty(dialog: Element | null): void {
  if (!dialog || dirtyDialogs.has(dialog)) return;
  dirtyDialogs.add(dialog);
  closeWatcher?.observe(dialog, { attributes: true, attributeFilter: ['style', 'class'] });
}

function onEdit(event: Event): void {
  if (!event.isTrusted || !(event.target instanceof Element)) return;
  markDirty(event.target.closest(DIALOG));
}

/** A choice picked in a list or calendar that opened from a field of the dialog on top. */
function onPick(event: MouseEvent): void {
  if (!event.isTrusted || !(event.target instanceof Element)) return;
  if (event.target.closest('.ant-select-dropdown, .ant-picker-dropdown, .ant-cascader-dropdown')) {
    markDirty(topDialog());
  }
}

let installed = false;

/** Installs the Enter rule and the edit tracking; called once at start. */
export function installFormGuards(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('click', onClick, true);
  window.addEventListener('submit', onSubmit, true);
  window.addEventListener('input', onEdit, true);
  window.addEventListener('change', onEdit, true);
  window.addEventListener('mousedown', onPick, true);
}
