import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../common/meetings';
import type { MailboxView } from '../../../common/schemas/mail';
import type { ScheduleWeek } from '../../../common/schemas/schedules';
import { type Client, client, incomingInput, makeOffice, ok, tinyPdf } from '../../test/documents';
import { sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createMeeting, makeDelegate, makeMeetingWorld, meetingInput } from '../../test/meetings';
import { composeSchedule, makeScheduleOffice, publishSchedule } from '../../test/schedules';

/**
 * The web page a notification leads to, as the API request that page makes to show it. A link
 * of a form not listed here fails the test: a new kind of link needs a page its reader can open.
 */
function apiOf(link: string): { url: string; check?: (body: unknown) => boolean; entity?: string } {
  const url = new URL(link, 'http://vanphong.invalid');
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'documents' && parts.length === 2) return { url: `/api/documents/${parts[1]}` };
  if (parts[0] === 'meetings' && parts.length === 2) return { url: `/api/meetings/${parts[1]}` };
  if (parts[0] === 'mailbox' && parts.length === 3) return { url: `/api/mail/items/${parts[2]}` };
  if (parts[0] === 'schedule' && parts.length === 2) return { url: `/api/schedules/${parts[1]}` };
  if (parts[0] === 'schedule' && parts.length === 1 && url.searchParams.get('week')) {
    return { url: `/api/schedules?week=${url.searchParams.get('week')}` };
  }
  if (parts[0] === 'incoming' && parts.length === 1 && url.searchParams.get('tab') === 'inbox') {
    const delivery = url.searchParams.get('delivery');
    return { url: delivery ? `/api/deliveries/${delivery}` : '/api/deliveries' };
  }
  throw new Error(`a notification leads to ${link}, a page this test does not know how to open`);
}

