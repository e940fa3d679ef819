import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings } from '../../../../common/schemas/notifications';
import { api } from '../../../app/api/client';
import { notificationKeys } from './notifications.api';

export const settingsKeys = {
  settings: [...notificationKeys.root, 'settings'] as const,
  deliveries: [...notificationKeys.root, 'deliveries'] as const,
};

export type DeliveryChannel = 'email' | 'sms';
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'skipped';

export interface Delivery {
  id: string;
  channel: DeliveryChannel | string;
  address: string | null;
  status: DeliveryStatus | string;
  segments: number | null;
  error: string | null;
  updatedAt: string;
  title: string;
}

/** The person's own e-mail and SMS settings. */
export function useNotificationSettings() {
  return useQuery({
    queryKey: settingsKeys.settings,
    queryFn: ({ signal }) => api.get<NotificationSettings>('/api/notifications/settings', { signal }),
    refetchOnWindowFocus: false,
  });
}

/** Saves the settings; the answer (with its new version) becomes the cached copy. */
export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => api.put<NotificationSettings>('/api/notifications/settings', body),
    onSuccess: (saved) => {
      client.setQueryData(settingsKeys.settings, saved);
      client.invalidateQueries({ queryKey: settingsKeys.deliveries });
    },
  });
}

/** The last 50 e-mails and SMS sent to the person, newest first. */
export function useDeliveries() {
  return useQuery({
    queryKey: settingsKeys.deliveries,
    queryFn: ({ signal }) => api.get<{ items: Delivery[] }>('/api/notifications/deliveries', { signal }),
    select: (data) => data.items,
  });
}
