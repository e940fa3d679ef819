import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DatabaseKind, openDatabase } from '../server/platform/db/database';
import { bulkLoad, searchQueries } from './documents-data';
import { dispatchFigures } from './documents-dispatch';
import { growth } from './documents-growth';
import { arrivalNumbers, BENCH_PASSWORD, percentile, prepare, registrations } from './documents-registrations';
import { type BenchServer, postgresSchema, startServer, tempDataDir } from './server-process';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 1000);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const PG_URL = process.env.TEST_DATABASE_URL;
/** `sqlite` or `postgres` to run one engine only; both by default (PostgreSQL when its URL is set). */
const ENGINE = process.env.BENCH_ENGINE;
const onSqlite = ENGINE !== 'postgres';
const onPostgres = PG_URL !== undefined && ENGINE !== 'sqlite';

/** The slowest of the processes from spawn to answering, and to their start-up work done. */
function startTimes(servers: BenchServer[]) {
  return {
    startToReadyMs: Math.round(Math.max(...servers.map((s) => s.readyMs))),
    startToSettledMs: Math.round(Math.max(...servers.map((s) => s.settledMs))),
  };
}

async function registrationsOnSqlite() {
  const dataDir = tempDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  prepare(env);
  const server = await startServer(env);
  try {
    const result = await registrations(
      [server],
      BENCH_PASSWORD,
      (registerId) =>
        arrivalNumbers(openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'vanphong.sqlite') }), registerId),
      { count: REGISTRATIONS },
    );
    return { ...result, ...startTimes([server]) };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function registrationsOnPostgres(url: string) {
  const shared = await postgresSchema(url);
  const envs = [shared.env(), shared.env()].map((env) => ({ ...env, NODE_ENV: 'production' }));
  prepare(envs[0] as NodeJS.ProcessEnv);
  const servers = await Promise.all(envs.map((env) => startServer(env)));
  try {
    const result = await registrations(
      servers,
      BENCH_PASSWORD,
      (registerId) => arrivalNumbers(shared.open(), registerId),
      {
        count: REGISTRATIONS,
      },
    );
    return { ...result, ...startTimes(servers) };
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
  if (!only || only === 'growth') {
    if (onSqlite) {
      figures.growthSqlite = await growth('sqlite');
      console.log('registrations as the register grows, SQLite:', figures.growthSqlite);
    }
    if (onPostgres && PG_URL) {
      figures.growthPostgres = await growth('postgres', PG_URL);
      console.log('registrations as the register grows, PostgreSQL:', figures.growthPostgres);
    }
  }
  return figures;
}
