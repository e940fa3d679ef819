import type { Kysely } from 'kysely';

/** Reminders (due tomorrow, overdue, a meeting tomorrow, a meeting this morning) are sent once: their keys are kept. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminders_sent')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('sent_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}
