import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, runCli, signInCookie, startServer } from '../../../bench/server-process';
import { openDatabase } from '../../platform/db/database';

/**
 * The built server killed outright (SIGKILL) while clerks are registering: after a restart
 * every document in the register is whole (its arrival number, its trail entry, its audit
 * record), the numbers run without a gap, and the next registration takes the next number.
 */
describe('a crash during registration (SQLite, the built server)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-crash-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_MODE: 'false' };
  const main = path.resolve('dist/server/main.mjs');
  const password = 'Mat-khau-sap-may-2026';
  let server: BenchServer | null = null;

  beforeAll(() => {
    execFileSync('node', ['scripts/ensure-built.mjs'], { stdio: 'ignore' });
    runCli(env, 'seed-demo');
    runCli(
      env,
      'user',
      'create',
      '--username',
      'vanthusap',
      '--full-name',
      'Văn thư',
      '--password',
      password,
      '--role',
      'HUDV:clerk',
    );
  }, 300_000);

  afterAll(async () => {
    if (server && server.process.exitCode === null) await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const register = async (s: BenchServer, cookie: string, registerId: string, n: number) =>
    fetch(`${s.url}/api/documents/incoming`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({
        registerId,
        issuerName: 'Tỉnh ủy Hà Giang',
        numberText: `${n}-CV/TU`,
        issueDate: '2026-11-20',
        typeCode: 'CV',
        summary: `Văn bản trước sự cố ${n}`,
      }),
    }).then(
      (r) => r.status,
      () => 0,
    );

  it('leaves each document whole or absent, and numbering goes on without a gap', async () => {
    const file = path.join(dataDir, 'vanphong.sqlite');
    const peek = openDatabase({ kind: 'sqlite', file });
    const { id: registerId } = await peek.db
      .selectFrom('registers')
      .innerJoin('organizations', 'organizations.id', 'registers.organization_id')
      .select('registers.id')
      .where('organizations.code', '=', 'HUDV')
      .where('registers.direction', '=', 'incoming')
      .where('registers.secret', '=', 0)
      .executeTakeFirstOrThrow();
    await peek.close();

    server = await startServer(env);
    const cookie = await signInCookie(server.url, 'vanthusap', password);
    const running = server;
    // Eight clients keep registering; the process is killed while they do.
    let n = 0;
    let stop = false;
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop) await register(running, cookie, registerId, ++n);
    });
    await new Promise((r) => setTimeout(r, 1500));
    running.process.kill('SIGKILL');
    await new Promise((r) => running.process.once('exit', r));
    stop = true;
    await Promise.all(clients);

    server = await startServer(env);
    const after = await signInCookie(server.url, 'vanthusap', password);
    expect(await register(server, after, registerId, 999_999)).toBe(201);
    await server.stop();

    const db = openDatabase({ kind: 'sqlite', file });
    const docs = await db.db
      .selectFrom('documents')
      .select(['id', 'arrival_number'])
      .where('register_id', '=', registerId)
      .execute();
    const numbers = docs.map((d) => Number(d.arrival_number)).sort((a, b) => a - b);
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const ids = docs.map((d) => d.id);
    const trail = await db.db
      .selectFrom('document_events')
      .select('document_id')
      .where('document_id', 'in', ids)
      .where('kind', '=', 'registered')
      .execute();
    const audited = await db.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('entity_id', 'in', ids)
      .where('action', '=', 'document.register')
      .execute();
    expect(new Set(trail.map((t) => t.document_id)).size).toBe(ids.length);
    expect(new Set(audited.map((a) => a.entity_id)).size).toBe(ids.length);
    await db.close();
    // The audit chain survived the crash intact.
    const verify = execFileSync('node', [main, 'audit', 'verify'], { env, encoding: 'utf8' });
    expect(verify).toMatch(/không có bản ghi nào bị sửa hay xóa/);
  }, 120_000);
});
