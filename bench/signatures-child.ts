// One process of `npm run bench -- signatures`: reads a signed PDF and checks its signatures (or,
// for the floor, only hashes it) RUNS times; prints its times and its memory as one JSON line.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadTrustStore } from '../server/platform/pdf-signatures/trust';
import { verifyPdfSignatures } from '../server/platform/pdf-signatures/verify';

const [mode, file, trustDir, runs] = process.argv.slice(2);
const kb = (field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
const trust = loadTrustStore(trustDir ?? '');
async function once(): Promise<string> {
  const bytes = fs.readFileSync(file ?? '');
  if (mode === 'floor') {
    createHash('sha256').update(bytes).digest();
    return '';
  }
  const report = await verifyPdfSignatures(bytes, trust);
  return report.signatures.map((s) => `${s.intact}/${s.trusted}`).join(' ');
}
// A first run on the same file loads and compiles everything; then, after a full collection, the
// process at rest is measured and the peak starts anew for the measured runs.
const times: number[] = [];
let started = performance.now();
let verdict = await once();
times.push(performance.now() - started);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const idle = kb('VmRSS');
fs.writeFileSync('/proc/self/clear_refs', '5');
for (let i = 1; i < Number(runs); i++) {
  started = performance.now();
  verdict = await once();
  times.push(performance.now() - started);
  gc?.();
}
console.log(JSON.stringify({ times, idleKb: idle, peakKb: kb('VmHWM'), verdict }));
