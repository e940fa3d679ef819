#!/usr/bin/env -S node --max-semi-space-size=4
// The `vanphong` command: runs the bundled server (build it with `npm run build`). The young
// generation is capped at 4 MB per semi-space (V8 reads it only at start, hence here): under load
// V8 otherwise grows it to 16 MB each, some 35 MB of memory that is mostly garbage.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/server/main.mjs', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('Chưa dựng máy chủ. Chạy: npm run build\n');
  process.exit(1);
}
await import(main);
