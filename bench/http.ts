import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { cookies, fillPages, prepareAccounts } from './http-data';
import { type BenchServer, postgresSchema, startBareServer, startServer, tempDataDir } from './server-process';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const PG_URL = process.env.TEST_DATABASE_URL;
const ENGINES = (process.env.BENCH_ENGINE ?? (PG_URL ? 'sqlite,postgres' : 'sqlite')).split(',');

interface Target {
  key: 'bare' | 'productHealth' | 'documentList' | 'workQueue' | 'mailboxList';
  label: string;
  url: string;
  headers: Record<string, string>;
}

interface Runs {
  requestsPerSecond: number[];
  p50Ms: number[];
  p99Ms: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** One answer before measuring: 200 with rows, or the figures would be of an error page. */
async function probe(target: Target): Promise<string> {
  const res = await fetch(target.url, { headers: target.headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${target.label}: ${res.status} ${text.slice(0, 300)}`);
  if (target.key !== 'productHealth') {
    const items = (JSON.parse(text) as { items?: unknown[] }).items ?? [];
    if (items.length === 0) throw new Error(`${target.label}: an empty list, nothing to measure`);
  }
  return text;
}

async function once(target: Target, connections: number, duration: number) {
  const result = await autocannon({ url: target.url, connections, duration, headers: target.headers });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${target.label}: ${failed} failed answers under load`);
  return result;
}

/** A warm-up of each target, then `RUNS` rounds that take the targets in turn, so drift hits all alike. */
async function measure(targets: Target[]): Promise<Map<Target['key'], Runs>> {
  const runs = new Map(targets.map((t) => [t.key, { requestsPerSecond: [], p50Ms: [], p99Ms: [] } as Runs]));
  for (const t of targets) await once(t, 10, 2);
  for (let round = 0; round < RUNS; round++) {
    for (const t of targets) {
      const result = await once(t, CONNECTIONS, DURATION_S);
      const r = runs.get(t.key);
      r?.requestsPerSecond.push(Math.round(result.requests.average));
      r?.p50Ms.push(result.latency.p50);
      r?.p99Ms.push(result.latency.p99);
    }
  }
  return runs;
}

async function engineFigures(engine: string) {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    if (!PG_URL) throw new Error('BENCH_ENGINE=postgres needs TEST_DATABASE_URL');
    const shared = await postgresSchema(PG_URL);
    env = { ...shared.env(), NODE_ENV: 'production' };
    cleanup = () => shared.drop();
  } else {
    const dataDir = tempDataDir();
    env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const bodyFile = path.join(tempDataDir(), 'list.json');
  let server: BenchServer | null = null;
  let bare: Awaited<ReturnType<typeof startBareServer>> | null = null;
  try {
    prepareAccounts(env);
    // The pages are filled on a first start; the measured one starts on the full database.
    const filling = await startServer(env);
    const { committeeMailboxId } = await fillPages(filling.url).finally(() => filling.stop());
    server = await startServer(env);
    const { clerk, leader } = await cookies(server.url);
    const product: Target[] = [
      { key: 'productHealth', label: 'product /api/health', url: `${server.url}/api/health`, headers: {} },
      {
        key: 'documentList',
        label: 'incoming list page',
        url: `${server.url}/api/documents?direction=incoming&page=1&pageSize=20`,
        headers: { cookie: clerk },
      },
      {
        key: 'workQueue',
        label: 'work queue (to direct)',
        url: `${server.url}/api/documents/queue/toDirect`,
        headers: { cookie: leader },
      },
      {
        key: 'mailboxList',
        label: 'mailbox inbox page',
        url: `${server.url}/api/mail/mailboxes/${encodeURIComponent(committeeMailboxId)}/messages?folder=inbox&page=1&pageSize=25`,
        headers: { cookie: clerk },
      },
    ];
    const bodies = new Map<Target['key'], string>();
    for (const t of product) bodies.set(t.key, await probe(t));
    const listBody = bodies.get('documentList') ?? '';
    fs.writeFileSync(bodyFile, listBody);
    bare = await startBareServer(bodyFile);
    const bareTarget: Target = { key: 'bare', label: 'bare Fastify, same body', url: `${bare.url}/list`, headers: {} };
    bodies.set('bare', await probe(bareTarget));
    const targets = [bareTarget, ...product];
    const runs = await measure(targets);

    const bareMedian = median(runs.get('bare')?.requestsPerSecond ?? [1]);
    const figures: Record<string, unknown> = {
      startToReadyMs: Math.round(server.readyMs),
      startToSettledMs: Math.round(server.settledMs),
    };
    console.log(
      `\nhttp, ${engine}: ${CONNECTIONS} connections, ${RUNS} runs of ${DURATION_S} s each, start to ready ${server.readyMs.toFixed(0)} ms, start-up work done ${server.settledMs.toFixed(0)} ms`,
    );
    console.log('target                       bytes  req/s min  median     max  p50 ms  p99 ms  ÷ bare');
    for (const t of targets) {
      const r = runs.get(t.key) as Runs;
      const rps = [...r.requestsPerSecond].sort((a, b) => a - b);
      const f = {
        path: new URL(t.url).pathname + new URL(t.url).search,
        bytes: Buffer.byteLength(bodies.get(t.key) ?? ''),
        requestsPerSecond: { min: rps[0] ?? 0, median: median(rps), max: rps.at(-1) ?? 0 },
        p50Ms: median(r.p50Ms),
        p99Ms: median(r.p99Ms),
        bareRatio: Number((median(rps) / bareMedian).toFixed(3)),
      };
      figures[t.key] = f;
      console.log(
        `${t.label.padEnd(27)} ${String(f.bytes).padStart(6)}  ${String(f.requestsPerSecond.min).padStart(9)}  ${String(f.requestsPerSecond.median).padStart(6)}  ${String(f.requestsPerSecond.max).padStart(6)}  ${String(f.p50Ms).padStart(6)}  ${String(f.p99Ms).padStart(6)}  ${f.bareRatio.toFixed(2).padStart(6)}`,
      );
    }
    return figures;
  } finally {
    await bare?.stop();
    await server?.stop();
    fs.rmSync(path.dirname(bodyFile), { recursive: true, force: true });
    await cleanup();
  }
}

/**
 * The list pages people open most, read at 50 connections from the built server in its own
 * process, beside a bare Fastify in another answering the incoming list's body: each page's
 * rate as a share of the bare one, measured in the same run; on SQLite, and on PostgreSQL
 * when TEST_DATABASE_URL is set (`BENCH_ENGINE=sqlite|postgres` for one).
 */
export async function run(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {
    bench: 'http',
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    runs: RUNS,
  };
  for (const engine of ENGINES) figures[engine] = await engineFigures(engine);
  return figures;
}
