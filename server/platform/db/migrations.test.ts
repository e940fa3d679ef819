import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../test/harness';
import type { Database } from './database';
import { MIGRATIONS, migrateToLatest } from './migrator';

/** The schema as a stable, engine-specific description: tables, columns, indexes. */
async function describeSchema(database: Database) {
  const db = database.db as unknown as Kysely<unknown>;
  if (database.kind === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
    const result: Record<string, unknown> = {};
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string; type: string; notnull: number; pk: number }>`
        select name, type, "notnull", pk from pragma_table_info(${name}) order by cid`.execute(db);
      const indexes = await sql<{ name: string; unique: number }>`
        select name, "unique" from pragma_index_list(${name}) order by name`.execute(db);
      result[name] = {
        columns: columns.rows.map(
          (c) => `${c.name} ${c.type.toLowerCase()}${c.notnull ? ' not null' : ''}${c.pk ? ' pk' : ''}`,
        ),
        indexes: indexes.rows.map((i) => `${i.name}${i.unique ? ' unique' : ''}`),
      };
    }
    return result;
  }
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const indexes = await sql<{ tablename: string; indexname: string }>`
    select tablename, indexname from pg_indexes where schemaname = current_schema() order by tablename, indexname`.execute(
    db,
  );
  const result: Record<string, { columns: string[]; indexes: string[] }> = {};
  for (const c of columns.rows) {
    result[c.table_name] ??= { columns: [], indexes: [] };
    result[c.table_name]?.columns.push(`${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}`);
  }
  for (const i of indexes.rows) result[i.tablename]?.indexes.push(i.indexname);
  return result;
}

describe.each(testEngines())('migrations (%s)', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('apply one after another from empty, then find nothing left to do', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    const first = await migrateToLatest(db, { kind: engine });
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.name));
    const second = await migrateToLatest(db, { kind: engine });
    expect(second.applied).toEqual([]);
  });

  it('end in the committed schema', async () => {
    const schema = await describeSchema(database);
    await expect(JSON.stringify(schema, null, 2)).toMatchFileSnapshot(`./schema.${engine}.snapshot.json`);
  });

  it('refuse a database from a newer version', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await sql`insert into schema_migrations (name, applied_at) values ('9999_future', '2030-01-01T00:00:00.000Z')`.execute(
      db,
    );
    await expect(migrateToLatest(db, { kind: engine })).rejects.toThrow(/9999_future/);
  });
});
