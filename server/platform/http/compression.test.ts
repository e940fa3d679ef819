import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signedInAs } from '../../test/factories';
import { makePdf, multipart } from '../../test/files';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { COMPRESS_THRESHOLD_BYTES, isCompressibleType, negotiateEncoding } from './compression';
import { createHttpServer } from './http-server';

const decode = (encoding: string | undefined, body: Buffer): Buffer => {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === undefined) return body;
  throw new Error(`unexpected encoding ${encoding}`);
};

describe('choosing an encoding', () => {
  it('prefers brotli, then gzip, and honours quality values', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('x-gzip')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });

  it('compresses text and never event streams or files that are compressed already', () => {
    for (const type of [
      'application/json; charset=utf-8',
      'text/html; charset=utf-8',
      'text/csv',
      'text/calendar; charset=utf-8',
      'application/javascript',
      'image/svg+xml',
      'application/manifest+json',
      'application/problem+json',
    ]) {
      expect(isCompressibleType(type), type).toBe(true);
    }
    for (const type of [
      'text/event-stream; charset=utf-8',
      'application/pdf',
      'image/png',
      'image/jpeg',
      'application/zip',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.oasis.opendocument.text',
      'audio/mpeg',
      'video/mp4',
    ]) {
      expect(isCompressibleType(type), type).toBe(false);
    }
  });
});

describe.each(testEngines())('compressed answers (%s)', (engine) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const admin = await signedInAs(t, 'admin');
    cookie = admin.cookie;
    for (let i = 0; i < 12; i++) {
      await makeUser(t, [{ organization: admin.org, role: 'specialist' }], { fullName: `Nguyễn Thị Hồng Nhung ${i}` });
    }
  });
  afterAll(async () => t.close());

  const get = (url: string, acceptEncoding?: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      url,
      headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...headers },
    });

  it('sends the OpenAPI document as brotli, gzip or as it is, each the exact same JSON', async () => {
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(50_000);
    for (const [header, expected] of [
      ['gzip, deflate, br', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0, br;q=0', undefined],
      ['identity', undefined],
      ['deflate', undefined],
    ] as const) {
      const res = await get('/api/openapi.json', header);
      expect(res.statusCode, header).toBe(200);
      expect(res.headers['content-encoding'], header).toBe(expected);
      expect(res.headers.vary, header).toMatch(/accept-encoding/i);
      expect(
        decode(res.headers['content-encoding'] as string | undefined, res.rawPayload).equals(plain.rawPayload),
      ).toBe(true);
      if (expected) expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    }
    const docs = await get('/api/docs/json', 'br');
    expect(docs.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode('br', docs.rawPayload).toString()).openapi).toMatch(/^3\./);
  });

  it('compresses the browsable API page and its script', async () => {
    const style = await get('/api/docs/static/swagger-ui.css', 'gzip');
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-encoding']).toBe('gzip');
    const script = await get('/api/docs/static/swagger-ui-bundle.js', 'br');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-encoding']).toBe('br');
    expect(decode('br', script.rawPayload).length).toBeGreaterThan(script.rawPayload.length * 2);
  });

  it('compresses API lists for a signed-in caller, private and revalidated', async () => {
    const plain = await get('/api/users', undefined, { cookie });
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect(plain.headers['cache-control']).toBe('private, no-cache');
    const res = await get('/api/users', 'br, gzip', { cookie });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(decode('br', res.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('sends small answers as they are', async () => {
    const res = await get('/api/health', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary ?? '').not.toMatch(/accept-encoding/i);
    expect(res.json()).toMatchObject({ status: expect.any(String) });
    // The same client is sent a larger answer compressed.
    expect((await get('/api/openapi.json', 'br, gzip')).headers['content-encoding']).toBe('br');
  });

  it('streams the bell’s events uncompressed, event by event', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { headers, first } = await new Promise<{ headers: http.IncomingHttpHeaders; first: string }>(
      (resolve, reject) => {
        const req = http.get(
          {
            host: '127.0.0.1',
            port,
            path: '/api/notifications/stream',
            headers: { cookie, 'accept-encoding': 'br, gzip' },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => {
              text += chunk.toString();
              // The first event arrives while the answer is still open: it is not held back.
              if (text.includes('event: unread')) {
                resolve({ headers: res.headers, first: text });
                req.destroy();
              }
            });
          },
        );
        req.on('error', (err) => (err.message.includes('socket hang up') ? undefined : reject(err)));
        setTimeout(() => reject(new Error('no event within 5 s')), 5000).unref();
      },
    );
    // Over the same server, a JSON answer to the same client is compressed.
    const list = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get(
          { host: '127.0.0.1', port, path: '/api/users', headers: { cookie, 'accept-encoding': 'br, gzip' } },
          resolve,
        )
        .on('error', reject),
    );
    list.resume();
    expect(list.headers['content-encoding']).toBe('br');
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['content-encoding']).toBeUndefined();
    expect(first).toContain('retry: 5000');
    expect(first).toMatch(/event: unread\ndata: \{"unread":\d+\}/);
  });
});

