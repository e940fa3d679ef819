/**
 * `npm run bench -- NAME`: runs a named benchmark, prints its figures and,
 * last of all, one JSON line with them.
 */
const BENCHES: Record<string, () => Promise<{ run(): Promise<Record<string, unknown>> }>> = {
  http: () => import('./http'),
  'directory-import': () => import('./directory-import'),
  documents: () => import('./documents'),
  meetings: () => import('./meetings'),
  inspection: () => import('./inspection'),
  notify: () => import('./notify'),
  web: () => import('./web'),
  trust: () => import('./trust'),
  compression: () => import('./compression'),
  exchange: () => import('./exchange'),
  signatures: () => import('./signatures'),
};

const benchName = process.argv[2];
if (!benchName || !BENCHES[benchName]) {
  console.error(`Cách dùng: npm run bench -- <${Object.keys(BENCHES).join('|')}>`);
  process.exit(64);
}
const loader = BENCHES[benchName];
if (loader) {
  const bench = await loader();
  const figures = await bench.run();
  console.log(JSON.stringify(figures));
}

export {};
