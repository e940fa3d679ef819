import type { z } from 'zod';
import {
  DEFAULT_MUTED,
  type markReadSchema,
  type NotificationSettings,
  type notificationQuerySchema,
} from '../../../common/schemas/notifications';
import { updateVersioned } from '../../platform/db/versioned';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import type { Actor } from '../../platform/security/actor';
import * as repo from './notifications.repository';

export function createNotificationsService(deps: PlatformDeps) {
  const db = deps.database.db;
  const service = {
    async list(actor: Actor, query: z.infer<typeof notificationQuerySchema>) {
      const items = await repo.listNotifications(db, actor.userId, {
        unreadOnly: query.unread === 'true',
        limit: query.limit,
      });
      return { items, unread: await repo.countUnread(db, actor.userId) };
    },
    async unread(actor: Actor) {
      return { unread: await repo.countUnread(db, actor.userId) };
    },
    async settings(actor: Actor): Promise<NotificationSettings> {
      const row = await repo.findSettings(db, actor.userId);
      return {
        email: (row?.email_enabled ?? 1) === 1,
        sms: (row?.sms_enabled ?? 1) === 1,
        quietFrom: row?.quiet_from ?? '21:00',
        quietTo: row?.quiet_to ?? '07:00',
        muted: row ? (JSON.parse(row.muted) as string[]) : [...DEFAULT_MUTED],
        version: row?.version ?? 1,
      };
    },

    async updateSettings(actor: Actor, body: NotificationSettings): Promise<NotificationSettings> {
      const at = deps.clock.now().toISOString();
      const values = {
        email_enabled: body.email ? 1 : 0,
        sms_enabled: body.sms ? 1 : 0,
        quiet_from: body.quietFrom,
        quiet_to: body.quietTo,
        muted: JSON.stringify([...new Set(body.muted)]),
        updated_at: at,
      };
      await deps.transact(async ({ trx }) => {
        const current = await repo.findSettings(trx, actor.userId);
        if (!current) {
          if (body.version !== 1) throw staleVersion('Cài đặt thông báo');
          await repo.insertSettings(trx, { user_id: actor.userId, ...values, version: 2 });
          return;
        }
        const done = await updateVersioned(trx, 'notification_settings', actor.userId, body.version, values, {
          by: 'user_id',
        });
        if (!done) throw staleVersion('Cài đặt thông báo');
      });
      return service.settings(actor);
    },

    /** The caller's own notifications as they went out by e-mail and SMS. */
    async deliveries(actor: Actor) {
      return repo.listDeliveries(db, actor.userId, 50);
    },

    async markRead(actor: Actor, body: z.infer<typeof markReadSchema>) {
      await repo.markRead(db, actor.userId, 'ids' in body ? body.ids : null, deps.clock.now().toISOString());
    },
  };
  return service;
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