describe.each(testEngines())('every kind of notification opens a page its reader may see (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock(); // 25 November 2026, 09:00 in Vietnam
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());

  it('walks each kind the product sends, and opens each one as its reader', async () => {
    type Reader = { id: string; username: string; password: string; api: Pick<Client, 'get'> };
    const readers = new Map<string, Reader>();
    const know = (...people: Reader[]) => {
      for (const p of people) readers.set(p.id, p);
    };
    /** As the reader; signed in again when the moved clock has ended their session. */
    const asReader = async (reader: Reader, url: string) => {
      const res = await reader.api.get(url);
      if (res.statusCode !== 401) return res;
      reader.api = client(t, await sessionFor(t, reader));
      return reader.api.get(url);
    };
    const opened = new Set<NotificationKind>();
    const seen = new Set<string>();
    /** Every notification written since the last look, opened at once by the person it went to. */
    const openNew = async () => {
      const rows = await t.deps.database.db
        .selectFrom('notifications')
        .select(['id', 'user_id', 'kind', 'link', 'entity_id', 'entity_type'])
        .execute();
      for (const n of rows.filter((r) => !seen.has(r.id))) {
        seen.add(n.id);
        const reader = readers.get(n.user_id);
        if (!reader) continue; // someone this test did not sign in: their kind is opened by another
        expect(n.link, `${n.kind} has a link`).toBeTruthy();
        const target = apiOf(n.link as string);
        const res = await asReader(reader, target.url);
        expect(res.statusCode, `${n.kind} → ${n.link} as its reader: ${res.body.slice(0, 200)}`).toBe(200);
        if (n.entity_type === 'schedule') {
          // The week's page, or the schedule's own, shows the very schedule the news is about.
          const body = res.json() as ScheduleWeek | { id: string };
          const ids = 'schedules' in body ? body.schedules.map((s) => s.id) : [body.id];
          expect(ids).toContain(n.entity_id);
        }
        expect(NOTIFICATION_KINDS).toContain(n.kind);
        opened.add(n.kind as NotificationKind);
      }
    };

    // Schedules: published, then changed.
    const s = await makeScheduleOffice(t);
    know(s.clerk, s.leader, s.deputy, s.member, s.specialist, s.communeClerk);
    const week = await publishSchedule(s, await composeSchedule(s, [{ userIds: [s.specialist.id] }]));
    await openNew();
    const item = week.items[0];
    if (!item) throw new Error('no item');
    ok(
      await s.clerk.api.patch(`/api/schedules/${week.id}/items/${item.id}`, {
        version: item.version,
        place: 'Hội trường xã Lũng Cú',
        changeNote: 'Đổi địa điểm',
      }),
      204,
    );
    await openNew();

    // Documents: an incoming one given to a leader, then a handler, due tomorrow, then overdue.
    const o = await makeOffice(t);
    know(o.clerk, o.leader, o.specialist, o.cellClerk, o.cellLeader);
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)),
      201,
    );
    const doc = ok<{ version: number }>(
      await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    await openNew();
    ok(
      await o.leader.api.post(`/api/documents/${id}/direct`, {
        version: doc.version,
        direction: 'Giao chuyên viên tham mưu.',
        lead: { kind: 'user', id: o.specialist.id },
        dueDate: '2026-11-26',
      }),
    );
    await openNew();

    // Sent to the commune: arrives (the receiving clerk opens the delivery), then recalled,
    // once while still waiting and once after the commune took it into its register.
    // A person of the commune chosen himself: he receives it in his own list.
    const hung = await makeDelegate(t, o.cell, 'Mua Minh Hùng');
    know(hung);
    const dispatch = async (summary: string) => {
      const { id } = ok<{ id: string }>(
        await o.specialist.api.post('/api/documents/outgoing', {
          organizationId: o.committee.id,
          typeCode: 'CV',
          summary,
          recipients: [
            { kind: 'organization', id: o.cell.id },
            { kind: 'person', id: hung.personId },
          ],
        }),
        201,
      );
      let d = ok<{ version: number }>(
        await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
      );
      d = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: d.version }));
      d = ok(
        await o.clerk.api.post(`/api/documents/${id}/issue`, { version: d.version, registerId: o.outgoingRegister }),
      );
      d = ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: d.version }));
      await openNew();
      return { id, version: d.version };
    };
    const waiting = await dispatch('Công văn gửi xã, thu hồi khi còn chờ');
    ok(
      await o.clerk.api.post(`/api/documents/${waiting.id}/recall`, {
        version: waiting.version,
        reason: 'Sai số liệu',
      }),
    );
    await openNew();
    const taken = await dispatch('Công văn gửi xã, thu hồi sau khi tiếp nhận');
    // Those who have not opened it are reminded, and the commune is sent it again: each news
    // opens the clerk's own waiting delivery, and the person's own copy.
    ok(await o.clerk.api.post(`/api/documents/${taken.id}/remind`, {}));
    await openNew();
    const sent = ok<{ deliveries: { id: string }[] }>(await o.clerk.api.get(`/api/documents/${taken.id}`));
    const commune = sent.deliveries[0];
    if (!commune) throw new Error('no delivery to the commune');
    ok(await o.clerk.api.post(`/api/documents/${taken.id}/resend`, { deliveryId: commune.id }));
    await openNew();
    const inbox = ok<{ items: { deliveryId: string; version: number; summary: string }[] }>(
      await o.cellClerk.api.get('/api/deliveries'),
    );
    const delivery = inbox.items.find((i) => i.summary === 'Công văn gửi xã, thu hồi sau khi tiếp nhận');
    if (!delivery) throw new Error('the delivery did not arrive');
    ok(await o.cellClerk.api.post(`/api/deliveries/${delivery.deliveryId}/accept`, { version: delivery.version }));
    ok(await o.clerk.api.post(`/api/documents/${taken.id}/recall`, { version: taken.version, reason: 'Ban hành lại' }));
    await openNew();

    // The handler tells how far it has come and asks for more time; the leader refuses, then grants.
    const asHandler = async (path: string, body: unknown) =>
      ok(await o.specialist.api.post(`/api/documents/${id}/${path}`, body));
    await asHandler('progress', { note: 'Đã dự thảo báo cáo', percent: 60 });
    await openNew();
    await asHandler('extension-request', { dueDate: '2026-11-30', reason: 'Chờ số liệu các xã' });
    await openNew();
    const pending = async () =>
      ok<{ extensionRequest: { id: string } }>(await o.leader.api.get(`/api/documents/${id}`)).extensionRequest.id;
    ok(
      await o.leader.api.post(`/api/documents/${id}/extension-decision`, {
        decision: 'refuse',
        requestId: await pending(),
        reason: 'Cần báo cáo đúng hạn',
      }),
    );
    await openNew();

    // The handler's reminders: due tomorrow, then overdue.
    await t.services.documents.reminders.run();
    await openNew();
    clock.advance(2 * 86_400_000);
    await t.services.documents.reminders.run();
    await openNew();

    // Meetings: invited, documents added, reminded, moved, cancelled; another one's minutes once it has begun.
    const w = await makeMeetingWorld(t);
    know(w.clerk, w.leader, w.specialist, w.cellClerk, w.cellLeader, ...w.delegates);
    const packet = await w.clerk.api.upload('Báo cáo năm 2026.pdf', tinyPdf('Bao cao nam 2026'));
    const input = meetingInput(w);
    const meetingId = await createMeeting(w.clerk.api, {
      ...input,
      agenda: [{ ...(input.agenda as object[])[0], uploadIds: [packet] }],
    });
    const meeting = async () => ok<{ version: number }>(await w.clerk.api.get(`/api/meetings/${meetingId}`));
    ok(
      await w.clerk.api.post(`/api/meetings/${meetingId}/send`, {
        version: (await meeting()).version,
        registerId: w.outgoingRegister,
      }),
    );
    await openNew();
    const more = await w.clerk.api.upload('Phụ lục.pdf', tinyPdf('Phu luc'));
    ok(await w.clerk.api.post(`/api/meetings/${meetingId}/files`, { uploadIds: [more], kind: 'document' }), 204);
    await openNew();
    ok(await w.clerk.api.post(`/api/meetings/${meetingId}/remind`));
    await openNew();
    ok(
      await w.clerk.api.post(`/api/meetings/${meetingId}/reschedule`, {
        version: (await meeting()).version,
        startsAt: '2026-12-01T14:00:00+07:00',
        endsAt: '2026-12-01T17:00:00+07:00',
        reason: 'Trùng lịch',
      }),
      204,
    );
    await openNew();
    ok(
      await w.clerk.api.post(`/api/meetings/${meetingId}/cancel`, {
        version: (await meeting()).version,
        reason: 'Họp trực tuyến',
      }),
      204,
    );
    await openNew();

    const second = await createMeeting(w.clerk.api, { ...input, title: 'Hội nghị Ban Thường vụ tháng 12/2026' });
    const secondVersion = ok<{ version: number }>(await w.clerk.api.get(`/api/meetings/${second}`)).version;
    ok(
      await w.clerk.api.post(`/api/meetings/${second}/send`, {
        version: secondVersion,
        registerId: w.outgoingRegister,
      }),
    );
    await openNew();
    clock.advance(Date.parse('2026-11-30T09:30:00+07:00') - clock.now().getTime());
    const secretary = w.delegates[2] as (typeof w.delegates)[number];
    secretary.api = client(t, await sessionFor(t, secretary));
    const minutes = await secretary.api.upload('Biên bản.pdf', tinyPdf('Bien ban'));
    ok(await secretary.api.post(`/api/meetings/${second}/files`, { uploadIds: [minutes], kind: 'minutes' }), 204);
    await openNew();
    // Mail between two delegates.
    const [a, b] = w.delegates as [(typeof w.delegates)[number], (typeof w.delegates)[number]];
    const boxes = ok<{ items: MailboxView[] }>(await a.api.get('/api/mail/mailboxes')).items;
    const from = boxes.find((x) => x.kind !== 'organization') as MailboxView;
    ok(
      await a.api.post('/api/mail/messages', {
        mailboxId: from.id,
        to: [{ kind: 'person', id: b.personId }],
        subject: 'Báo cáo quý IV',
        text: 'Kính gửi.',
      }),
      201,
    );
    await openNew();

    // A kind added to the list without a step here fails: every kind must be walked.
    expect([...opened].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  }, 180_000); // dozens of steps across four modules, on a machine shared with the rest of the suite
});
