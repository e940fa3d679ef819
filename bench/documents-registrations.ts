import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Database } from '../server/platform/db/database';
import { type BenchServer, createAccount, runCli, signInCookie } from './server-process';

export const CLIENTS = 20;
export { BENCH_PASSWORD } from './server-process';
/** The register every registration goes to: the committee's non-secret incoming one. */
export const REGISTER_ORGANIZATION = 'Huyện ủy Đồng Văn';

export const round1 = (n: number) => Math.round(n * 10) / 10;

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** The least, the median and the greatest of some runs' figures, each passed through `round`. */
export function spread(values: number[], round = (v: number) => v) {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: round(sorted[0] ?? 0), median: round(percentile(sorted, 0.5)), max: round(sorted.at(-1) ?? 0) };
}

export interface RegistrationRun {
  /** How many documents to register. */
  count: number;
  /** Numbers already used by earlier runs on the same database, so no two documents look alike. */
  from?: number;
  /** Collects each registration's time in milliseconds. */
  latencies?: number[];
  /** How many clients send at once, each waiting for its answer before the next request. */
  clients?: number;
}

/**
 * `count` registrations from 20 clients at once (or `clients`), spread over the given servers,
 * then a look at the register: every arrival number from 1 to the last exactly once. The tail
 * is told against the median: the 99th percentile, and the slowest single request of the
 * client whose worst request was worst.
 */
export async function registrations(
  servers: BenchServer[],
  password: string,
  arrivals: (registerId: string) => Promise<number[]>,
  { count, from = 0, clients = CLIENTS, latencies = [] }: RegistrationRun,
) {
  const cookies = await Promise.all(servers.map((s) => signInCookie(s.url, 'benchclerk', password)));
  const first = servers[0] as BenchServer;
  const registers = (await (
    await fetch(`${first.url}/api/registers`, { headers: { cookie: cookies[0] ?? '' } })
  ).json()) as {
    items: { id: string; direction: string; secret: boolean; organizationName: string }[];
  };
  const register = registers.items.find(
    (r) => r.direction === 'incoming' && !r.secret && r.organizationName === REGISTER_ORGANIZATION,
  );
  if (!register) throw new Error('no incoming register');
  // Every client opens its connection before the clock starts, as a browser already has one: under
  // load a new connection's first request waits an extra turn of the server's event loop (0.3–0.5 s
  // measured at 50 clients), which would otherwise be the whole tail of the first run.
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const server = servers[c % servers.length] as BenchServer;
      await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    }),
  );
  let next = 0;
  let failures = 0;
  const worstOfClient = Array.from({ length: clients }, () => 0);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const server = servers[c % servers.length] as BenchServer;
      const cookie = cookies[c % servers.length] ?? '';
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const n = from + i + 1;
        const sent = performance.now();
        const res = await fetch(`${server.url}/api/documents/incoming`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify({
            registerId: register.id,
            issuerName: `Tỉnh ủy Hà Giang ${c}`,
            numberText: `${n}-CV/TU`,
            issueDate: '2026-11-20',
            typeCode: 'CV',
            summary: `Văn bản đo hiệu năng số ${n}`,
            clientKey: `bench-${c}-${n}-${randomBytes(4).toString('hex')}`,
          }),
        });
        if (res.status !== 201) failures++;
        await res.arrayBuffer();
        const ms = performance.now() - sent;
        latencies.push(ms);
        worstOfClient[c] = Math.max(worstOfClient[c] ?? 0, ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const numbers = (await arrivals(register.id)).sort((a, b) => a - b);
  const unique = new Set(numbers);
  const missing = Math.max(0, (numbers.at(-1) ?? 0) - unique.size);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const p99 = percentile(sorted, 0.99);
  return {
    registrations: count,
    clients,
    servers: servers.length,
    perSecond: Math.round(count / seconds),
    failures,
    p50Ms: round1(p50),
    p99Ms: round1(p99),
    p99OverP50: round1(p99 / p50),
    slowestClientOverP50: round1(Math.max(...worstOfClient) / p50),
    /** Every arrival number of the register, the documents already there included. */
    inRegister: numbers.length,
    duplicates: numbers.length - unique.size,
    missing,
    contiguous: numbers.every((n, i) => n === i + 1),
  };
}

/** The demo organization and a clerk of the committee, made through the command line. */
export function prepare(env: NodeJS.ProcessEnv) {
  runCli(env, 'seed-demo');
  createAccount(env, 'benchclerk', 'Văn thư đo', 'HUDV:clerk');
}

/** Every arrival number of a register, the documents already there included. */
export async function arrivalNumbers(db: Database, registerId: string): Promise<number[]> {
  const rows = await db.db
    .selectFrom('documents')
    .select('arrival_number')
    .where('register_id', '=', registerId)
    .execute();
  await db.close();
  return rows.map((r) => Number(r.arrival_number));
}
