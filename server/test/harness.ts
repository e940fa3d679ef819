import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { createApp, type VanPhong } from '../app';
import type { Clock } from '../platform/clock';
import { type Config, loadConfig } from '../platform/config/config';
import { type Database, type DatabaseKind, openDatabase, type QueryListener } from '../platform/db/database';
import { databaseUrlFor, PG_TEMPLATE_ENV, SQLITE_TEMPLATE_ENV } from './templates';

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set. */
export function testEngines(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A movable clock for expiry and lockout tests. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-25T02:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A fresh, empty database of the given engine: a temporary SQLite file, or a
 * new PostgreSQL schema dropped when the test closes it.
 */
export async function createTestDatabase(kind: DatabaseKind, onQuery?: QueryListener): Promise<Database> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-test-'));
    const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'test.sqlite'), onQuery });
    return {
      ...database,
      close: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const database = openDatabase({ kind: 'postgres', url, schema, poolSize: 5, onQuery });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = openDatabase({ kind: 'postgres', url, poolSize: 1 });
      await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
      await cleanup.close();
    },
  };
}

/**
 * A fresh database of the given engine already migrated to the latest version: a copy of the run's
 * template (see global-setup.ts), its own file or its own PostgreSQL database, dropped when the test
 * closes it. Outside a test run (no template announced) an empty one, which createApp migrates.
 */
export async function createMigratedTestDatabase(kind: DatabaseKind, onQuery?: QueryListener): Promise<Database> {
  if (kind === 'sqlite') {
    const template = process.env[SQLITE_TEMPLATE_ENV];
    if (!template) return createTestDatabase(kind, onQuery);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-test-'));
    const file = path.join(dir, 'test.sqlite');
    fs.copyFileSync(template, file);
    const database = openDatabase({ kind: 'sqlite', file, onQuery });
    return {
      ...database,
      close: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = process.env[PG_TEMPLATE_ENV];
  if (!url || !template) return createTestDatabase(kind, onQuery);
  const name = `vp_test_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin.db);
  } finally {
    await admin.close();
  }
  const database = openDatabase({ kind: 'postgres', url: databaseUrlFor(url, name), poolSize: 5, onQuery });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = openDatabase({ kind: 'postgres', url, poolSize: 1 });
      try {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup.db);
      } finally {
        await cleanup.close();
      }
    },
  };
}

export interface TestDepsOverrides {
  env?: Record<string, string>;
  clock?: Clock;
  webRoot?: string | null;
  /** Told every statement the app runs, BEGIN and COMMIT included. */
  onQuery?: QueryListener;
}

/**
 * log2 of scrypt's N for the passwords tests make: cheap, so building users costs nothing. Hashes keep
 * their parameters, and sign-in checks an unknown name against the production-cost stand-in hash.
 */
export const TEST_PASSWORD_HASH_COST = '10';

/**
 * Each test app gets its own random audit key, so no test leans on a key file. A test that starts
 * with real settings (production, a public address) gets the production password cost they demand.
 */
export function testConfig(env: Record<string, string> = {}): Config {
  const real = (env.NODE_ENV ?? 'test') !== 'test' || env.PUBLIC_URL !== undefined;
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_MODE: 'false',
    ...(real ? {} : { PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST }),
    AUDIT_KEY: randomBytes(32).toString('hex'),
    ...env,
  });
}

export interface TestApp extends VanPhong {
  kind: DatabaseKind;
  clock: Clock;
}

/** The same app production runs, on a fresh database; close it in afterAll/afterEach. */
export async function createTestApp(kind: DatabaseKind, overrides: TestDepsOverrides = {}): Promise<TestApp> {
  const database = await createMigratedTestDatabase(kind, overrides.onQuery);
  const clock = overrides.clock ?? new TestClock();
  // Audit checkpoint files go to a folder of the test's own, never into the working tree.
  const checkpoints = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-checkpoints-'));
  const vanphong = await createApp({
    config: testConfig({ AUDIT_CHECKPOINT_DIR: checkpoints, ...overrides.env }),
    database,
    clock,
    logger: pino({ level: 'silent' }),
    webRoot: overrides.webRoot ?? null,
  });
  return {
    ...vanphong,
    kind,
    clock,
    close: async () => {
      await vanphong.close();
      await database.close();
      fs.rmSync(checkpoints, { recursive: true, force: true });
    },
  };
}
