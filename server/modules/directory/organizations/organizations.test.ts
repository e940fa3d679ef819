import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, browser, errorOf } from '../../../test/directory';
import { makeOrganization, SYSTEM, signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';
import { createDirectoryModule } from '../directory.module';

describe.each(testEngines())('organizations (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const names = (res: { json(): unknown }) => (res.json() as { items: { name: string }[] }).items.map((i) => i.name);

  it('finds organizations without diacritics, in any case, with đ as d', async () => {
    const { org: root, cookie } = await signedInAs(t, 'specialist');
    for (const name of ['Đảng ủy xã Đồng Văn', 'Thị trấn Đồng Văn', 'Đảng ủy xã Lũng Cú', 'Chi bộ đạt 100% chỉ tiêu']) {
      await makeOrganization(t, { parent: root, name });
    }
    const api = browser(t, cookie);
    const search = (q: string) => api.get(`/api/organizations?parentId=${root.id}&q=${encodeURIComponent(q)}`);
    const expected = ['Đảng ủy xã Đồng Văn', 'Thị trấn Đồng Văn'];
    for (const q of ['dong van', 'DONG VAN', 'Đồng Văn', 'đồng văn', '  Dong   Văn ']) {
      expect(names(await search(q)).sort(), q).toEqual(expected.sort());
    }
    // Words in any order, each matched: "van dong" still means Đồng Văn; "đang uy" finds both Đảng ủy.
    expect(names(await search('van dong')).sort()).toEqual(expected.sort());
    expect(names(await search('đang uy')).sort()).toEqual(['Đảng ủy xã Lũng Cú', 'Đảng ủy xã Đồng Văn'].sort());
    // A % or _ the user types is a character, not a wildcard.
    expect(names(await search('100%'))).toEqual(['Chi bộ đạt 100% chỉ tiêu']);
    expect(names(await search('%'))).toEqual(['Chi bộ đạt 100% chỉ tiêu']);
    expect(names(await search('_'))).toEqual([]);
  });

  it('searches everywhere when no parent is given, including codes and abbreviations', async () => {
    const { org: root, cookie } = await signedInAs(t, 'member');
    await makeOrganization(t, { parent: root, name: 'Văn phòng Huyện ủy', abbreviation: 'VPHUX', code: 'VP.HUYEN.X' });
    const api = browser(t, cookie);
    expect(names(await api.get('/api/organizations?q=vphux'))).toEqual(['Văn phòng Huyện ủy']);
    expect(names(await api.get('/api/organizations?q=vp.huyen.x&parentId=root'))).toEqual(['Văn phòng Huyện ủy']);
  });

  it('pages through children in display order', async () => {
    const { org: root, cookie } = await signedInAs(t, 'specialist');
    for (let i = 1; i <= 25; i++) {
      const child = await makeOrganization(t, { parent: root, name: `Chi bộ Thôn ${String(i).padStart(2, '0')}` });
      await t.deps.database.db
        .updateTable('organizations')
        .set({ sort_order: 100 - i })
        .where('id', '=', child.id)
        .execute();
    }
    const api = browser(t, cookie);
    const page = async (n: number) =>
      (await api.get(`/api/organizations?parentId=${root.id}&pageSize=10&page=${n}`)).json();
    const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
    expect(p1.total).toBe(25);
    expect(p3.items).toHaveLength(5);
    const all = [...p1.items, ...p2.items, ...p3.items].map((o: { name: string }) => o.name);
    expect(new Set(all).size).toBe(25);
    // Sort order 75 (Thôn 25) comes first, 99 (Thôn 01) last.
    expect(all[0]).toBe('Chi bộ Thôn 25');
    expect(all[24]).toBe('Chi bộ Thôn 01');
  });

  it('returns the whole tree depth-first with child counts', async () => {
    const { org: root, cookie } = await signedInAs(t, 'specialist');
    const a = await makeOrganization(t, { parent: root, name: 'A' });
    const b = await makeOrganization(t, { parent: root, name: 'B' });
    const a1 = await makeOrganization(t, { parent: a, name: 'A1' });
    const res = await browser(t, cookie).get('/api/organizations/tree');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; childCount: number; parentId: string | null }[];
    const mine = items.filter((i) => [root.id, a.id, b.id, a1.id].includes(i.id));
    expect(mine.map((i) => i.id)).toEqual([root.id, a.id, a1.id, b.id]);
    expect(mine.map((i) => i.childCount)).toEqual([2, 1, 0, 0]);
    expect(res.json().actions).toEqual([]);
  });

  it('lets an administrator create, and refuses a code already used', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const body = {
      parentId: root.id,
      type: 'party_cell',
      code: `CB-${root.id.slice(-6)}`,
      name: 'Chi bộ Thôn Lũng Cú',
      abbreviation: 'CB',
    };
    const res = await api.post('/api/organizations', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      parentId: root.id,
      depth: 1,
      childCount: 0,
      version: 1,
      ancestors: [{ id: root.id }],
    });
    expect(created.actions).toEqual(['update', 'delete', 'createChild']);
    const stored = await t.deps.database.db
      .selectFrom('organizations')
      .select('path')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.path).toBe(`${root.path}${created.id}/`);
    const [entry] = await auditEntries(t, created.id);
    expect(entry).toMatchObject({ action: 'directory.organization_created', entity_type: 'organization' });
    expect(entry?.summary).toContain('Tạo tổ chức Chi bộ Thôn Lũng Cú');

    const again = await api.post('/api/organizations', { ...body, name: 'Khác' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('directory.organization_code_taken');
    expect(errorOf(again).message).toContain('Chi bộ Thôn Lũng Cú');
  });

  it('moves a subtree and updates every descendant path, refusing a move under itself', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const a = await makeOrganization(t, { parent: root, name: 'A' });
    const b = await makeOrganization(t, { parent: a, name: 'B' });
    const c = await makeOrganization(t, { parent: b, name: 'C' });
    const d = await makeOrganization(t, { parent: root, name: 'D' });
    const api = browser(t, cookie);
    const moved = await api.patch(`/api/organizations/${b.id}`, { parentId: d.id, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: d.id, depth: 2, version: 2 });
    const cView = (await api.get(`/api/organizations/${c.id}`)).json();
    expect(cView.ancestors.map((x: { name: string }) => x.name)).toEqual([root.name, 'D', 'B']);
    expect(cView.depth).toBe(3);
    const stored = await t.deps.database.db
      .selectFrom('organizations')
      .select('path')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(stored.path).toBe(`${root.path}${d.id}/${b.id}/${c.id}/`);
    expect((await auditEntries(t, b.id)).map((e) => e.action)).toEqual(['directory.organization_moved']);

    const loop = await api.patch(`/api/organizations/${b.id}`, { parentId: c.id, version: 2 });
    expect(loop.statusCode).toBe(400);
    expect(errorOf(loop).code).toBe('directory.organization_move_into_descendant');
    const self = await api.patch(`/api/organizations/${b.id}`, { parentId: b.id, version: 2 });
    expect(errorOf(self).code).toBe('directory.organization_move_into_descendant');
  });

  it('refuses an edit based on a stale version', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const org = await makeOrganization(t, { parent: root, name: 'Ban Tổ chức' });
    const api = browser(t, cookie);
    const [first, second] = await Promise.all([
      api.patch(`/api/organizations/${org.id}`, { name: 'Ban Tổ chức Huyện ủy', version: 1 }),
      api.patch(`/api/organizations/${org.id}`, { name: 'Ban Tuyên giáo', version: 1 }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(errorOf(loser).code).toBe('common.stale_version');
    expect(errorOf(loser).message).toContain('tải lại');
  });

  it('refuses to delete an organization that still has children, and deletes a leaf', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const parent = await makeOrganization(t, { parent: root, name: 'Đảng bộ xã Sủng Là' });
    const leaf = await makeOrganization(t, { parent, name: 'Chi bộ Thôn Lao Xa' });
    const api = browser(t, cookie);
    const refused = await api.delete(`/api/organizations/${parent.id}`);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'directory.organization_in_use' });
    expect(errorOf(refused).message).toBe(
      'Không thể xóa Đảng bộ xã Sủng Là vì còn 1 tổ chức trực thuộc. Hãy chuyển hoặc xóa các mục đó trước.',
    );
    expect((await api.delete(`/api/organizations/${leaf.id}`)).statusCode).toBe(204);
    expect((await api.get(`/api/organizations/${leaf.id}`)).statusCode).toBe(404);
    expect((await api.delete(`/api/organizations/${parent.id}`)).statusCode).toBe(204);
  });

  it('lets only administrators over an organization change it', async () => {
    const { org: province } = await signedInAs(t, 'admin');
    const left = await makeOrganization(t, { parent: province, name: 'Huyện ủy Đồng Văn' });
    const right = await makeOrganization(t, { parent: province, name: 'Huyện ủy Mèo Vạc' });
    const target = await makeOrganization(t, { parent: left, name: 'Chi bộ Thôn Má Lầu' });
    const specialist = browser(t, (await signedInAs(t, 'specialist', left)).cookie);
    const siblingAdmin = browser(t, (await signedInAs(t, 'admin', right)).cookie);
    const leftAdmin = browser(t, (await signedInAs(t, 'admin', left)).cookie);
    const body = {
      parentId: left.id,
      type: 'party_cell',
      code: `X${target.id.slice(-8)}`,
      name: 'Chi bộ mới',
      abbreviation: 'CB',
    };

    expect((await specialist.post('/api/organizations', body)).statusCode).toBe(403);
    expect((await siblingAdmin.post('/api/organizations', body)).statusCode).toBe(403);
    expect((await siblingAdmin.patch(`/api/organizations/${target.id}`, { name: 'Đổi', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await siblingAdmin.delete(`/api/organizations/${target.id}`)).statusCode).toBe(403);
    // Nor may they pull it into their own subtree.
    expect(
      (await leftAdmin.patch(`/api/organizations/${target.id}`, { parentId: right.id, version: 1 })).statusCode,
    ).toBe(403);
    expect((await specialist.get(`/api/organizations/${target.id}`)).json().actions).toEqual([]);
    // The list page carries the same actions per row, however often it was asked before by others.
    const rowActions = async (api: ReturnType<typeof browser>) =>
      (
        (await api.get(`/api/organizations?parentId=${left.id}`)).json() as {
          items: { id: string; actions: string[] }[];
        }
      ).items.find((i) => i.id === target.id)?.actions;
    for (let round = 0; round < 2; round++) {
      expect(await rowActions(leftAdmin)).toEqual(['update', 'delete', 'createChild']);
      expect(await rowActions(specialist)).toEqual([]);
      expect(await rowActions(siblingAdmin)).toEqual([]);
    }
    expect((await siblingAdmin.get(`/api/organizations/${target.id}`)).json().actions).toEqual([]);
    expect((await leftAdmin.get(`/api/organizations/${target.id}`)).json().actions).toEqual([
      'update',
      'delete',
      'createChild',
    ]);
    expect(
      (await leftAdmin.patch(`/api/organizations/${target.id}`, { name: 'Chi bộ Thôn Má Lầu A', version: 1 }))
        .statusCode,
    ).toBe(200);
    expect((await leftAdmin.post('/api/organizations', body)).statusCode).toBe(201);
    // A new top-level organization takes an administrator of one.
    const root = { ...body, parentId: null, code: `R${target.id.slice(-8)}`, type: 'party_committee' };
    expect((await leftAdmin.post('/api/organizations', root)).statusCode).toBe(403);
  });

  it('writes the audit entry in the same transaction as the change', async () => {
    const { org: root } = await signedInAs(t, 'admin');
    // The same module, on a transaction that fails after the work (and its audit entry) is done.
    const failing = createDirectoryModule({
      ...t.deps,
      transact: (work) =>
        t.deps.transact(async (uow) => {
          await work(uow);
          throw new Error('mất điện giữa chừng');
        }),
    });
    const code = `FAIL${root.id.slice(-6)}`;
    const before = await t.deps.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      failing.service.createOrganization(SYSTEM, {
        parentId: root.id,
        type: 'office',
        code,
        name: 'Văn phòng',
        abbreviation: 'VP',
      }),
    ).rejects.toThrow('mất điện giữa chừng');
    expect(await t.services.directory.findOrganizationByCode(code)).toBeNull();
    const after = await t.deps.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    // The real one keeps both.
    const org = await t.services.directory.createOrganization(SYSTEM, {
      parentId: root.id,
      type: 'office',
      code,
      name: 'Văn phòng',
      abbreviation: 'VP',
    });
    expect((await t.services.directory.findOrganizationByCode(code))?.id).toBe(org.id);
    const [entry] = await auditEntries(t, org.id);
    expect(entry?.action).toBe('directory.organization_created');
    expect(JSON.parse(entry?.data ?? '{}')).toMatchObject({ code, name: 'Văn phòng', parentId: root.id });
  });
});
