import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResponse } from '../../../common/schemas/search';
import { api } from '../../app/api/client';

export const SEARCH_MIN_LENGTH = 2;

/** The groups for `q`, once it is long enough to ask. */
export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    queryFn: ({ signal }) => api.get<SearchResponse>('/api/search', { query: { q: text, limit: 5 }, signal }),
    enabled: text.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