describe.each(testEngines())('stored files on %s', (engine) => {
  for (const storage of ['disk', 'database'] as const) {
    describe(`kept on ${storage}`, () => {
      let t: TestApp;
      let cookie: string;
      let id: string;
      const pdf = makePdf('Nghị quyết về công tác văn phòng '.repeat(200));
      beforeAll(async () => {
        t = await createTestApp(engine, { env: { FILE_STORAGE: storage } });
        cookie = (await signedInAs(t, 'clerk')).cookie;
        const body = multipart([{ fileName: 'Nghị quyết.pdf', data: pdf }]);
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/files',
          headers: { ...body.headers, cookie },
          payload: body.payload,
        });
        expect(res.statusCode).toBe(201);
        id = res.json().id;
      });
      afterAll(async () => t.close());

      const download = (headers: Record<string, string> = {}) =>
        t.app.inject({ url: `/api/files/${id}`, headers: { cookie, 'accept-encoding': 'br, gzip', ...headers } });

      it('sends a PDF as it is, with its length, its own caching rule and byte ranges', async () => {
        expect(pdf.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
        const whole = await download();
        expect(whole.statusCode).toBe(200);
        expect(whole.headers['content-encoding']).toBeUndefined();
        expect(whole.headers['content-length']).toBe(String(pdf.length));
        expect(whole.headers['cache-control']).toBe('private, no-store');
        expect(whole.rawPayload.equals(pdf)).toBe(true);

        const part = await download({ range: 'bytes=100-1123' });
        expect(part.statusCode).toBe(206);
        expect(part.headers['content-range']).toBe(`bytes 100-1123/${pdf.length}`);
        expect(part.headers['content-length']).toBe('1024');
        expect(part.headers['content-encoding']).toBeUndefined();
        expect(part.rawPayload.equals(pdf.subarray(100, 1124))).toBe(true);

        const tail = await download({ range: 'bytes=-10' });
        expect(tail.statusCode).toBe(206);
        expect(tail.rawPayload.equals(pdf.subarray(pdf.length - 10))).toBe(true);
        const open = await download({ range: `bytes=${pdf.length - 5}-` });
        expect(open.headers['content-range']).toBe(`bytes ${pdf.length - 5}-${pdf.length - 1}/${pdf.length}`);

        const past = await download({ range: `bytes=${pdf.length}-` });
        expect(past.statusCode).toBe(416);
        expect(past.headers['content-range']).toBe(`bytes */${pdf.length}`);
        expect(past.json().error.code).toBe('files.range_not_satisfiable');

        // Several ranges, or one that cannot be checked against a validator: the whole file.
        for (const headers of [{ range: 'bytes=0-1,5-6' }, { range: 'bytes=0-1', 'if-range': '"x"' }] as Record<
          string,
          string
        >[]) {
          const res = await download(headers);
          expect(res.statusCode).toBe(200);
          expect(res.rawPayload.equals(pdf)).toBe(true);
        }
      });
    });
  }
});

describe('text that starts like compressed data', () => {
  it('is still sent as the exact text, compressed or not', async () => {
    const app = await createHttpServer({
      logLevel: 'silent',
      bodyLimitBytes: 1_048_576,
      uploadLimitBytes: 1_048_576,
      trustProxy: [],
      hsts: false,
      allowedOrigins: [],
      version: 'test',
      webRoot: null,
      authenticate: async () => ({ actor: null, expired: false }),
    });
    // "x " and "(4" are what @fastify/compress takes for a zlib header.
    const texts = ['x nội dung', '(4 nội dung', 'Xf nội dung'].map(
      (start) => `${start} ${'dòng văn bản\n'.repeat(200)}`,
    );
    texts.forEach((text, i) => {
      app.get(`/export-${i}.csv`, { config: { public: true } }, async (_request, reply) =>
        reply.type('text/csv; charset=utf-8').send(text),
      );
    });
    try {
      for (const [i, text] of texts.entries()) {
        const res = await app.inject({ url: `/export-${i}.csv`, headers: { 'accept-encoding': 'br, gzip' } });
        expect(res.statusCode).toBe(200);
        const encoding = res.headers['content-encoding'] as string | undefined;
        expect(decode(encoding, res.rawPayload).toString(), text.slice(0, 3)).toBe(text);
      }
    } finally {
      await app.close();
    }
  });
});
