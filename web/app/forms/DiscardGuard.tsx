import { App } from 'antd';
import { useEffect } from 'react';
import { t } from '../i18n';
import { isDirty, markClean, topDialog } from './formGuards';

/** A click that lands outside the dialog's panel: on a modal's wrapper or a drawer's mask. */
function outsideClickOf(event: MouseEvent, dialog: Element): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (dialog.classList.contains('ant-modal-wrap')) return target === dialog;
  return target.classList.contains('ant-drawer-mask') && dialog.contains(target);
}

/** Closes the dialog the way its own close button does, once the person agreed to discard. */
function closeDialog(dialog: Element): void {
  markClean(dialog);
  const close = dialog.querySelector<HTMLElement>('.ant-modal-close, .ant-drawer-close');
  if (close) {
    close.click();
    return;
  }
  const cancel = dialog.querySelector<HTMLElement>('.ant-modal-footer .ant-btn:not(.ant-btn-primary)');
  if (cancel) {
    cancel.click();
    return;
  }
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
}

/**
 * Asks before Esc or a click outside throws away a dialog or drawer the person has typed
 * into. Mounted once inside antd's <App>, so every modal and drawer of the app is covered.
 */
export default function DiscardGuard() {
  const { modal } = App.useApp();
  useEffect(() => {
    let asking = false;
    const ask = (dialog: Element) => {
      if (asking) return;
      asking = true;
      modal.confirm({
        title: t.forms.discardTitle,
        content: t.forms.discardText,
        okText: t.forms.discard,
        okButtonProps: { danger: true },
        cancelText: t.forms.keepEditing,
        onOk: () => closeDialog(dialog),
        afterClose: () => {
          asking = false;
        },
      });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !event.isTrusted || event.isComposing) return;
      const dialog = topDialog();
      if (!dialog || !isDirty(dialog)) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      ask(dialog);
    };
    const onPointer = (event: MouseEvent) => {
      if (!event.isTrusted) return;
      const dialog = topDialog();
      if (!dialog || !isDirty(dialog) || !outsideClickOf(event, dialog)) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      if (event.type === 'click') ask(dialog);
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('mousedown', onPointer, true);
    window.addEventListener('click', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('mousedown', onPointer, true);
      window.removeEventListener('click', onPointer, true);
    };
  }, [modal]);
  return null;
}
