import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { FairSqliteDialect, FifoLock } from './sqlite-dialect';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FifoLock', () => {
  it('serves waiters in the order they asked', async () => {
    const lock = new FifoLock();
    const order: number[] = [];
    await lock.lock();
    const waiters = [1, 2, 3, 4].map((n) =>
      lock.lock().then(() => {
        order.push(n);
        lock.unlock();
      }),
    );
    expect(lock.waiting).toBe(4);
    lock.unlock();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(lock.waiting).toBe(0);
    // Free again: the next one takes it at once.
    await lock.lock();
    lock.unlock();
  });

  it('hands the lock to the one waiting, not to one who asks just after the release', async () => {
    const lock = new FifoLock();
    const order: string[] = [];
    await lock.lock();
    const waiting = lock.lock().then(() => order.push('waiting'));
    lock.unlock();
    const newcomer = lock.lock().then(() => order.push('newcomer'));
    await waiting;
    lock.unlock();
    await newcomer;
    lock.unlock();
    expect(order).toEqual(['waiting', 'newcomer']);
  });
});

describe('FairSqliteDialect', () => {
  it('gives the connection to the query that waited, before one sent as it was released', async () => {
    const driver = new FairSqliteDialect({ database: new SQLite(':memory:') }).createDriver();
    await driver.init();
    const order: string[] = [];
    await driver.acquireConnection();
    const waiting = driver.acquireConnection().then(async () => {
      order.push('waiting');
      await driver.releaseConnection();
    });
    await tick();
    const released = driver.releaseConnection();
    const newcomer = driver.acquireConnection().then(async () => {
      order.push('newcomer');
      await driver.releaseConnection();
    });
    await Promise.all([released, waiting, newcomer]);
    expect(order).toEqual(['waiting', 'newcomer']);
    await driver.destroy();
  });

  it('runs queries in the order they were sent while a transaction holds the connection, and keeps them out of it', async () => {
    const db = new Kysely<{ t: { n: number } }>({
      dialect: new FairSqliteDialect({ database: new SQLite(':memory:') }),
    });
    await sql`create table t (n integer)`.execute(db);
    const finished: number[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 1 }).execute();
      await gate;
      await trx.insertInto('t').values({ n: 2 }).execute();
    });
    await tick();
    const reads = Array.from({ length: 20 }, (_, i) =>
      db
        .selectFrom('t')
        .select((eb) => eb.fn.countAll<number>().as('rows'))
        .executeTakeFirstOrThrow()
        .then((r) => {
          finished.push(i);
          return Number(r.rows);
        }),
    );
    await tick();
    expect(finished).toEqual([]);
    release();
    await transaction;
    // Each read waited for the whole transaction and saw it committed.
    expect(await Promise.all(reads)).toEqual(Array(20).fill(2));
    expect(finished).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await db.destroy();
  });
});
