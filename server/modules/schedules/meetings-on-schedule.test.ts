import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../common/schemas/meetings';
import type { Schedule } from '../../../common/schemas/schedules';
import { ok } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { createMeeting, MEETING_TIME, makeMeetingWorld, meetingInput } from '../../test/meetings';

/** The feed's events as UID → properties (lines unfolded; parameters kept in the name). */
function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      current[name.split(';')[0] ?? name] = line.slice(colon + 1);
      if (name.startsWith('ATTENDEE')) current.ATTENDEE_PARAMS = name;
    }
  }
  return out;
}

describe.each(testEngines())('meetings on the weekly schedule, and schedules waiting for approval (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('a meeting put on the schedule is in the feed once, with the person’s own answer', async () => {
    const w = await makeMeetingWorld(t);
    const [declines, accepts] = w.delegates;
    if (!declines || !accepts) throw new Error('delegates');
    const id = await createMeeting(w.clerk.api, meetingInput(w));
    ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister }));
    ok(await declines.api.post(`/api/meetings/${id}/reply`, { reply: 'absent', reason: 'Đi công tác tỉnh' }), 204);
    ok(await accepts.api.post(`/api/meetings/${id}/reply`, { reply: 'attending' }), 204);

    // The clerk puts the meeting on the Standing Committee's week, linked to it, and publishes.
    const week = '2026-11-30';
    const { id: scheduleId } = ok<{ id: string }>(
      await w.clerk.api.post('/api/schedules', {
        organizationId: w.committee.id,
        owner: 'standing_committee',
        weekStart: week,
      }),
      201,
    );
    const item = {
      day: '2026-11-30',
      startTime: '08:00',
      endTime: '11:30',
      place: 'Phòng họp tầng 2',
      content: 'Hội nghị Ban Thường vụ Huyện ủy tháng 11/2026',
      userIds: [declines.id, accepts.id],
      meetingId: id,
    };
    ok(await w.clerk.api.post(`/api/schedules/${scheduleId}/items`, item), 201);
    // Twice is refused: a meeting is on a week once.
    const again = await w.clerk.api.post(`/api/schedules/${scheduleId}/items`, item);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('schedules.meeting_on_schedule');
    let schedule = ok<Schedule>(await w.clerk.api.get(`/api/schedules/${scheduleId}`));
    expect(schedule.items.map((i) => i.meetingId)).toEqual([id]);
    ok(await w.clerk.api.post(`/api/schedules/${scheduleId}/submit`, { version: schedule.version }), 204);
    ok(await w.leader.api.post(`/api/schedules/${scheduleId}/approve`, { version: schedule.version + 1 }), 204);
    ok(await w.clerk.api.post(`/api/schedules/${scheduleId}/publish`, { version: schedule.version + 2 }), 204);
    schedule = ok<Schedule>(await w.clerk.api.get(`/api/schedules/${scheduleId}`));
    expect(schedule.status).toBe('published');

    const feedOf = async (api: typeof declines.api) => {
      const made = ok<{ url: string }>(await api.post('/api/calendar/feed'));
      const res = await t.app.inject({ method: 'GET', url: new URL(made.url).pathname });
      expect(res.statusCode).toBe(200);
      return events(res.body).filter((e) => (e.DTSTART ?? '').startsWith('20261130'));
    };

    const declined = await feedOf(declines.api);
    expect(declined).toHaveLength(1);
    expect(declined[0]?.UID).toBe(`meeting-${id}@vanphong`);
    expect(declined[0]?.ATTENDEE_PARAMS).toContain('PARTSTAT=DECLINED');
    expect(declined[0]?.STATUS).not.toBe('CONFIRMED');
    expect(declined[0]?.TRANSP).toBe('TRANSPARENT');
    expect(declined[0]?.SUMMARY).toMatch(/^Vắng: /);

    const accepted = await feedOf(accepts.api);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.ATTENDEE_PARAMS).toContain('PARTSTAT=ACCEPTED');
    expect(accepted[0]?.STATUS).toBe('CONFIRMED');
    expect(MEETING_TIME.startsAt.startsWith('2026-11-30')).toBe(true);
  });

  it('absence reasons reach the organizer and the chair only, in the replies and in the history', async () => {
    const w = await makeMeetingWorld(t);
    const [absent, other] = w.delegates;
    if (!absent || !other) throw new Error('delegates');
    const reason = 'Lý do riêng: điều trị tại bệnh viện tỉnh';
    const id = await createMeeting(w.clerk.api, meetingInput(w, { chairUserId: w.leader.id }));
    ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister }));
    ok(await absent.api.post(`/api/meetings/${id}/reply`, { reply: 'absent', reason }), 204);

    const seen = async (api: typeof absent.api) => (await api.get(`/api/meetings/${id}`)).body;
    expect(await seen(w.clerk.api)).toContain(reason);
    expect(await seen(w.leader.api)).toContain(reason);
    // Another invitee, and the secretary, read that he is absent, never why.
    for (const api of [other.api, w.delegates[2]?.api]) {
      if (!api) throw new Error('secretary');
      const body = await seen(api);
      expect(body).not.toContain('bệnh viện');
      const view = JSON.parse(body) as MeetingView;
      expect(view.events.find((e) => e.kind === 'replied')?.note).toBe(`${absent.fullName} — Vắng mặt`);
    }
    // His own reason stays his to read.
    expect(await seen(absent.api)).toContain(reason);
  });

  it('a submitted schedule is told to the leaders who approve it and waits in their queue', async () => {
    const w = await makeMeetingWorld(t);
    const { id } = ok<{ id: string }>(
      await w.clerk.api.post('/api/schedules', {
        organizationId: w.committee.id,
        owner: 'standing_committee',
        weekStart: '2026-12-07',
      }),
      201,
    );
    ok(
      await w.clerk.api.post(`/api/schedules/${id}/items`, {
        day: '2026-12-07',
        startTime: '07:30',
        content: 'Giao ban Thường trực',
        userIds: [],
      }),
      201,
    );
    const before = ok<{ items: unknown[] }>(await w.leader.api.get('/api/schedules/awaiting-approval'));
    expect(before.items).toEqual([]);
    ok(await w.clerk.api.post(`/api/schedules/${id}/submit`, { version: 2 }), 204);

    const bell = ok<{ items: { kind: string; link: string | null; title: string }[] }>(
      await w.leader.api.get('/api/notifications'),
    );
    const told = bell.items.find((n) => n.kind === 'schedule_submitted');
    expect(told?.title).toContain('chờ đồng chí duyệt');
    expect(told?.link).toBe(`/schedule/${id}`);
    // The link opens what the leader may see.
    ok(await w.leader.api.get(`/api/schedules/${id}`));

    const queue = ok<{ items: { id: string; ownerLabel: string }[] }>(
      await w.leader.api.get('/api/schedules/awaiting-approval'),
    );
    expect(queue.items.map((i) => i.id)).toEqual([id]);
    // Nobody who may not approve sees it there; the clerk who submitted is not told.
    expect(ok<{ items: unknown[] }>(await w.clerk.api.get('/api/schedules/awaiting-approval')).items).toEqual([]);
    const clerkBell = ok<{ items: { kind: string }[] }>(await w.clerk.api.get('/api/notifications'));
    expect(clerkBell.items.some((n) => n.kind === 'schedule_submitted')).toBe(false);

    ok(await w.leader.api.post(`/api/schedules/${id}/approve`, { version: 3 }), 204);
    expect(ok<{ items: unknown[] }>(await w.leader.api.get('/api/schedules/awaiting-approval')).items).toEqual([]);
  });
});
