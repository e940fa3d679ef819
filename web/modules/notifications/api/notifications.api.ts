import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Notification, NotificationList } from '../../../../common/schemas/notifications';
import { api } from '../../../app/api/client';

/** The count comes live over server-sent events; this slow poll only covers a stream that cannot stay open. */
const POLL_MS = 5 * 60_000;
/** The panel lists the newest ones only; older news has done its work. */
export const PANEL_LIMIT = 20;

const root = ['notifications'] as const;
export const notificationKeys = {
  root,
  unread: [...root, 'unread'] as const,
  latest: [...root, 'latest'] as const,
};

export type { NotificationList };

/**
 * Keeps the bell's count live: the server pushes the unread count whenever it changes; an open
 * list is fetched again so the new item shows. The browser reconnects on its own after a cut.
 */
export function useLiveUnread() {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('unread', (event) => {
      const { unread } = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
      const before = client.getQueryData<{ unread: number }>(notificationKeys.unread)?.unread;
      client.setQueryData(notificationKeys.unread, { unread });
      if (before !== undefined && before !== unread)
        void client.invalidateQueries({ queryKey: notificationKeys.latest });
    });
    return () => source.close();
  }, [client]);
}

/** The unread count for the bell: pushed live, asked for on returning to the tab. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/notifications/unread', { signal }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
    select: (data) => data.unread,
  });
}

/** The newest notifications, read and unread, fetched while the panel is open. */
export function useLatestNotifications(enabled: boolean) {
  const client = useQueryClient();
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: async ({ signal }) => {
      const list = await api.get<NotificationList>('/api/notifications', {
        query: { limit: PANEL_LIMIT },
        signal,
      });
      // The list carries the count too: the bell shows the same figure at once.
      client.setQueryData(notificationKeys.unread, { unread: list.unread });
      return list;
    },
    enabled,
    staleTime: 0,
  });
}

/** Marks some notifications, or all of them, read; the list and the bell follow at once. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => api.post<null>('/api/notifications/read', body),
    onMutate: (body) => {
      const readAt = new Date().toISOString();
      const list = client.getQueryData<NotificationList>(notificationKeys.latest);
      if (!list) return;
      const marks = (n: Notification) => n.readAt === null && ('all' in body || body.ids.includes(n.id));
      const newlyRead = list.items.filter(marks).length;
      client.setQueryData<NotificationList>(notificationKeys.latest, {
        items: list.items.map((n) => (marks(n) ? { ...n, readAt } : n)),
        unread: 'all' in body ? 0 : Math.max(0, list.unread - newlyRead),
      });
      client.setQueryData(notificationKeys.unread, {
        unread: 'all' in body ? 0 : Math.max(0, list.unread - newlyRead),
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}
