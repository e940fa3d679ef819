import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../../common/schemas/auth';
import { createApp, type VanPhong } from '../../app';
import { ConfigError, loadConfig } from '../../platform/config/config';
import type { Database } from '../../platform/db/database';
import { createTestDatabase, TestClock, testConfig, testEngines } from '../../test/harness';
import { type DemoSeedResult, seedDemo } from './demo.service';
import { DEMO_SECRET_FILE } from './demo-secret.service';

const REMOTE = '10.1.2.3';

/** Every text column of every table, as the engine reports them. */
async function textColumns(database: Database): Promise<{ table: string; column: string }[]> {
  const db = database.db as unknown as Kysely<unknown>;
  if (database.kind === 'sqlite') {
    const rows = await sql<{ table: string; column: string }>`
      select m.name as "table", c.name as "column" from sqlite_master m, pragma_table_info(m.name) c
      where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like '%_fts%'
        and (lower(c.type) like '%char%' or lower(c.type) like '%text%' or lower(c.type) like '%clob%')`.execute(db);
    return rows.rows;
  }
  const rows = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'character', 'jsonb', 'json')`.execute(
    db,
  );
  return rows.rows;
}

describe.each(testEngines())('demo passwords only for the machine itself (%s)', (engine) => {
  let database: Database;
  let dataDir: string;
  let demoApp: VanPhong;
  let demo: DemoSeedResult;
  const opened: VanPhong[] = [];

  /** Another server process on the same database, with other settings. */
  // Every server on one database shares the audit key the trail is keyed with.
  const auditKey = randomBytes(32).toString('hex');
  const serverWith = async (env: Record<string, string>, overrides: { demoMode?: boolean } = {}) => {
    const config = { ...testConfig({ DATA_DIR: dataDir, AUDIT_KEY: auditKey, ...env }), ...overrides };
    const app = await createApp({ config, database, clock: new TestClock(), logger: pino({ level: 'silent' }) });
    opened.push(app);
    return app;
  };
  const configOf = async (
    app: VanPhong,
    options: { remoteAddress?: string; headers?: Record<string, string> } = {},
  ): Promise<AuthConfig> => {
    const res = await app.app.inject({ url: '/api/auth/config', ...options });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const passwordsIn = (config: AuthConfig) => config.demoAccounts.filter((a) => a.password !== undefined);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-demo-'));
    demoApp = await serverWith({ DEMO_MODE: 'true' });
    demo = await seedDemo(demoApp.deps, demoApp.services);
  });
  afterAll(async () => {
    for (const app of opened) await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives a browser on the same machine the passwords, and each one signs in', async () => {
    const config = await configOf(demoApp);
    expect(config.demoMode).toBe(true);
    expect(config.demoAccounts).toHaveLength(8);
    for (const account of config.demoAccounts) {
      expect(account.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(account.password).toBe(demo.accounts.find((a) => a.username === account.username)?.password);
    }
    const admin = config.demoAccounts.find((a) => a.username === 'quantri');
    const res = await demoApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: 'quantri', password: admin?.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.roles.map((r: { role: string }) => r.role)).toContain('admin');
    // Also over IPv6 loopback and IPv4-mapped loopback.
    expect(passwordsIn(await configOf(demoApp, { remoteAddress: '::1' }))).toHaveLength(8);
    expect(passwordsIn(await configOf(demoApp, { remoteAddress: '::ffff:127.0.0.1' }))).toHaveLength(8);
  });

  it('gives an anonymous caller on the network the account names only', async () => {
    const config = await configOf(demoApp, { remoteAddress: REMOTE });
    expect(config.demoMode).toBe(true);
    expect(config.demoAccounts.map((a) => a.username)).toContain('quantri');
    expect(passwordsIn(config)).toEqual([]);
    const res = await demoApp.app.inject({ url: '/api/auth/config', remoteAddress: REMOTE });
    for (const account of demo.accounts) expect(res.body).not.toContain(account.password);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('gives nothing to a caller that came through a proxy on the same machine or named another host', async () => {
    const proxied: Record<string, string>[] = [
      { 'x-forwarded-for': '10.1.2.3' },
      { forwarded: 'for=10.1.2.3' },
      { 'x-real-ip': '10.1.2.3' },
      { via: '1.1 nginx' },
      { 'x-forwarded-host': 'vanphong.xa.vn' },
      // A page elsewhere whose name was rebound to 127.0.0.1, or a proxy passing the public name.
      { host: 'vanphong.xa.vn' },
      { host: 'localhost:3000', origin: 'http://evil.example' },
    ];
    for (const headers of proxied) {
      const config = await configOf(demoApp, { headers });
      expect(passwordsIn(config), JSON.stringify(headers)).toEqual([]);
    }
    // Even trusting a proxy, the forwarded address never counts as the machine itself.
    const trusting = await serverWith({ DEMO_MODE: 'true', TRUST_PROXY: '127.0.0.1' });
    expect(
      passwordsIn(await configOf(trusting, { remoteAddress: REMOTE, headers: { 'x-forwarded-for': '127.0.0.1' } })),
    ).toEqual([]);
    expect(passwordsIn(await configOf(trusting, { headers: { 'x-forwarded-for': '127.0.0.1' } }))).toEqual([]);
  });

  it('shows no demo credentials to anyone with production settings, loopback included', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production' }).demoMode).toBe(false);
    const production = await serverWith({ NODE_ENV: 'production' });
    expect(await configOf(production)).toEqual({
      demoMode: false,
      organizationName: 'Huyện ủy Đồng Văn',
      demoAccounts: [],
    });
    // A configuration built past the check still shows nothing.
    const forced = await serverWith({ NODE_ENV: 'production' }, { demoMode: true });
    expect((await configOf(forced)).demoAccounts).toEqual([]);
  });

  it('shows no demo credentials to anyone once PUBLIC_URL is set, loopback included', async () => {
    expect(() => loadConfig({ PUBLIC_URL: 'https://vanphong.xa.vn', DEMO_MODE: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ PUBLIC_URL: 'https://vanphong.xa.vn' }).demoMode).toBe(false);
    const published = await serverWith({ PUBLIC_URL: 'http://localhost:3000' });
    expect((await configOf(published)).demoAccounts).toEqual([]);
    const forced = await serverWith({ PUBLIC_URL: 'http://localhost:3000' }, { demoMode: true });
    expect((await configOf(forced)).demoAccounts).toEqual([]);
  });

  it('outside demo mode the sign-in page lists no demo account', async () => {
    const off = await serverWith({ DEMO_MODE: 'false' });
    expect(await configOf(off)).toMatchObject({ demoMode: false, demoAccounts: [] });
  });

  it('a machine without the secret the passwords come from shows none, even on loopback', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-demo-other-'));
    try {
      const other = await serverWith({ DEMO_MODE: 'true', DATA_DIR: elsewhere });
      expect(passwordsIn(await configOf(other))).toEqual([]);
      fs.writeFileSync(path.join(elsewhere, DEMO_SECRET_FILE), `${'ab'.repeat(32)}\n`);
      expect(passwordsIn(await configOf(other))).toEqual([]);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('keeps the secret in a file only its owner reads, and no demo password anywhere in the database', async () => {
    const stat = fs.statSync(path.join(dataDir, DEMO_SECRET_FILE));
    expect(stat.mode & 0o777).toBe(0o600);
    const db = database.db as unknown as Kysely<unknown>;
    const columns = await textColumns(database);
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining(['users.password_hash', 'users.username', 'app_meta.value']),
    );
    for (const account of demo.accounts) {
      for (const { table, column } of columns) {
        const found = await sql<{ n: number | string }>`
          select count(*) as n from ${sql.table(table)}
          where cast(${sql.ref(column)} as text) like ${`%${account.password}%`}`.execute(db);
        expect(Number(found.rows[0]?.n), `${account.username} in ${table}.${column}`).toBe(0);
      }
    }
  });
});
