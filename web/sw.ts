/// <reference lib="webworker" />
/**
 * The service worker: the app shell kept per release so a revisit opens at once, even with no
 * signal; hashed files cache-first; a person's meeting papers answered from their cache with
 * no signal; queued replies sent when the signal returns. Never any other /api answer from a
 * cache. Built to dist/web/sw.js by scripts/build-sw.mjs, which fills in the two constants.
 */
import {
  ASSETS_CACHE_PREFIX,
  PAPER_URL,
  PAPERS_CACHE,
  REPLY_SYNC_TAG,
  SHELL_CACHE_PREFIX,
  type ToWorker,
} from './app/pwa/names';
import { claimPapers, forgetPapers } from './app/pwa/papers';
import { flushReplies, forgetReplies } from './app/pwa/replyQueue';

declare const self: ServiceWorkerGlobalScope;
/** The release: a hash over the precached files. */
declare const __BUILD__: string;
/** index.html, sign-in.html, the files they load, the manifest and icons. */
declare const __PRECACHE__: string[];

const SHELL = `${SHELL_CACHE_PREFIX}${__BUILD__}`;
const ASSETS = `${ASSETS_CACHE_PREFIX}${__BUILD__}`;
/** Lazily loaded chunks kept at most, beyond the precached ones: the oldest go first. */
const MAX_RUNTIME_ASSETS = 120;

const isAsset = (path: string) => path.startsWith('/assets/');

/** Hashed files never change under their name: one kept by an earlier release is taken as is. */
async function precache(): Promise<void> {
  const shell = await caches.open(SHELL);
  const assets = await caches.open(ASSETS);
  await Promise.all(
    __PRECACHE__.map(async (url) => {
      if (isAsset(url)) {
        const kept = await caches.match(url);
        // The page has just loaded most of these: the browser's own cache answers without the network.
        await assets.put(url, kept ?? (await fetchOk(url, 'default')));
      } else {
        await shell.put(url, await fetchOk(url, 'no-cache'));
      }
    }),
  );
}

async function fetchOk(url: string, mode: RequestCache): Promise<Response> {
  const response = await fetch(url, { cache: mode });
  if (!response.ok) throw new Error(`precache ${url}: ${response.status}`);
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await precache();
      // The first worker takes over at once: no page runs an older release. A later one waits
      // for the person to reload ("Đã có phiên bản mới"), so an open form is never cut short.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const old =
          (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL) ||
          (name.startsWith(ASSETS_CACHE_PREFIX) && name !== ASSETS);
        if (old) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const message = event.data as ToWorker;
  if (message?.type === 'skip-waiting') void self.skipWaiting();
  if (message?.type === 'keep-assets') {
    event.waitUntil(
      (async () => {
        const assets = await caches.open(ASSETS);
        for (const url of message.urls) {
          if (!isAsset(new URL(url, self.location.origin).pathname)) continue;
          if (await assets.match(url)) continue;
          const response = await fetch(url).catch(() => null);
          if (response?.ok) await assets.put(url, response);
        }
        event.ports[0]?.postMessage('kept');
      })(),
    );
  }
});

/** Background Sync (Chromium): not in TypeScript's library. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === REPLY_SYNC_TAG) sync.waitUntil(flushReplies());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;

  if (request.method !== 'GET') {
    if (path === '/api/auth/sign-out') event.respondWith(signOut(request));
    else if (path.startsWith('/api/auth/')) event.respondWith(watchSession(event, request));
    return;
  }
  if (path === '/api/auth/session') {
    event.respondWith(watchSession(event, request));
    return;
  }
  const paper = PAPER_URL.exec(path);
  if (paper) {
    // A download asks for the file as an attachment: the kept copy (inline) answers only with no signal.
    event.respondWith(fromPapers(request, paper[2] !== 'offline' && !url.searchParams.has('download')));
    return;
  }
  if (path.startsWith('/api/') || path.startsWith('/calendar/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(shell(request, path));
    return;
  }
  if (isAsset(path)) {
    event.respondWith(asset(event, request));
    return;
  }
  if (__PRECACHE__.includes(path)) event.respondWith(fromShell(request, path));
});

/** Every app route opens the cached shell; sign-in pages their own, when the release has one. */
async function shell(request: Request, path: string): Promise<Response> {
  const cache = await caches.open(SHELL);
  const page = path.startsWith('/sign-in') && __PRECACHE__.includes('/sign-in.html') ? '/sign-in.html' : '/index.html';
  return (await cache.match(page)) ?? fetch(request);
}

async function fromShell(request: Request, path: string): Promise<Response> {
  return (await (await caches.open(SHELL)).match(path)) ?? fetch(request);
}

async function asset(event: FetchEvent, request: Request): Promise<Response> {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    event.waitUntil(
      (async () => {
        await cache.put(request, response.clone());
        const keys = await cache.keys();
        const runtime = keys.filter((k) => !__PRECACHE__.includes(new URL(k.url).pathname));
        for (const old of runtime.slice(0, Math.max(0, runtime.length - MAX_RUNTIME_ASSETS))) await cache.delete(old);
      })(),
    );
  }
  return response;
}

/**
 * A kept paper (its URL names its bytes: a replaced paper is another file) is answered from the
 * phone; the package is asked of the server first and the kept one answers only with no signal.
 * Nothing is written here: only the papers module fills the cache, for non-secret meetings.
 */
async function fromPapers(request: Request, keptFirst: boolean): Promise<Response> {
  // Matched through the storage, not an opened cache: opening would create the store after a sign-out deleted it.
  const kept = await caches.match(request, { cacheName: PAPERS_CACHE, ignoreVary: true, ignoreSearch: true });
  if (keptFirst && kept) return kept;
  try {
    return await fetch(request);
  } catch (error) {
    if (kept) return kept;
    throw error;
  }
}

/** Replies still waiting go out while the session lasts; then the person's papers and queue go. */
async function signOut(request: Request): Promise<Response> {
  await flushReplies().catch(() => undefined);
  const response = await fetch(request);
  if (response.ok) {
    await forgetPapers();
    await forgetReplies();
  }
  return response;
}

/** A session answer names the person: papers kept by someone else are deleted. */
async function watchSession(event: FetchEvent, request: Request): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) {
    event.waitUntil(
      (async () => {
        const body = (await response
          .clone()
          .json()
          .catch(() => null)) as { user?: { id?: string } | null } | null;
        const id = body?.user?.id;
        if (id && (await claimPapers(id))) await forgetReplies();
      })(),
    );
  }
  return response;
}
