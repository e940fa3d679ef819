import { useSearchParams } from 'react-router-dom';
import type { DocumentFilters } from '../api/documents.api';

const KEYS = ['q', 'registerId', 'from', 'to', 'typeCode', 'urgency', 'secrecy', 'status', 'overdue', 'sort'] as const;

/** The filters and page an address asks for (also read by the router to fetch the first rows early). */
export function filtersFromParams(params: URLSearchParams): { filters: DocumentFilters; page: number } {
  const filters: DocumentFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) (filters as Record<string, string>)[key] = value;
  }
  return { filters, page: Math.max(1, Number(params.get('page') ?? '1') || 1) };
}

/**
 * The list filters live in the address, so a filtered list can be bookmarked, shared,
 * exported and printed as shown. A new filter starts again from the first page.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const { filters, page } = filtersFromParams(params);
  const tab = params.get('tab');

  const write = (next: DocumentFilters, nextPage: number, nextTab: string | null) => {
    const out = new URLSearchParams();
    for (const key of KEYS) {
      const value = next[key];
      if (value) out.set(key, value);
    }
    if (nextPage > 1) out.set('page', String(nextPage));
    if (nextTab) out.set('tab', nextTab);
    setParams(out, { replace: true });
  };

  return {
    filters,
    page,
    tab,
    setFilters: (next: DocumentFilters) => write(next, 1, tab),
    setPage: (next: number) => write(filters, next, tab),
    setTab: (next: string | null) => write(filters, page, next),
  };
}
