import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, browser, errorOf } from '../../test/directory';
import { makeOrganization, signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { findPeer, findPeerByNode } from './peers.repository';

const SECRET = 'k7Q2-bí-mật-dùng-chung-đủ-dài-0123456789';

describe.each(testEngines())('peer deployments (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  let serial = 0;
  const node = () => `vp-${engine}-${++serial}-${Date.now().toString(36)}`;
  const peer = (over: Record<string, unknown> = {}) => ({
    node: node(),
    name: 'Văn phòng Tỉnh ủy Hà Giang',
    url: 'https://vanphong.hagiang.dcs.vn/api/exchange/peer',
    secret: SECRET,
    ...over,
  });

  it('adds, lists and changes a peer, never answering or auditing its secret', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const body = peer();
    const created = await api.post('/api/exchange/peers', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      node: body.node,
      name: 'Văn phòng Tỉnh ủy Hà Giang',
      url: body.url,
      secretApproved: false,
      active: true,
      organizationCount: 0,
      version: 1,
    });
    expect(created.json()).not.toHaveProperty('secret');
    expect(created.body).not.toContain(SECRET);
    const id = created.json().id as string;

    // An outside organization reached through it is counted.
    const admin = await signedInAs(t, 'admin');
    const org = await browser(t, admin.cookie).post('/api/organizations', {
      parentId: null,
      type: 'other',
      code: `NG-${node()}`,
      name: 'Tỉnh ủy Hà Giang',
      abbreviation: 'TUHG',
      nationalId: `H10.${serial}.00.A01`,
      reach: 'peer',
      peerId: id,
    });
    expect(org.statusCode).toBe(201);

    const list = await api.get('/api/exchange/peers');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(SECRET);
    const listed = list.json().items.find((p: { id: string }) => p.id === id);
    expect(listed).toMatchObject({ node: body.node, organizationCount: 1 });
    expect(listed).not.toHaveProperty('secret');

    const newSecret = `${SECRET}-mới-hơn`;
    const patched = await api.patch(`/api/exchange/peers/${id}`, {
      name: 'Văn phòng Tỉnh ủy',
      secret: newSecret,
      secretApproved: true,
      active: false,
      version: 1,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Văn phòng Tỉnh ủy',
      secretApproved: true,
      active: false,
      version: 2,
    });
    expect(patched.body).not.toContain(newSecret);
    expect(patched.body).not.toContain(SECRET);
    // The organization's answers show the peer by its new name.
    const shown = await browser(t, admin.cookie).get(
      `/api/organizations?reach=outside&q=${encodeURIComponent('TUHG')}`,
    );
    expect(shown.json().items.map((o: { peerName: string }) => o.peerName)).toContain('Văn phòng Tỉnh ủy');

    // The transport reads the whole row.
    expect((await findPeer(t.deps.database.db, id))?.secret).toBe(newSecret);
    expect((await findPeerByNode(t.deps.database.db, body.node))?.id).toBe(id);

    const trail = await auditEntries(t, id);
    expect(trail.map((e) => e.action)).toEqual(['exchange.peer_created', 'exchange.peer_updated']);
    expect(trail[1]?.summary).toContain('đổi khóa bí mật');
    for (const entry of trail) {
      expect(`${entry.summary} ${String(entry.data)}`).not.toContain(SECRET.slice(0, 10));
    }
  });

  it('refuses a node already taken, whatever its case, 409', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const first = peer();
    expect((await api.post('/api/exchange/peers', first)).statusCode).toBe(201);
    for (const again of [first.node, first.node.toUpperCase()]) {
      const res = await api.post('/api/exchange/peers', peer({ node: again }));
      expect(res.statusCode, again).toBe(409);
      expect(errorOf(res).code).toBe('exchange.peer_node_taken');
    }
    const racing = peer();
    const results = await Promise.all([
      api.post('/api/exchange/peers', racing),
      api.post('/api/exchange/peers', racing),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses an address that is not https, except http to this machine', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const refused = [
      'http://vanphong.hagiang.dcs.vn/api/exchange/peer',
      'ftp://vanphong.hagiang.dcs.vn/',
      'https://user:pass@vanphong.hagiang.dcs.vn/',
      'http://127.0.0.1.example.com/',
      'http://localhost.example.com/',
      'http://10.0.0.5/',
      'javascript:alert(1)',
      'vanphong.hagiang.dcs.vn',
      '',
    ];
    for (const url of refused) {
      const res = await api.post('/api/exchange/peers', peer({ url }));
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).code, url).toBe('exchange.peer_url_invalid');
    }
    for (const url of ['http://127.0.0.1:3001/api/exchange/peer', 'http://[::1]:3001/', 'http://localhost:3001/']) {
      expect((await api.post('/api/exchange/peers', peer({ url }))).statusCode, url).toBe(201);
    }
    const created = await api.post('/api/exchange/peers', peer());
    const patch = await api.patch(`/api/exchange/peers/${created.json().id}`, {
      url: 'http://vanphong.example/',
      version: 1,
    });
    expect(errorOf(patch).code).toBe('exchange.peer_url_invalid');
  });

  it('refuses a secret shorter than the minimum, without echoing it', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const short = 'ngắn-quá-0123456789-abcdefghijk'; // 31 characters
    expect(short).toHaveLength(31);
    const res = await api.post('/api/exchange/peers', peer({ secret: short }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('exchange.peer_secret_weak');
    expect(res.body).not.toContain(short);
    const created = await api.post('/api/exchange/peers', peer());
    const patch = await api.patch(`/api/exchange/peers/${created.json().id}`, { secret: short, version: 1 });
    expect(errorOf(patch).code).toBe('exchange.peer_secret_weak');
    expect((await findPeer(t.deps.database.db, created.json().id))?.secret).toBe(SECRET);
  });

  it('refuses a stale version with 409 and an unknown peer with 404', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const created = await api.post('/api/exchange/peers', peer());
    const id = created.json().id as string;
    expect((await api.patch(`/api/exchange/peers/${id}`, { name: 'Tên mới', version: 1 })).statusCode).toBe(200);
    const stale = await api.patch(`/api/exchange/peers/${id}`, { name: 'Tên khác', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('common.stale_version');
    expect((await findPeer(t.deps.database.db, id))?.name).toBe('Tên mới');
    const missing = await api.patch('/api/exchange/peers/khong-co', { name: 'X', version: 1 });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('exchange.peer_not_found');
  });

  it('answers 403 to anyone but an administrator of a top-level organization', async () => {
    const committee = await makeOrganization(t);
    const cell = await makeOrganization(t, { parent: committee });
    const { cookie: clerk } = await signedInAs(t, 'clerk', committee);
    const { cookie: cellAdmin } = await signedInAs(t, 'admin', cell);
    const { cookie: admin } = await signedInAs(t, 'admin', committee);
    const created = await browser(t, admin).post('/api/exchange/peers', peer());
    for (const cookie of [clerk, cellAdmin]) {
      const api = browser(t, cookie);
      expect((await api.get('/api/exchange/peers')).statusCode).toBe(403);
      expect((await api.post('/api/exchange/peers', peer())).statusCode).toBe(403);
      expect((await api.patch(`/api/exchange/peers/${created.json().id}`, { name: 'X', version: 1 })).statusCode).toBe(
        403,
      );
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/exchange/peers' })).statusCode).toBe(401);
  });
});
