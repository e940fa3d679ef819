// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy next to every text file
// of the built web app, when the copy is worth it, so the server sends them as they are:
// the best compression at no cost per request. Run at the end of `npm run build:web`.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|map|xml)$/;
// A copy is kept only when it saves at least this share and this many bytes: below that,
// the decoding and the second file are not paid back on any link.
const MIN_SAVING_RATIO = 0.1;
const MIN_SAVING_BYTES = 256;

const root = path.resolve(process.argv[2] ?? 'dist/web');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const worth = (raw, packed) => raw - packed >= Math.max(MIN_SAVING_BYTES, raw * MIN_SAVING_RATIO);

const totals = { files: 0, raw: 0, br: 0, gz: 0 };
for (const file of files(root)) {
  if (file.endsWith('.br') || file.endsWith('.gz')) {
    // Left over from an earlier build of the same file name: made again below, or not at all.
    rmSync(file);
    continue;
  }
  if (!TEXT.test(file)) continue;
  const raw = readFileSync(file);
  const size = statSync(file).size;
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  totals.files += 1;
  totals.raw += size;
  if (worth(size, br.length)) {
    writeFileSync(`${file}.br`, br);
    totals.br += br.length;
  } else totals.br += size;
  if (worth(size, gz.length)) {
    writeFileSync(`${file}.gz`, gz);
    totals.gz += gz.length;
  } else totals.gz += size;
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `Precompressed ${totals.files} text files in ${path.relative(process.cwd(), root) || '.'}: ` +
    `${kB(totals.raw)} raw, ${kB(totals.gz)} gzip, ${kB(totals.br)} brotli`,
);
