import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.resolve('dist/server/main.mjs');

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
  stop(): Promise<void>;
}

export function prepareDatabase(env: NodeJS.ProcessEnv): { username: string; password: string } {
  const password = 'Bench-mat-khau-2026';
  execFileSync('node', [MAIN, 'seed-demo'], { env, stdio: 'ignore' });
  execFileSync(
    'node',
    [
      MAIN,
      'user',
      'create',
      '--username',
      'bench',
      '--full-name',
      'Đo hiệu năng',
      '--password',
      password,
      '--role',
      'HUDV:admin',
    ],
    { env, stdio: 'ignore' },
  );
  return { username: 'bench', password };
}

/** Starts the built server as its own process on an existing database, and times it to ready. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<BenchServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('node', [MAIN, 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    dataDir: env.DATA_DIR ?? '',
    process: child,
    readyMs,
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
