// Builds the service worker (web/sw.ts) to dist/web/sw.js after `vite build`, with the list of
// files it precaches and a release hash over them: a new release is a new worker, which
// installs the new shell and deletes the previous release's caches.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist/web');
const PAGES = ['index.html', 'sign-in.html'];
// The PNG icons are not kept: the phone fetches them itself when it installs the app, and
// on a slow link the 30 kB they weigh would arrive while the first page after sign-in loads.
const ALWAYS = ['/manifest.webmanifest', '/favicon.svg'];

/** What a page loads before anything lazy: its scripts, module preloads, style sheets, its icon and manifest. */
export function filesOfPage(html) {
  const found = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    const url = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!url?.startsWith('/') || url.startsWith('//')) continue;
    if (tag.toLowerCase().startsWith('<script') || /^(modulepreload|stylesheet|manifest|icon)$/i.test(rel))
      found.push(url);
  }
  return found;
}

const precache = new Set();
for (const page of PAGES) {
  const file = path.join(dist, page);
  if (!fs.existsSync(file)) continue;
  precache.add(`/${page}`);
  for (const url of filesOfPage(fs.readFileSync(file, 'utf8'))) precache.add(url.split(/[?#]/)[0]);
}
for (const url of ALWAYS) if (fs.existsSync(path.join(dist, url))) precache.add(url);
const list = [...precache].sort();
const missing = list.filter((url) => !fs.existsSync(path.join(dist, url)));
if (missing.length > 0) throw new Error(`service worker: precached files missing from dist/web: ${missing.join(', ')}`);

const hash = createHash('sha256');
for (const url of list)
  hash
    .update(url)
    .update('\0')
    .update(fs.readFileSync(path.join(dist, url)));
hash.update(fs.readFileSync(path.join(root, 'web/sw.ts')));
const release = hash.digest('hex').slice(0, 16);

await build({
  entryPoints: [path.join(root, 'web/sw.ts')],
  outfile: path.join(dist, 'sw.js'),
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  banner: { js: `// VanPhong service worker, release ${release}` },
  define: { __BUILD__: JSON.stringify(release), __PRECACHE__: JSON.stringify(list) },
  logLevel: 'warning',
});
const bytes = list.reduce((sum, url) => sum + fs.statSync(path.join(dist, url)).size, 0);
console.log(
  `Service worker: release ${release}, ${list.length} files precached (${(bytes / 1000).toFixed(1)} kB), sw.js ${(fs.statSync(path.join(dist, 'sw.js')).size / 1000).toFixed(1)} kB`,
);
