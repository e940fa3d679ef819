import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOffice, ok } from '../../test/documents';
import { addOutside, issueTo, setNationalId } from '../../test/exchange';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('reports about a copy at an outside office (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('taken at the same moment, a late 01 never undoes a 16', async () => {
    const office = await makeOffice(t);
    await setNationalId(t, office.committee.id, '000.00.51.H51');
    const outside = await addOutside(t, { name: 'Ủy ban nhân dân tỉnh', nationalId: '000.00.00.H51', peerId: null });
    const { crossing } = t.services.documents;
    const finals: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const { doc, dispatch } = await issueTo(office, [outside.id]);
      ok(await dispatch());
      const { id: deliveryId } = await t.deps.database.db
        .selectFrom('document_deliveries')
        .select('id')
        .where('document_id', '=', doc.id)
        .executeTakeFirstOrThrow();
      const report = (status: '01' | '16') =>
        t.deps.transact(({ trx }) =>
          crossing.followOutside(trx, deliveryId, {
            status,
            description: status === '16' ? 'Từ chối cập nhật' : null,
            by: 'Ủy ban nhân dân tỉnh',
            at: new Date().toISOString(),
          }),
        );
      await Promise.all([report('01'), report('16')]);
      const row = await t.deps.database.db
        .selectFrom('document_deliveries')
        .select('status')
        .where('id', '=', deliveryId)
        .executeTakeFirstOrThrow();
      finals.push(row.status);
    }
    expect(finals).toEqual(Array(12).fill('16'));
  });
});
