import type { z } from 'zod';
import type { NotificationKind } from '../../../common/meetings';
import {
  DEFAULT_MUTED,
  type markReadSchema,
  type NotificationSettings,
  type notificationQuerySchema,
} from '../../../common/schemas/notifications';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { enqueue } from '../../platform/jobs/jobs';
import type { Actor } from '../../platform/security/actor';
import { DELIVER } from './delivery';

export interface NotificationWrite {
  /** One of the kinds listed once for the whole product; the settings page and the tests walk that list. */
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** News of something secret: e-mail and SMS will say only that there is news. */
  sensitive?: boolean;
}

/**
 * Records one notification per recipient inside the caller's transaction, so the change
 * and the news of it commit together. Duplicate recipients are notified once.
 */
export async function notify(trx: Executor, userIds: Iterable<string | null>, n: NotificationWrite, at: string) {
  const ids = [...new Set([...userIds].filter((id): id is string => !!id))];
  const when = new Date(at);
  for (let i = 0; i < ids.length; i += 200) {
    const rows = ids.slice(i, i + 200).map((user_id) => ({ user_id, id: newId(when.getTime()) }));
    await trx
      .insertInto('notifications')
      .values(
        rows.map(({ user_id, id }) => ({
          id,
          user_id,
          kind: n.kind,
          title: n.title.slice(0, 500),
          body: n.body?.slice(0, 2000) ?? null,
          link: n.link ?? null,
          entity_type: n.entityType ?? null,
          entity_id: n.entityId ?? null,
          created_at: at,
          read_at: null,
          sensitive: n.sensitive ? 1 : 0,
        })),
      )
      .execute();
    // After commit, a job per person takes the news further (e-mail, SMS) as their settings say.
    for (const { id } of rows) {
      await enqueue(trx, { kind: DELIVER, key: `notify:${id}`, payload: { notificationId: id } }, when);
    }
  }
  return ids.length;
}

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
