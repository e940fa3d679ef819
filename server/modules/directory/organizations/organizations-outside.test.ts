import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../platform/ids';
import { auditEntries, browser, errorOf } from '../../../test/directory';
import { makeOrganization, makeUser, signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';

describe.each(testEngines())('organizations outside the deployment (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  let serial = 0;
  const unique = () => `${++serial}-${Date.now().toString(36)}`;
  const nationalId = () => `G${serial % 90}.${(serial * 7) % 99}.${Date.now() % 99999}.X${++serial}`;
  const stored = (id: string) =>
    t.deps.database.db
      .selectFrom('organizations')
      .select(['reach', 'peer_id', 'parent_id', 'national_id', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const byCode = (code: string) =>
    t.deps.database.db.selectFrom('organizations').select('id').where('code', '=', code).execute();
  /** A peer deployment, straight into its table. */
  const makePeer = async (input: { name?: string; active?: boolean } = {}) => {
    const id = newId();
    const now = t.clock.now().toISOString();
    await t.deps.database.db
      .insertInto('exchange_peers')
      .values({
        id,
        node: `vp-${unique()}`,
        name: input.name ?? 'VanPhong Tỉnh ủy Hà Giang',
        url: 'https://vanphong.hagiang.dcs.vn/api/exchange/peer',
        secret: 'a'.repeat(40),
        secret_approved: 0,
        active: input.active === false ? 0 : 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  };
  const outside = (over: Record<string, unknown> = {}) => ({
    parentId: null,
    type: 'other',
    code: `NG-${unique()}`,
    name: `Văn phòng Chính phủ ${unique()}`,
    abbreviation: 'VPCP',
    nationalId: nationalId(),
    reach: 'platform',
    ...over,
  });

  it('adds an outside organization at the top level, reached through the platform or an active peer', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const platform = await api.post('/api/organizations', outside());
    expect(platform.statusCode).toBe(201);
    expect(platform.json()).toMatchObject({ reach: 'platform', peerId: null, peerName: null, parentId: null });
    // Nothing is created under it; its keeper may still change or delete it.
    expect(platform.json().actions.sort()).toEqual(['delete', 'update']);

    const peerId = await makePeer({ name: 'VanPhong Tỉnh ủy Lào Cai' });
    const viaPeer = await api.post('/api/organizations', outside({ reach: 'peer', peerId }));
    expect(viaPeer.statusCode).toBe(201);
    expect(viaPeer.json()).toMatchObject({ reach: 'peer', peerId, peerName: 'VanPhong Tỉnh ủy Lào Cai' });
    const shown = await api.get(`/api/organizations/${viaPeer.json().id}`);
    expect(shown.json()).toMatchObject({ reach: 'peer', peerId, peerName: 'VanPhong Tỉnh ủy Lào Cai' });
    const [created] = await auditEntries(t, viaPeer.json().id);
    expect(created?.data).toContain('"reach":"peer"');

    // An organization made without a reach is inside.
    const inside = await api.post('/api/organizations', { ...outside(), reach: undefined });
    expect(inside.json()).toMatchObject({ reach: 'inside', peerId: null, peerName: null });
  });

  it('refuses each rule with its own code, writing nothing', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const active = await makePeer();
    const stopped = await makePeer({ active: false });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ parentId: root.id }, 400, 'directory.outside_not_top_level'],
      [{ nationalId: null }, 400, 'directory.outside_needs_national_id'],
      [{ nationalId: '' }, 400, 'directory.outside_needs_national_id'],
      [{ reach: 'peer' }, 400, 'directory.peer_not_found'],
      [{ reach: 'peer', peerId: 'khong-co' }, 400, 'directory.peer_not_found'],
      [{ reach: 'peer', peerId: stopped }, 400, 'directory.peer_not_found'],
      [{ reach: 'platform', peerId: active }, 400, 'directory.peer_only_for_peer_reach'],
      [{ reach: 'inside', peerId: active, nationalId: null }, 400, 'directory.peer_only_for_peer_reach'],
    ];
    for (const [over, status, code] of cases) {
      const body = outside(over);
      const res = await api.post('/api/organizations', body);
      expect(res.statusCode, code).toBe(status);
      expect(errorOf(res).code, JSON.stringify(over)).toBe(code);
      expect(errorOf(res).message).toMatch(/[ạ-ỹđ]/);
      expect(await byCode(body.code as string)).toEqual([]);
    }
  });

  it('keeps an outside organization childless and at the top level', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const far = (await api.post('/api/organizations', outside())).json();
    const code = `CB-${unique()}`;
    const under = await api.post('/api/organizations', {
      parentId: far.id,
      type: 'party_cell',
      code,
      name: 'Chi bộ dưới tổ chức ngoài',
      abbreviation: 'CB',
    });
    expect(under.statusCode).toBe(400);
    expect(errorOf(under).code).toBe('directory.outside_no_children');
    expect(await byCode(code)).toEqual([]);

    const cell = await makeOrganization(t, { parent: root });
    const move = await api.patch(`/api/organizations/${cell.id}`, { parentId: far.id, version: 1 });
    expect(errorOf(move).code).toBe('directory.outside_no_children');
    expect((await stored(cell.id)).parent_id).toBe(root.id);

    const moveOutside = await api.patch(`/api/organizations/${far.id}`, { parentId: root.id, version: 1 });
    expect(errorOf(moveOutside).code).toBe('directory.outside_not_top_level');
    const dropId = await api.patch(`/api/organizations/${far.id}`, { nationalId: '', version: 1 });
    expect(errorOf(dropId).code).toBe('directory.outside_needs_national_id');
    expect(await stored(far.id)).toMatchObject({ parent_id: null, reach: 'platform', version: 1 });

    // A nested organization cannot be turned outside where it stands.
    const nested = await api.patch(`/api/organizations/${cell.id}`, {
      reach: 'platform',
      nationalId: nationalId(),
      version: 1,
    });
    expect(errorOf(nested).code).toBe('directory.outside_not_top_level');
  });

  it('changes the reach of an organization, its peer following it', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const peerId = await makePeer();
    const org = (await api.post('/api/organizations', outside({ reach: 'peer', peerId }))).json();
    const toPlatform = await api.patch(`/api/organizations/${org.id}`, { reach: 'platform', version: 1 });
    expect(toPlatform.statusCode).toBe(200);
    expect(toPlatform.json()).toMatchObject({ reach: 'platform', peerId: null, peerName: null, version: 2 });
    const refused = await api.patch(`/api/organizations/${org.id}`, { peerId, version: 2 });
    expect(errorOf(refused).code).toBe('directory.peer_only_for_peer_reach');
    const back = await api.patch(`/api/organizations/${org.id}`, { reach: 'peer', peerId, version: 2 });
    expect(back.json()).toMatchObject({ reach: 'peer', peerId, version: 3 });
    const inside = await api.patch(`/api/organizations/${org.id}`, { reach: 'inside', version: 3 });
    expect(inside.json()).toMatchObject({ reach: 'inside', peerId: null, version: 4 });

    // A peer stopped after it was chosen keeps its organizations editable, but is not chosen again.
    const kept = (await api.post('/api/organizations', outside({ reach: 'peer', peerId }))).json();
    await t.deps.database.db.updateTable('exchange_peers').set({ active: 0 }).where('id', '=', peerId).execute();
    const renamed = await api.patch(`/api/organizations/${kept.id}`, { name: 'Tỉnh ủy (đổi tên)', version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Tỉnh ủy (đổi tên)', reach: 'peer', peerId, version: 2 });
    const other = (await api.post('/api/organizations', outside())).json();
    const chosen = await api.patch(`/api/organizations/${other.id}`, { reach: 'peer', peerId, version: 1 });
    expect(errorOf(chosen).code).toBe('directory.peer_not_found');
    const trail = await auditEntries(t, org.id);
    expect(trail.map((e) => e.action)).toEqual([
      'directory.organization_created',
      'directory.organization_updated',
      'directory.organization_updated',
      'directory.organization_updated',
    ]);
  });

  it('keeps inside an organization with children, people, accounts or registers', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    // Made under the administrator's own organization, then sent to the top level and outside at once.
    const make = async () =>
      (
        await api.post('/api/organizations', {
          parentId: root.id,
          type: 'office',
          code: `VP-${unique()}`,
          name: `Văn phòng ${unique()}`,
          abbreviation: 'VP',
          nationalId: nationalId(),
        })
      ).json() as { id: string };
    const fixture = (id: string) => ({ id, path: `${root.path}${id}/`, code: 'x', name: 'x' });
    const turnOutside = (id: string) =>
      api.patch(`/api/organizations/${id}`, { parentId: null, reach: 'platform', version: 1 });

    const parent = await make();
    await makeOrganization(t, { parent: fixture(parent.id) });
    const withPeople = await make();
    const person = await api.post('/api/people', {
      fullName: 'Nguyễn Văn Ngoài',
      memberships: [{ organizationId: withPeople.id }],
    });
    expect(person.statusCode).toBe(201);
    const withAccount = await make();
    await makeUser(t, [{ organization: fixture(withAccount.id), role: 'specialist' }]);
    const withRegister = await make();
    const register = await api.post('/api/registers', {
      organizationId: withRegister.id,
      direction: 'incoming',
      name: 'Sổ văn bản đến',
      style: 'party',
      reset: 'year',
      perType: false,
      issuerAbbreviation: 'VP',
    });
    expect(register.statusCode).toBe(201);

    const expected: [string, Record<string, number>][] = [
      [parent.id, { children: 1, members: 0, accounts: 0, registers: 0 }],
      [withPeople.id, { children: 0, members: 1, accounts: 0, registers: 0 }],
      [withAccount.id, { children: 0, members: 0, accounts: 1, registers: 0 }],
      [withRegister.id, { children: 0, members: 0, accounts: 0, registers: 1 }],
    ];
    for (const [id, usage] of expected) {
      const res = await turnOutside(id);
      expect(res.statusCode, id).toBe(409);
      expect(errorOf(res).code).toBe('directory.reach_in_use');
      expect((res.json() as { error: { details: unknown } }).error.details).toEqual(usage);
      expect(await stored(id)).toMatchObject({ reach: 'inside', parent_id: root.id, version: 1 });
    }
    // One holding nothing goes.
    const empty = await make();
    const gone = await turnOutside(empty.id);
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toMatchObject({ reach: 'platform', parentId: null, depth: 0, version: 2 });
    expect(gone.json().actions.sort()).toEqual(['delete', 'update']);
  });

  it('lets only an administrator of a top-level organization keep the outside ones', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const far = (await browser(t, cookie).post('/api/organizations', outside())).json();
    const committee = await makeOrganization(t, { parent: root });
    const { cookie: subAdmin } = await signedInAs(t, 'admin', committee);
    const api = browser(t, subAdmin);
    expect((await api.post('/api/organizations', outside())).statusCode).toBe(403);
    expect((await api.patch(`/api/organizations/${far.id}`, { name: 'Đổi tên', version: 1 })).statusCode).toBe(403);
    expect((await api.get(`/api/organizations/${far.id}`)).json().actions).toEqual([]);
    // Nor send his own organization outside the deployment.
    const own = await api.patch(`/api/organizations/${committee.id}`, {
      parentId: null,
      reach: 'platform',
      nationalId: nationalId(),
      version: 1,
    });
    expect(own.statusCode).toBe(403);
    expect(await stored(committee.id)).toMatchObject({ reach: 'inside', parent_id: root.id, version: 1 });
  });

  it('lists by reach, leaves the outside ones out of the tree, and finds them by search', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const word = `Lienthong${unique().replace(/\W/g, '')}`;
    const far = (await api.post('/api/organizations', outside({ name: `Bộ Nội vụ ${word}` }))).json();
    const near = (
      await api.post('/api/organizations', {
        parentId: root.id,
        type: 'office',
        code: `VP-${unique()}`,
        name: `Văn phòng ${word}`,
        abbreviation: 'VP',
      })
    ).json();
    const names = async (query: string) =>
      (await api.get(`/api/organizations?q=${encodeURIComponent(word)}${query}`))
        .json()
        .items.map((o: { id: string }) => o.id)
        .sort();
    expect(await names('')).toEqual([far.id, near.id].sort());
    expect(await names('&reach=outside')).toEqual([far.id]);
    expect(await names('&reach=inside')).toEqual([near.id]);
    expect((await api.get('/api/organizations?reach=elsewhere')).statusCode).toBe(400);
    // The recipients' picker asks as it types: the outside organization is among the answers, with its reach.
    const picker = await api.get(`/api/organizations?q=${encodeURIComponent(word.toLowerCase())}&pageSize=20`);
    expect(picker.json().items.find((o: { id: string }) => o.id === far.id)).toMatchObject({
      reach: 'platform',
      peerName: null,
    });
    // Found by its national identifier too.
    expect(
      (await api.get(`/api/organizations?q=${encodeURIComponent(far.nationalId)}`))
        .json()
        .items.map((o: { id: string }) => o.id),
    ).toEqual([far.id]);

    const tree = (await api.get('/api/organizations/tree')).json().items.map((o: { id: string }) => o.id);
    expect(tree).toContain(near.id);
    expect(tree).toContain(root.id);
    expect(tree).not.toContain(far.id);
    // A top-level list (no search) in the directory page's terms still reaches them by filter.
    const top = await api.get('/api/organizations?parentId=root&reach=outside&pageSize=200');
    expect(top.json().items.every((o: { reach: string }) => o.reach !== 'inside')).toBe(true);
  });
});
