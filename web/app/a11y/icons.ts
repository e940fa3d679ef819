/**
 * Ant Design names every icon after its drawing in English (`<span role="img" aria-label="bell">`),
 * so a screen reader says "bell", "plus", "close" in a Vietnamese app. Icons here are decoration
 * beside a text or inside a button that carries its own Vietnamese name: each one that still has
 * its English default is hidden from assistive technology as it appears. An icon given a name
 * on purpose (`aria-label` other than its drawing's) keeps it.
 */

const ICON = 'span.anticon[role="img"]';

function quiet(icon: Element): void {
  const label = icon.getAttribute('aria-label');
  if (label === null) return;
  if (!icon.classList.contains(`anticon-${label}`)) return;
  icon.removeAttribute('aria-label');
  icon.removeAttribute('role');
  icon.setAttribute('aria-hidden', 'true');
}

function quietWithin(node: Node): void {
  if (!(node instanceof Element)) return;
  if (node.matches(ICON)) quiet(node);
  for (const icon of node.querySelectorAll(ICON)) quiet(icon);
}

let installed = false;

/** Quiets the icons already drawn and every one drawn later; called once at start. */
export function installIconNames(root: Node = document.body): void {
  if (installed || typeof MutationObserver === 'undefined') return;
  installed = true;
  quietWithin(root);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') quiet(record.target as Element);
      else for (const node of record.addedNodes) quietWithin(node);
    }
  }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
}
