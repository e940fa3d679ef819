import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createJobRunner } from '../jobs/runner';
import { createEventBus, type DomainEvent, eventKinds, mergeJobHandlers } from './events';

interface TestEvents {
  'test.happened': { what: string };
  'test.unheard': { n: number };
}
declare module './events' {
  interface DomainEvents extends TestEvents {}
}

describe.each(testEngines())('domain events (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.deps.database.db.deleteFrom('jobs').execute();
    await t.deps.database.db.deleteFrom('domain_events').execute();
    await t.deps.database.db.deleteFrom('settings').where('key', 'like', 'test.%').execute();
  });

  const wiredBus = (seen: string[]) => {
    const bus = createEventBus(clock);
    bus.subscribe('test.happened', {
      name: 'note',
      when: 'in-transaction',
      handle: async (trx, event) => {
        seen.push(`in:${event.payload.what}`);
        await trx
          .insertInto('settings')
          .values({ key: `test.${event.id}`, value: event.payload.what, version: 1, updated_at: event.occurredAt })
          .execute();
      },
    });
    bus.subscribe('test.happened', {
      name: 'send',
      when: 'after-commit',
      handle: async (event: DomainEvent<'test.happened'>) => {
        seen.push(`after:${event.payload.what}`);
      },
    });
    return bus;
  };

  it('records the event, runs the in-transaction subscriber in it and queues the durable one', async () => {
    const seen: string[] = [];
    const bus = wiredBus(seen);
    const event = await t.deps.transact(({ trx }) => bus.emit(trx, 'test.happened', { what: 'gửi văn bản' }));
    expect(seen).toEqual(['in:gửi văn bản']);
    const stored = await t.deps.database.db.selectFrom('domain_events').selectAll().execute();
    expect(stored).toEqual([
      { id: event.id, kind: 'test.happened', occurred_at: event.occurredAt, payload: '{"what":"gửi văn bản"}' },
    ]);
    const jobs = await t.deps.database.db.selectFrom('jobs').select(['kind', 'idempotency_key']).execute();
    expect(jobs).toEqual([{ kind: 'event:test.happened:send', idempotency_key: `event:${event.id}:send` }]);

    const runner = createJobRunner({ deps: t.deps, handlers: bus.jobHandlers(), pollMs: 10 });
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(seen).toEqual(['in:gửi văn bản', 'after:gửi văn bản']);
  });

  it('leaves nothing behind when the change rolls back: no event, no subscriber’s row, no job', async () => {
    const seen: string[] = [];
    const bus = wiredBus(seen);
    await expect(
      t.deps.transact(async ({ trx }) => {
        await bus.emit(trx, 'test.happened', { what: 'huỷ' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.deps.database.db.selectFrom('domain_events').select('id').execute()).toEqual([]);
    expect(await t.deps.database.db.selectFrom('jobs').select('id').execute()).toEqual([]);
    expect(
      await t.deps.database.db.selectFrom('settings').select('key').where('key', 'like', 'test.%').execute(),
    ).toEqual([]);
  });

  it('refuses to emit an event nobody hears, and says which kinds are not wired', async () => {
    const bus = wiredBus([]);
    await expect(t.deps.transact(({ trx }) => bus.emit(trx, 'test.unheard', { n: 1 }))).rejects.toThrow(
      'test.unheard has no subscriber',
    );
    expect(() => bus.assertWired(eventKinds<TestEvents>({ 'test.happened': true, 'test.unheard': true }))).toThrow(
      'without a subscriber: test.unheard',
    );
    expect(() => bus.assertWired([])).toThrow('no module emits: test.happened');
    expect(() => bus.assertWired(['test.happened'])).not.toThrow();
    expect(() =>
      bus.subscribe('test.happened', { name: 'note', when: 'in-transaction', handle: async () => {} }),
    ).toThrow('already has a subscriber named note');
  });

  it('refuses a job kind with two handlers', () => {
    const handler = async () => {};
    expect(() => mergeJobHandlers({ 'a.b': handler }, { 'a.c': handler, 'a.b': handler })).toThrow(
      'Job kind a.b has two handlers',
    );
  });
});
