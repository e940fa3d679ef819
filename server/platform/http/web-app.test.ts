import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';

const HTML = 'text/html';
const repoRoot = path.resolve(__dirname, '../../..');

/** A built web app in miniature: pages, hashed assets, root files; compressed copies by the build script. */
function makeWebRoot(options: { signIn: boolean }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-web-'));
  const filler = (word: string) => Array.from({ length: 300 }, (_, i) => `${word} ${i}`).join('\n');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.mkdirSync(path.join(root, 'icons'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><title>VanPhong</title><script type="module" src="/assets/index-AbC123.js"></script><!-- ${filler('ứng dụng')} -->`,
  );
  if (options.signIn) {
    fs.writeFileSync(
      path.join(root, 'sign-in.html'),
      `<!doctype html><title>Đăng nhập</title><!-- ${filler('đăng nhập')} -->`,
    );
  }
  fs.writeFileSync(path.join(root, 'assets/index-AbC123.js'), `console.log(${JSON.stringify(filler('mã'))});`);
  fs.writeFileSync(path.join(root, 'assets/index-AbC123.css'), `body{margin:0}\n/* ${filler('kiểu')} */`);
  fs.writeFileSync(path.join(root, 'assets/tiny-Xy9.css'), 'a{color:red}');
  fs.writeFileSync(
    path.join(root, 'favicon.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg"><!-- ${filler('x')} --></svg>`,
  );
  fs.writeFileSync(path.join(root, 'manifest.webmanifest'), JSON.stringify({ name: 'VanPhong', note: filler('m') }));
  fs.writeFileSync(path.join(root, 'sw.js'), `self.addEventListener('fetch', () => {}); // ${filler('sw')}`);
  fs.writeFileSync(path.join(root, 'icons/icon-192.png'), zlib.deflateSync(Buffer.from(filler('png'))));
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/precompress.mjs'), root], { stdio: 'pipe' });
  return root;
}

const decode = (encoding: string | undefined, body: Buffer) =>
  encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;

describe('the web app', () => {
  let t: TestApp;
  let root: string;
  let cookie: string;
  beforeAll(async () => {
    root = makeWebRoot({ signIn: true });
    t = await createTestApp('sqlite', { webRoot: root });
    cookie = (await signedInAs(t, 'specialist')).cookie;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const original = (file: string) => fs.readFileSync(path.join(root, file));

  it('the build writes brotli and gzip copies of text files worth compressing, and only those', () => {
    for (const file of ['index.html', 'sign-in.html', 'assets/index-AbC123.js', 'favicon.svg', 'sw.js']) {
      expect(zlib.brotliDecompressSync(original(`${file}.br`)).equals(original(file)), file).toBe(true);
      expect(zlib.gunzipSync(original(`${file}.gz`)).equals(original(file)), file).toBe(true);
    }
    // Too small to be worth it, or not text.
    expect(fs.existsSync(path.join(root, 'assets/tiny-Xy9.css.br'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'icons/icon-192.png.br'))).toBe(false);
  });

  it('serves hashed assets from their compressed copies, cached for a year', async () => {
    const js = original('assets/index-AbC123.js');
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await get('/assets/index-AbC123.js', { 'accept-encoding': accept });
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
      expect(decode(encoding, res.rawPayload).equals(js)).toBe(true);
      if (encoding) expect(res.rawPayload.length).toBeLessThan(js.length / 3);
    }
    const css = await get('/assets/index-AbC123.css', { 'accept-encoding': 'br' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['content-encoding']).toBe('br');
    const tiny = await get('/assets/tiny-Xy9.css', { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('a{color:red}');
    // A byte range of a file still works.
    const part = await get('/assets/index-AbC123.js', { range: 'bytes=0-9' });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(js.subarray(0, 10))).toBe(true);
  });

  it('has every other file of the root revalidated, the service worker above all', async () => {
    for (const [url, type] of [
      ['/sw.js', /javascript/],
      ['/favicon.svg', /^image\/svg\+xml/],
      ['/manifest.webmanifest', /^application\/manifest\+json/],
      ['/icons/icon-192.png', /^image\/png/],
    ] as const) {
      // No session: files are never sent to sign in.
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(type);
    }
    const sw = await get('/sw.js', { 'accept-encoding': 'br' });
    expect(sw.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(sw.rawPayload).equals(original('sw.js'))).toBe(true);
    expect((await get('/icons/icon-192.png', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
    // Revalidated, a service worker that did not change costs a 304.
    const again = await get('/sw.js', { 'accept-encoding': 'br', 'if-none-match': sw.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it('answers app routes with index.html, revalidated by a strong ETag', async () => {
    const html = original('index.html');
    const first = await get('/meetings/abc', { cookie, accept: HTML, 'accept-encoding': 'br' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(first.rawPayload.equals(original('index.html.br'))).toBe(true);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);

    const again = await get('/documents/xyz', { cookie, accept: HTML, 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(etag);

    // Each encoding is its own representation with its own tag.
    const plain = await get('/', { cookie, accept: HTML, 'if-none-match': etag });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(html)).toBe(true);
    expect(plain.headers.etag).not.toBe(etag);
    const gz = await get('/index.html', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(html)).toBe(true);
  });

  it('answers /sign-in with the sign-in page, whatever its query', async () => {
    const res = await get('/sign-in?next=%2Fmeetings', { accept: HTML, 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(res.rawPayload).equals(original('sign-in.html'))).toBe(true);
  });

  it('sends a visitor without a session to sign in before loading the app', async () => {
    const deep = await get('/meetings/abc/check-in?code=ABC123', { accept: HTML });
    expect(deep.statusCode).toBe(303);
    expect(deep.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/meetings/abc/check-in?code=ABC123')}`);
    expect(deep.rawPayload.length).toBeLessThan(200);
    const home = await get('/', { accept: HTML });
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/sign-in');
    // An ended session counts as none.
    const ended = await get('/incoming', { accept: HTML, cookie: 'vp_session=khong-con-hieu-luc' });
    expect(ended.statusCode).toBe(303);
    // Pages open without a session are served.
    const reset = await get('/reset-password?token=abc', { accept: HTML });
    expect(reset.statusCode).toBe(200);
    expect(reset.rawPayload.equals(original('index.html'))).toBe(true);
    // With a session: the app.
    const signedIn = await get('/meetings/abc', { accept: HTML, cookie });
    expect(signedIn.statusCode).toBe(200);
  });

  it('answers a missing file with 404 rather than the app', async () => {
    for (const [url, accept] of [
      ['/assets/index-Old999.js', '*/*'],
      ['/assets/gone.css', 'text/css,*/*;q=0.1'],
      ['/logo.png', 'image/avif,image/webp,*/*'],
      ['/meetings', 'application/json'],
    ] as const) {
      const res = await get(url, { cookie, accept });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('route.not_found');
    }
    expect((await get('/api/khong-co', { cookie, accept: HTML })).statusCode).toBe(404);
  });

  it('sends the same headers and bytes over a real connection', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const fetchRaw = (url: string, headers: Record<string, string>) =>
      new Promise<{ res: http.IncomingMessage; body: Buffer }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const asset = await fetchRaw('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(asset.res.headers['content-encoding']).toBe('br');
    expect(asset.res.headers['content-length']).toBe(String(asset.body.length));
    expect(asset.res.headers['transfer-encoding']).toBeUndefined();
    expect(asset.body.equals(original('assets/index-AbC123.js.br'))).toBe(true);
    const page = await fetchRaw('/sign-in', { 'accept-encoding': 'gzip, deflate, br', accept: HTML });
    expect(page.res.headers['content-encoding']).toBe('br');
    expect(page.res.headers['content-length']).toBe(String(page.body.length));
    expect(zlib.brotliDecompressSync(page.body).equals(original('sign-in.html'))).toBe(true);
  });
});

describe('a web app built without a sign-in page', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = makeWebRoot({ signIn: false });
    // No compressed copies either: the server makes them for its pages once, at start.
    for (const file of fs.readdirSync(root)) if (/\.(br|gz)$/.test(file)) fs.rmSync(path.join(root, file));
    t = await createTestApp('sqlite', { webRoot: root });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers /sign-in with index.html, still compressed', async () => {
    const res = await t.app.inject({ url: '/sign-in', headers: { accept: HTML, 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(fs.readFileSync(path.join(root, 'index.html')))).toBe(true);
  });
});
