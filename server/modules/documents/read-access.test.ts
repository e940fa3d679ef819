import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import type { Actor } from '../../platform/security/actor';
import { client, incomingInput, makeOffice, ok, tinyPdf } from '../../test/documents';
import { makeUser, signIn } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { findDocument } from './documents.repository';
import { resourceOf } from './documents.view';
import { canRead, visibilityOf, visibleAmong } from './read-access.repository';

/**
 * The rule the policy applies to one document and the condition the lists apply to a set must
 * agree: otherwise a list shows what opening refuses, or hides what a person may open.
 */
describe.each(testEngines())('who may read a document: the policy and the lists agree (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('gives the same answer for every document and every person', async () => {
    const o = await makeOffice(t);
    const person = async (role: 'member' | 'admin' | 'specialist', org = o.committee, fullName = `Người ${role}`) => {
      const user = await makeUser(t, [{ organization: org, role }], { fullName });
      return { ...user, api: client(t, await signIn(t, user)) };
    };
    const member = await person('member');
    const admin = await person('admin');
    const cellSpecialist = await person('specialist', o.cell, 'Chuyên viên xã');
    const registered = async (api: typeof o.clerk.api, input: unknown) =>
      ok<{ id: string }>(await api.post('/api/documents/incoming', input), 201).id;
    const direct = async (id: string, body: Record<string, unknown>) => {
      ok(await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }));
      ok(
        await o.leader.api.post(`/api/documents/${id}/direct`, {
          version: 2,
          direction: 'Giao xử lý.',
          ...body,
        }),
      );
    };

    const secretRegister = await o.register(o.clerk.api, o.committee.id, 'incoming', { secret: true });
    const plain = await registered(o.clerk.api, incomingInput(o.incomingRegister));
    const secret = await registered(o.clerk.api, incomingInput(secretRegister, { secrecy: 'secret' }));
    const toPerson = await registered(o.clerk.api, incomingInput(o.incomingRegister));
    await direct(toPerson, { lead: { kind: 'user', id: o.specialist.id }, forInformation: [member.id] });
    const toUnit = await registered(o.clerk.api, incomingInput(o.incomingRegister));
    await direct(toUnit, { lead: { kind: 'organization', id: o.cell.id } });
    const secretToPerson = await registered(o.clerk.api, incomingInput(secretRegister, { secrecy: 'secret' }));
    await direct(secretToPerson, { lead: { kind: 'user', id: o.specialist.id } });
    const cellOwn = await registered(o.cellClerk.api, incomingInput(o.cellIncomingRegister));
    const draft = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'NQ',
        summary: 'Dự thảo nghị quyết',
      }),
      201,
    ).id;
    // Sent to the cell, accepted there: the sender's document and the receiver's copy.
    const file = await o.specialist.api.upload('NQ.pdf', tinyPdf('Nghi quyet'));
    const sent = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'NQ',
        summary: 'Nghị quyết gửi xã',
        recipients: [{ kind: 'organization', id: o.cell.id }],
        uploadIds: [file],
      }),
      201,
    ).id;
    let doc = ok<DocumentView>(
      await o.specialist.api.post(`/api/documents/${sent}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.post(`/api/documents/${sent}/approve`, { version: doc.version }));
    doc = ok(
      await o.clerk.api.post(`/api/documents/${sent}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
    );
    doc = ok(await o.clerk.api.post(`/api/documents/${sent}/dispatch`, { version: doc.version }));
    const inbox = ok<{ items: { deliveryId: string; version: number }[] }>(
      await o.cellClerk.api.get('/api/deliveries'),
    );
    const delivery = inbox.items[0];
    if (!delivery) throw new Error('nothing arrived');
    const received = ok<{ id: string }>(
      await o.cellClerk.api.post(`/api/deliveries/${delivery.deliveryId}/accept`, { version: delivery.version }),
    ).id;

    const documents = { plain, secret, toPerson, toUnit, secretToPerson, cellOwn, draft, sent, received };
    const people = {
      clerk: o.clerk,
      leader: o.leader,
      specialist: o.specialist,
      cellClerk: o.cellClerk,
      cellLeader: o.cellLeader,
      member,
      admin,
      cellSpecialist,
    };
    const actorOf = async (p: { username: string; password: string }): Promise<Actor> => {
      const cookie = await signIn(t, p);
      const token = decodeURIComponent(/vp_session=([^;]+)/.exec(cookie)?.[1] ?? '');
      const { actor } = await t.services.auth.authenticate(token, { ip: '127.0.0.1', userAgent: null });
      if (!actor) throw new Error('not signed in');
      return actor;
    };

    const db = t.deps.database.db;
    const ids = Object.values(documents);
    const byPolicy: string[] = [];
    const byList: string[] = [];
    for (const [who, p] of Object.entries(people)) {
      const actor = await actorOf(p);
      const listed = await visibleAmong(db, visibilityOf(actor), ids);
      for (const [what, id] of Object.entries(documents)) {
        const row = await findDocument(db, id);
        if (!row) throw new Error(`${what} is missing`);
        if (canRead(actor, await resourceOf(db, actor, row))) byPolicy.push(`${who} reads ${what}`);
        if (listed.has(id)) byList.push(`${who} reads ${what}`);
      }
    }
    expect(byList).toEqual(byPolicy);
    // The fixtures reach both answers, for secret and ordinary documents, across organizations.
    expect(byPolicy).toEqual(
      expect.arrayContaining([
        'clerk reads secret',
        'specialist reads secretToPerson',
        'member reads toPerson',
        'cellClerk reads toUnit',
        'cellClerk reads received',
        'specialist reads draft',
      ]),
    );
    for (const denied of [
      'leader reads secret',
      'member reads plain',
      'cellClerk reads plain',
      'cellSpecialist reads toUnit',
      'specialist reads secret',
      'cellLeader reads sent',
    ]) {
      expect(byPolicy).not.toContain(denied);
    }
  });
});
