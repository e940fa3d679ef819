import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, browser, errorOf } from '../../../test/directory';
import { makeOrganization, SYSTEM, signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';

describe.each(testEngines())('distribution groups (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const person = (fullName: string, organizationId?: string) =>
    t.services.directory.createPerson(SYSTEM, {
      fullName,
      memberships: organizationId ? [{ organizationId }] : [],
    });

  it('expands to the people and organizations it reaches, each person once', async () => {
    const { org: committee, cookie } = await signedInAs(t, 'clerk');
    const cellA = await makeOrganization(t, { parent: committee, name: 'Chi bộ Thôn Lũng Cú' });
    const cellB = await makeOrganization(t, { parent: committee, name: 'Chi bộ Thôn Ma Lé' });
    const secretary = await person('Sùng Mí Chứ', cellA.id);
    const member = await person('Lầu Thị Dế', cellA.id);
    const leader = await person('Hoàng Văn Quân');
    const api = browser(t, cookie);
    const res = await api.post('/api/groups', {
      ownerOrganizationId: committee.id,
      name: 'Bí thư các chi bộ, đảng bộ cơ sở',
      members: [
        { kind: 'person', id: secretary.id },
        { kind: 'person', id: leader.id },
        { kind: 'organization', id: cellA.id },
        { kind: 'organization', id: cellB.id },
        { kind: 'person', id: leader.id },
      ],
    });
    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group.members).toEqual([
      { kind: 'organization', id: cellA.id, name: 'Chi bộ Thôn Lũng Cú' },
      { kind: 'organization', id: cellB.id, name: 'Chi bộ Thôn Ma Lé' },
      { kind: 'person', id: leader.id, name: 'Hoàng Văn Quân' },
      { kind: 'person', id: secretary.id, name: 'Sùng Mí Chứ' },
    ]);

    const expanded = (await api.get(`/api/groups/${group.id}/expand`)).json();
    // Sùng Mí Chứ is listed by name and through Chi bộ Thôn Lũng Cú, yet appears once.
    expect(expanded.people.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Hoàng Văn Quân',
      'Lầu Thị Dế',
      'Sùng Mí Chứ',
    ]);
    expect(expanded.people).toContainEqual(
      expect.objectContaining({ id: secretary.id, direct: true, viaOrganizationIds: [cellA.id] }),
    );
    expect(expanded.people).toContainEqual(expect.objectContaining({ id: member.id, direct: false }));
    expect(expanded.organizations.map((o: { id: string }) => o.id).sort()).toEqual([cellA.id, cellB.id].sort());
    expect(await t.services.directory.expandGroup(SYSTEM, group.id)).toEqual(expanded);
  });

  it('replaces members on a versioned edit and refuses a stale one', async () => {
    const { org, cookie } = await signedInAs(t, 'admin');
    const a = await person('Thào Mí Già', org.id);
    const b = await person('Vừ Thị Mỷ', org.id);
    const api = browser(t, cookie);
    const group = (
      await api.post('/api/groups', {
        ownerOrganizationId: org.id,
        name: 'Ủy viên Ban Thường vụ',
        members: [{ kind: 'person', id: a.id }],
      })
    ).json();
    const renamed = await api.patch(`/api/groups/${group.id}`, { description: 'Nhận giấy mời họp', version: 1 });
    expect(renamed.json()).toMatchObject({ version: 2, members: [{ id: a.id }] });
    const replaced = await api.patch(`/api/groups/${group.id}`, {
      members: [{ kind: 'person', id: b.id }],
      version: 2,
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().members).toEqual([{ kind: 'person', id: b.id, name: 'Vừ Thị Mỷ' }]);
    const stale = await api.patch(`/api/groups/${group.id}`, { name: 'Khác', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('common.stale_version');
    const entries = await auditEntries(t, group.id);
    expect(entries.map((e) => e.action)).toEqual([
      'directory.group_created',
      'directory.group_updated',
      'directory.group_updated',
    ]);
    expect(JSON.parse(entries[2]?.data ?? '{}')).toEqual({
      before: { members: [{ kind: 'person', id: a.id }] },
      after: { members: [{ kind: 'person', id: b.id }] },
    });
  });

  it('lists groups of an owner with member counts, and refuses a duplicate name or an unknown member', async () => {
    const { org, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const p = await person('Ly Mí Vàng', org.id);
    await api.post('/api/groups', {
      ownerOrganizationId: org.id,
      name: 'Ủy viên Ban Chấp hành',
      members: [{ kind: 'person', id: p.id }],
    });
    await api.post('/api/groups', { ownerOrganizationId: org.id, name: 'Ủy viên Ban Thường vụ', description: 'BTV' });
    const list = (await api.get(`/api/groups?ownerOrganizationId=${org.id}`)).json();
    expect(list.items.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount])).toEqual([
      ['Ủy viên Ban Chấp hành', 1],
      ['Ủy viên Ban Thường vụ', 0],
    ]);
    expect((await api.get(`/api/groups?ownerOrganizationId=${org.id}&q=uy vien ban thuong vu`)).json().total).toBe(1);
    const dup = await api.post('/api/groups', { ownerOrganizationId: org.id, name: 'Ủy viên Ban Chấp hành' });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe('directory.group_name_taken');
    const ghost = await api.post('/api/groups', {
      ownerOrganizationId: org.id,
      name: 'Ma',
      members: [{ kind: 'person', id: 'khong-co' }],
    });
    expect(ghost.statusCode).toBe(400);
    expect(errorOf(ghost).code).toBe('directory.group_unknown_member');
  });

  it('lets clerks and administrators of the owner change a group, nobody else', async () => {
    const { org: province } = await signedInAs(t, 'admin');
    const left = await makeOrganization(t, { parent: province });
    const right = await makeOrganization(t, { parent: province });
    const group = await t.services.directory.createGroup(SYSTEM, {
      ownerOrganizationId: left.id,
      name: 'Nhóm bên trái',
    });
    const specialist = browser(t, (await signedInAs(t, 'specialist', left)).cookie);
    const sibling = browser(t, (await signedInAs(t, 'admin', right)).cookie);
    const clerk = browser(t, (await signedInAs(t, 'clerk', left)).cookie);
    expect((await specialist.post('/api/groups', { ownerOrganizationId: left.id, name: 'Mới' })).statusCode).toBe(403);
    expect((await sibling.patch(`/api/groups/${group.id}`, { name: 'Đổi', version: 1 })).statusCode).toBe(403);
    expect((await specialist.get(`/api/groups/${group.id}`)).json().actions).toEqual([]);
    expect((await sibling.get(`/api/groups?ownerOrganizationId=${left.id}`)).json().items[0].actions).toEqual([]);
    expect((await clerk.get(`/api/groups/${group.id}`)).json().actions).toEqual(['update', 'delete']);
    // Handing the group to another subtree needs rights there too.
    expect(
      (await clerk.patch(`/api/groups/${group.id}`, { ownerOrganizationId: right.id, version: 1 })).statusCode,
    ).toBe(403);
    expect((await clerk.delete(`/api/groups/${group.id}`)).statusCode).toBe(204);
    expect((await clerk.get(`/api/groups/${group.id}`)).statusCode).toBe(404);
  });
});
