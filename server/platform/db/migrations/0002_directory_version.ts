import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/** Tables whose every change moves the directory's version on. */
export const DIRECTORY_TABLES = [
  'organizations',
  'people',
  'memberships',
  'distribution_groups',
  'group_members',
] as const;

/**
 * A counter that triggers move on every change to the directory, so readers
 * can keep directory lists in memory and know, with one indexed read, whether
 * they are still current: in this process or another sharing the database.
 * Triggers rather than code, so no write path can forget it.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('directory_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into directory_state (id, version) values (1, 0)`.execute(db);

  if (ctx.kind === 'sqlite') {
    for (const table of DIRECTORY_TABLES) {
      for (const op of ['insert', 'update', 'delete']) {
        await sql
          .raw(
            `create trigger ${table}_${op}_directory_version after ${op} on ${table}
             begin update directory_state set version = version + 1 where id = 1; end`,
          )
          .execute(db);
      }
    }
    return;
  }
  await sql`create function bump_directory_version() returns trigger language plpgsql as $$
    begin update directory_state set version = version + 1 where id = 1; return null; end $$`.execute(db);
  for (const table of DIRECTORY_TABLES) {
    await sql
      .raw(
        `create trigger ${table}_directory_version after insert or update or delete on ${table}
         for each statement execute function bump_directory_version()`,
      )
      .execute(db);
  }
}
