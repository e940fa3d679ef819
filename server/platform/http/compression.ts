import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this a response is sent as it is: the headers and the decoding cost more than they save. */
export const COMPRESS_THRESHOLD_BYTES = 1024;
/**
 * Brotli quality for answers made per request. On a 224 kB JSON list (`npm run bench --
 * compression`): 4 takes ~1.1 ms and sends 15.8 %; 5 takes twice as long for 7 % less; 11
 * sends 12.1 % but takes ~175 ms, far too dear per request. 4 also costs less than gzip 6
 * (~2.7 ms, 16.9 %). The web app's files get 11 once, at build.
 */
export const DYNAMIC_BROTLI_QUALITY = 4;

const TEXT_TYPES =
  /^(?:text\/(?!event-stream)[\w.+-]+|application\/(?:[\w.+-]+\+)?(?:json|xml)|application\/(?:javascript|manifest\+json)|image\/svg\+xml)\s*(?:;|$)/i;

/** Text worth compressing. Never a stream of events, never a file that is already compressed. */
export function isCompressibleType(contentType: string): boolean {
  return TEXT_TYPES.test(contentType);
}

export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send for an `Accept-Encoding` header: brotli when the client takes it,
 * else gzip, else none. Quality values count (`br;q=0` refuses brotli); `*` stands for
 * whatever is not named.
 */
export function negotiateEncoding(header: string | undefined): ContentEncoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') weight = Number(value);
    }
    q.set(name.trim() === 'x-gzip' ? 'gzip' : name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: string) => q.get(encoding) ?? q.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

/** A payload whose first bytes @fastify/compress would take for gzip or zlib data and send unencoded. */
function looksCompressed(payload: unknown): boolean {
  const head = typeof payload === 'string' ? Buffer.from(payload.slice(0, 2), 'utf8') : payload;
  if (!Buffer.isBuffer(head) || head.length < 2) return false;
  const [a = 0, b = 0] = head;
  if (a === 0x1f && b === 0x8b) return true;
  return (a & 0x0f) === 0x08 && (a & 0x80) === 0 && ((a << 8) | b) % 31 === 0;
}

/**
 * Compresses what the server answers: brotli, else gzip, else nothing, for text at or over
 * the threshold. Event streams, partial answers and already compressed types are left alone.
 * Answers of the API are private and revalidated unless their route says otherwise.
 * Routes registered before this are not covered: register it first.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    customTypes: isCompressibleType,
    brotliOptions: {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    },
    zlibOptions: { level: 6 },
    // Request bodies are taken as sent: a compressed upload would slip past the body limit's intent.
    globalDecompression: false,
  });

  // Runs before the plugin's own hook (instance hooks come before route hooks).
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'private, no-cache');
    }
    const type = String(reply.getHeader('content-type') ?? '');
    const skip =
      type.startsWith('text/event-stream') ||
      reply.statusCode === 206 ||
      reply.hasHeader('content-range') ||
      // @fastify/compress would send such text as it is yet label it compressed.
      looksCompressed(payload);
    if (skip) {
      // The plugin's documented way out; it reads the request's headers only.
      request.headers['x-no-compression'] = '1';
      return payload;
    }
    // A response that could have been compressed varies with Accept-Encoding even when sent
    // as it is, so a cache never hands the plain copy to a client that asked for less.
    const size = typeof payload === 'string' || Buffer.isBuffer(payload) ? Buffer.byteLength(payload) : Infinity;
    if (isCompressibleType(type) && size >= COMPRESS_THRESHOLD_BYTES && !reply.hasHeader('content-encoding')) {
      addVary(reply, 'accept-encoding');
    }
    return payload;
  });
}

export function addVary(
  reply: { getHeader(name: string): unknown; header(name: string, value: string): unknown },
  name: string,
): void {
  const current = reply.getHeader('vary');
  const value = Array.isArray(current) ? current.join(', ') : current ? String(current) : '';
  const names = value.split(',').map((v) => v.trim().toLowerCase());
  if (names.includes(name) || names.includes('*')) return;
  reply.header('vary', value ? `${value}, ${name}` : name);
}
