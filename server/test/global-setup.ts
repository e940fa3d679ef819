import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../platform/db/database';
import { migrateToLatest } from '../platform/db/migrator';
import { databaseUrlFor, PG_TEMPLATE_ENV, SQLITE_TEMPLATE_ENV } from './templates';

/**
 * Once per test run: migrates an empty SQLite file and, with TEST_DATABASE_URL, an empty PostgreSQL
 * database. Every test app then starts from a copy of them instead of migrating its own.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-template-'));
  const file = path.join(dir, 'template.sqlite');
  const sqlite = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(sqlite.db as unknown as Kysely<unknown>, { kind: 'sqlite' });
  // Closing the last connection folds the write-ahead log into the file, so the file alone is the database.
  await sqlite.close();
  process.env[SQLITE_TEMPLATE_ENV] = file;

  const url = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `vp_template_${randomBytes(6).toString('hex')}`;
    const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
    try {
      await sql`create database ${sql.id(template)}`.execute(admin.db);
    } finally {
      await admin.close();
    }
    const database = openDatabase({ kind: 'postgres', url: databaseUrlFor(url, template), poolSize: 1 });
    try {
      await migrateToLatest(database.db as unknown as Kysely<unknown>, { kind: 'postgres' });
    } finally {
      await database.close();
    }
    process.env[PG_TEMPLATE_ENV] = template;
  }

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
      try {
        await sql`drop database if exists ${sql.id(template)} with (force)`.execute(admin.db);
      } finally {
        await admin.close();
      }
    }
  };
}
