import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { NotificationsTable } from '../../platform/db/schema';

export async function insertNotifications(trx: Executor, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('notifications').values(rows).execute();
}
