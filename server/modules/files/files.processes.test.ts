import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, signInCookie, startServer } from '../../../bench/server-process';
import { type Database, openDatabase } from '../../platform/db/database';
import { makePdf } from '../../platform/files/test-support';

const url = process.env.TEST_DATABASE_URL;

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/**
 * Two server processes (the built product, as deployed) on one PostgreSQL
 * database, each with its own data directory: a file sent to one is served by
 * the other, because on PostgreSQL the bytes are kept in the database.
 */
describe.skipIf(!url)('two server processes sharing one PostgreSQL database', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const dirs: string[] = [];
  const servers: BenchServer[] = [];
  let db: Database;
  let cookie: string;

  beforeAll(async () => {
    if (!url) return;
    execFileSync('node', ['scripts/ensure-built.mjs'], { stdio: 'ignore' });
    const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    db = openDatabase({ kind: 'postgres', url, schema, poolSize: 1 });

    const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const envFor = () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-proc-'));
      dirs.push(dataDir);
      return { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_MODE: 'false' };
    };
    const first = envFor();
    const main = path.resolve('dist/server/main.mjs');
    execFileSync('node', [main, 'migrate'], { env: first, stdio: 'ignore' });
    const password = 'Mat-khau-hai-may-2026';
    execFileSync(
      'node',
      [main, 'user', 'create', '--username', 'vanthu', '--full-name', 'Văn thư', '--password', password],
      { env: first, stdio: 'ignore' },
    );
    servers.push(await startServer(first), await startServer(envFor()));
    cookie = await signInCookie(servers[0]?.url ?? '', 'vanthu', password);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (db) await db.close();
    if (url) {
      const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    }
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = async (server: BenchServer, bytes: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
    const res = await fetch(`${server.url}/api/files`, { method: 'POST', headers: { cookie }, body: form });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; sha256: string; fileName: string };
  };

  it('serves from the second process a file sent to the first, and keeps it once', async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('servers did not start');
    const pdf = makePdf('Nghị quyết Đảng ủy Đồng Văn');
    const sent = await send(a, pdf, 'Nghị quyết số 05.pdf');
    expect(sent.fileName).toBe('Nghị quyết số 05.pdf');

    const got = await fetch(`${b.url}/api/files/${sent.id}`, { headers: { cookie } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt");
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);

    // The same bytes sent to the second process are the same blob.
    const again = await send(b, pdf, 'bản sao.pdf');
    expect(again.sha256).toBe(sent.sha256);
    const blobs = await db.db.selectFrom('blobs').select(['sha256', 'text_content']).execute();
    expect(blobs).toEqual([{ sha256: sent.sha256, text_content: 'nghi quyet dang uy dong van' }]);
    // Neither process kept the bytes in its own directory, nor left a temporary file.
    for (const dir of dirs) expect(filesUnder(dir).filter((f) => !f.endsWith('.sqlite'))).toEqual([]);
  });
});
