import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { enqueue, type Job, retryDelayMs } from './jobs';
import { createJobRunner, type JobRunnerOptions } from './runner';

const SECOND = 1000;

describe.each(testEngines())('the job queue (%s)', (engine) => {
  let t: TestApp;
  let clock: TestClock;
  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.deps.database.db.deleteFrom('jobs').execute();
  });

  const runner = (handlers: JobRunnerOptions['handlers'], extra: Partial<JobRunnerOptions> = {}) =>
    createJobRunner({
      deps: t.deps,
      handlers,
      pollMs: 10,
      batch: 10,
      lockMs: 60 * SECOND,
      random: () => 0.5,
      ...extra,
    });
  const put = (key: string, extra: { kind?: string; maxAttempts?: number; payload?: unknown } = {}) =>
    t.deps.transact(({ trx }) =>
      enqueue(trx, { kind: extra.kind ?? 'test.echo', key, payload: extra.payload ?? { key }, ...extra }, clock.now()),
    );
  const job = async (key: string) =>
    t.deps.database.db.selectFrom('jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();

  it('writes a job only if the caller’s transaction commits', async () => {
    await expect(
      t.deps.transact(async ({ trx }) => {
        await enqueue(trx, { kind: 'test.echo', key: 'rolled-back', payload: {} }, clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await t.deps.database.db.selectFrom('jobs').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('keeps one job for a key enqueued twice', async () => {
    expect(await put('twice', { payload: { n: 1 } })).toBe(true);
    expect(await put('twice', { payload: { n: 2 } })).toBe(false);
    const rows = await t.deps.database.db.selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual({ n: 1 });
  });

  it('runs a due job once and marks it done', async () => {
    const seen: { payload: unknown; key: string }[] = [];
    await put('ok', { payload: { to: '0912345678', text: 'Mời họp' } });
    // Not due yet: queued for later.
    await t.deps.transact(({ trx }) =>
      enqueue(
        trx,
        { kind: 'test.echo', key: 'later', payload: {}, runAt: new Date(clock.now().getTime() + 60 * SECOND) },
        clock.now(),
      ),
    );
    const r = runner({
      'test.echo': async (payload, j: Job) => {
        seen.push({ payload, key: j.idempotency_key });
      },
    });
    expect(await r.runOnce()).toBe(1);
    expect(await r.runOnce()).toBe(0);
    expect(seen).toEqual([{ payload: { to: '0912345678', text: 'Mời họp' }, key: 'ok' }]);
    expect(await job('ok')).toMatchObject({
      status: 'done',
      attempts: 1,
      done_at: clock.now().toISOString(),
      locked_until: null,
      locked_by: null,
    });
    expect((await job('later')).status).toBe('queued');
  });

  it('tries a failing job again after growing waits, then gives up with the last error', async () => {
    await put('flaky', { maxAttempts: 3 });
    let calls = 0;
    const r = runner({
      'test.echo': async () => {
        calls++;
        throw new Error(`Máy chủ SMS không trả lời (lần ${calls})`);
      },
    });
    const start = clock.now().getTime();
    expect(await r.runOnce()).toBe(1);
    expect(await job('flaky')).toMatchObject({
      status: 'failed',
      attempts: 1,
      run_at: new Date(start + 30 * SECOND).toISOString(),
      last_error: 'Máy chủ SMS không trả lời (lần 1)',
    });
    clock.advance(29 * SECOND);
    expect(await r.runOnce()).toBe(0);
    clock.advance(1 * SECOND);
    expect(await r.runOnce()).toBe(1);
    expect(await job('flaky')).toMatchObject({
      status: 'failed',
      attempts: 2,
      run_at: new Date(start + 90 * SECOND).toISOString(),
    });
    clock.advance(60 * SECOND);
    expect(await r.runOnce()).toBe(1);
    expect(await job('flaky')).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'Máy chủ SMS không trả lời (lần 3)',
      locked_until: null,
    });
    clock.advance(24 * 60 * 60 * SECOND);
    expect(await r.runOnce()).toBe(0);
    expect(calls).toBe(3);
  });

  it('spreads the waits and caps them at one hour', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(30 * SECOND);
    expect(retryDelayMs(4, () => 0.5)).toBe(240 * SECOND);
    expect(retryDelayMs(1, () => 0)).toBe(24 * SECOND);
    expect(retryDelayMs(1, () => 1)).toBe(36 * SECOND);
    expect(retryDelayMs(30, () => 1)).toBe(3600 * SECOND);
  });

  it('marks a job of a kind nobody handles dead at once', async () => {
    await put('stray', { kind: 'fax.send' });
    expect(await runner({}).runOnce()).toBe(1);
    expect(await job('stray')).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await job('stray')).last_error).toContain('fax.send');
  });

  it('takes again, once, a job whose worker died holding it', async () => {
    await put('orphan');
    await put('held');
    const now = clock.now().getTime();
    // A crash: the job stays `running` under a lease that has run out; another is still leased.
    await t.deps.database.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'crashed', locked_until: new Date(now - SECOND).toISOString() })
      .where('idempotency_key', '=', 'orphan')
      .execute();
    await t.deps.database.db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: 1,
        locked_by: 'alive',
        locked_until: new Date(now + 30 * SECOND).toISOString(),
      })
      .where('idempotency_key', '=', 'held')
      .execute();
    const calls: string[] = [];
    const r = runner({
      'test.echo': async (_p, j) => {
        calls.push(j.idempotency_key);
      },
    });
    expect(await r.runOnce()).toBe(1);
    expect(await r.runOnce()).toBe(0);
    expect(calls).toEqual(['orphan']);
    expect(await job('orphan')).toMatchObject({ status: 'done', attempts: 2 });
    // The worker that lost its lease cannot overwrite the outcome; the live lease is left alone.
    expect(await job('held')).toMatchObject({ status: 'running', locked_by: 'alive' });
  });

  it('polls on its own and waits for jobs in flight when stopped', async () => {
    for (let i = 0; i < 5; i++) await put(`polled-${i}`);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const r = runner(
      {
        'test.echo': async () => {
          started++;
          await gate;
        },
      },
      { batch: 2 },
    );
    void r.start();
    await expect.poll(() => started).toBe(2);
    const stopping = r.stop();
    release();
    await stopping;
    const done = await t.deps.database.db.selectFrom('jobs').select('status').where('status', '=', 'done').execute();
    expect(done).toHaveLength(2);
    // What was not claimed stays queued for the next start.
    const queued = await t.deps.database.db.selectFrom('jobs').select('id').where('status', '=', 'queued').execute();
    expect(queued).toHaveLength(3);
  });

  it('tells when its first pass, the jobs due at start, has finished', async () => {
    await put('first-ok');
    await put('first-fails');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const r = runner({
      'test.echo': async (payload) => {
        await gate;
        if ((payload as { key: string }).key === 'first-fails') throw new Error('relay down');
      },
    });
    let passed = false;
    const first = r.start().then(() => {
      passed = true;
    });
    await expect.poll(async () => (await job('first-ok')).status).toBe('running');
    expect(passed).toBe(false);
    release();
    await first;
    expect([(await job('first-ok')).status, (await job('first-fails')).status]).toEqual(['done', 'failed']);
    await r.stop();
  });

  it('runs a job this process queued as soon as its transaction commits, not at the next poll', async () => {
    const ran: string[] = [];
    // A poll a minute apart: only the wake-up on commit can run these in time.
    const r = runner({ 'test.echo': async (_p, j: Job) => void ran.push(j.idempotency_key) }, { pollMs: 60 * SECOND });
    await r.start();
    await put('woken-1');
    await expect.poll(() => ran, { timeout: 2 * SECOND }).toEqual(['woken-1']);
    // Many committed in a row, some while the runner is claiming: none waits for the poll.
    for (let i = 2; i <= 12; i += 1) await put(`woken-${i}`);
    await expect.poll(() => ran.length, { timeout: 2 * SECOND }).toBe(12);
    // A transaction that rolled back wakes nothing and leaves nothing.
    await t.deps
      .transact(async ({ trx }) => {
        await enqueue(trx, { kind: 'test.echo', key: 'never', payload: {} }, clock.now());
        throw new Error('rolled back');
      })
      .catch(() => {});
    await r.stop();
    expect(ran).not.toContain('never');
  });

  it('ends its first pass when stopped before it polled', async () => {
    const r = runner({ 'test.echo': async () => {} });
    const first = r.start();
    await r.stop();
    await expect(first).resolves.toBeUndefined();
  });

  it.runIf(engine === 'postgres')('never runs a job twice with two runners on one database', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `race-${i}`);
    for (let i = 0; i < keys.length; i += 50) {
      await t.deps.transact(async ({ trx }) => {
        for (const key of keys.slice(i, i + 50)) {
          await enqueue(trx, { kind: 'test.echo', key, payload: {} }, clock.now());
        }
      });
    }
    const calls = new Map<string, number>();
    const byWorker = new Map<string, number>();
    const handler = async (_p: unknown, j: Job) => {
      calls.set(j.idempotency_key, (calls.get(j.idempotency_key) ?? 0) + 1);
      byWorker.set(j.locked_by ?? '', (byWorker.get(j.locked_by ?? '') ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    };
    const a = runner({ 'test.echo': handler }, { batch: 7 });
    const b = runner({ 'test.echo': handler }, { batch: 7 });
    const drain = async (r: typeof a) => {
      while ((await r.runOnce()) > 0);
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    await drain(a);
    expect([...calls.keys()].sort()).toEqual([...keys].sort());
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    // Both runners took part: the race was real.
    expect(byWorker.size).toBe(2);
    expect([...byWorker.values()].reduce((x, y) => x + y, 0)).toBe(200);
    const done = await t.deps.database.db.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
    expect(done).toHaveLength(200);
  });
});
