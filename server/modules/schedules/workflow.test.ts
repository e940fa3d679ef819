import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schedule, ScheduleWeek } from '../../../common/schemas/schedules';
import { makeUser, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import {
  client,
  composeSchedule,
  errorCode,
  itemInput,
  makeScheduleOffice,
  ok,
  publishSchedule,
  WEEK,
} from '../../test/schedules';

describe.each(testEngines())('work schedule workflow (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const auditActions = async (id: string) =>
    (
      await t.deps.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);

  it('takes a week from composing through return and approval to publication', async () => {
    const o = await makeScheduleOffice(t);
    let s = await composeSchedule(o, [
      { content: 'Họp Ban Thường vụ Huyện ủy', userIds: [o.leader.id] },
      { day: '2026-11-26', startTime: '14:00', endTime: null, content: 'Làm việc với Đảng ủy xã Lũng Cú' },
    ]);
    const url = `/api/schedules/${s.id}`;
    expect(s).toMatchObject({
      status: 'draft',
      revision: 0,
      owner: 'standing_committee',
      ownerLabel: 'Thường trực Huyện ủy Đồng Văn',
      weekStart: WEEK,
      actions: ['edit', 'submit'],
    });
    expect(s.items.map((i) => [i.content, i.changed, i.userIds])).toEqual([
      ['Họp Ban Thường vụ Huyện ủy', false, [o.leader.id]],
      ['Làm việc với Đảng ủy xã Lũng Cú', false, []],
    ]);

    // A draft is the Office's and the leaders' only.
    expect(ok<Schedule>(await o.leader.api.get(url)).actions).toEqual([]);
    expect(errorCode(await o.member.api.get(url))).toBe('schedules.not_found');
    expect(ok<ScheduleWeek>(await o.member.api.get(`/api/schedules?week=${WEEK}`)).schedules).toEqual([]);

    ok(await o.clerk.api.post(`${url}/submit`, { version: s.version, note: 'Kính trình Thường trực' }), 204);
    s = ok<Schedule>(await o.leader.api.get(url));
    expect(s).toMatchObject({ status: 'submitted', note: 'Kính trình Thường trực', actions: ['approve', 'return'] });
    // Only a leader decides; the clerk can no longer edit it.
    expect(errorCode(await o.clerk.api.post(`${url}/approve`, { version: s.version }))).toBe('auth.forbidden');
    expect(errorCode(await o.clerk.api.post(`${url}/items`, itemInput()))).toBe('schedules.wrong_status');

    // Returning needs a reason.
    expect(errorCode(await o.leader.api.post(`${url}/return`, { version: s.version }))).toBe('schedules.note_required');
    ok(await o.leader.api.post(`${url}/return`, { version: s.version, note: 'Bổ sung lịch tiếp dân' }), 204);
    s = ok<Schedule>(await o.clerk.api.get(url));
    expect(s).toMatchObject({ status: 'draft', note: 'Bổ sung lịch tiếp dân', actions: ['edit', 'submit'] });

    // Edits in a draft are not marked as changes.
    ok(
      await o.clerk.api.post(
        `${url}/items`,
        itemInput({ day: '2026-11-27', startTime: '07:30', endTime: null, content: 'Tiếp công dân định kỳ' }),
      ),
      201,
    );
    s = ok<Schedule>(await o.clerk.api.get(url));
    expect(s.items.map((i) => i.changed)).toEqual([false, false, false]);
    ok(await o.clerk.api.post(`${url}/submit`, { version: s.version }), 204);
    ok(await o.leader.api.post(`${url}/approve`, { version: s.version + 1, note: 'Đồng ý' }), 204);
    s = ok<Schedule>(await o.clerk.api.get(url));
    expect(s).toMatchObject({ status: 'approved', approvedByName: 'Vàng Seo Lãnh Đạo', actions: ['publish'] });
    ok(await o.clerk.api.post(`${url}/publish`, { version: s.version }), 204);
    s = ok<Schedule>(await o.member.api.get(url));
    expect(s).toMatchObject({ status: 'published', revision: 1, publishedAt: '2026-11-25T02:00:00.000Z', actions: [] });
    expect(ok<Schedule>(await o.clerk.api.get(url)).actions).toEqual(['edit']);

    // Everyone of the committee is told, except the clerk who published; the commune is not.
    const told = await t.deps.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'title', 'link'])
      .where('entity_id', '=', s.id)
      // The leaders were told of the submission before; this is the publication.
      .where('kind', '=', 'schedule_published')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([o.leader.id, o.deputy.id, o.member.id, o.specialist.id].sort());
    expect(told[0]).toMatchObject({
      kind: 'schedule_published',
      title: 'Đã công bố lịch công tác tuần 48 của Thường trực Huyện ủy Đồng Văn',
      link: `/schedule?week=${WEEK}`,
    });
    const saved = await t.deps.database.db
      .selectFrom('paper_savings')
      .select(['kind', 'pages', 'copies', 'organization_id'])
      .where('entity_id', '=', s.id)
      .execute();
    expect(saved).toEqual([{ kind: 'schedule', pages: 1, copies: 4, organization_id: o.committee.id }]);
    expect(await auditActions(s.id)).toEqual([
      'schedule.create',
      'schedule.submit',
      'schedule.return',
      'schedule.submit',
      'schedule.approve',
      'schedule.publish',
    ]);
    // Publishing again is a conflict, not a second publication.
    expect(errorCode(await o.clerk.api.post(`${url}/publish`, { version: s.version }))).toBe('schedules.wrong_status');
  });

  it("keeps a leader's own week, and refuses a second one for the same week", async () => {
    const o = await makeScheduleOffice(t);
    const body = { organizationId: o.committee.id, owner: 'leader', ownerUserId: o.deputy.id, weekStart: WEEK };
    const { id } = ok<{ id: string }>(await o.clerk.api.post('/api/schedules', body), 201);
    expect(ok<Schedule>(await o.clerk.api.get(`/api/schedules/${id}`))).toMatchObject({
      owner: 'leader',
      ownerUserId: o.deputy.id,
      ownerLabel: 'Hoàng Văn Phó',
    });
    const again = await o.clerk.api.post('/api/schedules', body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'schedules.exists', details: { id } } });
    // The Standing Committee's week is another schedule.
    ok(await o.clerk.api.post('/api/schedules', { ...body, owner: 'standing_committee', ownerUserId: null }), 201);
    // Only a leader of the committee has a week of their own.
    const notLeader = await o.clerk.api.post('/api/schedules', { ...body, ownerUserId: o.specialist.id });
    expect(errorCode(notLeader)).toBe('schedules.leader_required');
    expect(errorCode(await o.clerk.api.post('/api/schedules', { ...body, ownerUserId: null }))).toBe(
      'schedules.leader_required',
    );
    // Composing is the Office's: a specialist, a leader or the commune's clerk may not.
    for (const who of [o.specialist, o.leader, o.communeClerk]) {
      expect((await who.api.post('/api/schedules', { ...body, weekStart: '2026-11-30' })).statusCode).toBe(403);
    }
    expect(errorCode(await o.clerk.api.post('/api/schedules', { ...body, weekStart: '2026-11-24' }))).toBe(
      'request.invalid',
    );
  });

  it('offers composers the leaders and the people of the organization', async () => {
    const o = await makeScheduleOffice(t);
    type People = { leaders: { fullName: string }[]; people: { id: string }[] };
    const people = ok<People>(await o.clerk.api.get(`/api/schedules/people?organizationId=${o.committee.id}`));
    expect(people.leaders.map((l) => l.fullName)).toEqual(['Hoàng Văn Phó', 'Vàng Seo Lãnh Đạo']);
    expect(people.people.map((p) => p.id).sort()).toEqual(
      [o.clerk.id, o.leader.id, o.deputy.id, o.member.id, o.specialist.id, o.communeClerk.id].sort(),
    );
    expect((await o.member.api.get(`/api/schedules/people?organizationId=${o.committee.id}`)).statusCode).toBe(403);
    // An administrator of the committee composes as the Office does.
    const admin = await makeUser(t, [{ organization: o.committee, role: 'admin' }]);
    const api = client(t, await sessionFor(t, admin));
    ok(
      await api.post('/api/schedules', {
        organizationId: o.committee.id,
        owner: 'standing_committee',
        weekStart: WEEK,
      }),
      201,
    );
  });

  it('refuses items outside the week, backwards times and unknown people', async () => {
    const o = await makeScheduleOffice(t);
    const s = await composeSchedule(o, [{}]);
    const items = `/api/schedules/${s.id}/items`;
    expect(errorCode(await o.clerk.api.post(items, itemInput({ day: '2026-11-30' })))).toBe(
      'schedules.day_outside_week',
    );
    expect(errorCode(await o.clerk.api.post(items, itemInput({ day: '2026-11-22' })))).toBe(
      'schedules.day_outside_week',
    );
    // Sunday is still the week.
    ok(await o.clerk.api.post(items, itemInput({ day: '2026-11-29' })), 201);
    expect(errorCode(await o.clerk.api.post(items, itemInput({ startTime: '14:00', endTime: '13:00' })))).toBe(
      'request.invalid',
    );
    expect(errorCode(await o.clerk.api.post(items, itemInput({ userIds: ['no-such-user'] })))).toBe(
      'schedules.unknown_user',
    );
    const item = s.items[0];
    if (!item) throw new Error('no item');
    // A partial edit is checked against what the item already holds.
    const patch = (body: Record<string, unknown>) => o.clerk.api.patch(`${items}/${item.id}`, body);
    expect(errorCode(await patch({ version: item.version, startTime: '12:00' }))).toBe('schedules.end_before_start');
    expect(errorCode(await patch({ version: item.version, day: '2026-12-01' }))).toBe('schedules.day_outside_week');
    expect(errorCode(await patch({ version: item.version, userIds: [o.member.id, 'ghost'] }))).toBe(
      'schedules.unknown_user',
    );
    const after = ok<Schedule>(await o.clerk.api.get(`/api/schedules/${s.id}`));
    expect(after.items.map((i) => i.day)).toEqual(['2026-11-24', '2026-11-29']);
  });

  it('turns stale versions into conflicts, for the schedule and for its items', async () => {
    const o = await makeScheduleOffice(t);
    const s = await composeSchedule(o, [{}]);
    const url = `/api/schedules/${s.id}`;
    const item = s.items[0];
    if (!item) throw new Error('no item');
    ok(await o.clerk.api.patch(`${url}/items/${item.id}`, { version: item.version, place: 'Phòng họp số 2' }), 204);
    // The same edit again, from a page read before it.
    const stale = await o.clerk.api.patch(`${url}/items/${item.id}`, { version: item.version, place: 'Phòng 3' });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('common.stale_version');
    // An item change moves the schedule on: submitting what was read before it is stale.
    expect(errorCode(await o.clerk.api.post(`${url}/submit`, { version: s.version }))).toBe('common.stale_version');
    const now = ok<Schedule>(await o.clerk.api.get(url));
    expect(now.version).toBeGreaterThan(s.version);
    expect(now.items[0]?.place).toBe('Phòng họp số 2');
    // Two clerks submitting at once: one wins.
    const [a, b] = await Promise.all([
      o.clerk.api.post(`${url}/submit`, { version: now.version }),
      o.clerk.api.post(`${url}/submit`, { version: now.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    // Cancelling in a draft removes the item; a stale cancel is refused.
    const fresh = ok<Schedule>(await o.clerk.api.get(url));
    expect(fresh.status).toBe('submitted');
    ok(await o.leader.api.post(`${url}/return`, { version: fresh.version, note: 'Sửa lại' }), 204);
    const draft = ok<Schedule>(await o.clerk.api.get(url));
    const current = draft.items[0];
    if (!current) throw new Error('no item');
    expect(errorCode(await o.clerk.api.post(`${url}/items/${current.id}/cancel`, { version: 1 }))).toBe(
      'common.stale_version',
    );
    ok(await o.clerk.api.post(`${url}/items/${current.id}/cancel`, { version: current.version }), 204);
    expect(ok<Schedule>(await o.clerk.api.get(url)).items).toEqual([]);
  });

  it('shows a published week to the whole committee and below it, and lets no one else change it', async () => {
    const o = await makeScheduleOffice(t);
    const s = await publishSchedule(o, await composeSchedule(o, [{}]));
    const url = `/api/schedules/${s.id}`;
    // The commune's clerk reads it, but it is not theirs to change.
    expect(ok<Schedule>(await o.communeClerk.api.get(url)).actions).toEqual([]);
    expect((await o.communeClerk.api.post(`${url}/items`, itemInput())).statusCode).toBe(403);
    expect((await o.specialist.api.post(`${url}/items`, itemInput())).statusCode).toBe(403);
    // Someone from another committee sees nothing of it.
    const other = await makeScheduleOffice(t);
    expect((await other.clerk.api.get(url)).statusCode).toBe(404);
    expect(ok<ScheduleWeek>(await other.member.api.get(`/api/schedules?week=${WEEK}`)).schedules).toEqual([]);
  });
});
