import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingList, MeetingView } from '../../../common/schemas/meetings';
import { client, errorCode, ok, tinyPdf } from '../../test/documents';
import { sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createMeeting, MEETING_TIME, type MeetingWorld, makeMeetingWorld, meetingInput } from '../../test/meetings';

type Delegate = MeetingWorld['delegates'][number];

describe.each(testEngines())('meetings without paper (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());
  const start = clock.now().getTime();
  afterEach(() => clock.advance(start - clock.now().getTime()));
  /** Moves time on; sessions idle for so long have ended, so everyone signs in again. */
  async function later(w: MeetingWorld, ms: number) {
    clock.advance(ms);
    for (const p of [w.clerk, w.leader, ...w.delegates]) p.api = client(t, await sessionFor(t, p));
  }

  const view = async (
    w: { api: { get(url: string): Promise<import('fastify').LightMyRequestResponse> } },
    id: string,
  ) => ok<MeetingView>(await w.api.get(`/api/meetings/${id}`));
  const notificationsOf = async (userId: string) =>
    t.deps.database.db
      .selectFrom('notifications')
      .select(['kind', 'title', 'link'])
      .where('user_id', '=', userId)
      .execute();

  async function sentMeeting(w: MeetingWorld, extra: Record<string, unknown> = {}) {
    const upload = await w.clerk.api.upload('Báo cáo năm 2026.pdf', tinyPdf('Bao cao ket qua nam 2026'));
    const input = meetingInput(w, extra);
    const id = await createMeeting(w.clerk.api, {
      ...input,
      agenda: [{ ...(input.agenda as object[])[0], uploadIds: [upload] }],
    });
    const meeting = await view(w.clerk, id);
    const sent = ok<{ invitationNumber: string; invited: number; invitationDocumentId: string }>(
      await w.clerk.api.post(`/api/meetings/${id}/send`, { version: meeting.version, registerId: w.outgoingRegister }),
    );
    return { id, sent };
  }

  it('sends a numbered invitation with the documents to every delegate at once', async () => {
    const w = await makeMeetingWorld(t);
    const { id, sent } = await sentMeeting(w);
    expect(sent).toMatchObject({ invitationNumber: '01-GM/HU', invited: 3 });

    const meeting = await view(w.clerk, id);
    expect(meeting).toMatchObject({ status: 'invited', invitationNumber: '01-GM/HU', invited: 3, answered: 0 });
    expect(meeting.files.map((f) => f.kind).sort()).toEqual(['document', 'invitation']);
    expect(meeting.actions).toEqual(expect.arrayContaining(['reschedule', 'cancel', 'addFiles', 'remind']));

    // The invitation is an outgoing document of the register, issued and dispatched, open to the delegates.
    const delegate = w.delegates[0] as MeetingWorld['delegates'][number];
    const doc = ok<{ numberText: string; status: string; typeCode: string }>(
      await delegate.api.get(`/api/documents/${sent.invitationDocumentId}`),
    );
    expect(doc).toMatchObject({ numberText: '01-GM/HU', status: 'dispatched', typeCode: 'GM' });
    const pdf = await delegate.api.get(`/api/meetings/${id}/invitation.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await delegate.api.get(`/api/meetings/${id}/invitation.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // Every delegate has it in the app, once.
    for (const d of w.delegates) {
      const mine = await notificationsOf(d.id);
      expect(mine).toEqual([expect.objectContaining({ kind: 'meeting_invited', link: `/meetings/${id}` })]);
      expect(mine[0]?.title).toContain('01-GM/HU');
    }
    const list = ok<MeetingList>(await delegate.api.get('/api/meetings?scope=mine&from=2026-11-25'));
    expect(list.items).toEqual([expect.objectContaining({ id, myReply: 'pending', invitationNumber: '01-GM/HU' })]);

    // The meeting is in the delegate's phone calendar.
    const feed = ok<{ url: string }>(await delegate.api.post('/api/calendar/feed'));
    const ics = await t.app.inject({ method: 'GET', url: new URL(feed.url, 'http://x').pathname });
    expect(ics.statusCode).toBe(200);
    const unfolded = ics.body.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`UID:meeting-${id}@vanphong`);
    expect(unfolded).toContain('SUMMARY:Họp: Hội nghị Ban Thường vụ Huyện ủy tháng 11/2026');
    expect(unfolded).toContain('DTSTART:20261130T010000Z');

    // The paper it saved: the invitation and the packet, three copies each.
    const saved = await t.deps.database.db
      .selectFrom('paper_savings')
      .selectAll()
      .where('entity_id', '=', id)
      .execute();
    expect(saved.map((s) => [s.kind, s.copies]).sort()).toEqual([
      ['invitation', 3],
      ['meeting_document', 3],
    ]);
  });

  it('invites someone reached twice, through a group and by name, once', async () => {
    const w = await makeMeetingWorld(t);
    const [a, b] = w.delegates as [MeetingWorld['delegates'][number], MeetingWorld['delegates'][number]];
    const group = async (name: string, people: string[]) =>
      ok<{ id: string }>(
        await w.clerk.api.post('/api/groups', {
          ownerOrganizationId: w.committee.id,
          name,
          members: people.map((p) => ({ kind: 'person', id: p })),
        }),
        201,
      ).id;
    const g1 = await group(`Ban Thường vụ ${Math.random()}`, [a.personId, b.personId]);
    const g2 = await group(`Tổ thư ký ${Math.random()}`, [b.personId]);
    const id = await createMeeting(
      w.clerk.api,
      meetingInput(w, {
        invitees: [
          { kind: 'person', id: a.personId, role: 'delegate' },
          { kind: 'group', id: g1, role: 'delegate' },
          { kind: 'group', id: g2, role: 'guest' },
          { kind: 'organization', id: w.cell.id, role: 'guest' },
        ],
      }),
    );
    const meeting = await view(w.clerk, id);
    expect(meeting.invitees.map((i) => i.name).sort()).toEqual(
      ['Sùng Mí Ủy Viên', 'Vừ Thị Đại Biểu', 'Đảng ủy xã Lũng Cú'].sort(),
    );
  });

  it('refuses an end before the start, and a meeting without anyone invited', async () => {
    const w = await makeMeetingWorld(t);
    const bad = await w.clerk.api.post(
      '/api/meetings',
      meetingInput(w, { startsAt: MEETING_TIME.endsAt, endsAt: MEETING_TIME.startsAt }),
    );
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('meetings.end_before_start');
    const id = await createMeeting(w.clerk.api, meetingInput(w, { invitees: [] }));
    const res = await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister });
    expect(errorCode(res)).toBe('meetings.no_invitees');
    // A delegate may not organize, and does not even see a draft.
    const other = await (w.delegates[0] as MeetingWorld['delegates'][number]).api.get(`/api/meetings/${id}`);
    expect(other.statusCode).toBe(404);
  });

  it('creates one meeting for a double click', async () => {
    const w = await makeMeetingWorld(t);
    const input = meetingInput(w, { clientKey: 'meeting-double-click-1' });
    const [r1, r2] = await Promise.all([
      w.clerk.api.post('/api/meetings', input),
      w.clerk.api.post('/api/meetings', input),
    ]);
    const ids = [r1, r2].map((r) => (r.json() as { id: string }).id);
    expect(new Set(ids).size).toBe(1);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 201]);
  });

  it('collects replies, reminds those who have not answered, and refuses replies once it is over', async () => {
    const w = await makeMeetingWorld(t);
    const { id } = await sentMeeting(w);
    const [a, b, secretary] = w.delegates as [Delegate, Delegate, Delegate];
    ok(await a.api.post(`/api/meetings/${id}/reply`, { reply: 'attending' }), 204);
    const noReason = await b.api.post(`/api/meetings/${id}/reply`, { reply: 'absent' });
    expect(noReason.statusCode).toBe(400);
    ok(await b.api.post(`/api/meetings/${id}/reply`, { reply: 'deputy', deputyName: 'Lò Văn Cấp Phó' }), 204);

    // The secretary sees everyone's answer; a delegate sees only their own.
    const seen = await view(secretary, id);
    expect(seen.invitees).toHaveLength(3);
    expect(seen.invitees.find((i) => i.userId === b.id)).toMatchObject({
      reply: 'deputy',
      deputyName: 'Lò Văn Cấp Phó',
    });
    expect((await view(a, id)).invitees).toHaveLength(1);

    const reminded = ok<{ reminded: number }>(await secretary.api.post(`/api/meetings/${id}/remind`));
    expect(reminded.reminded).toBe(1);
    expect((await notificationsOf(secretary.id)).map((n) => n.kind)).toContain('meeting_reminder');
    expect((await notificationsOf(a.id)).map((n) => n.kind)).not.toContain('meeting_reminder');
    // Reminding again at once bothers nobody.
    expect(ok<{ reminded: number }>(await secretary.api.post(`/api/meetings/${id}/remind`)).reminded).toBe(0);

    // On the day: check-in on the phone, then the secretary marks the rest.
    await later(w, 5 * 86_400_000 + 30 * 60_000); // 30 Nov, 09:30 in Vietnam
    ok(await a.api.post(`/api/meetings/${id}/check-in`), 204);
    const marks = (await view(secretary, id)).invitees
      .filter((i) => i.userId !== a.id)
      .map((i) => ({ inviteeId: i.id, attendance: 'absent' }));
    ok(await secretary.api.post(`/api/meetings/${id}/attendance`, { marks }), 204);
    const after = await view(w.clerk, id);
    expect(after.invitees.find((i) => i.userId === a.id)?.attendance).toBe('present');
    expect(after.invitees.filter((i) => i.attendance === 'absent')).toHaveLength(2);

    // Minutes go out afterwards to everyone invited.
    const minutes = await secretary.api.upload('Biên bản họp.pdf', tinyPdf('Bien ban hop'));
    ok(await secretary.api.post(`/api/meetings/${id}/files`, { uploadIds: [minutes], kind: 'minutes' }), 204);
    expect((await notificationsOf(a.id)).map((n) => n.kind)).toContain('meeting_minutes');

    await later(w, 3 * 3_600_000); // 12:30: over
    const late = await a.api.post(`/api/meetings/${id}/reply`, { reply: 'absent', reason: 'Ốm' });
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('meetings.already_over');
  });

  it('shows delegates what changed since they looked, and keeps the old file readable when it is replaced', async () => {
    const w = await makeMeetingWorld(t);
    const { id } = await sentMeeting(w);
    const a = w.delegates[0] as MeetingWorld['delegates'][number];
    const first = await view(a, id);
    const packet = first.files.find((f) => f.kind === 'document');
    if (!packet) throw new Error('no packet');
    expect(first.files.every((f) => !f.changed)).toBe(true);
    ok(await a.api.post(`/api/meetings/${id}/seen`), 204);

    const opened = await a.api.get(`/api/meetings/${id}/files/${packet.id}`);
    expect(opened.statusCode).toBe(200);
    expect((await view(w.clerk, id)).files.find((f) => f.id === packet.id)?.openedBy).toBe(1);

    clock.advance(60_000);
    const v2 = await w.clerk.api.upload('Báo cáo năm 2026 (sửa).pdf', tinyPdf('Bao cao sua doi'));
    ok(
      await w.clerk.api.post(`/api/meetings/${id}/files/${packet.id}/replace`, {
        uploadId: v2,
        note: 'Bổ sung số liệu',
      }),
      204,
    );
    // Replaced again from a stale page: refused, not a second replacement.
    const v3 = await w.clerk.api.upload('Báo cáo khác.pdf', tinyPdf('Bao cao khac'));
    const twice = await w.clerk.api.post(`/api/meetings/${id}/files/${packet.id}/replace`, { uploadId: v3 });
    expect(errorCode(twice)).toBe('meetings.file_replaced');

    const now = await view(a, id);
    const fresh = now.files.find((f) => f.kind === 'document');
    expect(fresh).toMatchObject({ replacesId: packet.id, changed: true, fileName: 'Báo cáo năm 2026 (sửa).pdf' });
    expect(now.changedFiles).toBe(1);
    // The delegate still reading the old one keeps it.
    expect((await a.api.get(`/api/meetings/${id}/files/${packet.id}`)).statusCode).toBe(200);
  });

  it('tells everyone when the meeting moves or is cancelled, and asks again for replies on a new time', async () => {
    const w = await makeMeetingWorld(t);
    const { id } = await sentMeeting(w);
    const a = w.delegates[0] as MeetingWorld['delegates'][number];
    ok(await a.api.post(`/api/meetings/${id}/reply`, { reply: 'attending' }), 204);
    let meeting = await view(w.clerk, id);
    ok(
      await w.clerk.api.post(`/api/meetings/${id}/reschedule`, {
        version: meeting.version,
        startsAt: '2026-12-01T14:00:00+07:00',
        endsAt: '2026-12-01T17:00:00+07:00',
        reason: 'Trùng lịch làm việc với Tỉnh ủy',
      }),
      204,
    );
    meeting = await view(w.clerk, id);
    expect(meeting).toMatchObject({ status: 'invited', startsAt: '2026-12-01T07:00:00.000Z', answered: 0 });
    expect((await notificationsOf(a.id)).map((n) => n.kind)).toContain('meeting_changed');

    const stale = await w.clerk.api.post(`/api/meetings/${id}/cancel`, { version: meeting.version - 1, reason: 'Hủy' });
    expect(errorCode(stale)).toBe('common.stale_version');
    ok(
      await w.clerk.api.post(`/api/meetings/${id}/cancel`, {
        version: meeting.version,
        reason: 'Chuyển sang họp trực tuyến',
      }),
      204,
    );
    expect((await notificationsOf(a.id)).map((n) => n.kind)).toContain('meeting_cancelled');
    const late = await a.api.post(`/api/meetings/${id}/reply`, { reply: 'attending' });
    expect(errorCode(late)).toBe('meetings.wrong_status');
  });

  it('keeps a secret meeting to those invited and its clerk, and audits every look', async () => {
    const w = await makeMeetingWorld(t);
    const secret = await w.clerk.api.post('/api/registers', {
      organizationId: w.committee.id,
      direction: 'outgoing',
      secret: true,
      name: `Sổ đi mật ${Math.random()}`,
      style: 'party',
      reset: 'year',
      perType: true,
      issuerAbbreviation: 'HU',
    });
    const registerId = ok<{ id: string }>(secret, 201).id;
    const id = await createMeeting(
      w.clerk.api,
      meetingInput(w, {
        secrecy: 'confidential',
        invitees: [{ kind: 'person', id: w.delegates[0]?.personId, role: 'delegate' }],
      }),
    );
    // The ordinary register will not do for a secret invitation.
    const wrong = await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister });
    expect(wrong.statusCode).toBe(400);
    ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId }));
    expect((await w.leader.api.get(`/api/meetings/${id}`)).statusCode).toBe(404);
    expect((await w.delegates[1]?.api.get(`/api/meetings/${id}`))?.statusCode).toBe(404);
    await view(w.delegates[0] as MeetingWorld['delegates'][number], id);
    const audits = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(audits.map((a) => a.action)).toContain('meeting.view');
  });

  it('sends nothing and uses no number when the invitation cannot be made', async () => {
    const w = await makeMeetingWorld(t);
    const { invitationRenderer } = await import('./invitation.render');
    const real = invitationRenderer.pdf;
    const id = await createMeeting(w.clerk.api, meetingInput(w));
    invitationRenderer.pdf = async () => {
      throw new Error('font file unreadable');
    };
    try {
      const res = await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister });
      expect(res.statusCode).toBe(503);
      expect(errorCode(res)).toBe('meetings.invitation_failed');
    } finally {
      invitationRenderer.pdf = real;
    }
    const meeting = await view(w.clerk, id);
    expect(meeting).toMatchObject({ status: 'draft', invitationNumber: null });
    expect(await notificationsOf(w.delegates[0]?.id as string)).toEqual([]);
    const sent = ok<{ invitationNumber: string }>(
      await w.clerk.api.post(`/api/meetings/${id}/send`, { version: meeting.version, registerId: w.outgoingRegister }),
    );
    expect(sent.invitationNumber).toBe('01-GM/HU');
  });
});
