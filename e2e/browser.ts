import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { createApp, defaultWebRoot } from '../server/app';
import { demoCredentials, seedDemo } from '../server/modules/demo/demo.service';
import { testConfig } from '../server/test/harness';
import { SQLITE_TEMPLATE_ENV } from '../server/test/templates';

/**
 * Debian's Chromium; no browser is ever downloaded. Its headless shell (package
 * chromium-headless-shell) when installed: the same engine without the browser's own windows
 * and pages, a third less processor time over the journeys.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/** The whole browser: the shell has no app installation, so the installed-app journey needs it. */
export const FULL_CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM_PATH);

/** The closed network refuses Chromium's background calls; these flags stop it making them. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * The demo, seeded once per test run into a folder every journey copies: seeding (migrations,
 * organizations, people, documents, meetings) costs seconds that each journey file would repeat.
 * The first file to ask makes it; a file asking meanwhile waits for it to be ready.
 */
async function demoTemplate(): Promise<{ dataDir: string; auditKey: string }> {
  const runTemplate = process.env[SQLITE_TEMPLATE_ENV];
  if (!runTemplate)
    throw new Error('No test run template: run the journeys with vitest (see server/test/global-setup.ts).');
  const root = path.join(path.dirname(runTemplate), 'e2e-demo');
  const dataDir = path.join(root, 'data');
  const keyFile = path.join(root, 'audit-key');
  const ready = path.join(root, 'ready');
  let maker = false;
  try {
    fs.mkdirSync(root);
    maker = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (maker) {
    const auditKey = randomBytes(32).toString('hex');
    // The run's migrated database is the demo's starting point: no migrations here either.
    fs.mkdirSync(dataDir);
    fs.copyFileSync(runTemplate, path.join(dataDir, 'vanphong.sqlite'));
    const config = testConfig({ DATA_DIR: dataDir, DEMO_MODE: 'true', AUDIT_KEY: auditKey });
    const vanphong = await createApp({ config, logger: pino({ level: 'silent' }), webRoot: null });
    await seedDemo(vanphong.deps, vanphong.services);
    // Closing folds the write-ahead log into the file: the folder alone is the demo.
    await vanphong.close();
    fs.writeFileSync(keyFile, auditKey);
    fs.writeFileSync(ready, '');
  } else {
    const deadline = Date.now() + 120_000;
    while (!fs.existsSync(ready)) {
      if (Date.now() > deadline) throw new Error(`The demo template at ${root} was never finished.`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { dataDir, auditKey: fs.readFileSync(keyFile, 'utf8') };
}

/** The real product, built web app included, on its own copy of the demo (SQLite). */
export async function startProduct() {
  const webRoot = defaultWebRoot();
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`The web app is not built at ${webRoot}; run npm run build (npm test does it).`);
  }
  const template = await demoTemplate();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-e2e-'));
  fs.cpSync(template.dataDir, dataDir, { recursive: true });
  const config = {
    ...testConfig({ DATA_DIR: dataDir, DEMO_MODE: 'true', AUDIT_KEY: template.auditKey }),
    host: '127.0.0.1',
    port: 0,
  };
  const vanphong = await createApp({ config, logger: pino({ level: 'silent' }), webRoot });
  const { credentials } = await demoCredentials(vanphong.deps);
  if (!credentials) throw new Error('The demo copy lost the secret its passwords come from.');
  await vanphong.app.listen({ port: 0, host: '127.0.0.1' });
  const address = vanphong.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const password = (username: string) => {
    const account = credentials.find((a) => a.username === username);
    if (!account) throw new Error(`no demo account ${username}`);
    return account.password;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    /** The product's data folder: its trust directory (`trust/`) is where a test installs a root certificate. */
    dataDir,
    password,
    close: async () => {
      await vanphong.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
