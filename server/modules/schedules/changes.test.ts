import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schedule, ScheduleWeek } from '../../../common/schemas/schedules';
import { extractText } from '../../platform/files/text-extract';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import {
  composeSchedule,
  errorCode,
  itemInput,
  makeScheduleOffice,
  ok,
  publishSchedule,
  WEEK,
} from '../../test/schedules';

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-schedule-'));
  try {
    const file = path.join(dir, 'schedule.pdf');
    fs.writeFileSync(file, bytes);
    return (await extractText(file, 'pdf')) ?? '';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(testEngines())('work schedules after publishing, the week and the print (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const notified = async (scheduleId: string, kind: string) =>
    (
      await t.deps.database.db
        .selectFrom('notifications')
        .select(['user_id', 'body'])
        .where('entity_id', '=', scheduleId)
        .where('kind', '=', kind)
        .orderBy('user_id')
        .execute()
    ).map((n) => n.user_id);

  it('applies a change at once, marks it, moves the revision on, tells the people concerned and audits it', async () => {
    const o = await makeScheduleOffice(t);
    // A leader's own week: its audience is the leader and the items' people, not the whole committee.
    const own = await publishSchedule(
      o,
      await composeSchedule(o, [{ content: 'Đi cơ sở xã Lũng Cú', userIds: [o.specialist.id] }], {
        owner: 'leader',
        ownerUserId: o.deputy.id,
      }),
    );
    const item = own.items[0];
    if (!item) throw new Error('no item');
    const url = `/api/schedules/${own.id}`;
    expect((await notified(own.id, 'schedule_published')).sort()).toEqual([o.deputy.id, o.specialist.id].sort());

    ok(
      await o.clerk.api.patch(`${url}/items/${item.id}`, {
        version: item.version,
        startTime: '13:30',
        endTime: '17:00',
        userIds: [o.member.id],
        changeNote: 'Chuyển sang buổi chiều',
      }),
      204,
    );
    let s = ok<Schedule>(await o.member.api.get(url));
    expect(s).toMatchObject({ status: 'published', revision: 2 });
    expect(s.items[0]).toMatchObject({
      startTime: '13:30',
      changed: true,
      cancelled: false,
      changeNote: 'Chuyển sang buổi chiều',
      userIds: [o.member.id],
    });
    // The leader, the person taken off the item and the one put on it; not the clerk, nor the rest.
    expect((await notified(own.id, 'schedule_changed')).sort()).toEqual(
      [o.deputy.id, o.specialist.id, o.member.id].sort(),
    );
    const change = await t.deps.database.db
      .selectFrom('notifications')
      .select(['title', 'body', 'link'])
      .where('entity_id', '=', own.id)
      .where('kind', '=', 'schedule_changed')
      .executeTakeFirstOrThrow();
    expect(change).toEqual({
      title: 'Lịch công tác tuần 48 của Hoàng Văn Phó có thay đổi',
      body: 'Thứ Ba 24/11, 13:30–17:00: Đi cơ sở xã Lũng Cú (điều chỉnh). Chuyển sang buổi chiều',
      link: `/schedule?week=${WEEK}`,
    });
    const audits = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'data'])
      .where('entity_id', '=', own.id)
      .where('action', '=', 'schedule.change')
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.summary).toContain('bản 2');
    expect(JSON.parse(audits[0]?.data ?? '{}')).toMatchObject({ itemId: item.id, change: 'edit', revision: 2 });

    // Calling it off keeps it, struck through, and is a change of its own.
    ok(
      await o.clerk.api.post(`${url}/items/${item.id}/cancel`, {
        version: item.version + 1,
        changeNote: 'Hoãn do mưa lũ',
      }),
      204,
    );
    s = ok<Schedule>(await o.clerk.api.get(url));
    expect(s.revision).toBe(3);
    expect(s.items).toHaveLength(1);
    expect(s.items[0]).toMatchObject({ cancelled: true, changed: true, changeNote: 'Hoãn do mưa lũ' });
    const cancelled = s.items[0];
    if (!cancelled) throw new Error('no item');
    expect(errorCode(await o.clerk.api.post(`${url}/items/${item.id}/cancel`, { version: cancelled.version }))).toBe(
      'schedules.item_cancelled',
    );
    expect(
      errorCode(await o.clerk.api.patch(`${url}/items/${item.id}`, { version: cancelled.version, place: 'X' })),
    ).toBe('schedules.item_cancelled');

    // An item added after publishing is marked as a change too.
    ok(await o.clerk.api.post(`${url}/items`, itemInput({ day: '2026-11-28', content: 'Kiểm tra biên giới' })), 201);
    s = ok<Schedule>(await o.clerk.api.get(url));
    expect(s.revision).toBe(4);
    expect(s.items.map((i) => [i.content, i.changed, i.cancelled])).toEqual([
      ['Đi cơ sở xã Lũng Cú', true, true],
      ['Kiểm tra biên giới', true, false],
    ]);
    expect(
      await t.deps.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', own.id).execute(),
    ).toHaveLength(7);
  });

  it("tells a change to the Standing Committee's week to everyone of the committee", async () => {
    const o = await makeScheduleOffice(t);
    const s = await publishSchedule(o, await composeSchedule(o, [{}]));
    const item = s.items[0];
    if (!item) throw new Error('no item');
    ok(
      await o.clerk.api.patch(`/api/schedules/${s.id}/items/${item.id}`, {
        version: item.version,
        place: 'Phòng họp 2',
      }),
      204,
    );
    expect((await notified(s.id, 'schedule_changed')).sort()).toEqual(
      [o.leader.id, o.deputy.id, o.member.id, o.specialist.id].sort(),
    );
  });

  it('lists the week: the Standing Committee first, leaders by name, items by day and time, kept fresh', async () => {
    const o = await makeScheduleOffice(t);
    const own = await composeSchedule(o, [{ content: 'Lịch riêng đồng chí Vàng' }], {
      owner: 'leader',
      ownerUserId: o.leader.id,
    });
    const deputy = await composeSchedule(o, [{ content: 'Lịch riêng đồng chí Hoàng' }], {
      owner: 'leader',
      ownerUserId: o.deputy.id,
    });
    const standing = await composeSchedule(o, [
      { day: '2026-11-26', startTime: '07:30', content: 'Thứ Năm sáng' },
      { day: '2026-11-24', startTime: '14:00', endTime: '16:00', content: 'Thứ Ba chiều' },
      { day: '2026-11-24', startTime: '07:00', endTime: null, content: 'Thứ Ba sáng' },
    ]);
    const week = `/api/schedules?week=${WEEK}&organizationId=${o.committee.id}`;
    let list = ok<ScheduleWeek>(await o.clerk.api.get(week));
    expect(list.canCompose).toBe(true);
    expect(list.schedules.map((s) => s.ownerLabel)).toEqual([
      'Thường trực Huyện ủy Đồng Văn',
      'Hoàng Văn Phó',
      'Vàng Seo Lãnh Đạo',
    ]);
    expect(list.schedules[0]?.items.map((i) => i.content)).toEqual(['Thứ Ba sáng', 'Thứ Ba chiều', 'Thứ Năm sáng']);
    expect(list.schedules[0]?.actions).toEqual(['edit', 'submit']);

    // The member sees nothing until publication, and may not compose.
    list = ok<ScheduleWeek>(await o.member.api.get(week));
    expect(list).toEqual({ weekStart: WEEK, schedules: [], canCompose: false });
    await publishSchedule(o, deputy);
    await publishSchedule(o, standing);
    list = ok<ScheduleWeek>(await o.member.api.get(`/api/schedules?week=${WEEK}`));
    expect(list.schedules.map((s) => [s.ownerLabel, s.status])).toEqual([
      ['Thường trực Huyện ủy Đồng Văn', 'published'],
      ['Hoàng Văn Phó', 'published'],
    ]);
    // A change shows at once in the week, to whoever asks.
    const first = list.schedules[0]?.items[0];
    if (!first) throw new Error('no item');
    ok(
      await o.clerk.api.patch(`/api/schedules/${standing.id}/items/${first.id}`, {
        version: first.version,
        content: 'Thứ Ba sáng, đổi nội dung',
      }),
      204,
    );
    list = ok<ScheduleWeek>(await o.member.api.get(`/api/schedules?week=${WEEK}`));
    expect(list.schedules[0]?.items[0]).toMatchObject({ content: 'Thứ Ba sáng, đổi nội dung', changed: true });
    expect(list.schedules[0]?.revision).toBe(2);
    // Another week is empty; the leader's unpublished own week stays with the Office and leaders.
    expect(ok<ScheduleWeek>(await o.member.api.get('/api/schedules?week=2026-11-30')).schedules).toEqual([]);
    expect(ok<ScheduleWeek>(await o.leader.api.get(week)).schedules.map((s) => s.id)).toContain(own.id);
  });

  it('prints a schedule and the published week as PDF', async () => {
    const o = await makeScheduleOffice(t);
    const s = await publishSchedule(
      o,
      await composeSchedule(o, [
        { content: 'Hop Ban Thuong vu ve chuyen doi so' },
        { day: '2026-11-28', content: 'Kiem tra bien gioi Lung Cu' },
      ]),
    );
    expect(errorCode(await o.member.api.get(`/api/schedules/week.pdf?week=2026-11-30`))).toBe(
      'schedules.nothing_published',
    );
    const item = s.items[0];
    if (!item) throw new Error('no item');
    ok(
      await o.clerk.api.post(`/api/schedules/${s.id}/items/${item.id}/cancel`, {
        version: item.version,
        changeNote: 'Hoãn',
      }),
      204,
    );

    const printed = await o.member.api.get(`/api/schedules/${s.id}/print.pdf`);
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    expect(String(printed.headers['content-disposition'])).toMatch(/^inline; /);
    expect(printed.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const text = await pdfText(printed.rawPayload);
    expect(text).toContain('hop ban thuong vu ve chuyen doi so');
    expect(text).toContain('kiem tra bien gioi lung cu');
    expect(text).toContain('tuan 48 (tu ngay 23/11/2026 den ngay 29/11/2026)');
    expect(text).toContain('thu hai 23/11');
    // Saturday has an item, Sunday none.
    expect(text).toContain('thu bay 28/11');
    expect(text).not.toContain('chu nhat 29/11');
    expect(text).toContain('ban dieu chinh lan 1');

    const week = await o.member.api.get(`/api/schedules/week.pdf?week=${WEEK}&organizationId=${o.committee.id}`);
    expect(week.statusCode).toBe(200);
    expect(await pdfText(week.rawPayload)).toContain('kiem tra bien gioi lung cu');
    // A draft is not in the week's print, and not printable by those who cannot see it.
    const draft = await composeSchedule(o, [{ day: '2026-12-01', content: 'Ban nhap' }], { weekStart: '2026-11-30' });
    expect(errorCode(await o.member.api.get(`/api/schedules/week.pdf?week=2026-11-30`))).toBe(
      'schedules.nothing_published',
    );
    expect((await o.member.api.get(`/api/schedules/${draft.id}/print.pdf`)).statusCode).toBe(404);
    expect((await o.clerk.api.get(`/api/schedules/${draft.id}/print.pdf`)).statusCode).toBe(200);
  });
});
