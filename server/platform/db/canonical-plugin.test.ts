import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../../common/text/fold';
import { SYSTEM } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { newId } from '../ids';

const NFD = 'Ha\u0300 Thi\u0323 Nguye\u0302\u0303n';
const NFC = NFD.normalize('NFC');

describe.each(testEngines())('text reaching the database by other ways than HTTP is canonical (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('a person imported from CSV with a lone surrogate and decomposed text is stored canonical', async () => {
    const csv = Buffer.from(`Họ và tên;Chức vụ\n${NFD};Chuyên viên \ud800\n`, 'utf8');
    // Buffer.from writes a lone surrogate as U+FFFD; a CSV read by the importer carries what the file carries.
    const report = await t.services.directory.importDirectory(SYSTEM, {
      kind: 'people',
      mode: 'valid_only',
      fileName: 'danh ba\u0301.csv',
      bytes: csv,
    });
    expect(report.created).toBe(1);
    const row = await t.deps.database.db
      .selectFrom('people')
      .select(['full_name', 'position'])
      .where('full_name', '=', NFC)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: NFC, position: 'Chuyên viên \ufffd' });
  });

  it('every string parameter is made canonical, a NUL dropped, whatever wrote it', async () => {
    const id = newId();
    const now = t.clock.now().toISOString();
    const name = `${NFD} \ud800x\u0000y`;
    await t.deps.database.db
      .insertInto('people')
      .values({
        id,
        full_name: name,
        position: null,
        phone: null,
        email: null,
        mailbox: null,
        search_text: foldVietnamese(name),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const stored = await t.deps.database.db
      .selectFrom('people')
      .select(['full_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.full_name).toBe(`${NFC} \ufffdxy`);
    // Raw SQL and lists of values too; a query in NFD finds the NFC row.
    const raw = await sql<{
      n: number;
    }>`select count(*) as n from people where full_name = ${`${NFD} \ufffdxy`}`.execute(t.deps.database.db);
    expect(Number(raw.rows[0]?.n)).toBe(1);
    const listed = await t.deps.database.db
      .selectFrom('people')
      .select('id')
      .where('full_name', 'in', [`${NFD} \ud800xy`, 'khác'])
      .execute();
    expect(listed.map((r) => r.id)).toEqual([id]);
  });
});
