import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness';
import type { Database } from './database';
import { atCommit, escapeLiteral, sqlLiteral, withLiterals } from './postgres-dialect';

describe('withLiterals', () => {
  it('writes each parameter where its placeholder stands, leaving quoted text alone', () => {
    expect(withLiterals('insert into "t$1" (a, b) values ($1, $2)', ["O'Brien", 12])).toBe(
      `insert into "t$1" (a, b) values ('O''Brien', 12)`,
    );
    expect(
      withLiterals(
        'select $10, $1',
        Array.from({ length: 10 }, (_, i) => i + 1),
      ),
    ).toBe('select 10, 1');
    expect(withLiterals('select $1', [null])).toBe('select null');
  });

  it('escapes text exactly as the pg driver does', () => {
    for (const text of ['', 'plain', "O'Brien", 'a\\b', "\\'", "''\\\\''", 'Huyện ủy “x” 😀', "E'\\x41'"]) {
      expect(escapeLiteral(text)).toBe(pg.escapeLiteral(text));
    }
  });

  it('refuses what it cannot write safely', () => {
    expect(() => withLiterals('select $2', ['a'])).toThrow(/\$2 has no parameter/);
    expect(() => withLiterals('select "a', [])).toThrow(/unclosed quote/);
    expect(() => sqlLiteral(Number.NaN)).toThrow(TypeError);
    expect(() => sqlLiteral({ a: 1 })).toThrow(TypeError);
    expect(() => sqlLiteral(new Date())).toThrow(TypeError);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('statements kept for COMMIT (PostgreSQL)', () => {
  let database: Database;
  const statements: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres', (text) => statements.push(text));
    await sql`create table t (id text primary key, v text, n integer)`.execute(database.db);
  });
  afterAll(async () => database.close());

  const insertT = (id: string, v: string | null, n: number | null) =>
    atCommit(
      database.db
        .insertInto('t' as never)
        .values({ id, v, n } as never)
        .compile(),
    );

  const rowOf = async (id: string) =>
    (await sql<{ v: string | null; n: number | null }>`select v, n from t where id = ${id}`.execute(database.db))
      .rows[0];

  it('sends them with the COMMIT, in one round trip, after everything else', async () => {
    statements.length = 0;
    await database.db.transaction().execute(async (trx) => {
      await trx.executeQuery(insertT('a', 'kept', 1));
      // Not written yet: the statement waits for the commit.
      expect((await sql`select count(*)::int as c from t where id = 'a'`.execute(trx)).rows).toEqual([{ c: 0 }]);
      await trx.executeQuery(insertT('b', 'also kept', 2));
    });
    const last = statements.at(-1) ?? '';
    expect(await rowOf('a')).toEqual({ v: 'kept', n: 1 });
    expect(await rowOf('b')).toEqual({ v: 'also kept', n: 2 });
    expect(last).toMatch(
      /^insert into "t" .*values \('a', 'kept', 1\);\ninsert into "t" .*'also kept', 2\);\ncommit$/s,
    );
    expect(statements.filter((s) => s === 'commit')).toEqual([]);
  });

  it('stores any text exactly as given', async () => {
    const hostile = [
      "O'Brien's \\ back\\slash \\' ''",
      "'); drop table t; --",
      'E\'\\x41\' $1 $$ $tag$ "quoted"',
      'Huyện ủy Đồng Văn — “trích yếu” \u00a0 tab\there\nnew line 𝔸 😀',
      '\\',
    ];
    await database.db.transaction().execute(async (trx) => {
      for (const [i, text] of hostile.entries()) await trx.executeQuery(insertT(`h${i}`, text, i));
    });
    for (const [i, text] of hostile.entries()) expect(await rowOf(`h${i}`)).toEqual({ v: text, n: i });
    expect((await sql`select count(*)::int as c from t`.execute(database.db)).rows).toEqual([
      { c: 2 + hostile.length },
    ]);
  });

  it('rolls the whole transaction back when a kept statement fails at commit', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into t (id, v) values ('before', 'written first')`.execute(trx);
        await trx.executeQuery(insertT('a', 'a duplicate key', 3));
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await rowOf('before')).toBeUndefined();
    // The connection is clean for the next transaction.
    await database.db.transaction().execute(async (trx) => {
      await trx.executeQuery(insertT('after', 'fine', 4));
    });
    expect(await rowOf('after')).toEqual({ v: 'fine', n: 4 });
  });

  it('forgets them when the transaction rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.executeQuery(insertT('dropped', 'never', 5));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // Every connection of the pool runs a transaction of its own; none carries the old statement.
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        database.db.transaction().execute(async (trx) => {
          await sql`insert into t (id) values (${`p${i}`})`.execute(trx);
        }),
      ),
    );
    expect(await rowOf('dropped')).toBeUndefined();
  });

  it('refuses one outside a transaction', async () => {
    await expect(database.db.executeQuery(insertT('loose', 'no', 6))).rejects.toThrow(/outside a transaction/);
    await expect(database.db.executeQuery(CompiledQuery.raw('select 1'))).resolves.toBeTruthy();
    expect(await rowOf('loose')).toBeUndefined();
  });
});
