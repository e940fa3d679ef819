import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * A reply sent again from a phone's offline queue (the answer to the first send was lost)
 * carries the same key: one row per person and key makes the repeat a no-op.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('meeting_reply_keys')
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    .addColumn('meeting_id', 'varchar(64)', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_reply_keys_pk', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('meeting_reply_keys_meeting_idx').on('meeting_reply_keys').column('meeting_id').execute();
}
