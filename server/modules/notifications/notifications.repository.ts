import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type {
  NotificationDeliveriesTable,
  NotificationSettingsTable,
  NotificationsTable,
} from './notifications.tables';

export async function insertNotifications(trx: Executor, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('notifications').values(rows).execute();
}

/** Removes the news about a thing that no longer exists (a deleted draft). */
export async function deleteNotificationsAbout(trx: Executor, entityType: string, entityId: string): Promise<void> {
  await trx
    .deleteFrom('notifications')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
}

export async function countUnread(ex: Executor, userId: string): Promise<number> {
  const row = await ex
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The unread count of each of these people who has any. */
export async function countUnreadOf(ex: Executor, userIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await ex
      .selectFrom('notifications')
      .select((eb) => ['user_id', eb.fn.countAll<number>().as('n')])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .where('read_at', 'is', null)
      .groupBy('user_id')
      .execute();
    for (const r of rows) counts.set(r.user_id, Number(r.n));
  }
  return counts;
}

export function listNotifications(ex: Executor, userId: string, options: { unreadOnly: boolean; limit: number }) {
  let q = ex
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'])
    .where('user_id', '=', userId);
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** Marks read a person's unread notifications: these ones, or all of them. */
export async function markRead(ex: Executor, userId: string, ids: string[] | null, at: string): Promise<void> {
  let q = ex
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids);
  await q.execute();
}

export function findSettings(ex: Executor, userId: string) {
  return ex.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function insertSettings(ex: Executor, row: Insertable<NotificationSettingsTable>): Promise<void> {
  await ex.insertInto('notification_settings').values(row).execute();
}

/** A person's notifications as they went out by e-mail and SMS, newest first. */
export function listDeliveries(ex: Executor, userId: string, limit: number) {
  return ex
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
    .where('d.user_id', '=', userId)
    .orderBy('d.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** A notification with its person's addresses and settings: what decides its channels. */
export function findForDelivery(ex: Executor, notificationId: string) {
  return ex
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select([
      'n.id',
      'n.kind',
      'n.user_id',
      'u.email as user_email',
      'u.disabled',
      'p.email as person_email',
      'p.phone',
      's.email_enabled',
      's.sms_enabled',
      's.quiet_from',
      's.quiet_to',
      's.muted',
    ])
    .where('n.id', '=', notificationId)
    .executeTakeFirst();
}

/** A delivery with the words of its notification. */
export function findDelivery(ex: Executor, deliveryId: string) {
  return ex
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'd.status', 'd.address', 'd.notification_id', 'n.title', 'n.body', 'n.link', 'n.sensitive'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

/** Records a channel's delivery once: false when the notification already has one on that channel. */
export async function insertDelivery(ex: Executor, row: Insertable<NotificationDeliveriesTable>): Promise<boolean> {
  const inserted = await ex
    .insertInto('notification_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['notification_id', 'channel']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateDelivery(
  ex: Executor,
  id: string,
  patch: Updateable<NotificationDeliveriesTable>,
): Promise<void> {
  await ex.updateTable('notification_deliveries').set(patch).where('id', '=', id).execute();
}

/** The SMS provider's report on one of its messages. */
export async function updateSmsDeliveryByProviderId(
  ex: Executor,
  providerId: string,
  patch: Updateable<NotificationDeliveriesTable>,
): Promise<void> {
  await ex
    .updateTable('notification_deliveries')
    .set(patch)
    .where('channel', '=', 'sms')
    .where('provider_id', '=', providerId)
    .execute();
}
