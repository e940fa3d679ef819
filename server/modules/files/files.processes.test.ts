import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, postgresSchema, runCli, signInCookie, startServer } from '../../../bench/server-process';
import type { Database } from '../../platform/db/database';
import { makePdf } from '../../test/files';

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
  let shared: Awaited<ReturnType<typeof postgresSchema>> | undefined;
  const servers: BenchServer[] = [];
  let db: Database;
  let cookie: string;

  beforeAll(async () => {
    if (!url) return;
    execFileSync('node', ['scripts/ensure-built.mjs'], { stdio: 'ignore' });
    shared = await postgresSchema(url);
    db = shared.open();
    const first = shared.env();
    runCli(first, 'migrate');
    const password = 'Mat-khau-hai-may-2026';
    runCli(first, 'user', 'create', '--username', 'vanthu', '--full-name', 'Văn thư', '--password', password);
    servers.push(await startServer(first), await startServer(shared.env()));
    cookie = await signInCookie(servers[0]?.url ?? '', 'vanthu', password);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (db) await db.close();
    await shared?.drop();
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
    // (The audit checkpoints each process writes at start are meant to leave the database.)
    for (const dir of shared?.dataDirs ?? [])
      expect(filesUnder(dir).filter((f) => !f.endsWith('.sqlite') && !f.startsWith('audit-checkpoints/'))).toEqual([]);
  });
});
