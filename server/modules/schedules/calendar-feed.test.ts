import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { composeSchedule, makeScheduleOffice, ok, publishSchedule } from '../../test/schedules';
import { type CalendarSource, createCalendarFeed } from './calendar-feed.service';

type Feed = { url: string | null; createdAt: string | null };

/** The events of a feed as UID → unfolded, unescaped properties. */
function events(ics: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      out.set(current.UID ?? '', current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line
        .slice(colon + 1)
        .replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
    }
  }
  return out;
}

const pathOf = (url: string) => new URL(url).pathname;

describe.each(testEngines())('personal calendar feed (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { PUBLIC_URL: 'https://vanphong.dongvan.vn/' } });
  });
  afterAll(async () => t.close());

  it('needs a session to manage the address', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/calendar/feed' });
      expect(res.statusCode, method).toBe(401);
    }
  });

  it("holds the person's published items, follows rotation and stops when revoked", async () => {
    const o = await makeScheduleOffice(t);
    // Next week, so the items fall inside the feed's window whatever the clock.
    const week = '2026-11-30';
    const standing = await publishSchedule(
      o,
      await composeSchedule(
        o,
        [
          { day: '2026-12-01', startTime: '08:00', endTime: '11:30', content: 'Họp Ban Thường vụ, phiên thường kỳ' },
          {
            day: '2026-12-02',
            startTime: '14:00',
            endTime: null,
            content: 'Tiếp công dân',
            userIds: [o.specialist.id],
          },
        ],
        { weekStart: week },
      ),
    );
    await publishSchedule(
      o,
      await composeSchedule(o, [{ day: '2026-12-03', content: 'Đi cơ sở xã Lũng Cú', userIds: [o.specialist.id] }], {
        owner: 'leader',
        ownerUserId: o.deputy.id,
        weekStart: week,
      }),
    );
    // A draft never reaches a phone.
    await composeSchedule(o, [{ day: '2026-12-04', content: 'Dự thảo chưa duyệt', userIds: [o.specialist.id] }], {
      owner: 'leader',
      ownerUserId: o.leader.id,
      weekStart: week,
    });

    expect(ok<Feed>(await o.specialist.api.get('/api/calendar/feed'))).toEqual({ url: null, createdAt: null });
    const made = ok<Feed>(await o.specialist.api.post('/api/calendar/feed'));
    expect(made.url).toMatch(/^https:\/\/vanphong\.dongvan\.vn\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.createdAt).toBe('2026-11-25T02:00:00.000Z');
    // The secret is shown once: only its hash is kept.
    expect(ok<Feed>(await o.specialist.api.get('/api/calendar/feed'))).toEqual({
      url: null,
      createdAt: made.createdAt,
    });
    const token = pathOf(made.url ?? '').slice('/calendar/'.length, -'.ics'.length);
    const stored = await t.deps.database.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const res = await t.app.inject({ url: pathOf(made.url ?? '') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=300');
    const mine = events(res.body);
    // The specialist: the two items they are attached to; the Standing Committee's other item is not theirs.
    expect([...mine.values()].map((e) => e.SUMMARY)).toEqual(['Tiếp công dân', 'Đi cơ sở xã Lũng Cú']);
    const reception = standing.items[1];
    expect(mine.get(`schedule-item-${reception?.id}@vanphong`)).toMatchObject({
      DTSTART: '20261202T070000Z',
      DTEND: '20261202T080000Z',
      LOCATION: 'Hội trường Huyện ủy',
      SEQUENCE: '1',
      STATUS: 'CONFIRMED',
      URL: 'https://vanphong.dongvan.vn/schedule?week=2026-11-30',
    });
    expect(mine.get(`schedule-item-${reception?.id}@vanphong`)?.DESCRIPTION).toContain(
      'Chủ trì: Đồng chí Bí thư\nThành phần: Các đồng chí Ủy viên Ban Thường vụ',
    );

    // A member of the committee follows the Standing Committee's whole week.
    const member = ok<Feed>(await o.member.api.post('/api/calendar/feed'));
    const theirs = events((await t.app.inject({ url: pathOf(member.url ?? '') })).body);
    expect([...theirs.values()].map((e) => [e.SUMMARY, e.DTSTART, e.DTEND])).toEqual([
      ['Họp Ban Thường vụ, phiên thường kỳ', '20261201T010000Z', '20261201T043000Z'],
      ['Tiếp công dân', '20261202T070000Z', '20261202T080000Z'],
    ]);

    // An item called off leaves the feed.
    ok(
      await o.clerk.api.post(`/api/schedules/${standing.id}/items/${reception?.id}/cancel`, {
        version: reception?.version,
      }),
      204,
    );
    const after = events((await t.app.inject({ url: pathOf(made.url ?? '') })).body);
    expect([...after.values()].map((e) => e.SUMMARY)).toEqual(['Đi cơ sở xã Lũng Cú']);

    // Rotating: the old address stops at once, the new one works.
    const rotated = ok<Feed>(await o.specialist.api.post('/api/calendar/feed'));
    expect(rotated.url).not.toBe(made.url);
    expect((await t.app.inject({ url: pathOf(made.url ?? '') })).statusCode).toBe(404);
    expect((await t.app.inject({ url: pathOf(rotated.url ?? '') })).statusCode).toBe(200);

    ok(await o.specialist.api.delete('/api/calendar/feed'), 204);
    const gone = await t.app.inject({ url: pathOf(rotated.url ?? '') });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ error: { code: 'calendar.not_found', message: 'Không tìm thấy lịch.' } });
    expect(ok<Feed>(await o.specialist.api.get('/api/calendar/feed'))).toEqual({ url: null, createdAt: null });
    // The member's own address is untouched.
    expect((await t.app.inject({ url: pathOf(member.url ?? '') })).statusCode).toBe(200);
    const trail = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', o.specialist.id)
      .where('action', 'like', 'calendar.%')
      .execute();
    expect(trail.map((a) => a.action)).toEqual([
      'calendar.feed_create',
      'calendar.feed_create',
      'calendar.feed_revoke',
    ]);
  });

  it('answers every unknown or malformed address the same way', async () => {
    const answers = await Promise.all(
      ['x', 'A'.repeat(43), '..%2F..%2Fetc', "'; drop table users; --"].map((token) =>
        t.app.inject({ url: `/calendar/${token}.ics` }),
      ),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('calendar.not_found');
    }
    // A NUL is refused before any route looks at the address, as everywhere.
    const nul = await t.app.inject({ url: `/calendar/${'b'.repeat(43)}%00.ics` });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('common.invalid_text');
  });

  it('uses the address the browser used when no public address is configured', async () => {
    const local = await createTestApp(engine);
    try {
      const { cookie } = await signedInAs(local, 'member');
      const made = ok<Feed>(
        await local.app.inject({
          method: 'POST',
          url: '/api/calendar/feed',
          headers: { cookie, host: 'vp.local:8080', origin: 'http://vp.local:8080' },
        }),
      );
      expect(made.url).toMatch(/^http:\/\/vp\.local:8080\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    } finally {
      await local.close();
    }
  });

  it('merges the events of injected sources, in time order', async () => {
    const o = await makeScheduleOffice(t);
    const asked: string[][] = [];
    const meetings: CalendarSource = async (userId, fromIso, toIso) => {
      asked.push([userId, fromIso, toIso]);
      return [
        {
          uid: 'meeting-1@vanphong',
          start: '2026-11-26T01:00:00.000Z',
          end: '2026-11-26T03:00:00.000Z',
          summary: 'Hội nghị Ban Chấp hành',
          location: 'Hội trường',
          description: null,
          url: '/meetings/1',
          cancelled: true,
          sequence: 3,
          updatedAt: '2026-11-25T01:00:00.000Z',
        },
      ];
    };
    const early: CalendarSource = async () => [
      {
        uid: 'other-1@vanphong',
        start: '2026-11-25T08:00:00+07:00',
        end: null,
        summary: 'Sớm hơn',
        location: null,
        description: null,
        url: null,
        cancelled: false,
        sequence: 0,
        updatedAt: '2026-11-25T01:00:00.000Z',
      },
    ];
    const feed = createCalendarFeed({ deps: t.deps, sources: [meetings, early] });
    const made = await feed.create({ ...(await actorOf(o.member.id)) }, 'http://ignored');
    const token = pathOf(made.url).slice('/calendar/'.length, -'.ics'.length);
    const ics = await feed.render(token, 'http://ignored');
    expect(asked).toEqual([[o.member.id, '2026-09-26T02:00:00.000Z', '2027-05-24T02:00:00.000Z']]);
    const list = [...events(ics).values()];
    expect(list.map((e) => [e.UID, e.STATUS, e.SEQUENCE])).toEqual([
      ['other-1@vanphong', 'CONFIRMED', '0'],
      ['meeting-1@vanphong', 'CANCELLED', '3'],
    ]);
    expect(list[1]?.URL).toBe('https://vanphong.dongvan.vn/meetings/1');
  });

  /** Enough of an actor for the feed service, which only needs who and where from. */
  async function actorOf(userId: string) {
    const user = await t.deps.database.db
      .selectFrom('users')
      .select(['id', 'username', 'full_name'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return {
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      account: { email: null, position: null, personId: null, totpEnabled: false, mustChangePassword: false },
      sessionId: 'test',
      grants: [],
      ip: null,
      userAgent: null,
    };
  }
});
