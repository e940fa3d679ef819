import type { Kysely } from 'kysely';

/**
 * Sign-in attempts are reserved in the database before a password is checked, per
 * address, per account and per account-and-address, so the limit holds under
 * concurrency and across processes. The lock-out columns of `users` go: a lock an
 * attacker could impose on any account is replaced by back-off windows that end by
 * themselves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    // The account a key belongs to, when it names one: an administrator's unlock clears them.
    .addColumn('account_id', 'varchar(64)')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    // Times in milliseconds since the epoch, so both engines compute windows in the one statement.
    .addColumn('window_ends', 'bigint', (c) => c.notNull())
    .addColumn('strikes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('trusted_until', 'bigint')
    .execute();
  await db.schema.createIndex('sign_in_throttles_account_idx').on('sign_in_throttles').column('account_id').execute();
  await db.schema.createIndex('sign_in_throttles_window_idx').on('sign_in_throttles').column('window_ends').execute();
  await db.schema.alterTable('users').dropColumn('failed_count').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
}
