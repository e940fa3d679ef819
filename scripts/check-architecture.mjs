// The layers as docs/ARCHITECTURE.md states them, checked on every `npm run lint`:
//   1. a module imports another module only through that module's contract file
//      (server/modules/<m>/<m>.contract.ts); the platform and common import no module;
//   2. query-builder calls and raw SQL appear only in `*.repository.ts` and server/platform/;
//   3. every module file carries its role suffix (`name.role.ts`).
// Tests and the test harness (server/test/) are exempt from 1 and 2: they set up and check state.
// Usage: node scripts/check-architecture.mjs [path …]  (default: the whole tree)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const MODULES = path.join(root, 'server/modules');

/** The roles a module file may carry, by what it does. */
export const ROLES = {
  routes: 'HTTP routes: parse, call a service, answer',
  service: 'use cases: authorize, open the transaction, call repositories, emit events',
  repository: 'the only code that writes SQL',
  policy: 'who may do what (one per resource kind)',
  schemas: 'zod schemas the module alone uses (shared ones live in common/schemas)',
  errors: 'typed domain errors',
  module: 'the factory that wires the module to the platform',
  contract: 'what other modules may import: types, event kinds and payloads, synchronous ports',
  tables: 'table types',
  view: 'rows shaped into API answers',
  subscribers: 'reactions to domain events',
  jobs: 'job handlers (what leaves the process)',
  cache: 'in-memory caches',
  render: 'documents made: PDF, DOCX, XLSX, iCalendar',
  rules: 'pure domain rules, no I/O',
  data: 'static data',
  transport: "talking to systems outside over the network (the exchange's peers and platform)",
  test: 'tests',
};

const SQL = [
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom|executeQuery)\(/,
  /\bsql(<[^>]*>)?`/,
  /\bsql\.(raw|ref|lit|id|table|join|val)\(/,
];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(full);
  }
  return out;
}

const rel = (f) => path.relative(root, f);
const isTest = (f) => /\.test\.tsx?$/.test(f) || rel(f).startsWith('server/test/') || f.endsWith('test-support.ts');
const moduleOf = (f) => {
  const r = path.relative(MODULES, f);
  return r.startsWith('..') ? null : r.split(path.sep)[0];
};

const targets = process.argv.slice(2).map((p) => path.resolve(p));
const inScope = (f) => targets.length === 0 || targets.some((t) => f === t || f.startsWith(t + path.sep));
const files = ['server', 'common', 'web'].flatMap((d) => walk(path.join(root, d))).filter((f) => inScope(f));
const problems = [];

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const r = rel(file);
  const own = moduleOf(file);
  const lines = text.split('\n');

  // 1. Imports across modules, and of modules from the platform or common.
  lines.forEach((line, i) => {
    const m = /^\s*(?:import|export)\b.*?from\s+'([^']+)'/.exec(line) ?? /^\s*import\s+'([^']+)'/.exec(line);
    if (!m?.[1].startsWith('.')) return;
    const target = path.resolve(path.dirname(file), m[1]);
    const theirs = moduleOf(target);
    if (!theirs) return;
    if (r.startsWith('server/platform/') || r.startsWith('common/') || r.startsWith('web/')) {
      problems.push(
        `${r}:${i + 1}: ${r.split('/')[0] === 'server' ? 'the platform' : r.split('/')[0]} imports a module (${m[1]})`,
      );
      return;
    }
    if (!own || own === theirs || isTest(file)) return;
    const contract = path.join(MODULES, theirs, `${theirs}.contract`);
    if (target !== contract && target !== `${contract}.ts`) {
      problems.push(`${r}:${i + 1}: imports ${m[1]}; another module is reached only through ${rel(contract)}.ts`);
    }
  });

  // 2. SQL outside repositories and the platform.
  if (r.startsWith('server/') && !r.startsWith('server/platform/') && !isTest(file) && !r.endsWith('.repository.ts')) {
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      if (SQL.some((re) => re.test(line)))
        problems.push(`${r}:${i + 1}: SQL outside a repository: ${line.trim().slice(0, 80)}`);
    });
  }

  // 3. Role suffixes.
  if (own && !isTest(file)) {
    const base = path.basename(file, '.ts');
    const role = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
    if (!(role in ROLES))
      problems.push(`${r}: a module file is named <name>.<role>.ts, role one of ${Object.keys(ROLES).join(', ')}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} architecture problem(s); see docs/ARCHITECTURE.md, "Layers".`);
  process.exit(1);
}
console.log(`Architecture: ${files.length} files checked, layers hold.`);
