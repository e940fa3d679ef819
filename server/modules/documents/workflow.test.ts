import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { errorCode, incomingInput, makeOffice, ok, tinyPdf } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('document workflow (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('carries an incoming document from registration to completion, with its trail', async () => {
    const o = await makeOffice(t);
    const uploadId = await o.clerk.api.upload('Cong van 123.pdf', tinyPdf('Dang uy Dong Van trien khai'));
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister, { uploadIds: [uploadId] })),
      201,
    );
    let doc = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`));
    expect(doc).toMatchObject({ status: 'registered', arrivalNumber: 1, arrivalDate: '2026-11-25' });
    expect(doc.files).toHaveLength(1);
    expect(doc.actions).toContain('submit');

    // The specialist sees nothing yet: it has not been given to them.
    expect((await o.specialist.api.get(`/api/documents/${id}`)).statusCode).toBe(404);
    // A clerk cannot submit to someone who is not a leader of the committee.
    const notLeader = await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.specialist.id });
    expect(errorCode(notLeader)).toBe('documents.leader_required');

    doc = ok(await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }));
    expect(doc.status).toBe('submitted');
    expect(ok<{ toDirect: number }>(await o.leader.api.get('/api/documents/queue')).toDirect).toBe(1);

    doc = ok(
      await o.leader.api.post(`/api/documents/${id}/direct`, {
        version: doc.version,
        direction: 'Giao đồng chí Chuyên viên chủ trì tham mưu, báo cáo trước ngày 28/11.',
        lead: { kind: 'user', id: o.specialist.id },
        forInformation: [o.clerk.id],
        dueDate: '2026-11-27',
      }),
    );
    expect(doc.status).toBe('in_progress');
    expect(doc.assignments.map((a) => [a.role, a.name])).toEqual([
      ['lead', 'Sùng Mí Chuyên Viên'],
      ['info', 'Lò Thị Văn Thư'],
    ]);
    const queue = ok<{ toHandle: number; dueSoon: number; overdue: number }>(
      await o.specialist.api.get('/api/documents/queue'),
    );
    expect(queue).toMatchObject({ toHandle: 1, dueSoon: 1, overdue: 0 });

    // The leader may extend; the handler may add result files while working.
    expect(ok<DocumentView>(await o.leader.api.get(`/api/documents/${id}`)).actions).toContain('extend');
    expect(ok<DocumentView>(await o.specialist.api.get(`/api/documents/${id}`)).actions).not.toContain('extend');
    const result = await o.specialist.api.upload('Du thao bao cao.pdf', tinyPdf('Du thao bao cao'));
    doc = ok(await o.specialist.api.post(`/api/documents/${id}/files`, { uploadIds: [result] }));
    expect(doc.files.map((f) => [f.fileName, f.kind])).toEqual([
      ['Cong van 123.pdf', 'main'],
      ['Du thao bao cao.pdf', 'result'],
    ]);
    ok(await o.specialist.api.post(`/api/documents/${id}/comments`, { note: 'Đã liên hệ các xã.' }));
    // Only the lead handler finishes; the leader cannot finish for them.
    expect((await o.leader.api.post(`/api/documents/${id}/complete`, { version: 3 })).statusCode).toBe(403);
    doc = ok(await o.specialist.api.post(`/api/documents/${id}/complete`, { version: 3, note: 'Đã báo cáo.' }));
    expect(doc.status).toBe('done');
    expect(doc.events.map((e) => e.kind)).toEqual([
      'registered',
      'submitted',
      'directed',
      'attached',
      'commented',
      'completed',
    ]);
    expect(doc.events[2]?.note).toContain('chủ trì tham mưu');
    // Found by the text of the result file too.
    const found = ok<{ items: { id: string }[] }>(
      await o.clerk.api.get('/api/documents?direction=incoming&q=du%20thao%20bao%20cao'),
    );
    expect(found.items.map((i) => i.id)).toEqual([id]);
    // Acting again on a finished step is a conflict, not a second completion.
    expect(errorCode(await o.specialist.api.post(`/api/documents/${id}/complete`, { version: 4 }))).toBe(
      'documents.wrong_status',
    );
  });

  it('lists registers with what each caller may do in them', async () => {
    const o = await makeOffice(t);
    type Registers = { items: { id: string; actions: string[] }[] };
    const mine = (list: Registers, id: string) => list.items.find((r) => r.id === id)?.actions;
    const clerkView = ok<Registers>(await o.clerk.api.get('/api/registers'));
    expect(mine(clerkView, o.incomingRegister)).toEqual(['manage', 'register']);
    const leaderView = ok<Registers>(await o.leader.api.get('/api/registers'));
    expect(mine(leaderView, o.incomingRegister)).toEqual([]);
    // The commune's clerk sees the commune's registers only.
    const cellView = ok<Registers>(await o.cellClerk.api.get('/api/registers'));
    expect(cellView.items.map((r) => r.id)).toEqual([o.cellIncomingRegister]);
    expect(
      (await o.leader.api.patch(`/api/registers/${o.incomingRegister}`, { version: 1, name: 'Đổi tên' })).statusCode,
    ).toBe(403);
  });

  it('warns of a duplicate and answers a repeated submission with the first document', async () => {
    const o = await makeOffice(t);
    const input = incomingInput(o.incomingRegister, { numberText: '45-CV/TU', clientKey: 'form-0001-abcdef' });
    const first = ok<{ id: string; created: boolean }>(await o.clerk.api.post('/api/documents/incoming', input), 201);
    const again = ok<{ id: string; created: boolean }>(await o.clerk.api.post('/api/documents/incoming', input), 200);
    expect(again).toEqual({ id: first.id, created: false });

    const same = { ...input, clientKey: undefined, issuerName: 'TỈNH ỦY HÀ GIANG', numberText: '45-cv/tu' };
    const warned = await o.clerk.api.post('/api/documents/incoming', same);
    expect(warned.statusCode).toBe(409);
    expect(errorCode(warned)).toBe('documents.possible_duplicate');
    const confirmed = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', { ...same, confirmDuplicate: true }),
      201,
    );
    const numbers = await t.deps.database.db
      .selectFrom('documents')
      .select('arrival_number')
      .where('id', 'in', [first.id, confirmed.id])
      .orderBy('arrival_number')
      .execute();
    expect(numbers.map((n) => n.arrival_number)).toEqual([1, 2]);
  });

  it('refuses bad registrations with a clear reason and keeps nothing of them', async () => {
    const o = await makeOffice(t);
    const post = (body: Record<string, unknown>) => o.clerk.api.post('/api/documents/incoming', body);
    const { summary: _s, ...noSummary } = incomingInput(o.incomingRegister);
    expect((await post(noSummary)).statusCode).toBe(400);
    expect(errorCode(await post(incomingInput(o.incomingRegister, { issueDate: '2026-12-01' })))).toBe(
      'documents.issue_date_in_future',
    );
    // Arriving tomorrow is its own mistake, told as such (today is 25 November in Vietnam).
    const tomorrow = await post(incomingInput(o.incomingRegister, { arrivalDate: '2026-11-26' }));
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json()).toMatchObject({
      error: { code: 'documents.arrival_date_in_future', message: 'Ngày đến không thể sau ngày hôm nay.' },
    });
    expect(errorCode(await post(incomingInput(o.incomingRegister, { issueDate: '2026-02-30' })))).toBe(
      'request.invalid',
    );
    expect(errorCode(await post(incomingInput(o.outgoingRegister)))).toBe('documents.register_wrong_direction');
    expect(errorCode(await post(incomingInput(o.incomingRegister, { secrecy: 'secret' })))).toBe(
      'documents.register_secrecy_mismatch',
    );
    expect(errorCode(await post(incomingInput(o.incomingRegister, { uploadIds: ['no-such-upload'] })))).toBe(
      'files.upload_not_found',
    );
    // Someone else's register is not theirs to write in.
    expect((await o.cellClerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister))).statusCode).toBe(
      403,
    );
    const count = await t.deps.database.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('register_id', '=', o.incomingRegister)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    // No number was used up by the refused attempts: the next one is 1.
    const next = ok<{ id: string }>(await post(incomingInput(o.incomingRegister)), 201);
    expect(ok<DocumentView>(await o.clerk.api.get(`/api/documents/${next.id}`)).arrivalNumber).toBe(1);
  });

  it('lets only one of two people acting at once move the document on', async () => {
    const o = await makeOffice(t);
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)),
      201,
    );
    const [a, b] = await Promise.all([
      o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
      o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`)).events;
    expect(events.filter((e) => e.kind === 'submitted')).toHaveLength(1);
  });
});
