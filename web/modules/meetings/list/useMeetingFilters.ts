import { useSearchParams } from 'react-router-dom';
import type { MeetingFilters } from '../api/meetings.api';

const KEYS = ['scope', 'q', 'status', 'body', 'from', 'to'] as const;

/**
 * The list filters, the page and the tab live in the address, so a filtered list can be
 * bookmarked and shared. A new filter starts again from the first page.
 */
export function useMeetingFilters() {
  const [params, setParams] = useSearchParams();
  const filters: MeetingFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) (filters as Record<string, string>)[key] = value;
  }
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const tab = params.get('tab') === 'calendar' ? 'calendar' : 'list';
  const month = params.get('month');

  const write = (next: MeetingFilters, nextPage: number, nextTab: string, nextMonth: string | null) => {
    const out = new URLSearchParams();
    for (const key of KEYS) {
      const value = next[key];
      if (value) out.set(key, value);
    }
    if (nextPage > 1) out.set('page', String(nextPage));
    if (nextTab !== 'list') out.set('tab', nextTab);
    if (nextMonth) out.set('month', nextMonth);
    setParams(out, { replace: true });
  };

  return {
    filters,
    page,
    tab,
    /** The calendar's month, "yyyy-mm"; null for this month. */
    month,
    setFilters: (next: MeetingFilters) => write(next, 1, tab, month),
    setPage: (next: number) => write(filters, next, tab, month),
    setTab: (next: 'list' | 'calendar') => write(filters, page, next, month),
    setMonth: (next: string | null) => write(filters, page, tab, next),
  };
}
