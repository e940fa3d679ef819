import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addVary, type ContentEncoding, negotiateEncoding } from './compression';
import { DomainError } from './errors';

/** App routes a person opens without a session (web/app/router.tsx): never sent to sign in. */
const PUBLIC_PAGES = new Set(['/sign-in', '/reset-password']);
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Variant {
  body: Buffer;
  etag: string;
}
type Page = Record<ContentEncoding | 'identity', Variant | null> & { identity: Variant };

/**
 * An HTML page kept in memory with its compressed copies: those written at build
 * (`.br`, `.gz`), else made once here. Each copy has its own strong ETag.
 */
function loadPage(file: string): Page {
  const raw = fs.readFileSync(file);
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 27);
  const copy = (suffix: string, made: () => Buffer): Variant | null => {
    const extension = suffix === 'br' ? '.br' : '.gz';
    const body = fs.existsSync(file + extension) ? fs.readFileSync(file + extension) : made();
    return body.length < raw.length ? { body, etag: `"${hash}-${suffix}"` } : null;
  };
  return {
    identity: { body: raw, etag: `"${hash}"` },
    br: copy('br', () => zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })),
    gzip: copy('gz', () => zlib.gzipSync(raw, { level: 9 })),
  };
}

/** Every file of the web root by its path from there (`assets/index-abc.js`), compressed copies aside. */
function listFiles(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(root, relative);
    return entry.name.endsWith('.br') || entry.name.endsWith('.gz') ? [] : [relative];
  });
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for it). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page) {
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  const chosen = (encoding && page[encoding]) || page.identity;
  addVary(reply, 'accept-encoding');
  reply.header('cache-control', 'no-cache').header('etag', chosen.etag);
  if (matches(request.headers['if-none-match'], chosen.etag)) return reply.code(304).send();
  if (chosen !== page.identity && encoding) reply.header('content-encoding', encoding);
  return reply.type('text/html; charset=utf-8').send(chosen.body);
}

/** A request for a page, as a browser's navigation makes it, rather than for a missing file. */
function wantsPage(request: FastifyRequest, pathname: string): boolean {
  const accept = request.headers.accept;
  if (accept?.includes('text/html')) return true;
  if (accept && !accept.includes('*/*')) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !pathname.startsWith('/assets/') && !last.includes('.');
}

/**
 * The built web app. Files of the web root are served as they are, their compressed copy
 * from the build when the client takes it: hashed `assets/` cached for a year, every other
 * file revalidated (a new `sw.js` must reach the phones). Every other GET outside /api is an
 * app route: index.html (sign-in.html for /sign-in), revalidated by its ETag; without a
 * session, a route that needs one is sent to sign in (303) before any of the app loads.
 */
export function serveWebApp(webRoot: string) {
  return async (scope: FastifyInstance) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await scope.register(fastifyStatic, { root: webRoot, serve: false, preCompressed: true, index: false });

    const files = new Set(listFiles(webRoot));
    const index = loadPage(path.join(webRoot, 'index.html'));
    const pages = new Map<string, Page>();
    for (const file of files) {
      if (file.endsWith('.html')) pages.set(file, file === 'index.html' ? index : loadPage(path.join(webRoot, file)));
    }
    const signIn = pages.get('sign-in.html') ?? index;

    // The compressed copies are chosen here, from the build: nothing is compressed per request.
    scope.get('/*', { schema: { hide: true }, compress: false }, async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        throw new DomainError('not_found', 'route.not_found', `Không có địa chỉ GET ${pathname}.`);
      }
      let file: string;
      try {
        file = decodeURIComponent(pathname.slice(1));
      } catch {
        file = '';
      }
      const page = pages.get(file);
      if (page) return sendPage(request, reply, page);
      if (files.has(file)) {
        reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : 'no-cache');
        return reply.sendFile(file, { cacheControl: false });
      }
      if (!wantsPage(request, pathname)) {
        throw new DomainError('not_found', 'route.not_found', `Không có tệp ${pathname}.`);
      }
      if (pathname === '/sign-in') return sendPage(request, reply, signIn);
      if (!request.actor && !PUBLIC_PAGES.has(pathname)) {
        const target = request.url === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(request.url)}`;
        return reply.header('cache-control', 'no-store').redirect(target, 303);
      }
      return sendPage(request, reply, index);
    });
  };
}
