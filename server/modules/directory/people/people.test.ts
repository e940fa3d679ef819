import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, browser, errorOf } from '../../../test/directory';
import { makeOrganization, SYSTEM, signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';

describe.each(testEngines())('people (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const uniqueEmail = (name: string) => `${name}.${Math.random().toString(36).slice(2, 8)}@dongvan.vn`;

  it('creates a person with memberships and a normalized phone, and shows whether they have an account', async () => {
    const { org, cookie } = await signedInAs(t, 'clerk');
    const api = browser(t, cookie);
    const email = uniqueEmail('hoa');
    const res = await api.post('/api/people', {
      fullName: 'Nguyễn Thị Hoa',
      position: 'Bí thư Chi bộ',
      phone: '0912 345 678',
      email: email.toUpperCase(),
      memberships: [{ organizationId: org.id, position: 'Bí thư' }],
    });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      phone: '84912345678',
      email,
      hasAccount: false,
      memberships: [{ organizationId: org.id, organizationName: org.name, position: 'Bí thư', isPrimary: true }],
      actions: ['update', 'delete'],
    });
    expect((await auditEntries(t, person.id))[0]?.summary).toBe(`Thêm Nguyễn Thị Hoa vào ${org.name} trong danh bạ`);

    await t.services.users.create(SYSTEM, {
      username: `hoa${person.id.slice(-6)}`,
      fullName: 'Nguyễn Thị Hoa',
      password: 'Mat-khau-rat-dai-1',
      personId: person.id,
      roles: [],
    });
    expect((await api.get(`/api/people/${person.id}`)).json().hasAccount).toBe(true);
    // Someone who signs in with this person may not vanish from the directory.
    const del = await api.delete(`/api/people/${person.id}`);
    expect(del.statusCode).toBe(409);
    expect(errorOf(del).code).toBe('directory.person_has_account');
  });

  it('finds people without diacritics and by phone as people type it, and filters by organization', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const commune = await makeOrganization(t, { parent: root, name: 'Đảng ủy xã Đồng Văn' });
    const cell = await makeOrganization(t, { parent: commune, name: 'Chi bộ Thôn Phố Cáo' });
    const api = browser(t, cookie);
    const add = (fullName: string, organizationId: string, phone?: string) =>
      api.post('/api/people', { fullName, phone, memberships: [{ organizationId }] });
    await add('Đặng Văn Đức', commune.id, '0987654321');
    await add('Lò Thị Mai', cell.id);
    await add('Sùng Mí Páo', cell.id);
    const list = async (query: string) =>
      (await api.get(`/api/people?${query}`)).json() as { items: { fullName: string }[]; total: number };
    expect((await list(`q=dang van duc&organizationId=${commune.id}`)).items.map((p) => p.fullName)).toEqual([
      'Đặng Văn Đức',
    ]);
    expect((await list(`q=ĐẶNG VĂN&organizationId=${commune.id}`)).items.map((p) => p.fullName)).toEqual([
      'Đặng Văn Đức',
    ]);
    expect((await list(`q=0987654321&organizationId=${commune.id}`)).items.map((p) => p.fullName)).toEqual([
      'Đặng Văn Đức',
    ]);
    expect((await list(`organizationId=${commune.id}`)).total).toBe(1);
    const below = await list(`organizationId=${commune.id}&includeDescendants=true&pageSize=2&page=1`);
    expect(below.total).toBe(3);
    expect(below.items.map((p) => p.fullName)).toEqual(['Đặng Văn Đức', 'Lò Thị Mai']);
    const second = await list(`organizationId=${commune.id}&includeDescendants=true&pageSize=2&page=2`);
    expect(second.items.map((p) => p.fullName)).toEqual(['Sùng Mí Páo']);
  });

  it('puts a whole word of a name first: exact diacritics, then folded, then a word start, then a position', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const org = await makeOrganization(t, { parent: root, name: 'Huyện ủy Mèo Vạc' });
    const api = browser(t, cookie);
    const add = (fullName: string, position?: string) =>
      api.post('/api/people', { fullName, position, memberships: [{ organizationId: org.id }] });
    // Eight specialists sort before "Nguyễn" and match "chu" in their position only.
    for (const name of ['An', 'Ánh', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Khánh']) {
      await add(`Đỗ Thị ${name}`, 'Chuyên viên Văn phòng');
    }
    await add('Hoàng Văn Chung', 'Phó Văn phòng');
    await add('Lý Mí Chu', 'Văn thư');
    await add('Nguyễn Văn Chứ', 'Bí thư Huyện ủy');
    const names = async (q: string) =>
      (
        (await api.get(`/api/people?organizationId=${org.id}&pageSize=8&q=${encodeURIComponent(q)}`)).json() as {
          items: { fullName: string }[];
        }
      ).items.map((p) => p.fullName);
    expect((await names('Chứ')).slice(0, 3)).toEqual(['Nguyễn Văn Chứ', 'Lý Mí Chu', 'Hoàng Văn Chung']);
    expect((await names('chứ'))[0]).toBe('Nguyễn Văn Chứ');
    expect((await names('Chu')).slice(0, 3)).toEqual(['Lý Mí Chu', 'Nguyễn Văn Chứ', 'Hoàng Văn Chung']);
    expect((await names('van chu')).slice(0, 2)).toEqual(['Nguyễn Văn Chứ', 'Hoàng Văn Chung']);
    const all = await names('chu');
    expect(all).toHaveLength(8);
    expect(all[3]).toMatch(/^Đỗ Thị/);
    // Hostile input is matched literally, never as a pattern.
    expect(await names('%_\\')).toEqual([]);
  });

  it('keeps memberships on an edit that does not mention them, and refuses a stale version', async () => {
    const { org, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const created = (
      await api.post('/api/people', { fullName: 'Vàng Seo Dình', memberships: [{ organizationId: org.id }] })
    ).json();
    const renamed = await api.patch(`/api/people/${created.id}`, { position: 'Phó Bí thư', version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      position: 'Phó Bí thư',
      version: 2,
      memberships: [{ organizationId: org.id }],
    });
    const stale = await api.patch(`/api/people/${created.id}`, { position: 'Bí thư', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('common.stale_version');
    const [, update] = await auditEntries(t, created.id);
    expect(JSON.parse(update?.data ?? '{}')).toEqual({ before: { position: null }, after: { position: 'Phó Bí thư' } });
  });

  it('refuses a second person with the same e-mail and a person twice in one organization', async () => {
    const { org, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const email = uniqueEmail('trung');
    expect((await api.post('/api/people', { fullName: 'Người thứ nhất', email })).statusCode).toBe(201);
    const dup = await api.post('/api/people', { fullName: 'Người thứ hai', email });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup)).toMatchObject({ code: 'directory.person_email_taken' });
    expect(errorOf(dup).message).toContain('Người thứ nhất');
    const twice = await api.post('/api/people', {
      fullName: 'Hai lần',
      memberships: [{ organizationId: org.id }, { organizationId: org.id }],
    });
    expect(errorOf(twice).code).toBe('directory.duplicate_membership');
  });

  it('lets clerks and administrators edit the people of their own subtree only', async () => {
    const { org: province } = await signedInAs(t, 'admin');
    const left = await makeOrganization(t, { parent: province, name: 'Huyện ủy Đồng Văn' });
    const right = await makeOrganization(t, { parent: province, name: 'Huyện ủy Mèo Vạc' });
    const cell = await makeOrganization(t, { parent: left, name: 'Chi bộ Thôn Sà Phìn' });
    const person = await t.services.directory.createPerson(SYSTEM, {
      fullName: 'Giàng Thị Sú',
      memberships: [{ organizationId: cell.id }],
    });
    const clerk = browser(t, (await signedInAs(t, 'clerk', left)).cookie);
    const siblingAdmin = browser(t, (await signedInAs(t, 'admin', right)).cookie);
    const specialist = browser(t, (await signedInAs(t, 'specialist', left)).cookie);

    expect(
      (await specialist.post('/api/people', { fullName: 'X', memberships: [{ organizationId: cell.id }] })).statusCode,
    ).toBe(403);
    expect((await specialist.get(`/api/people/${person.id}`)).json().actions).toEqual([]);
    expect((await siblingAdmin.patch(`/api/people/${person.id}`, { position: 'Y', version: 1 })).statusCode).toBe(403);
    expect((await siblingAdmin.delete(`/api/people/${person.id}`)).statusCode).toBe(403);
    // Adding them to another subtree's organization takes rights there too.
    const moveOut = await clerk.patch(`/api/people/${person.id}`, {
      memberships: [{ organizationId: cell.id }, { organizationId: right.id }],
      version: 1,
    });
    expect(moveOut.statusCode).toBe(403);
    const ok = await clerk.patch(`/api/people/${person.id}`, { position: 'Bí thư Chi bộ', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().actions).toEqual(['update', 'delete']);
    // The list carries the same actions, for every row at once.
    const list = (await siblingAdmin.get(`/api/people?organizationId=${cell.id}`)).json();
    expect(list.items).toMatchObject([{ id: person.id, actions: [] }]);
    expect((await clerk.delete(`/api/people/${person.id}`)).statusCode).toBe(204);
    expect((await clerk.get(`/api/people/${person.id}`)).statusCode).toBe(404);
  });
});
