import type { z } from 'zod';
import {
  DEFAULT_MUTED,
  type markReadSchema,
  type NotificationSettings,
  type notificationQuerySchema,
} from '../../../common/schemas/notifications';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import type { Actor } from '../../platform/security/actor';

export function createNotificationsService(deps: PlatformDeps) {
  const db = deps.database.db;
  const unreadOf = async (userId: string) => {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const service = {
    async list(actor: Actor, query: z.infer<typeof notificationQuerySchema>) {
      let q = db
        .selectFrom('notifications')
        .select(['id', 'kind', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'])
        .where('user_id', '=', actor.userId);
      if (query.unread === 'true') q = q.where('read_at', 'is', null);
      const items = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return { items, unread: await unreadOf(actor.userId) };
    },
    async unread(actor: Actor) {
      return { unread: await unreadOf(actor.userId) };
    },
    async settings(actor: Actor): Promise<NotificationSettings> {
      const row = await db
        .selectFrom('notification_settings')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
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
        const current = await trx
          .selectFrom('notification_settings')
          .select('version')
          .where('user_id', '=', actor.userId)
          .executeTakeFirst();
        if (!current) {
          if (body.version !== 1) throw staleVersion('Cài đặt thông báo');
          await trx
            .insertInto('notification_settings')
            .values({ user_id: actor.userId, ...values, version: 2 })
            .execute();
          return;
        }
        const done = await trx
          .updateTable('notification_settings')
          .set({ ...values, version: body.version + 1 })
          .where('user_id', '=', actor.userId)
          .where('version', '=', body.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw staleVersion('Cài đặt thông báo');
      });
      return service.settings(actor);
    },

    /** The caller's own notifications as they went out by e-mail and SMS. */
    async deliveries(actor: Actor) {
      return db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notification_id')
        .select([
          'd.id',
          'd.channel',
          'd.address',
          'd.status',
          'd.segments',
          'd.error',
          'd.updated_at as updatedAt',
          'n.title',
        ])
        .where('d.user_id', '=', actor.userId)
        .orderBy('d.created_at', 'desc')
        .limit(50)
        .execute();
    },

    async markRead(actor: Actor, body: z.infer<typeof markReadSchema>) {
      let q = db
        .updateTable('notifications')
        .set({ read_at: deps.clock.now().toISOString() })
        .where('user_id', '=', actor.userId)
        .where('read_at', 'is', null);
      if ('ids' in body) q = q.where('id', 'in', body.ids);
      await q.execute();
    },
  };
  return service;
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
