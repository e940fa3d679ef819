import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../../../bench/exchange-deployment';
import { openDatabase } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import { makeOffice, ok } from '../../test/documents';
import { addOutside, addPeer, issueTo, jobsOf, SHARED_SECRET, setNationalId, wireOf } from '../../test/exchange';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { signedHeaders } from './peer-signature.rules';

/** The receiving server run from source in its own process, so it can be killed outright. */
const SERVER = ['--import', 'tsx', path.resolve('server/main.ts')];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function startReceiver(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('node', [...SERVER, 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() - started > 60_000) throw new Error('server did not start');
    const ready = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const filesIn = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : [];

async function until(check: () => boolean, ms = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) return false;
    await new Promise((r) => setTimeout(r, 1));
  }
  return true;
}

/**
 * The receiving deployment killed (SIGKILL) while a package comes in: half its body sent, then
 * the whole body sent and the server storing it. After a restart the sender's retry delivers it
 * exactly once, and no delivery exists without its document and its files.
 */
describe.each(testEngines())('a crash while a package is received (%s, the server run from source)', (engine) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-exchange-crash-'));
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-exchange-sender-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'false',
    EXCHANGE_NODE: 'may-b',
  };
  delete env.DATABASE_URL;
  const file = path.join(dataDir, 'vanphong.sqlite');
  let pg: Awaited<ReturnType<typeof freshPostgresDatabase>> | null = null;
  /** B's database, opened beside the server. */
  const openB = () =>
    pg ? openDatabase({ kind: 'postgres', url: pg.url, poolSize: 1 }) : openDatabase({ kind: 'sqlite', file });
  const nationalId = '000.05.31.H77';
  const senderId = '000.00.41.H41';
  let receiver: ChildProcess | null = null;
  let a: TestApp;

  beforeAll(async () => {
    if (engine === 'postgres') {
      pg = await freshPostgresDatabase(process.env.TEST_DATABASE_URL ?? '');
      env.DATABASE_URL = pg.url;
    }
    execFileSync('node', [...SERVER, 'seed-demo'], { env, stdio: 'ignore' });
    const db = openB();
    await db.db.updateTable('organizations').set({ national_id: nationalId }).where('code', '=', 'HUDV').execute();
    const at = new Date().toISOString();
    const peerId = newId();
    await db.db
      .insertInto('exchange_peers')
      .values({
        id: peerId,
        node: 'may-a',
        name: 'Máy chủ may-a',
        url: 'http://127.0.0.1:9/api/exchange/peer',
        secret: SHARED_SECRET,
        secret_approved: 0,
        active: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // The sender's office, known to B as an outside office reached through that peer.
    const orgId = newId();
    await db.db
      .insertInto('organizations')
      .values({
        id: orgId,
        parent_id: null,
        path: `/${orgId}/`,
        depth: 0,
        type: 'party_committee',
        code: 'HUYENA',
        name: 'Huyện ủy Đồng Văn (máy A)',
        abbreviation: 'HU',
        mailbox: null,
        reach: 'peer',
        peer_id: peerId,
        national_id: senderId,
        sort_order: 0,
        search_text: 'huyen uy dong van may a',
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db.close();
    a = await createTestApp(engine, {
      env: { EXCHANGE_NODE: 'may-a', DATA_DIR: dirA },
      clock: new TestClock(new Date()),
    });
  }, 300_000);

  afterAll(async () => {
    if (receiver) await kill(receiver);
    await a?.close();
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(dirA, { recursive: true, force: true });
  });

  /** Starts a signed POST of `bytes` and returns a function that writes the rest. */
  function begin(url: string, bytes: Buffer, headers: Record<string, string>) {
    const req = http.request(`${url}/api/exchange/peer`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/xml', 'content-length': String(bytes.length) },
    });
    req.on('error', () => {});
    const half = Math.floor(bytes.length / 2);
    req.write(bytes.subarray(0, half));
    return { rest: () => req.end(bytes.subarray(half)), abort: () => req.destroy() };
  }

  it('after a kill mid-body and one mid-store, the retry delivers the package exactly once, whole', async () => {
    let started = await startReceiver(env);
    receiver = started.child;
    let url = started.url;
    const office = await makeOffice(a);
    await setNationalId(a, office.committee.id, senderId);
    const peer = await addPeer(a, { node: 'may-b', url: `${url}/api/exchange/peer` });
    const outside = await addOutside(a, { name: 'Huyện ủy Đồng Văn (máy B)', nationalId, peerId: peer });
    const { dispatch } = await issueTo(office, [outside.id]);
    ok(await dispatch());
    const message = await a.deps.database.db
      .selectFrom('exchange_messages')
      .select('id')
      .where('direction', '=', 'out')
      .where('kind', '=', 'package')
      .executeTakeFirstOrThrow();
    const spoolDir = path.join(dataDir, 'tmp', 'exchange');

    // 1. Killed while the body is half sent: the message is being spooled.
    let wire = await wireOf(a, message.id, 'may-b');
    let request = begin(url, wire.bytes, signedHeaders(SHARED_SECRET, wire.facts));
    expect(await until(() => filesIn(spoolDir).length > 0)).toBe(true);
    await kill(receiver);
    request.abort();

    // 2. Killed once the whole body is in, while it is being stored.
    started = await startReceiver(env);
    receiver = started.child;
    url = started.url;
    wire = await wireOf(a, message.id, 'may-b');
    request = begin(url, wire.bytes, signedHeaders(SHARED_SECRET, wire.facts));
    await until(() => filesIn(spoolDir).length > 0);
    request.rest();
    await until(() => filesIn(path.join(dataDir, 'files', 'tmp')).length > 0, 2000);
    await kill(receiver);
    request.abort();

    // Spooled bytes a killed process left are old by the next start: they go.
    for (const f of filesIn(spoolDir)) {
      const old = new Date(Date.now() - 2 * 3600_000);
      fs.utimesSync(path.join(spoolDir, f), old, old);
    }
    started = await startReceiver(env);
    receiver = started.child;
    url = started.url;
    await addPeer(a, { node: 'may-b', url: `${url}/api/exchange/peer` });
    await jobsOf(a)();
    const sent = await a.deps.database.db
      .selectFrom('exchange_messages')
      .select(['state', 'last_error'])
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(sent).toEqual({ state: 'sent', last_error: null });
    // Sent again (an answer lost): recognised.
    wire = await wireOf(a, message.id, 'may-b');
    const again = await fetch(`${url}/api/exchange/peer`, {
      method: 'POST',
      headers: { ...signedHeaders(SHARED_SECRET, wire.facts), 'content-type': 'application/xml' },
      body: wire.bytes,
    });
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);
    // Stopped as an operator stops it: B's own status back to A (whose address answers nothing)
    // may be on its way, and a stopping server lets it finish and clears what it spooled.
    await stop(receiver);
    receiver = null;

    const db = openB();
    try {
      const received = await db.db
        .selectFrom('exchange_messages')
        .select(['id', 'state'])
        .where('direction', '=', 'in')
        .where('remote_id', '=', message.id)
        .execute();
      expect(received.map((r) => r.state)).toEqual(['stored']);
      const links = await db.db.selectFrom('exchange_links').selectAll().where('side', '=', 'in').execute();
      expect(links).toHaveLength(1);
      const deliveries = await db.db
        .selectFrom('document_deliveries')
        .leftJoin('documents', 'documents.id', 'document_deliveries.document_id')
        .select(['document_deliveries.id', 'documents.id as documentId'])
        .where('documents.direction', '=', 'external')
        .execute();
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]?.documentId).toBeTruthy();
      expect(links[0]?.delivery_id).toBe(deliveries[0]?.id);
      const files = await db.db
        .selectFrom('document_files')
        .leftJoin('blobs', 'blobs.sha256', 'document_files.sha256')
        .select(['document_files.sha256', 'blobs.sha256 as stored', 'blobs.size', 'blobs.data'])
        .where('document_files.document_id', '=', deliveries[0]?.documentId as string)
        .execute();
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(f.stored).toBe(f.sha256);
        // SQLite keeps the bytes on disk; PostgreSQL in the database, in the same transaction.
        if (pg) expect(f.data?.length).toBe(f.size);
        else expect(fs.existsSync(path.join(dataDir, 'files', f.sha256.slice(0, 2), f.sha256))).toBe(true);
      }
      // No delivery of any kind without its document.
      const orphans = await db.db
        .selectFrom('document_deliveries')
        .leftJoin('documents', 'documents.id', 'document_deliveries.document_id')
        .select('document_deliveries.id')
        .where('documents.id', 'is', null)
        .execute();
      expect(orphans).toEqual([]);
    } finally {
      await db.close();
    }
    expect(filesIn(spoolDir)).toEqual([]);
  }, 240_000);
});
