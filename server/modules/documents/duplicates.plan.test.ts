import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistics } from '../../platform/db/statistics';
import { newId } from '../../platform/ids';
import { incomingInput, makeOffice, ok } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { duplicatesOf, duplicatesQuery } from './documents.repository';
import { documentKey } from './documents.rules';

/** Documents already in the register: enough that a planner weighs the indexes as it would on a large one. */
const IN_REGISTER = 20_000;

/**
 * The duplicate check runs at every registration. At 100,000 documents a planner that guessed
 * wrong read the whole organization (86 ms a check on SQLite): the check must use its index
 * with statistics and without, and the product must keep the statistics itself.
 */
describe.each(testEngines())('the duplicate check on a large register (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(async () => t.close());

  /** Whether SQLite holds planner statistics (its `sqlite_stat1` table exists). */
  async function sqliteStatisticsKept(): Promise<boolean> {
    const row = t.deps.database.sqlite
      ?.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'")
      .get() as { n: number };
    return row.n > 0;
  }

  /** The plan the engine would run for the check, as text. */
  async function planOf(organizationId: string, key: string): Promise<string> {
    const compiled = duplicatesQuery(t.deps.database.db, organizationId, key).compile();
    const explain = engine === 'sqlite' ? 'explain query plan ' : 'explain (format json) ';
    const result = await t.deps.database.db.executeQuery(
      CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]),
    );
    return JSON.stringify(result.rows);
  }

  it('reads documents_duplicate_idx on a large register (PostgreSQL measured at start, SQLite never), and finds the match', async () => {
    const o = await makeOffice(t);
    const first = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister, { numberText: '1-CV/TU' })),
      201,
    );
    const db = t.deps.database.db;
    const row = await db.selectFrom('documents').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    // The engine makes these itself: the row's sequence number, and PostgreSQL's search vector.
    const { seq: _seq, ...template } = row as typeof row & { search_vector?: unknown };
    delete template.search_vector;
    // The same organization's register, filled as years of registrations would fill it.
    for (let done = 0; done < IN_REGISTER; done += 500) {
      const rows = Array.from({ length: 500 }, (_, k) => {
        const i = done + k + 2;
        const numberText = `${i}-CV/TU`;
        return {
          ...template,
          id: newId(),
          ...(engine === 'sqlite' ? { seq: 1_000_000 + i } : {}),
          number_text: numberText,
          arrival_number: i,
          document_key: documentKey(row.issuer_name ?? '', numberText),
          client_key: null,
        };
      });
      await db.insertInto('documents').values(rows).execute();
    }
    const key = documentKey('Tỉnh ủy Hà Giang', '12345-CV/TU');
    const start = await refreshStatistics(t.deps.database, 'start');
    if (engine === 'sqlite') {
      // SQLite is left unmeasured (statistics made it sort the whole register for the list's
      // first page): its planner must choose the check's index by the indexes' shapes alone.
      expect(start.analyzed).toEqual([]);
      expect(await sqliteStatisticsKept()).toBe(false);
    } else {
      expect(start.analyzed).toContain('documents');
    }
    expect(await planOf(o.committee.id, key)).toContain('documents_duplicate_idx');

    const found = await duplicatesOf(db, o.committee.id, key);
    expect(found.map((d) => d.number_text)).toEqual(['12345-CV/TU']);
    // The same issuer and number in another organization's register is not this one's duplicate.
    expect(await duplicatesOf(db, o.cell.id, key)).toEqual([]);
  }, 120_000);

  it('measures every table after a bulk load on PostgreSQL, none on SQLite', async () => {
    await refreshStatistics(t.deps.database, 'start');
    const o = await makeOffice(t);
    ok(await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)), 201);
    const bulk = await refreshStatistics(t.deps.database, 'bulk');
    if (engine === 'sqlite') {
      expect(bulk.analyzed).toEqual([]);
      expect(await sqliteStatisticsKept()).toBe(false);
    } else {
      expect(bulk.analyzed).toEqual(expect.arrayContaining(['documents', 'organizations', 'users']));
    }
  });
});
