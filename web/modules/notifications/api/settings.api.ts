import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryList, NotificationSettings } from '../../../../common/schemas/notifications';
import { api } from '../../../app/api/client';
import { notificationKeys } from './notifications.api';

export const settingsKeys = {
  settings: [...notificationKeys.root, 'settings'] as const,
  deliveries: [...notificationKeys.root, 'deliveries'] as const,
};

export type DeliveryChannel = 'email' | 'sms';
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'skipped';

/** `channel` is a DeliveryChannel and `status` a DeliveryStatus, typed as text so a new one still shows. */
export type Delivery = DeliveryList['items'][number];

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
    queryFn: ({ signal }) => api.get<DeliveryList>('/api/notifications/deliveries', { signal }),
    select: (data) => data.items,
  });
}
