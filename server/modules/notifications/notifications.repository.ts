import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { NotificationsTable } from '../../platform/db/schema';

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
