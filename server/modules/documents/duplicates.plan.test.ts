import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistics } from '../../platform/db/statistics';
import { newId } from '../../platform/ids';
import { incomingInput, makeOffice, ok } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { duplicatesOf, duplicatesQuery } from './documents.repository';
import { documentKey } from './documents.rules';
import { queueQuery } from './queues.repository';

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
    return explain(duplicatesQuery(t.deps.database.db, organizationId, key).compile());
  }

  /** Whether a plan (as `explain` gives it) reads the documents table whole. */
  function readsEveryDocument(plan: string): boolean {
    if (engine === 'sqlite') return (JSON.parse(plan) as { detail: string }[]).some((r) => r.detail === 'SCAN d');
    return /"Node Type":"Seq Scan"[^{}]*"Relation Name":"documents"/.test(plan);
  }

  async function explain(compiled: CompiledQuery): Promise<string> {
    const explain = engine === 'sqlite' ? 'explain query plan ' : 'explain (format json) ';
    const result = await t.deps.database.db.executeQuery(
      CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]),
    );
    return JSON.stringify(result.rows);
  }

  it('reads documents_duplicate_idx on a large register, measured at start, and finds the match', async () => {
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
    if (engine === 'sqlite') {
      // Unmeasured, SQLite's planner chooses the check's index by the indexes' shapes alone.
      expect(await sqliteStatisticsKept()).toBe(false);
      expect(await planOf(o.committee.id, key)).toContain('documents_duplicate_idx');
    }
    const start = await refreshStatistics(t.deps.database, 'start');
    expect(start.analyzed).toContain('documents');
    if (engine === 'sqlite') expect(await sqliteStatisticsKept()).toBe(true);
    // Measured, still.
    expect(await planOf(o.committee.id, key)).toContain('documents_duplicate_idx');
    // The work queues find the documents waiting on someone and the open assignments through an
    // index, never by reading every document.
    const who = { userId: o.leader.id, unitPaths: [o.committee.path], clerkPaths: [o.committee.path] };
    for (const kind of ['toDirect', 'toIssue', 'toHandle', 'overdue'] as const) {
      const count = queueQuery(t.deps.database.db, who, kind, '2026-11-25').select((eb) => eb.fn.countAll().as('n'));
      expect(readsEveryDocument(await explain(count.compile())), kind).toBe(false);
    }
    const toDirect = queueQuery(t.deps.database.db, who, 'toDirect', '2026-11-25').select((eb) =>
      eb.fn.countAll().as('n'),
    );
    expect(await explain(toDirect.compile())).toContain('documents_queue_idx');
    // Nothing changed since: a second start measures nothing again. (PostgreSQL's counts of
    // changed rows reach its statistics views up to a second late, so there it may.)
    if (engine === 'sqlite') {
      expect((await refreshStatistics(t.deps.database, 'start')).analyzed).not.toContain('documents');
    }

    const found = await duplicatesOf(db, o.committee.id, key);
    expect(found.map((d) => d.number_text)).toEqual(['12345-CV/TU']);
    // The same issuer and number in another organization's register is not this one's duplicate.
    expect(await duplicatesOf(db, o.cell.id, key)).toEqual([]);
  }, 120_000);

  it('measures every table after a bulk load', async () => {
    await refreshStatistics(t.deps.database, 'start');
    const o = await makeOffice(t);
    ok(await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)), 201);
    const bulk = await refreshStatistics(t.deps.database, 'bulk');
    expect(bulk.analyzed).toEqual(expect.arrayContaining(['documents', 'organizations', 'users']));
  });
});
