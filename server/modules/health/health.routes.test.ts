import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('GET /api/health (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const health = async () => {
    const res = await t.app.inject({ url: '/api/health' });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const gate = () => {
    let open: () => void = () => {};
    let fail: (err: Error) => void = () => {};
    const promise = new Promise<void>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    return { promise, open, fail };
  };

  it('answers ok with the engine and nothing to wait for when no start-up work is registered', async () => {
    expect(await health()).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: engine,
        version: expect.any(String),
        uptimeSeconds: expect.any(Number),
        time: expect.any(String),
        startup: 'done',
      },
    });
  });

  it('says start-up is running, still with 200, until every registered piece has finished', async () => {
    const first = gate();
    const second = gate();
    t.startup.track('first', first.promise);
    t.startup.track('second', second.promise);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', startup: 'running' } });
    first.open();
    await first.promise;
    expect((await health()).body.startup).toBe('running');
    second.open();
    await t.startup.done();
    expect((await health()).body.startup).toBe('done');
  });

  it('counts a piece that failed as finished', async () => {
    const warmUp = gate();
    t.startup.track('warm-up', warmUp.promise);
    expect((await health()).body.startup).toBe('running');
    warmUp.fail(new Error('no fonts'));
    await expect.poll(async () => (await health()).body.startup).toBe('done');
  });

  it('counts work planned for later from the moment it is planned, and a throwing one as finished', async () => {
    let ran = false;
    t.startup.after('later', 30, async () => {
      ran = true;
    });
    t.startup.after('throws', 10, () => {
      throw new Error('at once');
    });
    expect((await health()).body.startup).toBe('running');
    await expect.poll(async () => (await health()).body.startup).toBe('done');
    expect(ran).toBe(true);
  });
});
