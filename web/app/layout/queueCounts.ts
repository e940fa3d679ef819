import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import type { QueueCounts } from '../../../common/schemas/documents';
import { api } from '../api/client';
import { useCurrentUser } from './currentUser';

/** The same key the documents module uses, so any change it makes refreshes the badges too. */
export const queueCountsKey = ['documents', 'queue', 'counts'] as const;

/**
 * The person's document work (to direct, handle, sign, receive...), for the menu badges
 * and the home page. Fetched again on every navigation: cheap, and always current.
 */
/** The counts, as the home page and the menu ask for them (`early`: fetched by the router ahead of the page). */
export function queueCountsQuery(early = false) {
  return {
    queryKey: queueCountsKey,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<QueueCounts>('/api/documents/queue', { signal, redirectOnSessionEnd: !early }),
  };
}

export function useQueueCounts(): QueueCounts | undefined {
  const user = useCurrentUser();
  const enabled = user.sections.includes('incoming') || user.sections.includes('outgoing');
  const client = useQueryClient();
  const { pathname } = useLocation();
  const counts = useQuery({
    ...queueCountsQuery(),
    enabled,
    staleTime: 5_000,
  });
  useEffect(() => {
    if (enabled && pathname) void client.invalidateQueries({ queryKey: queueCountsKey });
  }, [pathname, enabled, client]);
  return counts.data;
}

/** Badge figures per menu section. */
export function sectionBadges(counts: QueueCounts | undefined): Record<string, number> {
  if (!counts) return {};
  return {
    '/incoming': counts.toDirect + counts.toHandle + counts.toCoHandle + counts.toReceive,
    '/outgoing': counts.toSign + counts.toIssue,
    '/documents/queue': counts.overdue,
  };
}
