import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { incomingInput, makeOffice, ok, tinyPdf } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

/**
 * The register's counter row is the lock every registration in every process queues on: what
 * runs after the number is taken, the commit included, is time all the others wait.
 */
describe.each(testEngines())('a registration after its number is taken (%s)', (engine) => {
  let t: TestApp;
  const statements: string[] = [];
  let recording = false;
  beforeAll(async () => {
    t = await createTestApp(engine, {
      onQuery: (text) => {
        if (recording) statements.push(text);
      },
    });
  });
  afterAll(async () => t.close());

  /**
   * What the registration's transaction sends after the statement that takes the number, to
   * COMMIT. A statement kept for the commit (`atCommit`) is logged when made but sent with the
   * COMMIT, so it is not a round trip of its own and is left out.
   */
  function afterTheNumber(): string[] {
    const sent = statements.filter((s) => !s.startsWith('/* at commit */'));
    const from = sent.findIndex((s) => /register_counters/.test(s));
    const to = sent.findIndex((s, i) => i > from && /(^|;\s*)commit$/i.test(s.trim()));
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    return sent.slice(from + 1, to + 1);
  }

  /** PostgreSQL: the number's statement also locked the audit head; the entry goes with COMMIT. */
  function expectOneRoundTripAfterTheNumber() {
    const taking = statements.find((s) => /register_counters/.test(s)) ?? '';
    expect(taking).toMatch(/from audit_head where id = 1 for update/);
    const tail = afterTheNumber();
    expect(tail).toHaveLength(1);
    expect(tail[0]).toMatch(/^with "entry" as \(insert into "audit_events"/);
    expect(tail[0]).toMatch(/update "audit_head"/);
    expect(tail[0]).toMatch(/;\s*commit$/);
    // Nothing asked for the head again.
    expect(statements.filter((s) => /^select "seq", "hash" from "audit_head"/.test(s))).toEqual([]);
  }

  it('writes the number, the search words and the step as before', async () => {
    const o = await makeOffice(t);
    ok(await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)), 201);
    statements.length = 0;
    recording = true;
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(o.incomingRegister, { numberText: '77-CV/TU', summary: 'Về công tác phòng chống lụt bão' }),
      ),
      201,
    );
    recording = false;
    const doc = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`));
    expect(doc.arrivalNumber).toBe(2);
    const row = await t.deps.database.db
      .selectFrom('documents')
      .select(['search_text', 'period'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.search_text.split(' ')).toEqual(expect.arrayContaining(['77', 'cv', 'tu', 'lut', 'bao', '2']));
    expect(row.period).toBe('2026');
    const steps = await t.deps.database.db
      .selectFrom('document_events')
      .select(['kind', 'note'])
      .where('document_id', '=', id)
      .execute();
    expect(steps).toEqual([{ kind: 'registered', note: 'Vào sổ đến số 2' }]);
    // Found by its arrival number.
    const found = ok<{ items: { id: string }[] }>(
      await o.clerk.api.get('/api/documents?direction=incoming&q=lut bao 2'),
    );
    expect(found.items.map((d) => d.id)).toContain(id);

    const tail = afterTheNumber();
    if (engine === 'postgres') {
      // The number, the document's update, its step and the audit head's lock go in one
      // statement; then the audit entry with the COMMIT, in one round trip.
      expectOneRoundTripAfterTheNumber();
    } else {
      expect(tail.length).toBeLessThanOrEqual(6);
    }
  });

  it('accepts a delivered document the same way: the number, the receiver’s copy and both steps at once', async () => {
    const o = await makeOffice(t);
    const file = await o.specialist.api.upload('Nghị quyết 06.pdf', tinyPdf('Nghi quyet ve cai cach hanh chinh'));
    const { id } = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'NQ',
        summary: 'Nghị quyết về cải cách hành chính',
        recipients: [{ kind: 'organization', id: o.cell.id }],
        uploadIds: [file],
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
    ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
    const [delivery] = ok<{ items: { deliveryId: string; version: number }[] }>(
      await o.cellClerk.api.get('/api/deliveries'),
    ).items;
    statements.length = 0;
    recording = true;
    const accepted = ok<{ id: string }>(
      await o.cellClerk.api.post(`/api/deliveries/${delivery?.deliveryId}/accept`, { version: delivery?.version }),
    );
    recording = false;
    const copy = ok<DocumentView>(await o.cellClerk.api.get(`/api/documents/${accepted.id}`));
    expect(copy.arrivalNumber).toBe(1);
    expect(copy.events.map((e) => e.note)).toContain('Tiếp nhận từ Huyện ủy Đồng Văn, vào sổ đến số 1');
    const sent = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`));
    expect(sent.events.map((e) => e.note)).toContain(`${o.cell.name} đã tiếp nhận (số đến 1)`);

    const tail = afterTheNumber();
    if (engine === 'postgres') {
      expectOneRoundTripAfterTheNumber();
    } else {
      // The number, the copy's number, the two steps, the audit entry and its head, COMMIT.
      expect(tail.length).toBeLessThanOrEqual(6);
    }
  });
});
