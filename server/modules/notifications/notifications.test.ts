import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, ok } from '../../test/documents';
import { makeOrganization, makeUser, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { notify } from './notify.service';

type List = { items: { id: string; title: string; readAt: string | null; link: string | null }[]; unread: number };

describe.each(testEngines())('in-app notifications (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('lists a person’s own notifications, newest first, and marks them read', async () => {
    const org = await makeOrganization(t);
    const [me, other] = [
      await makeUser(t, [{ organization: org, role: 'member' }]),
      await makeUser(t, [{ organization: org, role: 'member' }]),
    ];
    await t.deps.transact(async ({ trx }) => {
      await notify(
        trx,
        [me.id, me.id, other.id, null],
        { kind: 'meeting_invited', title: 'Giấy mời 1', link: '/meetings/a' },
        '2026-11-25T01:00:00.000Z',
      );
      await notify(
        trx,
        [me.id],
        { kind: 'meeting_changed', title: 'Đổi giờ họp', link: '/meetings/a' },
        '2026-11-25T02:00:00.000Z',
      );
    });
    const api = client(t, await sessionFor(t, me));
    let list = ok<List>(await api.get('/api/notifications'));
    // Named twice, told once; another person's are not here.
    expect(list.items.map((n) => n.title)).toEqual(['Đổi giờ họp', 'Giấy mời 1']);
    expect(list.unread).toBe(2);
    ok(await api.post('/api/notifications/read', { ids: [list.items[0]?.id] }), 204);
    expect(ok<{ unread: number }>(await api.get('/api/notifications/unread')).unread).toBe(1);
    expect(ok<List>(await api.get('/api/notifications?unread=true')).items.map((n) => n.title)).toEqual(['Giấy mời 1']);
    // Marking someone else's does nothing to theirs.
    const others = ok<List>(await client(t, await sessionFor(t, other)).get('/api/notifications'));
    ok(await api.post('/api/notifications/read', { ids: [others.items[0]?.id] }), 204);
    expect(
      ok<{ unread: number }>(await client(t, await sessionFor(t, other)).get('/api/notifications/unread')).unread,
    ).toBe(1);
    ok(await api.post('/api/notifications/read', { all: true }), 204);
    list = ok<List>(await api.get('/api/notifications'));
    expect(list.unread).toBe(0);
    expect(list.items.map((n) => n.readAt !== null)).toEqual([true, true]);
    const bad = await api.post('/api/notifications/read', { ids: [] });
    expect(bad.statusCode).toBe(400);
  });
});
