import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// A dialog's code is imported when it first opens (React.lazy): on a busy machine that takes
// longer than the second Testing Library waits by default.
configure({ asyncUtilTimeout: 5000 });

// What antd asks of a browser that jsdom does not have.
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (typeof window.ResizeObserver === 'undefined') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}

// jsdom computes no style for ::before and ::after; antd only measures them (scroll bars, waves).
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element, pseudoElement?: string | null) =>
  computedStyle(element, pseudoElement ? null : undefined);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
