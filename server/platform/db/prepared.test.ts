import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { preparedInsert, preparedQuery } from './prepared';

const byCodeAndType = preparedQuery(2, (ex, code: string, type: string) =>
  ex.selectFrom('organizations').select(['code', 'name']).where('code', '=', code).where('type', '=', type).limit(5),
);

describe.each(testEngines())('prepared queries (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('run with each call’s own values, in their places', async () => {
    await makeOrganization(t, { code: 'AAA', name: 'Chi bộ A', type: 'party_cell' });
    await makeOrganization(t, { code: 'BBB', name: 'Chi bộ B', type: 'party_cell' });
    const db = t.deps.database.db;
    expect(await byCodeAndType(db, 'AAA', 'party_cell')).toEqual([{ code: 'AAA', name: 'Chi bộ A' }]);
    expect(await byCodeAndType(db, 'BBB', 'party_cell')).toEqual([{ code: 'BBB', name: 'Chi bộ B' }]);
    expect(await byCodeAndType(db, 'BBB', 'board')).toEqual([]);
  });

  it('see the writes of the transaction they run in', async () => {
    await expect(
      t.deps.database.db.transaction().execute(async (trx) => {
        await trx.updateTable('organizations').set({ name: 'Chi bộ A mới' }).where('code', '=', 'AAA').execute();
        expect(await byCodeAndType(trx, 'AAA', 'party_cell')).toEqual([{ code: 'AAA', name: 'Chi bộ A mới' }]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await byCodeAndType(t.deps.database.db, 'AAA', 'party_cell')).toEqual([{ code: 'AAA', name: 'Chi bộ A' }]);
  });

  it('refuse a builder that ignores an argument', async () => {
    const careless = preparedQuery(1, (ex, _code: string) => ex.selectFrom('organizations').select('code'));
    await expect(careless(t.deps.database.db, 'AAA')).rejects.toThrow(/every argument/);
  });

  it('insert rows with their own values, leaving out undefined columns and adding computed ones', async () => {
    const db = t.deps.database.db;
    const insert = preparedInsert('organizations', { name: sql<string>`'Chi bộ ' || ${'tính'}` });
    const base = await db.selectFrom('organizations').selectAll().where('code', '=', 'AAA').executeTakeFirstOrThrow();
    for (const [code, mailbox] of [
      ['CCC', 'hop-thu-c'],
      ['DDD', undefined],
    ] as const) {
      await insert(db, { ...base, id: `org-${code}`, code, name: 'bỏ qua', path: `${base.path}${code}/`, mailbox });
    }
    const rows = await db
      .selectFrom('organizations')
      .select(['code', 'name', 'mailbox'])
      .where('code', 'in', ['CCC', 'DDD'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: 'CCC', name: 'Chi bộ tính', mailbox: 'hop-thu-c' },
      { code: 'DDD', name: 'Chi bộ tính', mailbox: null },
    ]);
  });
});
