import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * The keyed audit chain: each new entry names the key that MACed it (`key_id`; null on the
 * entries written before keys, which only the keyed seal vouches for), and `audit_repairs`
 * holds the proofs that an old entry's hash fails only because the database stored a lone
 * surrogate as U+FFFD. TRUNCATE of the trail (PostgreSQL) and deleting its head row are
 * refused at the database, as updates and deletes of entries already are.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('key_id', 'varchar(16)').execute();

  await db.schema
    .createTable('audit_repairs')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('substitutions', 'text', (c) => c.notNull())
    .addColumn('repaired_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('repaired_by', 'varchar(200)', (c) => c.notNull())
    .execute();

  if (ctx.kind === 'sqlite') {
    await sql`create trigger audit_head_no_delete before delete on audit_head
      begin select raise(abort, 'audit_head cannot be deleted'); end`.execute(db);
    await sql`create trigger audit_repairs_no_update before update on audit_repairs
      begin select raise(abort, 'audit_repairs is append-only'); end`.execute(db);
    await sql`create trigger audit_repairs_no_delete before delete on audit_repairs
      begin select raise(abort, 'audit_repairs is append-only'); end`.execute(db);
  } else {
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
    await sql`create function audit_head_keep() returns trigger language plpgsql as $$
      begin raise exception 'audit_head cannot be deleted'; end $$`.execute(db);
    await sql`create trigger audit_head_no_delete before delete on audit_head
      for each row execute function audit_head_keep()`.execute(db);
    await sql`create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function audit_head_keep()`.execute(db);
    await sql`create function audit_repairs_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_repairs is append-only'; end $$`.execute(db);
    await sql`create trigger audit_repairs_no_change before update or delete on audit_repairs
      for each row execute function audit_repairs_append_only()`.execute(db);
    await sql`create trigger audit_repairs_no_truncate before truncate on audit_repairs
      for each statement execute function audit_repairs_append_only()`.execute(db);
  }
}
