import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfflinePackage } from '../../../common/schemas/meetings-offline';
import { errorCode, ok, tinyPdf } from '../../test/documents';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createMeeting, type MeetingWorld, makeDelegate, makeMeetingWorld, meetingInput } from '../../test/meetings';
import { keepUntil } from './offline.service';

type Delegate = MeetingWorld['delegates'][number];

describe('keepUntil', () => {
  it('keeps the papers to the end of the day the meeting ends, in Vietnam', () => {
    expect(keepUntil('2026-11-30T04:30:00.000Z')).toBe('2026-11-30T16:59:59.999Z');
    // Ends at 23:30 on the 30th in Vietnam (16:30 UTC): still the 30th.
    expect(keepUntil('2026-11-30T16:30:00.000Z')).toBe('2026-11-30T16:59:59.999Z');
    // 00:30 on 1 December in Vietnam is the evening of the 30th in UTC: kept to the end of 1 December.
    expect(keepUntil('2026-11-30T17:30:00.000Z')).toBe('2026-12-01T16:59:59.999Z');
  });
});

describe.each(testEngines())('meeting papers kept offline and replies sent again (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { clock: new TestClock() });
  });
  afterAll(async () => t.close());

  async function sentMeeting(w: MeetingWorld, extra: Record<string, unknown> = {}) {
    const upload = await w.clerk.api.upload('Báo cáo năm 2026.pdf', tinyPdf('Bao cao ket qua nam 2026'));
    const input = meetingInput(w, extra);
    const id = await createMeeting(w.clerk.api, {
      ...input,
      agenda: [{ ...(input.agenda as object[])[0], uploadIds: [upload] }],
    });
    const version = ok<{ version: number }>(await w.clerk.api.get(`/api/meetings/${id}`)).version;
    ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version, registerId: w.outgoingRegister }));
    return id;
  }
  const replyAs = (who: Delegate, id: string, body: unknown, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/meetings/${id}/reply`,
      headers: { cookie: who.api.cookie, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body as Record<string, unknown>,
    });
  const repliedEvents = async (id: string) =>
    (
      await t.deps.database.db
        .selectFrom('meeting_events')
        .select('kind')
        .where('meeting_id', '=', id)
        .where('kind', '=', 'replied')
        .execute()
    ).length;

  it('gives an invited delegate the meeting, its agenda and every paper with its hash', async () => {
    const w = await makeMeetingWorld(t);
    const id = await sentMeeting(w);
    const a = w.delegates[0] as Delegate;
    const pkg = ok<OfflinePackage>(await a.api.get(`/api/meetings/${id}/offline`));
    expect(pkg.meeting).toMatchObject({
      id,
      title: 'Hội nghị Ban Thường vụ Huyện ủy tháng 11/2026',
      status: 'invited',
    });
    expect(pkg.agenda.map((i) => i.title)).toEqual(['Báo cáo kết quả thực hiện nhiệm vụ năm 2026']);
    expect(pkg.files.map((f) => f.kind)).toEqual(['invitation', 'document']);
    expect(pkg.myInvitation).toMatchObject({ reply: 'pending' });
    expect(pkg.keepUntil).toBe('2026-11-30T16:59:59.999Z');
    for (const f of pkg.files) {
      expect(f.etag).toMatch(/^[0-9a-f]{64}$/);
      const res = await a.api.get(f.url);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBe(f.size);
    }
  });

  it('refuses someone not invited, and every secret meeting', async () => {
    const w = await makeMeetingWorld(t);
    const id = await sentMeeting(w);
    const stranger = await makeDelegate(t, w.committee, 'Người Không Được Mời');
    const refused = await stranger.api.get(`/api/meetings/${id}/offline`);
    expect(refused.statusCode).toBe(404);
    // The clerk organizes it and reads it, but is not invited: nothing to keep on a phone.
    expect(errorCode(await w.clerk.api.get(`/api/meetings/${id}/offline`))).toBe('meetings.not_invited');

    for (const secrecy of ['confidential', 'secret', 'top_secret']) {
      // Sending a secret one needs a secret register; the marking is what the package looks at.
      const secret = await sentMeeting(w);
      await t.deps.database.db.updateTable('meetings').set({ secrecy }).where('id', '=', secret).execute();
      const res = await (w.delegates[0] as Delegate).api.get(`/api/meetings/${secret}/offline`);
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('meetings.offline_not_allowed');
      expect(res.json().error.message).toContain('cuộc họp mật');
    }
  });

  it('writes a reply sent twice with one key once, and refuses the key for another answer', async () => {
    const w = await makeMeetingWorld(t);
    const id = await sentMeeting(w);
    const [a, b] = w.delegates as [Delegate, Delegate];
    const body = { reply: 'absent', reason: 'Đi công tác xã Lũng Cú' };
    const key = 'offline-01JDELEGATEREPLY0001';
    // The first answer was lost on the way back: the queue sends it again, twice even, at once.
    const [r1, r2] = await Promise.all([replyAs(a, id, body, key), replyAs(a, id, body, key)]);
    expect([r1.statusCode, r2.statusCode]).toEqual([204, 204]);
    expect((await replyAs(a, id, body, key)).statusCode).toBe(204);
    expect(await repliedEvents(id)).toBe(1);
    const pkg = ok<OfflinePackage>(await a.api.get(`/api/meetings/${id}/offline`));
    expect(pkg.myInvitation).toMatchObject({ reply: 'absent', reason: 'Đi công tác xã Lũng Cú' });

    const other = await replyAs(a, id, { reply: 'attending' }, key);
    expect(other.statusCode).toBe(409);
    expect(errorCode(other)).toBe('meetings.idempotency_mismatch');
    // Keys are each person's own: another delegate's same key is a reply of theirs.
    expect((await replyAs(b, id, body, key)).statusCode).toBe(204);
    expect(await repliedEvents(id)).toBe(2);
    // Without a key, each send is a reply of its own.
    expect((await replyAs(a, id, { reply: 'attending' })).statusCode).toBe(204);
    expect((await replyAs(a, id, { reply: 'attending' })).statusCode).toBe(204);
    expect(await repliedEvents(id)).toBe(4);
    expect(errorCode(await replyAs(a, id, body, 'short'))).toBe('request.invalid');
  });
});
