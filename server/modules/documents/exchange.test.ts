import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { errorCode, makeOffice, ok, tinyPdf } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

type Inbox = { items: { deliveryId: string; version: number; summary: string; numberText: string | null }[] };

describe.each(testEngines())('outgoing documents and delivery between organizations (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  async function draftAndIssue(o: Awaited<ReturnType<typeof makeOffice>>, extra: Record<string, unknown> = {}) {
    const file = await o.specialist.api.upload('Nghị quyết 05.pdf', tinyPdf('Nghi quyet ve chuyen doi so'));
    const { id } = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'NQ',
        summary: 'Nghị quyết về chuyển đổi số trong các cơ quan Đảng',
        recipients: [
          { kind: 'organization', id: o.cell.id },
          { kind: 'external', name: 'Báo Hà Giang', channel: 'paper' },
        ],
        uploadIds: [file],
        ...extra,
      }),
      201,
    );
    let doc = ok<DocumentView>(
      await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    expect(ok<{ toSign: number }>(await o.leader.api.get('/api/documents/queue')).toSign).toBe(1);
    doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    expect(doc).toMatchObject({ status: 'approved', signerName: 'Vàng Seo Lãnh Đạo' });
    doc = ok(
      await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
    );
    return doc;
  }

  it('drafts, approves, numbers and dispatches; the receiver accepts and the sender follows it to done', async () => {
    const o = await makeOffice(t);
    let doc = await draftAndIssue(o);
    expect(doc).toMatchObject({ status: 'issued', numberText: '01-NQ/HU', issueDate: '2026-11-25' });
    doc = ok(await o.clerk.api.post(`/api/documents/${doc.id}/dispatch`, { version: doc.version }));
    expect(doc.status).toBe('dispatched');
    expect(doc.deliveries.map((d) => [d.organizationName, d.status, d.receivedAt])).toEqual([
      ['Đảng ủy xã Lũng Cú', '01', null],
    ]);

    // The cell's clerk finds it waiting, opens it (received), and accepts it into their register.
    const inbox = ok<Inbox>(await o.cellClerk.api.get('/api/deliveries'));
    expect(inbox.items.map((i) => i.numberText)).toEqual(['01-NQ/HU']);
    const delivery = inbox.items[0] as Inbox['items'][number];
    // The committee's own clerk is not asked to take what the commune's clerk takes.
    expect(ok<Inbox>(await o.clerk.api.get('/api/deliveries')).items).toEqual([]);
    // Only a clerk of the receiving organization (or above it) sees or takes it.
    expect((await o.specialist.api.get(`/api/deliveries/${delivery.deliveryId}`)).statusCode).toBe(404);
    expect((await o.cellLeader.api.get(`/api/deliveries/${delivery.deliveryId}`)).statusCode).toBe(404);
    // Opening it shows its files, which the clerk may read before deciding.
    const opened = ok<{ files: { id: string; fileName: string }[] }>(
      await o.cellClerk.api.get(`/api/deliveries/${delivery.deliveryId}`),
    );
    expect(opened.files.map((f) => f.fileName)).toEqual(['Nghị quyết 05.pdf']);
    const preview = await o.cellClerk.api.get(
      `/api/deliveries/${delivery.deliveryId}/files/${opened.files[0]?.id}?inline=1`,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline; /);
    expect(
      (await o.specialist.api.get(`/api/deliveries/${delivery.deliveryId}/files/${opened.files[0]?.id}`)).statusCode,
    ).toBe(404);
    const accepted = ok<{ id: string }>(
      await o.cellClerk.api.post(`/api/deliveries/${delivery.deliveryId}/accept`, { version: delivery.version }),
    );
    // Taking it twice is refused: it is already accepted.
    expect(
      (await o.cellClerk.api.post(`/api/deliveries/${delivery.deliveryId}/accept`, { version: delivery.version }))
        .statusCode,
    ).toBe(409);

    let copy = ok<DocumentView>(await o.cellClerk.api.get(`/api/documents/${accepted.id}`));
    expect(copy).toMatchObject({
      direction: 'incoming',
      status: 'registered',
      arrivalNumber: 1,
      numberText: '01-NQ/HU',
      issuerName: 'Huyện ủy Đồng Văn',
      channel: 'system',
      source: { documentId: doc.id, organizationName: 'Huyện ủy Đồng Văn' },
    });
    expect(copy.files.map((f) => f.fileName)).toEqual(['Nghị quyết 05.pdf']);
    // The bytes are stored once, whoever refers to them.
    const blobs = await t.deps.database.db
      .selectFrom('document_files')
      .select('sha256')
      .where('document_id', 'in', [doc.id, accepted.id])
      .execute();
    expect(new Set(blobs.map((b) => b.sha256)).size).toBe(1);

    const senderSees = async () =>
      ok<DocumentView>(await o.clerk.api.get(`/api/documents/${doc.id}`)).deliveries[0]?.status;
    expect(await senderSees()).toBe('03');
    copy = ok(
      await o.cellClerk.api.post(`/api/documents/${copy.id}/submit`, {
        version: copy.version,
        leaderId: o.cellLeader.id,
      }),
    );
    expect(await senderSees()).toBe('04');
    copy = ok(
      await o.cellLeader.api.post(`/api/documents/${copy.id}/direct`, {
        version: copy.version,
        direction: 'Văn thư tự theo dõi, tổng hợp.',
        lead: { kind: 'user', id: o.cellClerk.id },
      }),
    );
    expect(await senderSees()).toBe('05');
    ok(await o.cellClerk.api.post(`/api/documents/${copy.id}/complete`, { version: copy.version }));
    expect(await senderSees()).toBe('06');
    const timeline = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${doc.id}`)).events.map((e) => e.kind);
    expect(timeline).toEqual(['drafted', 'submitted', 'approved', 'numbered', 'dispatched', 'accepted']);
  });

  it('numbers per type within the period and never twice, also when issued at the same moment', async () => {
    const o = await makeOffice(t);
    const first = await draftAndIssue(o);
    const second = await draftAndIssue(o);
    const other = await draftAndIssue(o, { typeCode: 'CV', summary: 'Công văn về lịch họp' });
    expect([first.numberText, second.numberText, other.numberText]).toEqual(['01-NQ/HU', '02-NQ/HU', '01-CV/HU']);

    // A state-style register numbers for the whole year across types: Số: 01/QĐ-UBND.
    const stateRegister = await o.register(o.clerk.api, o.committee.id, 'outgoing', {
      style: 'state',
      perType: false,
      issuerAbbreviation: 'UBND',
    });
    const drafts = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const { id } = ok<{ id: string }>(
          await o.clerk.api.post('/api/documents/outgoing', {
            organizationId: o.committee.id,
            typeCode: i % 2 ? 'QĐ' : 'TB',
            summary: `Văn bản ${i}`,
            recipients: [{ kind: 'organization', id: o.cell.id }],
          }),
          201,
        );
        let d = ok<DocumentView>(
          await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
        );
        d = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: d.version }));
        return d;
      }),
    );
    const issued = await Promise.all(
      drafts.map((d) =>
        o.clerk.api.post(`/api/documents/${d.id}/issue`, { version: d.version, registerId: stateRegister }),
      ),
    );
    const numbers = issued.map((r) => ok<DocumentView>(r).numberText as string);
    const seq = numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b);
    expect(seq).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(numbers.every((n) => /^\d{2}\/(QĐ|TB)-UBND$/.test(n))).toBe(true);
  });

  it('recalls a dispatched document: the receiver copy is cancelled and the sender told', async () => {
    const o = await makeOffice(t);
    let doc = await draftAndIssue(o);
    doc = ok(await o.clerk.api.post(`/api/documents/${doc.id}/dispatch`, { version: doc.version }));
    const [delivery] = ok<Inbox>(await o.cellClerk.api.get('/api/deliveries')).items;
    const accepted = ok<{ id: string }>(
      await o.cellClerk.api.post(`/api/deliveries/${delivery?.deliveryId}/accept`, { version: delivery?.version }),
    );
    doc = ok(
      await o.clerk.api.post(`/api/documents/${doc.id}/recall`, { version: doc.version, reason: 'Sai trích yếu' }),
    );
    expect(doc.status).toBe('recalled');
    expect(doc.deliveries[0]?.status).toBe('13');
    const copy = ok<DocumentView>(await o.cellClerk.api.get(`/api/documents/${accepted.id}`));
    expect(copy.status).toBe('cancelled');
    expect(copy.events.at(-1)?.note).toContain('Sai trích yếu');
    expect(copy.actions).not.toContain('submit');
  });

  it('refuses with a reason, and refuses bad recipients and empty dispatches', async () => {
    const o = await makeOffice(t);
    const unknown = await o.specialist.api.post('/api/documents/outgoing', {
      organizationId: o.committee.id,
      typeCode: 'CV',
      summary: 'Công văn',
      recipients: [{ kind: 'organization', id: 'no-such-org' }],
    });
    expect(errorCode(unknown)).toBe('documents.unknown_recipient');
    const secretMail = await o.specialist.api.post('/api/documents/outgoing', {
      organizationId: o.committee.id,
      typeCode: 'CV',
      summary: 'Công văn mật',
      secrecy: 'confidential',
      recipients: [{ kind: 'external', name: 'Ai đó', channel: 'email', email: 'a@example.vn' }],
    });
    expect(errorCode(secretMail)).toBe('documents.secret_by_email');

    let doc = await draftAndIssue(o);
    doc = ok(await o.clerk.api.post(`/api/documents/${doc.id}/dispatch`, { version: doc.version }));
    const [delivery] = ok<Inbox>(await o.cellClerk.api.get('/api/deliveries')).items;
    const noReason = await o.cellClerk.api.post(`/api/deliveries/${delivery?.deliveryId}/refuse`, { version: 1 });
    expect(errorCode(noReason)).toBe('documents.reason_required');
    const refused = await o.cellClerk.api.post(`/api/deliveries/${delivery?.deliveryId}/refuse`, {
      version: 1,
      reason: 'Gửi nhầm đơn vị',
    });
    expect(refused.statusCode).toBe(204);
    const sender = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${doc.id}`));
    expect(sender.deliveries[0]).toMatchObject({ status: '02', reason: 'Gửi nhầm đơn vị' });
    expect(ok<Inbox>(await o.cellClerk.api.get('/api/deliveries')).items).toEqual([]);
  });
});
