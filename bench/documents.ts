import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DatabaseKind, openDatabase } from '../server/platform/db/database';
import { captureRegistrations } from './documents-capture';
import { bulkLoad, searchQueries } from './documents-data';
import { dispatchFigures } from './documents-dispatch';
import { postgresFloor, sqliteFloor } from './documents-floor';
import { growth } from './documents-growth';
import {
  arrivalNumbers,
  BENCH_PASSWORD,
  CLIENTS,
  percentile,
  prepare,
  registrations,
  spread,
} from './documents-registrations';
import { type BenchServer, peakRssMb, postgresSchema, startServer, tempDataDir } from './server-process';

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

/** Rate runs of `REGISTRATIONS` each, product and floor in turn; then one run with many clients for the tail. */
const RUNS = 3;
const TAIL_CLIENTS = 50;

type Run = Awaited<ReturnType<typeof registrations>>;

/**
 * The product's runs beside the floor's, `RUNS` times in turn, then the tail at 50 clients;
 * the rate is told as the product's over the floor's of the same turn.
 */
async function rateBesideFloor(
  product: (run: { from: number; clients?: number }) => Promise<Run>,
  floor: (from: number) => Promise<number>,
) {
  const runs: Run[] = [];
  const floors: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(await product({ from: r * REGISTRATIONS }));
    floors.push(await floor(r * REGISTRATIONS));
  }
  const tail = await product({ from: RUNS * REGISTRATIONS, clients: TAIL_CLIENTS });
  const rates = runs.map((r) => r.perSecond);
  const first = runs[0] as Run;
  return {
    registrations: REGISTRATIONS,
    clients: first.clients,
    servers: first.servers,
    runs: RUNS,
    perSecond: spread(rates),
    floorPerSecond: spread(floors),
    floorRatio: Number(spread(rates.map((rate, i) => rate / (floors[i] ?? 1))).median.toFixed(3)),
    p99OverP50: tail.p99OverP50,
    slowestClientOverP50: tail.slowestClientOverP50,
    tail: { clients: TAIL_CLIENTS, p50Ms: tail.p50Ms, p99Ms: tail.p99Ms },
    at20Clients: { p50Ms: first.p50Ms, p99OverP50: first.p99OverP50, slowestClientOverP50: first.slowestClientOverP50 },
    failures: [...runs, tail].reduce((sum, r) => sum + r.failures, 0),
    contiguous: [...runs, tail].every((r) => r.contiguous && r.duplicates === 0 && r.missing === 0),
  };
}

async function registrationsOnSqlite() {
  const dataDir = tempDataDir();
  const floorDir = tempDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  prepare(env);
  // The floor's database is a copy of the product's; one registration's statements are captured on it.
  fs.cpSync(dataDir, floorDir, { recursive: true });
  const captured = await captureRegistrations({ ...env, DATA_DIR: floorDir }, 3);
  const floorFile = path.join(floorDir, 'vanphong.sqlite');
  const server = await startServer(env);
  let sameStatements = true;
  try {
    const figures = await rateBesideFloor(
      ({ from, clients }) =>
        registrations(
          [server],
          BENCH_PASSWORD,
          (registerId) =>
            arrivalNumbers(openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'vanphong.sqlite') }), registerId),
          { count: REGISTRATIONS, from, clients },
        ),
      async (from) => {
        const floor = sqliteFloor(floorFile, captured, REGISTRATIONS, from);
        sameStatements &&= floor.sameStatements;
        return floor.perSecond;
      },
    );
    const registerId = String(captured.at(-1)?.[1]?.parameters[0]);
    const floorNumbers = (await arrivalNumbers(openDatabase({ kind: 'sqlite', file: floorFile }), registerId)).sort(
      (a, b) => a - b,
    );
    return {
      ...figures,
      peakRssMb: [peakRssMb(server.process.pid)],
      statementsPerRegistration: captured.at(-1)?.length,
      floorSameStatements: sameStatements,
      floorContiguous: floorNumbers.every((n, i) => n === i + 1),
      ...startTimes([server]),
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
}

/** The pool each server process opens on PostgreSQL; the floor's pool is as large as the two together. */
const SERVER_POOL = 10;

async function registrationsOnPostgres(url: string) {
  const shared = await postgresSchema(url);
  const envs = [shared.env(), shared.env()].map((env) => ({ ...env, NODE_ENV: 'production' }));
  prepare(envs[0] as NodeJS.ProcessEnv);
  // The floor's schema is prepared the same way; one registration's statements are captured on it.
  const floorSchema = await postgresSchema(url);
  const floorEnv = { ...floorSchema.env(), NODE_ENV: 'production' };
  prepare(floorEnv);
  const captured = await captureRegistrations(floorEnv, 3);
  const servers = await Promise.all(envs.map((env) => startServer(env)));
  let statement = '';
  try {
    const figures = await rateBesideFloor(
      ({ from, clients }) =>
        registrations(servers, BENCH_PASSWORD, (registerId) => arrivalNumbers(shared.open(), registerId), {
          count: REGISTRATIONS,
          from,
          clients,
        }),
      async (from) => {
        const floor = await postgresFloor(url, floorSchema.schema, captured, {
          count: REGISTRATIONS,
          from,
          clients: CLIENTS,
          poolSize: servers.length * SERVER_POOL,
        });
        statement = floor.statement;
        return floor.perSecond;
      },
    );
    const registerId = String(captured.at(-1)?.[1]?.parameters[0]);
    const floorNumbers = (await arrivalNumbers(floorSchema.open(), registerId)).sort((a, b) => a - b);
    if (process.env.BENCH_SHOW_FLOOR) console.log(statement);
    return {
      ...figures,
      peakRssMb: servers.map((s) => peakRssMb(s.process.pid)),
      floorPool: servers.length * SERVER_POOL,
      floorContiguous: floorNumbers.every((n, i) => n === i + 1),
      ...startTimes(servers),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await shared.drop();
    await floorSchema.drop();
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
      console.log('registrations, SQLite, 1 process, beside the floor:', figures.registrationsSqlite);
    }
    if (onPostgres && PG_URL) {
      figures.registrationsPostgres = await registrationsOnPostgres(PG_URL);
      console.log('registrations, PostgreSQL, 2 processes, beside the floor:', figures.registrationsPostgres);
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
