import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Database, type DatabaseKind, openDatabase } from '../server/platform/db/database';
import { bulkLoad, searchQueries } from './documents-data';
import { dispatchFigures } from './documents-dispatch';
import { type BenchServer, postgresSchema, runCli, signInCookie, startServer, tempDataDir } from './server-process';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 1000);
const CLIENTS = 20;
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const PG_URL = process.env.TEST_DATABASE_URL;
/** `sqlite` or `postgres` to run one engine only; both by default (PostgreSQL when its URL is set). */
const ENGINE = process.env.BENCH_ENGINE;
const onSqlite = ENGINE !== 'postgres';
const onPostgres = PG_URL !== undefined && ENGINE !== 'sqlite';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * 1,000 registrations from 20 clients at once, spread over the given servers, then a look
 * at the register: every arrival number from 1 to 1,000 exactly once.
 */
async function registrations(
  servers: BenchServer[],
  password: string,
  count: (registerId: string) => Promise<number[]>,
) {
  const cookies = await Promise.all(servers.map((s) => signInCookie(s.url, 'benchclerk', password)));
  const first = servers[0] as BenchServer;
  const registers = (await (
    await fetch(`${first.url}/api/registers`, { headers: { cookie: cookies[0] ?? '' } })
  ).json()) as {
    items: { id: string; direction: string; secret: boolean; organizationName: string }[];
  };
  const register = registers.items.find(
    (r) => r.direction === 'incoming' && !r.secret && r.organizationName === 'Huyện ủy Đồng Văn',
  );
  if (!register) throw new Error('no incoming register');
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const server = servers[c % servers.length] as BenchServer;
      const cookie = cookies[c % servers.length] ?? '';
      for (;;) {
        const i = next++;
        if (i >= REGISTRATIONS) return;
        const res = await fetch(`${server.url}/api/documents/incoming`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify({
            registerId: register.id,
            issuerName: `Tỉnh ủy Hà Giang ${c}`,
            numberText: `${i + 1}-CV/TU`,
            issueDate: '2026-11-20',
            typeCode: 'CV',
            summary: `Văn bản đo hiệu năng số ${i + 1}`,
            clientKey: `bench-${c}-${i}-${randomBytes(4).toString('hex')}`,
          }),
        });
        if (res.status !== 201) failures++;
        await res.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const numbers = (await count(register.id)).sort((a, b) => a - b);
  const unique = new Set(numbers);
  const missing = Math.max(0, (numbers.at(-1) ?? 0) - unique.size);
  return {
    registrations: REGISTRATIONS,
    clients: CLIENTS,
    servers: servers.length,
    perSecond: Math.round(REGISTRATIONS / seconds),
    failures,
    /** Every arrival number of the register, the documents already there included. */
    inRegister: numbers.length,
    duplicates: numbers.length - unique.size,
    missing,
    contiguous: numbers.every((n, i) => n === i + 1),
  };
}

function prepare(env: NodeJS.ProcessEnv, password: string) {
  runCli(env, 'seed-demo');
  runCli(
    env,
    'user',
    'create',
    '--username',
    'benchclerk',
    '--full-name',
    'Văn thư đo',
    '--password',
    password,
    '--role',
    'HUDV:clerk',
  );
}

/** Every arrival number of a register, the documents already there included. */
async function arrivalNumbers(db: Database, registerId: string): Promise<number[]> {
  const rows = await db.db
    .selectFrom('documents')
    .select('arrival_number')
    .where('register_id', '=', registerId)
    .execute();
  await db.close();
  return rows.map((r) => Number(r.arrival_number));
}

async function registrationsOnSqlite() {
  const dataDir = tempDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const password = 'Bench-mat-khau-2026';
  prepare(env, password);
  const server = await startServer(env);
  try {
    return await registrations([server], password, (registerId) =>
      arrivalNumbers(openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'vanphong.sqlite') }), registerId),
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function registrationsOnPostgres(url: string) {
  const shared = await postgresSchema(url);
  const envs = [shared.env(), shared.env()].map((env) => ({ ...env, NODE_ENV: 'production' }));
  const password = 'Bench-mat-khau-2026';
  prepare(envs[0] as NodeJS.ProcessEnv, password);
  const servers = await Promise.all(envs.map((env) => startServer(env)));
  try {
    return await registrations(servers, password, (registerId) => arrivalNumbers(shared.open(), registerId));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await shared.drop();
  }
}

async function search(kind: DatabaseKind) {
  const loaded = await bulkLoad(kind, DOCUMENTS);
  try {
    const times: number[] = [];
    const slowest = new Map<string, number>();
    let hits = 0;
    const queries = searchQueries();
    // One pass to warm caches, then the measured passes.
    for (const q of queries.slice(0, 20)) await loaded.search(q);
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const started = performance.now();
        const result = await loaded.search(q);
        const ms = performance.now() - started;
        times.push(ms);
        slowest.set(q, Math.max(ms, slowest.get(q) ?? 0));
        hits += result.total;
      }
    }
    times.sort((a, b) => a - b);
    return {
      engine: kind,
      documents: DOCUMENTS,
      loadSeconds: Number(loaded.loadSeconds.toFixed(1)),
      queries: times.length,
      p50Ms: Number(percentile(times, 0.5).toFixed(1)),
      p95Ms: Number(percentile(times, 0.95).toFixed(1)),
      maxMs: Number((times.at(-1) ?? 0).toFixed(1)),
      averageHits: Math.round(hits / times.length),
      slowest: [...slowest.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([q, ms]) => `${q} (${ms.toFixed(0)} ms)`),
    };
  } finally {
    await loaded.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const only = process.env.BENCH_PART;
  const figures: Record<string, unknown> = { bench: 'documents' };
  if (!only || only === 'register') {
    if (onSqlite) {
      figures.registrationsSqlite = await registrationsOnSqlite();
      console.log('registrations, SQLite, 1 process:', figures.registrationsSqlite);
    }
    if (onPostgres && PG_URL) {
      figures.registrationsPostgres = await registrationsOnPostgres(PG_URL);
      console.log('registrations, PostgreSQL, 2 processes:', figures.registrationsPostgres);
    }
  }
  if (!only || only === 'dispatch') {
    if (onSqlite) {
      figures.dispatchSqlite = await dispatchFigures('sqlite');
      console.log('dispatch, SQLite:', figures.dispatchSqlite);
    }
    if (onPostgres) {
      figures.dispatchPostgres = await dispatchFigures('postgres');
      console.log('dispatch, PostgreSQL:', figures.dispatchPostgres);
    }
  }
  if (!only || only === 'search') {
    if (onSqlite) {
      figures.searchSqlite = await search('sqlite');
      console.log('search, SQLite:', figures.searchSqlite);
    }
    if (onPostgres) {
      figures.searchPostgres = await search('postgres');
      console.log('search, PostgreSQL:', figures.searchPostgres);
    }
  }
  return figures;
}
