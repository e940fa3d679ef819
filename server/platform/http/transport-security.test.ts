import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('Strict-Transport-Security (%s)', (engine) => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('is sent when the public address is https', async () => {
    t = await createTestApp(engine, { env: { PUBLIC_URL: 'https://vanphong.huyenuy.vn' } });
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('is not sent over plain http, nor without a public address', async () => {
    t = await createTestApp(engine, { env: { PUBLIC_URL: 'http://vanphong.lan' } });
    expect((await t.app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    await t.close();
    t = await createTestApp(engine);
    expect((await t.app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
  });
});
