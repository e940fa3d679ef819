import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { createApp, defaultWebRoot } from '../server/app';
import { seedDemo } from '../server/modules/demo/demo.service';
import { testConfig } from '../server/test/harness';

/** Debian's Chromium; no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** The real product, built web app included, on a fresh SQLite database with the demo loaded. */
export async function startProduct() {
  const webRoot = defaultWebRoot();
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`The web app is not built at ${webRoot}; run npm run build (npm test does it).`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-e2e-'));
  const config = { ...testConfig({ DATA_DIR: dataDir, DEMO_MODE: 'true' }), host: '127.0.0.1', port: 0 };
  const vanphong = await createApp({ config, logger: pino({ level: 'silent' }), webRoot });
  const demo = await seedDemo(vanphong.deps, vanphong.services);
  await vanphong.app.listen({ port: 0, host: '127.0.0.1' });
  const address = vanphong.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const password = (username: string) => {
    const account = demo.accounts.find((a) => a.username === username);
    if (!account) throw new Error(`no demo account ${username}`);
    return account.password;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    password,
    close: async () => {
      await vanphong.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
