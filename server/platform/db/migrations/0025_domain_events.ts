import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * Every domain event, written by the transaction that made the change: what happened, when,
 * and its payload as JSON. Subscribers run in that transaction or as jobs queued in it; the
 * rows are the record that the exchange with other offices will read from.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('domain_events')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(100)', (c) => c.notNull())
    .addColumn('occurred_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('domain_events_kind_idx').on('domain_events').columns(['kind', 'occurred_at']).execute();
}
