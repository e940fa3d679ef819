import type { OfflinePackage } from '../../../common/schemas/meetings-offline';
import { OWNER_KEY, PAPERS_CACHE, packageUrl } from './names';

/**
 * A person's meeting papers on the phone, in Cache Storage: each meeting's package (its
 * JSON, under the package's own URL) and every paper's response under the paper's URL, so
 * the service worker answers the same URLs with no signal. Shared by the page and the worker.
 */

/** A package as kept: the server's, and when and how much was saved. */
export interface SavedPackage extends OfflinePackage {
  savedAt: string;
  bytes: number;
}

export class PapersError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ETAG_HEADER = 'x-vp-etag';
const NETWORK_DOWN = 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.';

async function fail(response: Response): Promise<never> {
  let code = 'http.error';
  let message = `Máy chủ trả lời lỗi ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON: the plain message stands.
  }
  throw new PapersError(response.status, code, message);
}

async function get(url: string): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new PapersError(0, 'network.down', NETWORK_DOWN);
  }
}

/**
 * Runs `work` holding the papers' Web Lock, shared by the pages and the service worker: looking
 * for the store and opening it is one step, and deleting it another, so a deletion (a sign-out)
 * never lands between the look and the open, which would create the store anew.
 */
function underPapersLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? (locks.request(PAPERS_LOCK, work) as Promise<T>) : work();
}
const PAPERS_LOCK = 'vp-papers';

/**
 * The kept papers, if there are any. Never creates the store: a read or a refresh that races a
 * sign-out must not leave one behind. A Cache opened before a deletion takes writes no one reads.
 */
function keptPapers(): Promise<Cache | undefined> {
  return underPapersLock(async () => ((await caches.has(PAPERS_CACHE)) ? caches.open(PAPERS_CACHE) : undefined));
}

export async function readPackage(meetingId: string): Promise<SavedPackage | null> {
  const hit = await (await keptPapers())?.match(packageUrl(meetingId), { ignoreVary: true });
  return hit ? ((await hit.json()) as SavedPackage) : null;
}

/** Every meeting kept on this phone, soonest first; those past their keeping time are deleted on the way. */
export async function savedPackages(now = new Date()): Promise<SavedPackage[]> {
  const cache = await keptPapers();
  const out: SavedPackage[] = [];
  for (const request of (await cache?.keys()) ?? []) {
    const path = new URL(request.url).pathname;
    const id = /^\/api\/meetings\/([^/]+)\/offline$/.exec(path)?.[1];
    if (!id) continue;
    const pkg = await readPackage(decodeURIComponent(id));
    if (!pkg) continue;
    if (new Date(pkg.keepUntil) < now) await removePapers(pkg.meeting.id);
    else out.push(pkg);
  }
  return out.sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt));
}

/**
 * The person keeps a meeting's papers: the store is created if need be and marked as theirs,
 * so that someone else signing in on the phone later finds them and deletes them.
 */
export async function savePapers(
  meetingId: string,
  owner: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SavedPackage> {
  const pkg = await fetchPackage(meetingId);
  // Papers someone else kept on this phone go before this person's are kept.
  const before = await (await keptPapers())?.match(OWNER_KEY);
  if (before && (await before.text()) !== owner) await forgetPapers();
  const cache = await caches.open(PAPERS_CACHE);
  if (!(await cache.match(OWNER_KEY))) await cache.put(OWNER_KEY, new Response(owner));
  return fillPapers(cache, pkg, onProgress);
}

async function fetchPackage(meetingId: string): Promise<OfflinePackage> {
  const response = await get(packageUrl(meetingId));
  if (!response.ok) await fail(response);
  const pkg = (await response.json()) as OfflinePackage;
  if (pkg.meeting.secrecy !== 'normal') {
    throw new PapersError(403, 'meetings.offline_not_allowed', 'Cuộc họp mật: tài liệu không được lưu trên thiết bị.');
  }
  return pkg;
}

/**
 * Fetches every paper the package lists that is not already kept with the same hash, deletes
 * papers it no longer lists, then keeps the package. A secret meeting's papers are never kept:
 * the server gives no package for one, and a package that is not marked normal is refused too.
 */
async function fillPapers(
  cache: Cache,
  pkg: OfflinePackage,
  onProgress: (done: number, total: number) => void,
): Promise<SavedPackage> {
  const meetingId = pkg.meeting.id;
  let bytes = 0;
  onProgress(0, pkg.files.length);
  for (const [index, file] of pkg.files.entries()) {
    const kept = await cache.match(file.url, { ignoreVary: true, ignoreSearch: true });
    if (kept?.headers.get(ETAG_HEADER) === file.etag) {
      bytes += file.size;
    } else {
      const fetched = await get(file.url);
      if (!fetched.ok) await fail(fetched);
      const body = await fetched.blob();
      const headers = new Headers(fetched.headers);
      headers.set(ETAG_HEADER, file.etag);
      headers.set('content-length', String(body.size));
      headers.delete('content-encoding');
      await cache.put(file.url, new Response(body, { status: 200, headers }));
      bytes += body.size;
    }
    onProgress(index + 1, pkg.files.length);
  }
  const listed = new Set(pkg.files.map((f) => new URL(f.url, location.origin).pathname));
  await deleteFiles(cache, meetingId, (path) => !listed.has(path));
  const saved: SavedPackage = { ...pkg, savedAt: new Date().toISOString(), bytes };
  await cache.put(
    packageUrl(meetingId),
    new Response(JSON.stringify(saved), { headers: { 'content-type': 'application/json; charset=utf-8' } }),
  );
  return saved;
}

async function deleteFiles(cache: Cache, meetingId: string, which: (path: string) => boolean) {
  const prefix = `/api/meetings/${encodeURIComponent(meetingId)}/files/`;
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(prefix) && which(path)) await cache.delete(request);
  }
}

export async function removePapers(meetingId: string): Promise<void> {
  const cache = await keptPapers();
  if (!cache) return;
  await deleteFiles(cache, meetingId, () => true);
  await cache.delete(packageUrl(meetingId));
}

/**
 * Brings every kept meeting up to date while online: changed papers fetched, removed ones
 * deleted; a meeting the person may no longer read, or now secret, deleted outright.
 */
export async function refreshPapers(): Promise<void> {
  for (const pkg of await savedPackages()) {
    try {
      const fresh = await fetchPackage(pkg.meeting.id);
      // Opened only while it stands: a refresh that outlives a sign-out must not bring the papers back.
      const cache = await keptPapers();
      if (!cache) return;
      await fillPapers(cache, fresh, () => {});
    } catch (error) {
      if (error instanceof PapersError && (error.status === 403 || error.status === 404)) {
        await removePapers(pkg.meeting.id);
      }
      // Anything else (no signal, a sign-in needed): the kept copy stays until next time.
    }
  }
}

/** Records the answer a queued reply gave, so the reader shows it with no signal. */
export async function noteReply(
  meetingId: string,
  reply: Partial<NonNullable<OfflinePackage['myInvitation']>>,
): Promise<void> {
  const pkg = await readPackage(meetingId);
  const cache = await keptPapers();
  if (!pkg?.myInvitation || !cache) return;
  await cache.put(
    packageUrl(meetingId),
    new Response(JSON.stringify({ ...pkg, myInvitation: { ...pkg.myInvitation, ...reply } }), {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
  );
}

/** Everyone's papers gone: at sign-out. */
export async function forgetPapers(): Promise<void> {
  await underPapersLock(() => caches.delete(PAPERS_CACHE));
}

/**
 * The papers belong to the person who kept them: when someone else signs in on the phone, the
 * previous one's go. Never creates the store: a session answer that arrives after a sign-out
 * must not leave one behind.
 */
export async function claimPapers(userId: string): Promise<boolean> {
  const cache = await keptPapers();
  if (!cache) return false;
  const owner = await (await cache.match(OWNER_KEY))?.text();
  if (owner === userId) return false;
  await forgetPapers();
  return true;
}

export async function papersOwner(): Promise<string | null> {
  return (await (await (await keptPapers())?.match(OWNER_KEY))?.text()) ?? null;
}
