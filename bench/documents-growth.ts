import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { dayInVietnam, vietnamInstant } from '../common/time/vietnam';
import { searchTextOf } from '../server/modules/documents/documents.repository';
import { documentKey } from '../server/modules/documents/documents.rules';
import type { DocumentsTable } from '../server/modules/documents/documents.tables';
import { type Database, type DatabaseKind, openDatabase } from '../server/platform/db/database';
import { newId } from '../server/platform/ids';
import { generator, OPENERS, PLACES, pick, SENDERS, TOPICS, TYPES } from './documents-data';
import {
  arrivalNumbers,
  BENCH_PASSWORD,
  CLIENTS,
  percentile,
  prepare,
  REGISTER_ORGANIZATION,
  registrations,
} from './documents-registrations';
import { type BenchServer, peakRssMb, postgresSchema, startServer, tempDataDir } from './server-process';

const SIZES = (process.env.BENCH_GROWTH_SIZES ?? '1000,100000,1000000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const RUNS = Math.max(3, Number(process.env.BENCH_GROWTH_RUNS ?? 3));
const PER_RUN = Number(process.env.BENCH_GROWTH_REGISTRATIONS ?? 500);

/**
 * The documents the committee has received this year, written straight into the server's
 * database in batches: each sender numbers each type in its own series, so no two carry the
 * same issuer and notation, and the arrival numbers carry on the register's counter.
 */
function filler(kind: DatabaseKind, total: number) {
  const r = generator(42);
  const series = new Map<string, number>();
  const now = Date.now();
  const yearStart = Date.parse(vietnamInstant(`${dayInVietnam(new Date(now)).slice(0, 4)}-01-01`));
  let made = 0;
  return async function fillTo(database: Database, size: number) {
    const db = database.db;
    const register = await db
      .selectFrom('registers as r')
      .innerJoin('organizations as o', 'o.id', 'r.organization_id')
      .select(['r.id', 'r.organization_id'])
      .where('o.name', '=', REGISTER_ORGANIZATION)
      .where('r.direction', '=', 'incoming')
      .where('r.secret', '=', 0)
      .executeTakeFirstOrThrow();
    const clerk = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'benchclerk')
      .executeTakeFirstOrThrow();
    const period = dayInVietnam(new Date(now)).slice(0, 4);
    const counted = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('register_id', '=', register.id)
      .executeTakeFirstOrThrow();
    const counter = await db
      .selectFrom('register_counters')
      .select('last_number')
      .where('register_id', '=', register.id)
      .where('period', '=', period)
      .where('type_code', '=', '')
      .executeTakeFirst();
    const top = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    let arrival = Number(counter?.last_number ?? 0);
    let seq = Number(top?.seq ?? 0);
    const count = Math.max(0, size - Number(counted.n));
    const started = performance.now();
    const BATCH = kind === 'sqlite' ? 2000 : 1000;
    for (let done = 0; done < count; done += BATCH) {
      const rows: Insertable<DocumentsTable>[] = [];
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const at = yearStart + Math.floor(((made++ + 0.5) / total) * (now - yearStart));
        const day = dayInVietnam(new Date(at));
        const [issuer, abbr, state] = pick(SENDERS, r);
        const type = pick(TYPES, r);
        const n = (series.get(`${issuer}|${type}/${abbr}`) ?? 0) + 1;
        series.set(`${issuer}|${type}/${abbr}`, n);
        const numberText = state ? `${n}/${type}-${abbr}` : `${n}-${type}/${abbr}`;
        const summary = `${pick(OPENERS, r)} ${pick(TOPICS, r)} tại ${pick(PLACES, r)}`;
        const status = r() < 0.85 ? 'done' : r() < 0.6 ? 'in_progress' : 'registered';
        arrival++;
        seq++;
        rows.push({
          id: newId(at),
          ...(kind === 'sqlite' ? { seq } : {}),
          organization_id: register.organization_id,
          direction: 'incoming',
          status,
          register_id: register.id,
          period,
          number: null,
          number_text: numberText,
          arrival_number: arrival,
          arrival_date: day,
          type_code: type,
          issuer_name: issuer,
          issuer_organization_id: null,
          issue_date: dayInVietnam(new Date(at - Math.floor(r() * 4) * 86_400_000)),
          summary,
          signer_name: null,
          signer_position: null,
          page_count: 1 + Math.floor(r() * 6),
          copies: null,
          secrecy: 'normal',
          urgency: r() < 0.05 ? 'urgent' : 'normal',
          channel: r() < 0.7 ? 'electronic' : 'paper',
          due_date: null,
          document_key: documentKey(issuer, numberText),
          delivery_id: null,
          created_by: clerk.id,
          leader_id: null,
          client_key: randomBytes(16).toString('hex'),
          search_text: searchTextOf([numberText, type, summary, issuer, arrival], []),
          version: 1,
          created_at: new Date(at).toISOString(),
          updated_at: new Date(at).toISOString(),
        });
      }
      await db.transaction().execute(async (trx) => {
        for (let k = 0; k < rows.length; k += 200)
          await trx
            .insertInto('documents')
            .values(rows.slice(k, k + 200))
            .execute();
        await trx
          .insertInto('register_counters')
          .values({ register_id: register.id, period, type_code: '', last_number: arrival })
          .onConflict((oc) => oc.columns(['register_id', 'period', 'type_code']).doUpdateSet({ last_number: arrival }))
          .execute();
      });
    }
    return {
      documents: Number(counted.n) + count,
      fillSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    };
  };
}

