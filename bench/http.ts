import fs from 'node:fs';
import autocannon from 'autocannon';
import { prepareDatabase, signInCookie, startServer, tempDataDir } from './server-process';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);

interface Figure {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function measure(name: string, url: string, path: string, headers: Record<string, string>): Promise<Figure> {
  // A short warm-up so JIT and caches settle before the measured run.
  await autocannon({ url: url + path, connections: 10, duration: 1, headers });
  const result = await autocannon({ url: url + path, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    name,
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Authenticated reads against the bare health endpoint: the built server in
 * its own process on SQLite with the demo organization, 50 connections.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dataDir = tempDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const account = prepareDatabase(env);
  // First start on the existing database, then the timed one.
  const warm = await startServer(env);
  await warm.stop();
  const server = await startServer(env);
  try {
    const cookie = await signInCookie(server.url, account.username, account.password);
    const figures = [
      await measure('bare /api/health', server.url, '/api/health', {}),
      await measure('current user', server.url, '/api/auth/me', { cookie }),
      await measure('organization list page', server.url, '/api/organizations?page=1&pageSize=20', { cookie }),
    ];
    const bare = figures[0]?.requestsPerSecond ?? 1;
    console.log(
      `\nhttp: ${CONNECTIONS} connections, ${DURATION_S} s each, SQLite, start to ready ${server.readyMs.toFixed(0)} ms`,
    );
    console.log('endpoint                   req/s    p50 ms  p99 ms  ratio  errors');
    for (const f of figures) {
      console.log(
        `${f.name.padEnd(26)} ${String(f.requestsPerSecond).padStart(6)}  ${String(f.p50Ms).padStart(6)}  ${String(f.p99Ms).padStart(6)}  ${(f.requestsPerSecond / bare).toFixed(2).padStart(5)}  ${f.errors + f.non2xx}`,
      );
    }
    return {
      bench: 'http',
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      startToReadyMs: Math.round(server.readyMs),
      results: figures.map((f) => ({ ...f, ratioToBare: Number((f.requestsPerSecond / bare).toFixed(3)) })),
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
