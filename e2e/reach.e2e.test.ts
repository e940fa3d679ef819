import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, useProduct } from './session';

/** Each request's path and when it was sent and answered, in the order the browser sent them. */
function recordRequests(page: Page) {
  const seen: { path: string; search: string; sent: number; done: number | null; request: Request }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    seen.push({ path: url.pathname, search: url.search, sent: performance.now(), done: null, request });
  });
  page.on('requestfinished', (request) => {
    const entry = seen.find((s) => s.request === request);
    if (entry) entry.done = performance.now();
  });
  return seen;
}

describe('pages on a slow link: data with the code, files only when opened (Chromium)', { timeout: 120_000 }, () => {
  const e2e = useProduct();

  async function signIn(username: string): Promise<Page> {
    const page = await e2e.signIn(username, PHONE, { isMobile: true, hasTouch: true });
    await page.waitForFunction(() => performance.getEntriesByName('vp:usable:home').length > 0);
    return page;
  }

  it("a list's first rows and a document are asked for while the page's code is still coming", async () => {
    const page = await signIn('vanthu');
    // While the clerk reads the home page, the code of the incoming register and of a document
    // comes in the background: opening them later costs only their data.
    await page.waitForLoadState('networkidle');
    const warmed = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    expect(warmed.some((path) => /\/assets\/IncomingPage-/.test(path))).toBe(true);
    expect(warmed.some((path) => /\/assets\/DocumentPage-/.test(path))).toBe(true);

    // The outgoing register is not among what the clerk opens most: its code is not here yet.
    expect(warmed.some((path) => /\/assets\/OutgoingPage-/.test(path))).toBe(false);
    const seen = recordRequests(page);
    await page.locator('a[href="/outgoing"]:visible').first().click();
    await page.waitForFunction(() => performance.getEntriesByName('vp:usable:outgoing').length > 0);
    const listCode = seen.find((s) => /\/assets\/OutgoingPage-/.test(s.path));
    const rows = seen.find((s) => s.path === '/api/documents' && s.search.includes('direction=outgoing'));
    expect(listCode?.done).toBeTypeOf('number');
    expect(rows).toBeDefined();
    // Sent before the page's code had arrived: one wait on the link instead of two.
    expect(rows?.sent ?? Number.POSITIVE_INFINITY).toBeLessThan(listCode?.done ?? 0);
    expect(seen.filter((s) => s.path === '/api/documents').length).toBe(1);

    seen.length = 0;
    const documentLink = page
      .locator('a[href^="/documents/"]:not([href^="/documents/registers"]):not([href^="/documents/queue"]):visible')
      .first();
    const href = (await documentLink.getAttribute('href')) ?? '';
    await documentLink.click();
    await page.waitForFunction(() => performance.getEntriesByName('vp:usable:document').length > 0);
    const documentCode = seen.find((s) => /\/assets\/DocumentPage-/.test(s.path));
    const documentData = seen.find((s) => s.path === `/api${href}`);
    expect(documentData).toBeDefined();
    if (documentCode?.done) expect(documentData?.sent ?? Number.POSITIVE_INFINITY).toBeLessThan(documentCode.done);
  });

  it("a document's files are fetched only when the person opens one", async () => {
    const page = await signIn('vanthu');
    // A document of the register that has files, found as the page itself would.
    const withFiles = await page.evaluate(async () => {
      const get = async (path: string) => (await fetch(path, { headers: { accept: 'application/json' } })).json();
      for (const direction of ['incoming', 'outgoing']) {
        const list = (await get(`/api/documents?direction=${direction}&pageSize=50`)) as { items: { id: string }[] };
        for (const item of list.items) {
          const doc = (await get(`/api/documents/${item.id}`)) as { files: { id: string; contentType: string }[] };
          const file = doc.files.find((f) => f.contentType === 'application/pdf');
          if (file) return { id: item.id, fileId: file.id };
        }
      }
      return null;
    });
    expect(withFiles).not.toBeNull();
    const seen = recordRequests(page);
    await page.goto(`${e2e.product.url}/documents/${withFiles?.id}`);
    await page.waitForFunction(() => performance.getEntriesByName('vp:usable:document').length > 0);
    await page.waitForLoadState('networkidle');
    // Each PDF's signature verdict comes at once, a few hundred bytes of JSON; its bytes do not.
    const fileBytes = (path: string) => path.includes('/files/') && !path.endsWith('/signatures');
    expect(seen.filter((s) => fileBytes(s.path))).toEqual([]);
    const verdicts = seen.filter((s) => s.path.endsWith('/signatures'));
    expect(verdicts.length).toBeGreaterThan(0);
    for (const v of verdicts) expect((await (await v.request.response())?.body())?.length ?? 0).toBeLessThan(4096);

    // Opened: now, and only now, the file comes.
    const opened = page.waitForRequest((request) => fileBytes(new URL(request.url()).pathname));
    await page.locator('.vp-files').getByRole('button', { name: 'Xem' }).first().click();
    await opened;
  });
});