interface Engine {
  envs: NodeJS.ProcessEnv[];
  open(): Database;
  cleanup(): Promise<void>;
}

async function engine(kind: DatabaseKind, url?: string): Promise<Engine> {
  if (kind === 'sqlite') {
    const dataDir = tempDataDir();
    const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    return {
      envs: [env],
      open: () => openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'vanphong.sqlite') }),
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!url) throw new Error('no PostgreSQL URL');
  const shared = await postgresSchema(url);
  return {
    envs: [shared.env(), shared.env()].map((env) => ({ ...env, NODE_ENV: 'production' })),
    open: shared.open,
    cleanup: shared.drop,
  };
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * Registrations over HTTP into the committee's incoming register as it grows: for each size,
 * the register filled to it with the servers stopped, the servers started again on the
 * database as it is (statistics are the product's business), then several measured runs.
 */
export async function growth(kind: DatabaseKind, url?: string) {
  const { envs, open, cleanup } = await engine(kind, url);
  prepare(envs[0] as NodeJS.ProcessEnv);
  const fillTo = filler(kind, SIZES.at(-1) ?? 0);
  const sizes: { documents: number; perSecond: { median: number } }[] = [];
  let servers: BenchServer[] = [];
  let registered = 0;
  try {
    for (const size of SIZES) {
      await Promise.all(servers.map((s) => s.stop()));
      const db = open();
      const filled = await fillTo(db, size).finally(() => db.close());
      servers = await Promise.all(envs.map((env) => startServer(env)));
      const rates: number[] = [];
      const latencies: number[] = [];
      const checks = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await registrations(servers, BENCH_PASSWORD, (id) => arrivalNumbers(open(), id), {
          count: PER_RUN,
          from: registered,
          latencies,
        });
        registered += PER_RUN;
        rates.push(result.perSecond);
        checks.push(result);
      }
      latencies.sort((a, b) => a - b);
      const p50 = percentile(latencies, 0.5);
      const p99 = percentile(latencies, 0.99);
      const figure = {
        documents: filled.documents,
        fillSeconds: filled.fillSeconds,
        startToReadyMs: Math.round(Math.max(...servers.map((s) => s.readyMs))),
        startToSettledMs: Math.round(Math.max(...servers.map((s) => s.settledMs))),
        perSecond: { min: Math.min(...rates), median: median(rates), max: Math.max(...rates), runs: rates },
        p50Ms: Number(p50.toFixed(1)),
        p95Ms: Number(percentile(latencies, 0.95).toFixed(1)),
        p99Ms: Number(p99.toFixed(1)),
        p99OverP50: Number((p99 / p50).toFixed(2)),
        failures: checks.reduce((sum, c) => sum + c.failures, 0),
        inRegister: checks.at(-1)?.inRegister,
        duplicates: checks.reduce((sum, c) => sum + c.duplicates, 0),
        missing: checks.reduce((sum, c) => sum + c.missing, 0),
        contiguous: checks.every((c) => c.contiguous),
        /** Each server's peak resident memory since it started on this size (target under 200 MB). */
        peakRssMb: servers.map((s) => peakRssMb(s.process.pid)),
      };
      console.log(`growth, ${kind}, ${size} documents:`, figure);
      sizes.push(figure);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await cleanup();
  }
  const first = sizes[0]?.perSecond.median ?? 0;
  /** The rate with `documents` in the register as a share of the rate at the first size. */
  const ratioAt = (documents: number) => {
    const rate = sizes.find((s) => s.documents === documents)?.perSecond.median;
    return first > 0 && rate !== undefined ? Number((rate / first).toFixed(3)) : null;
  };
  return {
    engine: kind,
    servers: envs.length,
    clients: CLIENTS,
    registrationsPerRun: PER_RUN,
    runs: RUNS,
    sizes,
    rate100kOverRate1k: ratioAt(100_000),
    rate1mOverRate1k: ratioAt(1_000_000),
  };
}
