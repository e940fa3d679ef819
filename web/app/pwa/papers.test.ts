import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfflinePackage } from '../../../common/schemas/meetings-offline';
import { OWNER_KEY, PAPERS_CACHE, packageUrl } from './names';
import { claimPapers, forgetPapers, noteReply, readPackage, refreshPapers, savePapers } from './papers';

/**
 * Cache Storage as the browser keeps it, in memory: a deleted store is gone from `caches`, and a
 * Cache object opened before the deletion still takes writes that no one can read back.
 */
class MemoryCache {
  readonly entries = new Map<string, Response>();
  private key(request: RequestInfo | URL): string {
    const url = new URL(typeof request === 'string' || request instanceof URL ? request : request.url, ORIGIN);
    return url.pathname;
  }
  async match(request: RequestInfo | URL) {
    return this.entries.get(this.key(request))?.clone();
  }
  async put(request: RequestInfo | URL, response: Response) {
    this.entries.set(this.key(request), response);
  }
  async delete(request: RequestInfo | URL) {
    return this.entries.delete(this.key(request));
  }
  async keys() {
    return [...this.entries.keys()].map((path) => new Request(new URL(path, ORIGIN)));
  }
}
class MemoryCaches {
  readonly stores = new Map<string, MemoryCache>();
  async has(name: string) {
    return this.stores.has(name);
  }
  async open(name: string) {
    const store = this.stores.get(name) ?? new MemoryCache();
    this.stores.set(name, store);
    return store;
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

const ORIGIN = 'https://vanphong.test';
const MEETING = 'm-1';
const fileUrl = (n: number) => `/api/meetings/${MEETING}/files/f-${n}`;

function pkg(etags: string[]): OfflinePackage {
  return {
    meeting: {
      id: MEETING,
      title: 'Hội nghị Ban Chấp hành',
      organizationName: 'Văn phòng Huyện ủy',
      startsAt: '2026-12-08T01:00:00.000Z',
      endsAt: '2026-12-08T04:00:00.000Z',
      place: 'Hội trường',
      status: 'invited',
      secrecy: 'normal',
      chairName: null,
      invitationNumber: null,
      content: null,
    },
    agenda: [],
    files: etags.map((etag, n) => ({
      id: `f-${n}`,
      kind: 'document',
      agendaItemId: null,
      fileName: `tai-lieu-${n}.pdf`,
      contentType: 'application/pdf',
      size: 4,
      etag,
      url: fileUrl(n),
    })),
    myInvitation: { inviteeId: 'i-1', reply: 'pending', reason: null, deputyName: null, repliedAt: null },
    keepUntil: '2099-01-01T00:00:00.000Z',
    generatedAt: '2026-12-07T00:00:00.000Z',
  };
}

let store: MemoryCaches;
let served: OfflinePackage;
/** Runs while the server is answering a request: a sign-out in another part of the app, say. */
let during: ((url: string) => Promise<void>) | undefined;

beforeEach(() => {
  store = new MemoryCaches();
  served = pkg(['a']);
  during = undefined;
  vi.stubGlobal('caches', store);
  vi.stubGlobal('location', new URL(ORIGIN));
  vi.stubGlobal('fetch', async (url: string) => {
    await during?.(url);
    if (url.endsWith('/offline')) return Response.json(served);
    return new Response('%PDF', { headers: { 'content-type': 'application/pdf' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe("a person's meeting papers on the phone", () => {
  it('are kept as theirs, and another person signing in deletes them', async () => {
    await savePapers(MEETING, 'u-1');
    expect(await readPackage(MEETING)).toMatchObject({ meeting: { id: MEETING }, bytes: 4 });
    expect(await (await store.stores.get(PAPERS_CACHE)?.match(OWNER_KEY))?.text()).toBe('u-1');
    expect(await claimPapers('u-1')).toBe(false);
    expect(await readPackage(MEETING)).not.toBeNull();
    expect(await claimPapers('u-2')).toBe(true);
    expect(await store.has(PAPERS_CACHE)).toBe(false);
  });

  it("keeping papers where someone else's are left deletes theirs first", async () => {
    await savePapers(MEETING, 'u-1');
    await store.stores.get(PAPERS_CACHE)?.put('/api/meetings/m-9/files/f-9', new Response('giấy tờ của u-1'));
    await savePapers(MEETING, 'u-2');
    expect(await (await store.stores.get(PAPERS_CACHE)?.match(OWNER_KEY))?.text()).toBe('u-2');
    expect(await store.stores.get(PAPERS_CACHE)?.match('/api/meetings/m-9/files/f-9')).toBeUndefined();
  });

  it('a sign-out landing between looking for the store and opening it does not bring it back', async () => {
    // One Web Lock, as the browser keeps it for the page and the worker alike.
    let queue = Promise.resolve();
    vi.stubGlobal('navigator', {
      locks: {
        request: <T>(_name: string, work: () => Promise<T>) => {
          const run = queue.then(work);
          queue = run.then(
            () => undefined,
            () => undefined,
          );
          return run;
        },
      },
    });
    await savePapers(MEETING, 'u-1');
    let signedOut: Promise<void> | undefined;
    const has = store.has.bind(store);
    store.has = async (name: string) => {
      const answer = await has(name);
      signedOut ??= forgetPapers();
      return answer;
    };
    await readPackage(MEETING);
    await signedOut;
    expect(await has(PAPERS_CACHE)).toBe(false);
  });

  it('a sign-in on a phone that keeps nothing creates nothing', async () => {
    expect(await claimPapers('u-1')).toBe(false);
    expect(await store.has(PAPERS_CACHE)).toBe(false);
  });

  it('a refresh under way when the person signs out does not bring the papers back', async () => {
    await savePapers(MEETING, 'u-1');
    served = pkg(['b']);
    during = async (url) => {
      if (url.endsWith('/offline')) await forgetPapers();
    };
    await refreshPapers();
    expect(await store.has(PAPERS_CACHE)).toBe(false);
  });

  it('a sign-out between two papers of a refresh leaves nothing readable', async () => {
    await savePapers(MEETING, 'u-1');
    served = pkg(['b', 'c']);
    during = async (url) => {
      if (url === fileUrl(1)) await forgetPapers();
    };
    await refreshPapers();
    expect(await store.has(PAPERS_CACHE)).toBe(false);
    expect(await readPackage(MEETING)).toBeNull();
  });

  it('a refresh fetches only the papers whose bytes changed', async () => {
    served = pkg(['a', 'b']);
    await savePapers(MEETING, 'u-1');
    const asked: string[] = [];
    during = async (url) => void asked.push(url);
    served = pkg(['a', 'c']);
    await refreshPapers();
    expect(asked).toEqual([packageUrl(MEETING), fileUrl(1)]);
    expect((await readPackage(MEETING))?.files.map((f) => f.etag)).toEqual(['a', 'c']);
  });

  it('an answer noted after a sign-out does not create the store', async () => {
    await savePapers(MEETING, 'u-1');
    const cached = await readPackage(MEETING);
    expect(cached?.myInvitation?.reply).toBe('pending');
    await forgetPapers();
    await noteReply(MEETING, { reply: 'absent', reason: 'Đi công tác' });
    expect(await store.has(PAPERS_CACHE)).toBe(false);
  });
});
