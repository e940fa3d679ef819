import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { errorCode, incomingInput, makeOffice, ok, tinyPdf } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

type Inbox = { items: { deliveryId: string; version: number }[] };

describe.each(testEngines())('what a partial change, a recall or a unit may not do (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('changes only the fields sent when a draft is edited, and keeps a secret draft off e-mail', async () => {
    const o = await makeOffice(t);
    const { id } = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn mật',
        secrecy: 'secret',
        urgency: 'flash',
        recipients: [{ kind: 'organization', id: o.cell.id }],
      }),
      201,
    );
    const edited = ok<DocumentView>(
      await o.specialist.api.patch(`/api/documents/${id}`, { version: 1, summary: 'Sửa trích yếu' }),
    );
    expect(edited).toMatchObject({ summary: 'Sửa trích yếu', secrecy: 'secret', urgency: 'flash' });
    expect(edited.recipients.map((r) => r.name)).toEqual(['Đảng ủy xã Lũng Cú']);
    expect((await o.leader.api.get(`/api/documents/${id}`)).statusCode).toBe(404);

    const { id: open } = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn thường',
        recipients: [{ kind: 'external', name: 'Báo Hà Giang', channel: 'email', email: 'toasoan@baohagiang.vn' }],
      }),
      201,
    );
    const madeSecret = await o.specialist.api.patch(`/api/documents/${open}`, { version: 1, secrecy: 'confidential' });
    expect(errorCode(madeSecret)).toBe('documents.secret_by_email');
  });

  it('keeps a register numbering as it did once numbers are issued', async () => {
    const o = await makeOffice(t);
    const state = await o.register(o.clerk.api, o.committee.id, 'outgoing', {
      style: 'state',
      reset: 'term',
      termLabel: '2025-2030',
      perType: false,
      issuerAbbreviation: 'UBND',
    });
    // Renaming changes the name only.
    const renamed = ok<{ style: string; reset: string; perType: boolean; version: number }>(
      await o.clerk.api.patch(`/api/registers/${state}`, { version: 1, name: 'Sổ đi (đổi tên)' }),
    );
    expect(renamed).toMatchObject({ style: 'state', reset: 'term', perType: false });
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'QĐ',
        summary: 'Quyết định',
        recipients: [{ kind: 'organization', id: o.cell.id }],
      }),
      201,
    );
    let doc = ok<DocumentView>(
      await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: state }));
    expect(doc.numberText).toBe('01/QĐ-UBND');
    const changed = await o.clerk.api.patch(`/api/registers/${state}`, { version: renamed.version, reset: 'never' });
    expect(changed.statusCode).toBe(409);
    expect(errorCode(changed)).toBe('documents.register_in_use');
    // A new term is how numbering starts again.
    expect(
      ok<{ termLabel: string }>(
        await o.clerk.api.patch(`/api/registers/${state}`, { version: renamed.version, termLabel: '2030-2035' }),
      ).termLabel,
    ).toBe('2030-2035');
  });

  it('lets only the receiving clerk decide, and only while the delivery waits', async () => {
    const o = await makeOffice(t);
    const file = await o.clerk.api.upload('Thong bao.pdf', tinyPdf('Thong bao'));
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'TB',
        summary: 'Thông báo',
        recipients: [{ kind: 'organization', id: o.cell.id }],
        uploadIds: [file],
      }),
      201,
    );
    let doc = ok<DocumentView>(
      await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    doc = ok(
      await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
    );
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
    const [delivery] = ok<Inbox>(await o.cellClerk.api.get('/api/deliveries')).items;
    const deliveryId = delivery?.deliveryId ?? '';
    // The sender's clerk is a clerk over the commune too, but the delivery is not addressed to them.
    const forged = await o.clerk.api.post(`/api/deliveries/${deliveryId}/refuse`, { version: 1, reason: 'Giả mạo' });
    expect(forged.statusCode).toBe(404);
    const opened = ok<{ files: { id: string }[] }>(await o.cellClerk.api.get(`/api/deliveries/${deliveryId}`));
    ok(await o.clerk.api.post(`/api/documents/${id}/recall`, { version: doc.version, reason: 'Gửi nhầm' }));
    // Recalled: nothing of it can be opened at the receiver any more.
    expect((await o.cellClerk.api.get(`/api/deliveries/${deliveryId}`)).statusCode).toBe(404);
    expect((await o.cellClerk.api.get(`/api/deliveries/${deliveryId}/files/${opened.files[0]?.id}`)).statusCode).toBe(
      404,
    );
    const accept = await o.cellClerk.api.post(`/api/deliveries/${deliveryId}/accept`, { version: 1 });
    expect(accept.statusCode).toBe(409);
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'document.recall')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets a unit given a document read it, and its leader finish it and still read it', async () => {
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
        direction: 'Giao Đảng ủy xã chủ trì.',
        lead: { kind: 'organization', id: o.cell.id },
      }),
    );
    const listed = ok<{ items: { id: string }[] }>(await o.cellLeader.api.get('/api/documents?direction=incoming'));
    expect(listed.items.map((i) => i.id)).toContain(id);
    expect(ok<DocumentView>(await o.cellLeader.api.get(`/api/documents/${id}`)).actions).toContain('complete');
    const done = ok<DocumentView>(
      await o.cellLeader.api.post(`/api/documents/${id}/complete`, { version: doc.version }),
    );
    expect(done.status).toBe('done');
    expect((await o.cellLeader.api.get(`/api/documents/${id}`)).statusCode).toBe(200);
  });

  it('never adds a file to a draft after it was submitted, however close the two requests', async () => {
    const o = await makeOffice(t);
    for (let round = 0; round < 4; round++) {
      const { id } = ok<{ id: string }>(
        await o.specialist.api.post('/api/documents/outgoing', {
          organizationId: o.committee.id,
          typeCode: 'CV',
          summary: `Dự thảo ${round}`,
          recipients: [{ kind: 'organization', id: o.cell.id }],
        }),
        201,
      );
      const upload = await o.specialist.api.upload(`Phu luc ${round}.pdf`, tinyPdf(`Phu luc ${round}`));
      const [attached, submitted] = await Promise.all([
        o.specialist.api.post(`/api/documents/${id}/files`, { uploadIds: [upload] }),
        o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
      ]);
      expect(submitted.statusCode).toBe(200);
      const kinds = ok<DocumentView>(await o.specialist.api.get(`/api/documents/${id}`)).events.map((e) => e.kind);
      if (attached.statusCode === 200) {
        // Taken before the submission: the file's step is in the trail, and before it.
        expect(kinds).toContain('attached');
        expect(kinds.indexOf('attached')).toBeLessThan(kinds.indexOf('submitted'));
      } else expect(errorCode(attached)).toBe('documents.wrong_status');
      // Once submitted, adding a file is refused as a step someone else already took.
      const late = await o.specialist.api.upload(`Muon ${round}.pdf`, tinyPdf(`Muon ${round}`));
      const refused = await o.specialist.api.post(`/api/documents/${id}/files`, { uploadIds: [late] });
      expect(refused.statusCode).toBe(409);
      expect(errorCode(refused)).toBe('documents.wrong_status');
    }
  });

  it('refuses an unknown issuer organization with a clear error', async () => {
    const o = await makeOffice(t);
    const res = await o.clerk.api.post(
      '/api/documents/incoming',
      incomingInput(o.incomingRegister, { issuerOrganizationId: 'khong-co' }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('documents.unknown_issuer');
  });
});
