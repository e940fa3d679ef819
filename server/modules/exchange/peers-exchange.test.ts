import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { errorCode, ok, tinyPdf } from '../../test/documents';
import { issueTo, linkDeployments } from '../../test/exchange';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { buildPackage } from './edxml.render';
import { packageModelOf } from './package-model.rules';

type Office = Awaited<ReturnType<typeof linkDeployments>>['officeA'];
type Inbox = {
  items: {
    deliveryId: string;
    version: number;
    summary: string;
    numberText: string | null;
    fromOrganizationName: string;
  }[];
};

/** Drafts, signs and numbers a document of `o` to `recipientId`; `dispatch` sends it. */
const dispatchTo = (o: Office, recipientId: string, extra: Record<string, unknown> = {}) =>
  issueTo(o, [recipientId], extra);

describe.each(testEngines())('two deployments exchange documents over signed HTTPS (%s)', (engine) => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-a' } });
    b = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-b' } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('dispatch, arrival, acceptance, direction, completion: the sender sees every status', async () => {
    const link = await linkDeployments(a, b);
    const { officeA, officeB, bInA } = link;
    const { doc, dispatch } = await dispatchTo(officeA, bInA.id);
    ok(await dispatch());
    const sender = async () => ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${doc.id}`));
    expect((await sender()).deliveries.map((d) => [d.organizationName, d.status, d.outside])).toEqual([
      ['Tỉnh ủy Hà Giang (máy B)', '01', true],
    ]);
    // Its copy is followed by the exchange: not resent from here.
    const resend = await officeA.clerk.api.post(`/api/documents/${doc.id}/resend`, {
      deliveryId: (await sender()).deliveries[0]?.id,
    });
    expect(resend.statusCode).toBe(400);
    expect(errorCode(resend)).toBe('documents.outside_not_resent');
    // Nothing has left A yet: the package goes with A's job runner.
    expect(ok<Inbox>(await officeB.clerk.api.get('/api/deliveries')).items).toEqual([]);
    expect(await link.runA()).toBeGreaterThan(0);

    const inbox = ok<Inbox>(await officeB.clerk.api.get('/api/deliveries'));
    expect(inbox.items).toHaveLength(1);
    const arrived = inbox.items[0] as Inbox['items'][number];
    expect(arrived).toMatchObject({
      numberText: doc.numberText,
      summary: 'V/v triển khai liên thông văn bản điện tử',
      fromOrganizationName: 'Huyện ủy Đồng Văn (máy A)',
    });
    // B tells A it arrived.
    await link.runB();
    expect((await sender()).deliveries[0]?.receivedAt).not.toBeNull();

    const opened = ok<{ files: { fileName: string }[] }>(
      await officeB.clerk.api.get(`/api/deliveries/${arrived.deliveryId}`),
    );
    expect(opened.files.map((f) => f.fileName)).toEqual(['Công văn 12.pdf']);
    const accepted = ok<{ id: string }>(
      await officeB.clerk.api.post(`/api/deliveries/${arrived.deliveryId}/accept`, { version: arrived.version }),
    );
    await link.runB();
    expect((await sender()).deliveries[0]?.status).toBe('03');

    let copy = ok<DocumentView>(await officeB.clerk.api.get(`/api/documents/${accepted.id}`));
    expect(copy).toMatchObject({
      direction: 'incoming',
      status: 'registered',
      arrivalNumber: 1,
      numberText: doc.numberText,
    });
    copy = ok(
      await officeB.clerk.api.post(`/api/documents/${copy.id}/submit`, {
        version: copy.version,
        leaderId: officeB.leader.id,
      }),
    );
    await link.runB();
    expect((await sender()).deliveries[0]?.status).toBe('04');
    copy = ok(
      await officeB.leader.api.post(`/api/documents/${copy.id}/direct`, {
        version: copy.version,
        direction: 'Văn phòng tham mưu triển khai.',
        lead: { kind: 'user', id: officeB.specialist.id },
      }),
    );
    await link.runB();
    expect((await sender()).deliveries[0]?.status).toBe('05');
    ok(await officeB.specialist.api.post(`/api/documents/${copy.id}/complete`, { version: copy.version }));
    await link.runB();
    const done = await sender();
    expect(done.deliveries[0]?.status).toBe('06');
    const notes = done.events.filter((e) => e.kind === 'outside_status').map((e) => e.note);
    expect(notes).toEqual([
      'Tỉnh ủy Hà Giang (máy B) — đã nhận được',
      'Tỉnh ủy Hà Giang (máy B) — đã tiếp nhận',
      'Tỉnh ủy Hà Giang (máy B) — chờ phân công xử lý',
      'Tỉnh ủy Hà Giang (máy B) — đang xử lý',
      'Tỉnh ủy Hà Giang (máy B) — đã hoàn thành',
    ]);
    // Every message went once: nothing is left queued on either side.
    for (const t of [a, b]) {
      const left = await t.deps.database.db
        .selectFrom('exchange_messages')
        .select(['state'])
        .where('direction', '=', 'out')
        .where('state', '<>', 'sent')
        .execute();
      expect(left).toEqual([]);
    }
  });

  it('a recall is agreed by the receiving clerk, another refused with a reason; both sides record it', async () => {
    const link = await linkDeployments(a, b);
    const { officeA, officeB, bInA } = link;
    const results: string[] = [];
    for (const answer of ['agree', 'refuse'] as const) {
      const { doc, dispatch } = await dispatchTo(officeA, bInA.id);
      ok(await dispatch());
      await link.runA();
      await link.runB();
      const current = ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${doc.id}`));
      ok(
        await officeA.clerk.api.post(`/api/documents/${doc.id}/recall`, {
          version: current.version,
          reason: 'Ban hành nhầm nơi nhận',
        }),
      );
      await link.runA();
      const asked = ok<{ items: { deliveryId: string; reason: string | null; fromName: string }[] }>(
        await officeB.clerk.api.get('/api/exchange/recalls'),
      );
      expect(asked.items).toHaveLength(1);
      expect(asked.items[0]).toMatchObject({ reason: 'Ban hành nhầm nơi nhận', fromName: 'Huyện ủy Đồng Văn (máy A)' });
      const deliveryId = asked.items[0]?.deliveryId as string;
      if (answer === 'agree') {
        expect((await officeB.clerk.api.post(`/api/exchange/recalls/${deliveryId}/agree`)).statusCode).toBe(204);
      } else {
        const bare = await officeB.clerk.api.post(`/api/exchange/recalls/${deliveryId}/refuse`, { reason: ' ' });
        expect(bare.statusCode).toBe(400);
        expect(
          (
            await officeB.clerk.api.post(`/api/exchange/recalls/${deliveryId}/refuse`, {
              reason: 'Văn bản đã được triển khai',
            })
          ).statusCode,
        ).toBe(204);
      }
      // Answered once: a second answer is refused.
      expect((await officeB.clerk.api.post(`/api/exchange/recalls/${deliveryId}/agree`)).statusCode).toBe(400);
      await link.runB();
      const after = ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${doc.id}`));
      results.push(after.deliveries[0]?.status as string);
      const last = after.events.filter((e) => e.kind === 'outside_status').at(-1);
      expect(last?.note).toBe(
        answer === 'agree'
          ? 'Tỉnh ủy Hà Giang (máy B) — đồng ý thu hồi: Ban hành nhầm nơi nhận'
          : 'Tỉnh ủy Hà Giang (máy B) — từ chối thu hồi: Văn bản đã được triển khai',
      );
    }
    expect(results).toEqual(['15', '16']);
    // The agreed copy left B's inbox; the refused one is still there to be taken.
    expect(ok<Inbox>(await officeB.clerk.api.get('/api/deliveries')).items).toHaveLength(1);
  });

  it('refuses a secret document to a peer not approved for secrets, while drafting and again at dispatch', async () => {
    const link = await linkDeployments(a, b);
    const o = link.officeA;
    const draft = () =>
      o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn mật',
        secrecy: 'secret',
        recipients: [{ kind: 'organization', id: link.bInA.id }],
      });
    const refused = await draft();
    expect(refused.statusCode).toBe(400);
    expect(errorCode(refused)).toBe('documents.secret_across_boundary');
    // Approved for secrets, the draft is taken; the approval withdrawn before dispatch, the dispatch is refused.
    await a.deps.database.db
      .updateTable('exchange_peers')
      .set({ secret_approved: 1 })
      .where('id', '=', link.peerOfA)
      .execute();
    const secretRegister = await o.register(o.clerk.api, o.committee.id, 'outgoing', { secret: true });
    const file = await o.specialist.api.upload('Mật.pdf', tinyPdf('Mat'));
    const { id } = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn mật',
        secrecy: 'secret',
        recipients: [{ kind: 'organization', id: link.bInA.id }],
        uploadIds: [file],
      }),
      201,
    );
    let doc = ok<DocumentView>(
      await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    doc = ok(
      await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: secretRegister }),
    );
    await a.deps.database.db
      .updateTable('exchange_peers')
      .set({ secret_approved: 0 })
      .where('id', '=', link.peerOfA)
      .execute();
    const dispatch = await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version });
    expect(dispatch.statusCode).toBe(400);
    expect(errorCode(dispatch)).toBe('documents.secret_across_boundary');
    await link.runA();
    const sent = await a.deps.database.db
      .selectFrom('exchange_messages')
      .select('id')
      .where('from_id', '=', link.idA)
      .execute();
    expect(sent).toEqual([]);
  });
});

/** The kinds and DocumentIds of the packages `app` received, oldest first. */
async function packagesIn(app: TestApp) {
  return app.deps.database.db
    .selectFrom('exchange_messages')
    .select(['business', 'document_ref'])
    .where('direction', '=', 'in')
    .where('kind', '=', 'package')
    .orderBy('created_at')
    .execute();
}

describe.each(testEngines())('updates and replacements across the boundary (%s)', (engine) => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-a' } });
    b = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-b' } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('arrives as a copy of its own, and the earlier copy is asked of the clerk like a recall', async () => {
    const link = await linkDeployments(a, b);
    const { doc, dispatch } = await dispatchTo(link.officeA, link.bInA.id);
    ok(await dispatch());
    await link.runA();
    const source = await a.services.documents.crossing.packageSource(a.deps.database.db, doc.id);
    const model = packageModelOf(
      source,
      [{ organId: link.idB, organName: 'Tỉnh ủy Hà Giang (máy B)' }],
      a.clock.now().toISOString(),
      { bussinessDocType: 2, bussinessDocReason: 'Sửa trích yếu' },
    );
    model.header.subject = 'V/v triển khai liên thông văn bản điện tử (bản cập nhật)';
    const bytes = buildPackage(model, [
      { contentType: 'application/pdf', name: 'Bản cập nhật.pdf', bytes: tinyPdf('Ban cap nhat') },
    ]);
    const origin = {
      source: `peer:${link.peerOfB}`,
      remoteId: 'cap-nhat-1',
      peerId: link.peerOfB,
      secrecy: 'normal',
      via: 'thử',
    };
    const taken = await b.services.exchange.inbound.fromFile(bytes, origin);
    expect(taken.duplicate).toBe(false);
    const inbox = ok<Inbox>(await link.officeB.clerk.api.get('/api/deliveries'));
    expect(inbox.items.map((i) => i.summary).sort()).toEqual([
      'V/v triển khai liên thông văn bản điện tử',
      'V/v triển khai liên thông văn bản điện tử (bản cập nhật)',
    ]);
    const asked = ok<{ items: { reason: string | null }[] }>(await link.officeB.clerk.api.get('/api/exchange/recalls'));
    expect(asked.items.map((i) => i.reason)).toEqual(['Cập nhật bằng văn bản gửi lại: Sửa trích yếu']);
    // The same update again is the same message.
    const again = await b.services.exchange.inbound.fromFile(
      buildPackage(model, [
        { contentType: 'application/pdf', name: 'Bản cập nhật.pdf', bytes: tinyPdf('Ban cap nhat') },
      ]),
      origin,
    );
    expect(again.duplicate).toBe(true);
    expect(ok<Inbox>(await link.officeB.clerk.api.get('/api/deliveries')).items).toHaveLength(2);
  });
  it('cuts fields longer than the register keeps, and says so', async () => {
    const link = await linkDeployments(a, b);
    // Numbered, not sent: only its facts are used.
    const { doc } = await dispatchTo(link.officeA, link.bInA.id);
    const source = await a.services.documents.crossing.packageSource(a.deps.database.db, doc.id);
    const model = packageModelOf(
      { ...source, numberText: '99-CV/HU' },
      [{ organId: link.idB, organName: 'Tỉnh ủy Hà Giang (máy B)' }],
      a.clock.now().toISOString(),
    );
    // Longer than the format's own model takes: written into the bytes, as another system might.
    const subject = `Về việc ${'rất dài '.repeat(400)}`;
    const pieces: Buffer[] = [];
    for await (const piece of buildPackage(model, [])) pieces.push(piece);
    const built = Buffer.concat(pieces)
      .toString()
      .replace(/<edXML:Subject>[^<]*/, `<edXML:Subject>${subject}`)
      .replace(/<edXML:FullName>[^<]*/, `<edXML:FullName>${'Nguyễn '.repeat(60)}`);
    const taken = await b.services.exchange.inbound.fromFile(Readable.from([Buffer.from(built)]), {
      source: `peer:${link.peerOfB}`,
      remoteId: 'dai-qua',
      peerId: link.peerOfB,
      secrecy: 'normal',
      via: 'thử',
    });
    expect(taken.corrections.filter((c) => c.code === 'edxml.text_shortened').map((c) => c.message)).toEqual([
      `Trích yếu dài ${subject.length} ký tự, quá 500 ký tự sổ văn bản giữ: giữ 500 ký tự đầu.`,
      'Người ký dài 419 ký tự, quá 200 ký tự sổ văn bản giữ: giữ 200 ký tự đầu.',
    ]);
    const inbox = ok<Inbox>(await link.officeB.clerk.api.get('/api/deliveries'));
    const arrived = inbox.items.find((i) => i.numberText === '99-CV/HU');
    expect(arrived?.summary).toBe(subject.slice(0, 500));
  });

  it('VanPhong sends an update: the office outside is asked, refuses with a reason, and the sender sees 16', async () => {
    const link = await linkDeployments(a, b);
    const { officeA, officeB, bInA } = link;
    const before = (await packagesIn(b)).length;
    const { doc, dispatch } = await dispatchTo(officeA, bInA.id);
    ok(await dispatch());
    await link.runA();
    await link.runB();
    let current = ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${doc.id}`));
    expect(current.actions).toContain('update_outside');
    // The leader cannot; a reason is needed.
    const byLeader = await officeA.leader.api.post(`/api/documents/${doc.id}/outside-update`, {
      version: current.version,
      reason: 'Gửi lại',
    });
    expect(byLeader.statusCode).toBe(403);
    expect(
      (
        await officeA.clerk.api.post(`/api/documents/${doc.id}/outside-update`, {
          version: current.version,
          reason: ' ',
        })
      ).statusCode,
    ).toBe(400);
    current = ok<DocumentView>(
      await officeA.clerk.api.post(`/api/documents/${doc.id}/outside-update`, {
        version: current.version,
        reason: 'Tệp gửi trước bị lỗi font',
      }),
    );
    expect(current.events.at(-1)).toMatchObject({ kind: 'outside_update', note: 'Tệp gửi trước bị lỗi font' });
    // A stale version is a conflict, not a second update.
    const stale = await officeA.clerk.api.post(`/api/documents/${doc.id}/outside-update`, {
      version: current.version - 1,
      reason: 'Lần hai',
    });
    expect(stale.statusCode).toBe(409);
    await link.runA();

    const received = (await packagesIn(b)).slice(before);
    expect(received.map((m) => m.business)).toEqual([0, 2]);
    expect(received[1]?.document_ref).toBe(received[0]?.document_ref);
    // The update is a copy of its own; the earlier copy is asked of the clerk.
    expect(ok<Inbox>(await officeB.clerk.api.get('/api/deliveries')).items).toHaveLength(2);
    const asked = ok<{ items: { deliveryId: string; reason: string | null }[] }>(
      await officeB.clerk.api.get('/api/exchange/recalls'),
    );
    expect(asked.items.map((i) => i.reason)).toEqual(['Cập nhật bằng văn bản gửi lại: Tệp gửi trước bị lỗi font']);
    expect(
      (
        await officeB.clerk.api.post(`/api/exchange/recalls/${asked.items[0]?.deliveryId}/refuse`, {
          reason: 'Đã xử lý theo bản trước',
        })
      ).statusCode,
    ).toBe(204);
    await link.runB();
    const after = ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${doc.id}`));
    expect(after.deliveries.map((d) => d.status)).toEqual(['16']);
    expect(after.events.filter((e) => e.kind === 'outside_status').map((e) => e.note)).toContain(
      'Tỉnh ủy Hà Giang (máy B) — từ chối thu hồi: Đã xử lý theo bản trước',
    );
  });

  it('VanPhong sends a replacement naming the earlier document; the office outside agrees and both sides record it', async () => {
    const link = await linkDeployments(a, b);
    const { officeA, officeB, bInA } = link;
    const before = (await packagesIn(b)).length;
    const first = await dispatchTo(officeA, bInA.id);
    ok(await first.dispatch());
    await link.runA();
    await link.runB();

    // Only a dispatched outgoing document of the same organization can be replaced.
    const draft = ok<{ id: string }>(
      await officeA.specialist.api.post('/api/documents/outgoing', {
        organizationId: officeA.committee.id,
        typeCode: 'CV',
        summary: 'Dự thảo chưa phát hành',
      }),
      201,
    );
    for (const replacesId of [draft.id, 'khong-co-van-ban-nay']) {
      const refused = await officeA.specialist.api.post('/api/documents/outgoing', {
        organizationId: officeA.committee.id,
        typeCode: 'CV',
        summary: 'Thay thế sai',
        replacesId,
      });
      expect(refused.statusCode).toBe(400);
      expect(errorCode(refused)).toBe('documents.replaces_invalid');
    }
    const self = await officeA.specialist.api.patch(`/api/documents/${draft.id}`, { version: 1, replacesId: draft.id });
    expect(errorCode(self)).toBe('documents.replaces_invalid');

    const second = await dispatchTo(officeA, bInA.id, { replacesId: first.doc.id });
    expect(second.doc.replaces).toMatchObject({ documentId: first.doc.id, numberText: first.doc.numberText });
    // Replaced once the replacement is sent, not while it is being prepared.
    expect(ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${first.doc.id}`)).replacedBy).toEqual([]);
    ok(await second.dispatch());
    await link.runA();

    const packages = (await packagesIn(b)).slice(before);
    expect(packages.map((m) => m.business)).toEqual([0, 3]);
    expect(packages[1]?.document_ref).not.toBe(packages[0]?.document_ref);
    const asked = ok<{ items: { deliveryId: string; reason: string | null; numberText: string | null }[] }>(
      await officeB.clerk.api.get('/api/exchange/recalls'),
    );
    expect(asked.items).toHaveLength(1);
    expect(asked.items[0]).toMatchObject({
      numberText: first.doc.numberText,
      reason: `Thay thế bằng văn bản mới: Văn bản số ${second.doc.numberText}: V/v triển khai liên thông văn bản điện tử`,
    });
    expect((await officeB.clerk.api.post(`/api/exchange/recalls/${asked.items[0]?.deliveryId}/agree`)).statusCode).toBe(
      204,
    );
    await link.runB();
    // B holds the replacement only; A sees its earlier copy let go and the link both ways.
    expect(ok<Inbox>(await officeB.clerk.api.get('/api/deliveries')).items.map((i) => i.numberText)).toEqual([
      second.doc.numberText,
    ]);
    const earlier = ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${first.doc.id}`));
    expect(earlier.deliveries.map((d) => d.status)).toEqual(['15']);
    expect(earlier.replacedBy.map((l) => l.documentId)).toEqual([second.doc.id]);
    expect(earlier.events.map((e) => e.kind)).toContain('replaced');
    const later = ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${second.doc.id}`));
    expect(later.deliveries.map((d) => d.status)).toEqual(['01']);
  });
});
