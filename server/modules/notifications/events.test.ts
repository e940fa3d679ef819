import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { incomingInput, makeOffice, ok } from '../../test/documents';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createMeeting, makeMeetingWorld, meetingInput } from '../../test/meetings';

describe.each(testEngines())('what people are told, and reminded of once (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock(); // 25 November 2026, 09:00 in Vietnam
  const start = clock.now().getTime();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());
  afterEach(() => clock.advance(start - clock.now().getTime()));

  const kindsOf = async (userId: string) =>
    (
      await t.deps.database.db
        .selectFrom('notifications')
        .select('kind')
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    )
      .map((n) => n.kind)
      // Told in one moment of the movable clock: compared as a set of kinds.
      .sort();
  const jobsFor = async (kind: string) =>
    Number(
      (
        await t.deps.database.db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', kind)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('tells the leader, then the handler, and reminds the handler the day before and once overdue', async () => {
    const o = await makeOffice(t);
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)),
      201,
    );
    let doc = ok<DocumentView>(
      await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    expect(await kindsOf(o.leader.id)).toEqual(['document_assigned']);
    doc = ok(
      await o.leader.api.post(`/api/documents/${id}/direct`, {
        version: doc.version,
        direction: 'Giao chuyên viên tham mưu.',
        lead: { kind: 'user', id: o.specialist.id },
        dueDate: '2026-11-26',
      }),
    );
    expect(await kindsOf(o.specialist.id)).toEqual(['document_assigned']);
    // Each notification also waits, as a job, to go out by e-mail and SMS after commit.
    expect(await jobsFor('notification.deliver')).toBeGreaterThanOrEqual(2);

    const reminders = t.services.documents.reminders;
    expect(await reminders.run()).toBeGreaterThanOrEqual(1);
    await reminders.run();
    expect(await kindsOf(o.specialist.id)).toEqual(['document_assigned', 'document_due']);
    clock.advance(2 * 86_400_000); // 27 November: overdue
    await reminders.run();
    await reminders.run();
    expect(await kindsOf(o.specialist.id)).toEqual(['document_assigned', 'document_due', 'document_overdue']);
  });

  it('tells the receiving clerks when a document arrives and when it is recalled', async () => {
    const o = await makeOffice(t);
    const { id } = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn gửi xã',
        recipients: [{ kind: 'organization', id: o.cell.id }],
      }),
      201,
    );
    let doc = ok<DocumentView>(
      await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    doc = ok(
      await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
    );
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
    expect(await kindsOf(o.cellClerk.id)).toEqual(['document_arrived']);
    ok(await o.clerk.api.post(`/api/documents/${id}/recall`, { version: doc.version, reason: 'Sai số liệu' }));
    expect(await kindsOf(o.cellClerk.id)).toEqual(['document_arrived', 'document_recalled']);
    // The committee's own leader, who is not a receiving clerk, hears nothing of it.
    expect(await kindsOf(o.cellLeader.id)).toEqual([]);
  });

  it('reminds everyone invited the day before a meeting and on its morning, once each', async () => {
    const w = await makeMeetingWorld(t);
    const id = await createMeeting(
      w.clerk.api,
      meetingInput(w, { startsAt: '2026-11-26T08:00:00+07:00', endsAt: '2026-11-26T11:00:00+07:00' }),
    );
    ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister }));
    const reminders = t.services.meetings.reminders;
    await reminders.run();
    await reminders.run();
    const d = w.delegates[0]?.id as string;
    expect(await kindsOf(d)).toEqual(['meeting_invited', 'meeting_reminder']);
    clock.advance(14 * 3_600_000 + 30 * 60_000); // 23:30: still the evening before, nothing new
    await reminders.run();
    expect(await kindsOf(d)).toEqual(['meeting_invited', 'meeting_reminder']);
    clock.advance(7 * 3_600_000); // 06:30 on the day
    await reminders.run();
    await reminders.run();
    expect(await kindsOf(d)).toEqual(['meeting_invited', 'meeting_reminder', 'meeting_reminder']);
  });
});
