import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../../common/schemas/notifications';
import { api } from '../../../app/api/client';

/** How often the bell asks for the unread count; server-sent events will replace this. */
const POLL_MS = 30_000;
/** The panel lists the newest ones only; older news has done its work. */
export const PANEL_LIMIT = 20;

const root = ['notifications'] as const;
export const notificationKeys = {
  root,
  unread: [...root, 'unread'] as const,
  latest: [...root, 'latest'] as const,
};

export interface NotificationList {
  items: Notification[];
  unread: number;
}

/** The unread count for the bell: every 30 seconds while the tab is visible, and on returning to it. */
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
