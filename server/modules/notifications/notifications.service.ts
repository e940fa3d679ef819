import type { z } from 'zod';
import type { markReadSchema, notificationQuerySchema } from '../../../common/schemas/notifications';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { newId } from '../../platform/ids';
import type { Actor } from '../../platform/security/actor';

export interface NotificationWrite {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
}

/**
 * Records one notification per recipient inside the caller's transaction, so the change
 * and the news of it commit together. Duplicate recipients are notified once.
 */
export async function notify(trx: Executor, userIds: Iterable<string | null>, n: NotificationWrite, at: string) {
  const ids = [...new Set([...userIds].filter((id): id is string => !!id))];
  for (let i = 0; i < ids.length; i += 200) {
    await trx
      .insertInto('notifications')
      .values(
        ids.slice(i, i + 200).map((user_id) => ({
          id: newId(),
          user_id,
          kind: n.kind,
          title: n.title.slice(0, 500),
          body: n.body?.slice(0, 2000) ?? null,
          link: n.link ?? null,
          entity_type: n.entityType ?? null,
          entity_id: n.entityId ?? null,
          created_at: at,
          read_at: null,
        })),
      )
      .execute();
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
  return {
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
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
