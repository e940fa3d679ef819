import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { prepareDatabase, startServer, tempDataDir } from './server-process';

/** JavaScript the sign-in page loads before anything lazy: scripts and modulepreloads of index.html. */
function firstLoadJs(): { files: { file: string; gzipBytes: number }[]; totalGzipBytes: number } {
  const root = path.resolve('dist/web');
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const files = [...new Set(refs)].map((ref) => ({
    file: ref,
    gzipBytes: gzipSync(fs.readFileSync(path.join(root, ref))).length,
  }));
  return { files, totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/** Time from navigation until the sign-in form accepts input, in Chromium, median of 5 cold loads. */
export async function run(): Promise<Record<string, unknown>> {
  const js = firstLoadJs();
  const dataDir = tempDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'true', LOG_LEVEL: 'warn' };
  prepareDatabase(env);
  const server = await startServer(env);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.url}/sign-in`);
      await page.locator('button[type=submit]').waitFor({ state: 'visible' });
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log('\nweb: first-load JavaScript of the sign-in page');
  for (const f of js.files) console.log(`  ${f.file}  ${(f.gzipBytes / 1024).toFixed(1)} KB gzip`);
  console.log(`  total ${(js.totalGzipBytes / 1024).toFixed(1)} KB gzip (budget 400 KB)`);
  console.log(`  sign-in page usable after ${median.toFixed(0)} ms (median of 5 cold loads; budget 1000 ms)`);
  return {
    bench: 'web',
    firstLoadJsGzipBytes: js.totalGzipBytes,
    signInUsableMsMedian: Math.round(median),
    signInUsableMsAll: times.map((t) => Math.round(t)),
  };
}
