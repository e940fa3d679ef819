import { useEffect, useRef } from 'react';
import { markUsable } from '../usable';

/** Marks the page usable (see web/app/usable.ts) the first time `ready` is true. */
export function useMarkUsable(page: string, ready: boolean): void {
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    markUsable(page);
  }, [page, ready]);
}
