import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { type Client, errorCode, makeOffice, ok } from '../../test/documents';
import { makeOrganization, makeUser } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { makeDelegate } from '../../test/meetings';

type Notes = { items: { kind: string; title: string; link: string | null }[] };
type Inbox = { items: { deliveryId: string; version: number; numberText: string | null }[] };
type Office = Awaited<ReturnType<typeof makeOffice>>;

describe.each(testEngines())('outgoing recipients, drafts and follow-up (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  async function draft(o: Office, recipients: unknown[], author: Client = o.specialist.api) {
    return ok<{ id: string }>(
      await author.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn về việc chuẩn bị hội nghị sơ kết',
        recipients,
      }),
      201,
    ).id;
  }

  async function toIssued(o: Office, id: string) {
    let doc = ok<DocumentView>(
      await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    return ok<DocumentView>(
      await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
    );
  }

  it('a person chosen as recipient receives the document himself, and its reading is his', async () => {
    const o = await makeOffice(t);
    const person = await makeDelegate(t, o.cell, 'Mua Minh Hùng');
    const id = await draft(o, [{ kind: 'person', id: person.personId }]);
    // Before dispatch he cannot see the draft.
    expect((await person.api.get(`/api/documents/${id}`)).statusCode).toBe(404);
    let doc = await toIssued(o, id);
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
    // No organization is named in his place; he is listed himself, not yet read.
    expect(doc.deliveries).toEqual([]);
    expect(doc.personDeliveries.map((p) => [p.name, p.readAt])).toEqual([['Mua Minh Hùng', null]]);
    // Nobody's clerk queue holds a copy nobody can take.
    expect(ok<Inbox>(await o.cellClerk.api.get('/api/deliveries')).items).toEqual([]);
    // He is told, and the notification opens the document.
    const notes = ok<Notes>(await person.api.get('/api/notifications'));
    const note = notes.items.find((n) => n.kind === 'document_received');
    expect(note?.link).toBe(`/documents/${id}`);
    expect(ok<{ forInformation: number }>(await person.api.get('/api/documents/queue')).forInformation).toBe(1);
    const seen = ok<DocumentView>(await person.api.get(`/api/documents/${id}`));
    expect(seen.numberText).toBe(doc.numberText);
    expect(ok<{ forInformation: number }>(await person.api.get('/api/documents/queue')).forInformation).toBe(0);
    // The sender sees when he read it.
    doc = ok(await o.clerk.api.get(`/api/documents/${id}`));
    expect(doc.personDeliveries[0]?.readAt).not.toBeNull();
  });

  it('refuses to dispatch to an organization no clerk receives for, naming it', async () => {
    const o = await makeOffice(t);
    const empty = await makeOrganization(t, { parent: o.committee, name: 'Chi bộ Không Văn Thư', abbreviation: 'CB' });
    // A person without an account in that organization reaches nobody either.
    await makeUser(t, [{ organization: empty, role: 'member' }], { fullName: 'Không Phải Văn Thư' });
    const id = await draft(o, [
      { kind: 'organization', id: o.cell.id },
      { kind: 'organization', id: empty.id },
    ]);
    const doc = await toIssued(o, id);
    const res = await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('documents.recipient_without_clerk');
    expect((res.json() as { error: { message: string } }).error.message).toContain('Chi bộ Không Văn Thư');
    // Nothing went anywhere.
    expect(ok<Inbox>(await o.cellClerk.api.get('/api/deliveries')).items).toEqual([]);
    expect(ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`)).status).toBe('issued');
  });

  it('the author deletes his own draft, only while it is a draft; it is audited', async () => {
    const o = await makeOffice(t);
    const id = await draft(o, [{ kind: 'organization', id: o.cell.id }]);
    // Another person may not, even the clerk who may edit it.
    expect((await o.clerk.api.delete(`/api/documents/${id}?version=1`)).statusCode).toBe(403);
    ok(await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }));
    const submitted = await o.specialist.api.delete(`/api/documents/${id}?version=2`);
    expect(submitted.statusCode).toBe(409);
    const other = await draft(o, []);
    const stale = await o.specialist.api.delete(`/api/documents/${other}?version=7`);
    expect(stale.statusCode).toBe(409);
    ok(await o.specialist.api.delete(`/api/documents/${other}?version=1`), 204);
    expect((await o.specialist.api.get(`/api/documents/${other}`)).statusCode).toBe(404);
    const trail = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', other)
      .execute();
    expect(trail.map((a) => a.action)).toContain('document.delete_draft');
  });

  it('the author withdraws a submission before it is signed; the leader is told and can no longer sign', async () => {
    const o = await makeOffice(t);
    const id = await draft(o, [{ kind: 'organization', id: o.cell.id }]);
    let doc = ok<DocumentView>(
      await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    expect(doc.actions).toContain('withdraw');
    expect((await o.clerk.api.post(`/api/documents/${id}/withdraw`, { version: doc.version })).statusCode).toBe(403);
    doc = ok(
      await o.specialist.api.post(`/api/documents/${id}/withdraw`, { version: doc.version, reason: 'Sửa số liệu' }),
    );
    expect(doc.status).toBe('draft');
    expect(doc.actions).toEqual(expect.arrayContaining(['edit', 'submit', 'delete']));
    const notes = ok<Notes>(await o.leader.api.get('/api/notifications'));
    expect(notes.items.map((n) => n.title).some((title) => title.startsWith('Dự thảo đã được rút lại'))).toBe(true);
    expect((await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version })).statusCode).toBe(409);
    // Once signed it cannot be withdrawn.
    doc = ok(
      await o.specialist.api.post(`/api/documents/${id}/submit`, { version: doc.version, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    expect((await o.specialist.api.post(`/api/documents/${id}/withdraw`, { version: doc.version })).statusCode).toBe(
      409,
    );
  });

  it('reminds the recipients who have not opened it, at most once a day, and resends to one', async () => {
    const o = await makeOffice(t);
    const person = await makeDelegate(t, o.cell, 'Hầu A Nhắc');
    const id = await draft(o, [
      { kind: 'organization', id: o.cell.id },
      { kind: 'person', id: person.personId },
    ]);
    let doc = await toIssued(o, id);
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
    expect(doc.actions).toContain('remind');
    expect((await o.specialist.api.post(`/api/documents/${id}/remind`, {})).statusCode).toBe(403);
    const before = ok<Notes>(await o.cellClerk.api.get('/api/notifications')).items.length;
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/remind`, {}));
    expect(doc.personDeliveries[0]?.remindedAt).not.toBeNull();
    expect(doc.deliveries[0]?.remindedAt).not.toBeNull();
    expect(ok<Notes>(await o.cellClerk.api.get('/api/notifications')).items.length).toBe(before + 1);
    const told = ok<Notes>(await person.api.get('/api/notifications')).items;
    expect(told.some((n) => n.title.startsWith('Nhắc đọc văn bản'))).toBe(true);
    // A second click the same day is refused, not sent again.
    const again = await o.clerk.api.post(`/api/documents/${id}/remind`, {});
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('documents.remind_too_soon');
    // A day later (the reminders are dated back rather than the clock moved, which would end the sessions).
    const dayAgo = new Date(t.clock.now().getTime() - 25 * 60 * 60 * 1000).toISOString();
    await t.deps.database.db
      .updateTable('document_deliveries')
      .set({ reminded_at: dayAgo })
      .where('document_id', '=', id)
      .execute();
    await t.deps.database.db
      .updateTable('document_person_deliveries')
      .set({ reminded_at: dayAgo })
      .where('document_id', '=', id)
      .execute();
    // Read by now: only the organization is reminded.
    ok(await person.api.get(`/api/documents/${id}`));
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/remind`, {}));
    const trail = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(trail.filter((a) => a.action === 'document.remind')).toHaveLength(2);

    // The commune refuses; the sender sends it again to that one recipient.
    const inbox = ok<Inbox>(await o.cellClerk.api.get('/api/deliveries'));
    const delivery = inbox.items[0];
    ok(
      await o.cellClerk.api.post(`/api/deliveries/${delivery?.deliveryId}/refuse`, {
        version: delivery?.version,
        reason: 'Sai nơi nhận',
      }),
      204,
    );
    doc = ok(await o.clerk.api.get(`/api/documents/${id}`));
    expect(doc.deliveries[0]?.status).toBe('02');
    doc = ok(await o.clerk.api.post(`/api/documents/${id}/resend`, { deliveryId: doc.deliveries[0]?.id }));
    expect(doc.deliveries[0]).toMatchObject({ status: '01', reason: null, receivedAt: null });
    expect(ok<Inbox>(await o.cellClerk.api.get('/api/deliveries')).items).toHaveLength(1);
  });
});
