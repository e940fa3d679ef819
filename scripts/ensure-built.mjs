// Builds the web app and the server when their output is missing or older
// than the sources, so `npm start` on a fresh clone just works and a second
// start does not rebuild.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const config = Math.max(mtime('package.json'), mtime('vite.config.ts'));

// Always a production build, even when called from inside the test runner (NODE_ENV=test):
// the product under test must be the product people get.
const buildEnv = { ...process.env, NODE_ENV: 'production' };

const webOut = 'dist/web/index.html';
if (mtime(webOut) < Math.max(newest('web'), newest('common'), config)) {
  console.log('Đang dựng giao diện web (vite build)...');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit', env: buildEnv });
  execSync('node scripts/build-sw.mjs', { stdio: 'inherit', env: buildEnv });
  execSync('node scripts/precompress.mjs dist/web', { stdio: 'inherit', env: buildEnv });
}
const serverOut = 'dist/server/main.mjs';
if (mtime(serverOut) < Math.max(newest('server'), newest('common'), config)) {
  console.log('Đang dựng máy chủ...');
  execSync('node scripts/build-server.mjs', { stdio: 'inherit', env: buildEnv });
}
