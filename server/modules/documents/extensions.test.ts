import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { errorCode, incomingInput, makeOffice, ok } from '../../test/documents';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';

describe.each(testEngines())('asking for more time and telling progress (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock(); // 25 November 2026
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());

  const newsOf = async (userId: string) =>
    (
      await t.deps.database.db
        .selectFrom('notifications')
        .select(['kind', 'title'])
        .where('user_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((n) => n.kind);

  it('the handler asks, the leader sees it waiting and grants a new deadline; refusals carry the reason', async () => {
    const o = await makeOffice(t);
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)),
      201,
    );
    let doc = ok<DocumentView>(
      await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(
      await o.leader.api.post(`/api/documents/${id}/direct`, {
        version: doc.version,
        direction: 'Giao chuyên viên tham mưu.',
        lead: { kind: 'user', id: o.specialist.id },
        dueDate: '2026-11-27',
      }),
    );
    const url = `/api/documents/${id}`;
    const asSpecialist = ok<DocumentView>(await o.specialist.api.get(url));
    expect(asSpecialist.actions).toEqual(expect.arrayContaining(['request_extension', 'report_progress']));
    expect(ok<DocumentView>(await o.leader.api.get(url)).actions).not.toContain('decide_extension');
    // Only the handler asks; the leader does not ask himself.
    expect(
      (await o.leader.api.post(`${url}/extension-request`, { dueDate: '2026-12-05', reason: 'x' })).statusCode,
    ).toBe(403);

    ok(await o.specialist.api.post(`${url}/progress`, { note: 'Đã tổng hợp 5/8 xã', percent: 60 }));
    expect(await newsOf(o.leader.id)).toContain('document_progress');

    // Not later than the present deadline: refused.
    const early = await o.specialist.api.post(`${url}/extension-request`, { dueDate: '2026-11-27', reason: 'Chờ' });
    expect(errorCode(early)).toBe('documents.extension_not_later');
    doc = ok(
      await o.specialist.api.post(`${url}/extension-request`, { dueDate: '2026-12-04', reason: 'Chờ số liệu các xã' }),
    );
    expect(doc.extensionRequest).toMatchObject({ proposedDue: '2026-12-04', currentDue: '2026-11-27' });
    expect(doc.actions).not.toContain('request_extension');
    const twice = await o.specialist.api.post(`${url}/extension-request`, { dueDate: '2026-12-05', reason: 'Lần nữa' });
    expect(errorCode(twice)).toBe('documents.extension_pending');
    expect(await newsOf(o.leader.id)).toContain('document_extension_requested');

    // The leader's work queue shows it.
    const counts = ok<{ extensionRequests: number }>(await o.leader.api.get('/api/documents/queue'));
    expect(counts.extensionRequests).toBe(1);
    const queue = ok<{ items: { id: string }[] }>(await o.leader.api.get('/api/documents/queue/extensionRequests'));
    expect(queue.items.map((i) => i.id)).toEqual([id]);
    const request = ok<DocumentView>(await o.leader.api.get(url)).extensionRequest;
    if (!request) throw new Error('no request');

    // A refusal needs its reason.
    const bare = await o.leader.api.post(`${url}/extension-decision`, { decision: 'refuse', requestId: request.id });
    expect(bare.statusCode).toBe(400);
    doc = ok(
      await o.leader.api.post(`${url}/extension-decision`, {
        decision: 'grant',
        requestId: request.id,
        dueDate: '2026-12-02',
      }),
    );
    expect(doc).toMatchObject({ dueDate: '2026-12-02', extensionRequest: null });
    expect(doc.assignments.find((a) => a.role === 'lead')?.dueDate).toBe('2026-12-02');
    expect(await newsOf(o.specialist.id)).toContain('document_extension_decided');
    // Answered once: a second answer to the same request is refused.
    const again = await o.leader.api.post(`${url}/extension-decision`, {
      decision: 'refuse',
      requestId: request.id,
      reason: 'Muộn',
    });
    expect(errorCode(again)).toBe('documents.extension_not_pending');
    expect(ok<{ extensionRequests: number }>(await o.leader.api.get('/api/documents/queue')).extensionRequests).toBe(0);

    // Asked again and refused: the deadline stays, the reason is on the history.
    ok(await o.specialist.api.post(`${url}/extension-request`, { dueDate: '2026-12-10', reason: 'Thêm 1 tuần' }));
    const second = ok<DocumentView>(await o.leader.api.get(url)).extensionRequest;
    doc = ok(
      await o.leader.api.post(`${url}/extension-decision`, {
        decision: 'refuse',
        requestId: second?.id,
        reason: 'Cần báo cáo trước phiên họp',
      }),
    );
    expect(doc.dueDate).toBe('2026-12-02');
    expect(doc.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['progress', 'extension_requested', 'extension_granted', 'extension_refused']),
    );
    expect(doc.events.find((e) => e.kind === 'extension_refused')?.note).toBe('Cần báo cáo trước phiên họp');
    const audited = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'like', 'document.%')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'document.progress',
        'document.extension_request',
        'document.extension_grant',
        'document.extension_refuse',
      ]),
    );
  });
});
