import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { client, incomingInput, makeOffice, ok } from '../../test/documents';
import { makeUser, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

type Office = Awaited<ReturnType<typeof makeOffice>>;

describe.each(testEngines())('replying to an incoming document (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  /** An incoming document from the cell, handled by the specialist, the second one told for information. */
  async function handled(o: Office) {
    const reader = await makeUser(t, [{ organization: o.committee, role: 'specialist' }], { fullName: 'Hầu A Đọc' });
    const readerApi = client(t, await sessionFor(t, reader));
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(o.incomingRegister, { issuerName: 'Đảng ủy xã Lũng Cú', issuerOrganizationId: o.cell.id }),
      ),
      201,
    );
    let doc = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`));
    expect(doc.actions).toContain('reply');
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/submit`, { version: doc.version, leaderId: o.leader.id }));
    doc = ok(
      await o.leader.api.post(`/api/documents/${id}/direct`, {
        version: doc.version,
        direction: 'Giao đồng chí Chuyên viên soạn văn bản trả lời.',
        lead: { kind: 'user', id: o.specialist.id },
        forInformation: [reader.id],
      }),
    );
    return { id, doc, reader: readerApi };
  }

  const replyDraft = (o: Office, replyToId: string, author = o.specialist.api) =>
    author.post('/api/documents/outgoing', {
      organizationId: o.committee.id,
      typeCode: 'CV',
      summary: 'V/v trả lời văn bản của Đảng ủy xã Lũng Cú',
      recipients: [{ kind: 'organization', id: o.cell.id }],
      replyToId,
    });

  it('links the draft and the incoming document both ways, shows each only to its readers, and audits it', async () => {
    const o = await makeOffice(t);
    const { id, doc, reader } = await handled(o);
    // The lead handler and the leader may answer; someone told only for information may not.
    expect(ok<DocumentView>(await o.specialist.api.get(`/api/documents/${id}`)).actions).toContain('reply');
    expect(ok<DocumentView>(await o.leader.api.get(`/api/documents/${id}`)).actions).toContain('reply');
    expect(ok<DocumentView>(await reader.get(`/api/documents/${id}`)).actions).not.toContain('reply');

    const draftId = ok<{ id: string }>(await replyDraft(o, id), 201).id;
    const draft = ok<DocumentView>(await o.specialist.api.get(`/api/documents/${draftId}`));
    expect(draft.replyTo).toMatchObject({ documentId: id, direction: 'incoming', numberText: doc.numberText });
    expect(draft.replies).toEqual([]);

    const incoming = ok<DocumentView>(await o.specialist.api.get(`/api/documents/${id}`));
    expect(incoming.replyTo).toBeNull();
    expect(incoming.replies.map((r) => [r.documentId, r.direction, r.numberText])).toEqual([
      [draftId, 'outgoing', null],
    ]);
    expect(incoming.events.map((e) => e.kind)).toContain('reply_drafted');
    // The clerk reads the committee's drafts; the one told for information does not see the draft.
    expect(ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`)).replies).toHaveLength(1);
    expect(ok<DocumentView>(await reader.get(`/api/documents/${id}`)).replies).toEqual([]);

    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_id', '=', draftId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['document.draft', 'document.reply']);
    expect(audit.find((a) => a.action === 'document.reply')?.summary).toContain(doc.numberText ?? '');
  });

  it('refuses a reply from someone who does not handle the document, and to an outgoing one', async () => {
    const o = await makeOffice(t);
    const { id, reader } = await handled(o);
    // Told for information only: may read it, may not answer it.
    expect((await replyDraft(o, id, reader)).statusCode).toBe(403);
    // Another organization's leader does not learn it exists.
    const outsider = await o.cellLeader.api.post('/api/documents/outgoing', {
      organizationId: o.cell.id,
      typeCode: 'CV',
      summary: 'Trả lời',
      replyToId: id,
    });
    expect(outsider.statusCode).toBe(404);
    // A draft answers an incoming document, never another outgoing one.
    const other = ok<{ id: string }>(await replyDraft(o, id), 201).id;
    expect((await replyDraft(o, other)).statusCode).toBeGreaterThanOrEqual(400);
    expect((await replyDraft(o, other)).statusCode).toBeLessThan(500);
    // Nothing was linked by the refusals.
    const rows = await t.deps.database.db
      .selectFrom('document_replies')
      .selectAll()
      .where('incoming_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
