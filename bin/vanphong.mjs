#!/usr/bin/env node
// The `vanphong` command: runs the bundled server (build it with `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/server/main.mjs', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('Chưa dựng máy chủ. Chạy: npm run build\n');
  process.exit(1);
}
await import(main);
