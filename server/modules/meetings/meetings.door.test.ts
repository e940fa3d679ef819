import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../common/schemas/meetings';
import { errorCode, ok } from '../../test/documents';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createMeeting, type MeetingWorld, makeDelegate, makeMeetingWorld, meetingInput } from '../../test/meetings';
import { DOOR_ALPHABET, DOOR_GUESSES_PER_MINUTE } from './door.service';

type Door = { code: string; validUntil: string; rotatesEverySeconds: number; path: string; url: string | null };

describe.each(testEngines())('check-in with the code at the door (%s)', (engine) => {
  let t: TestApp;
  // 25 November 2026, 09:00 in Vietnam; the meeting is at 09:30 the same morning.
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());

  async function meetingToday(w: MeetingWorld) {
    const id = await createMeeting(
      w.clerk.api,
      meetingInput(w, { startsAt: '2026-11-25T09:30:00+07:00', endsAt: '2026-11-25T11:30:00+07:00' }),
    );
    const meeting = ok<MeetingView>(await w.clerk.api.get(`/api/meetings/${id}`));
    ok(
      await w.clerk.api.post(`/api/meetings/${id}/send`, { version: meeting.version, registerId: w.outgoingRegister }),
    );
    return id;
  }
  const doorOf = async (w: MeetingWorld, id: string) =>
    ok<Door>(await w.clerk.api.get(`/api/meetings/${id}/door-code`));
  const attendanceOf = async (w: MeetingWorld, id: string, userId: string) =>
    ok<MeetingView>(await w.clerk.api.get(`/api/meetings/${id}`)).invitees.find((i) => i.userId === userId)?.attendance;

  it('checks a delegate in with the code shown at the door, once, audited', async () => {
    const w = await makeMeetingWorld(t);
    const id = await meetingToday(w);
    const [a, , secretary] = w.delegates as [
      MeetingWorld['delegates'][number],
      unknown,
      MeetingWorld['delegates'][number],
    ];
    const door = await doorOf(w, id);
    expect(door.code).toMatch(new RegExp(`^[${DOOR_ALPHABET}]{6}$`));
    expect(door.path).toBe(`/meetings/${id}/check-in`);
    expect(door.rotatesEverySeconds).toBe(60);
    expect(door.url).toBeNull(); // no PUBLIC_URL: the screen's own address is used
    // The secretary shows it too; a delegate does not see it.
    expect(ok<Door>(await secretary.api.get(`/api/meetings/${id}/door-code`)).code).toBe(door.code);
    expect((await a.api.get(`/api/meetings/${id}/door-code`)).statusCode).toBe(403);
    expect(ok<MeetingView>(await w.clerk.api.get(`/api/meetings/${id}`)).actions).toContain('doorCode');

    // Typed in lower case with a space, it still holds.
    const typed = `${door.code.slice(0, 3).toLowerCase()} ${door.code.slice(3)}`;
    expect(ok(await a.api.post(`/api/meetings/${id}/door-check-in`, { code: typed }))).toEqual({
      checkedIn: true,
      already: false,
    });
    expect(await attendanceOf(w, id, a.id)).toBe('present');
    // Again: nothing changes, no second entry.
    expect(ok(await a.api.post(`/api/meetings/${id}/door-check-in`, { code: door.code }))).toEqual({
      checkedIn: true,
      already: true,
    });
    const audited = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('entity_id', '=', id)
      .where('action', '=', 'meeting.door_check_in')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('takes the previous code for a short while, then calls it expired; a wrong code is wrong', async () => {
    const w = await makeMeetingWorld(t);
    const id = await meetingToday(w);
    const [a, b] = w.delegates as [MeetingWorld['delegates'][number], MeetingWorld['delegates'][number]];
    const first = await doorOf(w, id);
    clock.advance(60_000);
    const second = await doorOf(w, id);
    expect(second.code).not.toBe(first.code);
    // Read just before it changed: still taken.
    ok(await a.api.post(`/api/meetings/${id}/door-check-in`, { code: first.code }));
    clock.advance(120_000);
    const expired = await b.api.post(`/api/meetings/${id}/door-check-in`, { code: first.code });
    expect(expired.statusCode).toBe(409);
    expect(errorCode(expired)).toBe('meetings.door_code_expired');
    expect(expired.json().error.message).toContain('hết hạn');
    const wrong = await b.api.post(`/api/meetings/${id}/door-check-in`, { code: 'XXXXXX' });
    expect(wrong.statusCode).toBe(400);
    expect(errorCode(wrong)).toBe('meetings.door_code_wrong');
    expect(await attendanceOf(w, id, b.id)).not.toBe('present');
  });

  it('makes a person who keeps guessing wait, so a code cannot be tried out', async () => {
    const w = await makeMeetingWorld(t);
    const id = await meetingToday(w);
    const b = w.delegates[1] as MeetingWorld['delegates'][number];
    for (let i = 0; i < DOOR_GUESSES_PER_MINUTE; i++) {
      const res = await b.api.post(`/api/meetings/${id}/door-check-in`, { code: `AAAAA${DOOR_ALPHABET[i]}` });
      expect(res.statusCode).toBe(400);
    }
    const door = await doorOf(w, id);
    const held = await b.api.post(`/api/meetings/${id}/door-check-in`, { code: door.code });
    expect(held.statusCode).toBe(429);
    expect(errorCode(held)).toBe('meetings.door_code_throttled');
    expect(held.json().error.message).toContain('quá nhiều lần');
    // A minute later he may try again, with the code now shown.
    clock.advance(61_000);
    const now = await doorOf(w, id);
    ok(await b.api.post(`/api/meetings/${id}/door-check-in`, { code: now.code }));
    expect(await attendanceOf(w, id, b.id)).toBe('present');
  });

  it('refuses someone not invited, and one who said he would not come', async () => {
    const w = await makeMeetingWorld(t);
    const id = await meetingToday(w);
    const door = await doorOf(w, id);
    // The clerk sees the meeting but has no invitation of his own.
    const clerk = await w.clerk.api.post(`/api/meetings/${id}/door-check-in`, { code: door.code });
    expect(clerk.statusCode).toBe(403);
    expect(errorCode(clerk)).toBe('meetings.not_invited');
    const stranger = await makeDelegate(t, w.committee, 'Lò Văn Không Mời');
    const outside = await stranger.api.post(`/api/meetings/${id}/door-check-in`, { code: door.code });
    expect(outside.statusCode).toBe(403);
    expect(errorCode(outside)).toBe('meetings.not_invited');

    const b = w.delegates[1] as MeetingWorld['delegates'][number];
    ok(await b.api.post(`/api/meetings/${id}/reply`, { reply: 'absent', reason: 'Đi công tác' }), 204);
    const declined = await b.api.post(`/api/meetings/${id}/door-check-in`, { code: door.code });
    expect(declined.statusCode).toBe(409);
    expect(errorCode(declined)).toBe('meetings.declined');
  });
});
