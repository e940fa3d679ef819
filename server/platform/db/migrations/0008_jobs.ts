import type { Kysely } from 'kysely';

/**
 * The durable job queue: work that leaves the process (e-mail, SMS) is written here in the
 * transaction of the change that causes it and done after commit by the job runner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    // The same key enqueued twice is one job; handlers hand it on to providers as their own dedup key.
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn(...time('run_at'), (c) => c.notNull())
    .addColumn(...time('locked_until'))
    .addColumn('locked_by', 'varchar(100)')
    .addColumn('last_error', 'varchar(2000)')
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .addColumn(...time('done_at'))
    .execute();
  await db.schema.createIndex('jobs_status_run_at_idx').on('jobs').columns(['status', 'run_at']).execute();
}
