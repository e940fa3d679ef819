import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../common/schemas/search';
import { signIn } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { type DemoSeedResult, seedDemo } from '../demo/demo.service';

describe.each(testEngines())('one search over every kind, as the reader may see it (%s)', (engine) => {
  let t: TestApp;
  let demo: DemoSeedResult;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp(engine);
    demo = await seedDemo(t.deps, t.services);
    // The whole demo is loaded, which takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => t.close());

  const as = async (username: string) => {
    const known = cookies.get(username);
    if (known) return known;
    const account = demo.accounts.find((a) => a.username === username);
    if (!account) throw new Error(`no demo account ${username}`);
    const cookie = await signIn(t, account);
    cookies.set(username, cookie);
    return cookie;
  };
  const search = async (username: string, q: string): Promise<SearchResponse> => {
    const res = await t.app.inject({
      url: `/api/search?q=${encodeURIComponent(q)}&limit=5`,
      headers: { cookie: await as(username) },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const titles = (answer: SearchResponse, kind: string) =>
    answer.groups.find((g) => g.kind === kind)?.items.map((i) => i.title) ?? [];

  it('finds an inspection case by words typed without diacritics, for the commission only', async () => {
    const inspector = await search('kiemtra', 'tai chinh dang phi lung cu');
    expect(titles(inspector, 'cases')).toContain('Kiểm tra tài chính đảng, thu nộp đảng phí tại Đảng bộ xã Lũng Cú');
    const path = inspector.groups.find((g) => g.kind === 'cases')?.items[0]?.path;
    expect(path).toMatch(/^\/inspection\/cases\//);

    // The clerk is not of the commission: the same words find no case.
    const clerk = await search('vanthu', 'tai chinh dang phi lung cu');
    expect(clerk.groups.find((g) => g.kind === 'cases')).toBeUndefined();
  });

  it('groups people, documents and meetings, each with where it opens', async () => {
    const answer = await search('vanthu', 'huyen uy');
    const kinds = answer.groups.map((g) => g.kind);
    expect(kinds).toContain('documents');
    for (const group of answer.groups) {
      expect(group.items.length).toBeLessThanOrEqual(5);
      expect(group.total).toBeGreaterThanOrEqual(group.items.length);
      for (const item of group.items) expect(item.path.startsWith('/')).toBe(true);
    }
    const people = await search('vanthu', 'chuyen vien');
    expect(people.groups.find((g) => g.kind === 'people')?.items.length).toBeGreaterThan(0);
  });

  it('refuses a query too short or hostile with a 400, never a 500, and asks for a session', async () => {
    const cookie = await as('vanthu');
    for (const q of ['', 'a', 'x'.repeat(201), 'ab\u0000cd']) {
      const res = await t.app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: { cookie } });
      expect(res.statusCode, q).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, q).toBeLessThan(500);
    }
    const odd = await t.app.inject({
      url: `/api/search?q=${encodeURIComponent("%_\\' or 1=1 --")}`,
      headers: { cookie },
    });
    expect(odd.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/search?q=huyen' })).statusCode).toBe(401);
  });

  it('says whether a browser comes with a session that ended, without a 401', async () => {
    const none = await t.app.inject({ url: '/api/auth/session' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ user: null, ended: false });
    const stale = await t.app.inject({ url: '/api/auth/session', headers: { cookie: `vp_session=${'a'.repeat(43)}` } });
    expect(stale.json()).toEqual({ user: null, ended: true });
    const live = await t.app.inject({ url: '/api/auth/session', headers: { cookie: await as('vanthu') } });
    expect(live.json().user.username).toBe('vanthu');
    expect(live.json().ended).toBe(false);
  });
});
