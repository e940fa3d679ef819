import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../server/platform/db/database';

/** The built product; `BENCH_MAIN` names another build to measure beside it. */
const MAIN = path.resolve(process.env.BENCH_MAIN ?? 'dist/server/main.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface BenchServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Milliseconds from spawning the process to the first healthy answer. */
  readyMs: number;
  /** Milliseconds from spawning the process to health saying its start-up work is done. */
  settledMs: number;
  stop(): Promise<void>;
}

/** Longer than any start-up the benchmarks make: past it, something is stuck. */
const SETTLE_TIMEOUT_MS = 60_000;

/** The password of every account a benchmark makes. */
export const BENCH_PASSWORD = 'Bench-mat-khau-2026';

export function prepareDatabase(env: NodeJS.ProcessEnv): { username: string; password: string } {
  execFileSync('node', [MAIN, 'seed-demo'], { env, stdio: 'ignore' });
  return createAccount(env, 'bench', 'Đo hiệu năng');
}

/** One more person of the demo committee (an administrator unless told), made through the command line. */
export function createAccount(
  env: NodeJS.ProcessEnv,
  username: string,
  fullName: string,
  role = 'HUDV:admin',
): { username: string; password: string } {
  const password = BENCH_PASSWORD;
  execFileSync(
    'node',
    [MAIN, 'user', 'create', '--username', username, '--full-name', fullName, '--password', password, '--role', role],
    { env, stdio: 'ignore' },
  );
  return { username, password };
}

/**
 * Starts the built server as its own process on an existing database, and times it to ready
 * (health answers) and to settled (health says `startup: 'done'`: the work the server does once
 * after it starts answering, such as the first reminders after 5 s and the job runner's first
 * pass, has finished). Measurements start once settled, so
 * they never share the processor with that work.
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<BenchServer> {
  const port = await freePort();
  const started = performance.now();
  // `BENCH_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to the server processes only.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // As `npm start` and the `vanphong` command start it: the young generation capped.
  const child = spawn('node', ['--max-semi-space-size=4', ...nodeArgs, MAIN, 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let readyMs: number | null = null;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (performance.now() - started > SETTLE_TIMEOUT_MS) {
      child.kill('SIGTERM');
      throw new Error(
        readyMs === null
          ? `server did not answer /api/health within ${SETTLE_TIMEOUT_MS / 1000} s`
          : `server answered after ${Math.round(readyMs)} ms but its start-up work was not done within ${SETTLE_TIMEOUT_MS / 1000} s`,
      );
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) {
        readyMs ??= performance.now() - started;
        if (((await res.json()) as { startup?: string }).startup === 'done') break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, readyMs === null ? 10 : 50));
  }
  const settledMs = performance.now() - started;
  return {
    url,
    dataDir: env.DATA_DIR ?? '',
    process: child,
    readyMs: readyMs ?? settledMs,
    settledMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The bare baseline: `bench/bare-server.mjs` in its own process, the product's Fastify answering
 * the JSON in `bodyFile` on `/list` and nothing else. Ready when it prints its port.
 */
export async function startBareServer(bodyFile: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn('node', [path.resolve('bench/bare-server.mjs'), bodyFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-bench-'));
}

export async function signInCookie(url: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no cookie');
  return cookie;
}

/** Runs the built `vanphong` command with `env`, quietly; throws if it fails. */
export function runCli(env: NodeJS.ProcessEnv, ...args: string[]): void {
  execFileSync('node', [MAIN, ...args], { env, stdio: 'ignore' });
}

/**
 * A fresh schema in a PostgreSQL database, for starting the built product on it, in as many
 * processes as wanted, each with a data directory of its own and the one audit key they
 * must share. `drop` removes it all.
 */
export async function postgresSchema(url: string) {
  const schema = `p_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const dirs: string[] = [];
  const auditKey = randomBytes(32).toString('hex');
  return {
    schema,
    /** The data directories handed out so far, one per process. */
    dataDirs: dirs as readonly string[],
    /** The environment of one more process on the schema. */
    env(): NodeJS.ProcessEnv {
      const dataDir = tempDataDir();
      dirs.push(dataDir);
      return {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        AUDIT_KEY: auditKey,
        LOG_LEVEL: 'warn',
        DEMO_MODE: 'false',
      };
    },
    /** A connection to look at what the processes wrote. */
    open: (): Database => openDatabase({ kind: 'postgres', url, schema, poolSize: 1 }),
    async drop(): Promise<void> {
      const cleanup = openDatabase({ kind: 'postgres', url, poolSize: 1 });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup.db);
      await cleanup.close();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The most resident memory the process ever had, in MB (Linux). */
export function peakRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
