import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { createMeeting, makeMeetingWorld, meetingInput } from '../../test/meetings';

describe.each(testEngines())('the meeting page’s refresh (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('answers an unchanged view 304 with no body, and a changed one in full', async () => {
    const w = await makeMeetingWorld(t);
    const id = await createMeeting(w.clerk.api, meetingInput(w));
    ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister }));
    const get = (headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: `/api/meetings/${id}`, headers: { ...headers, cookie: w.clerk.api.cookie } });
    const first = await w.clerk.api.get(`/api/meetings/${id}`);
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await get({ 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(tag);

    const delegate = w.delegates[0];
    if (!delegate) throw new Error('delegate');
    ok(await delegate.api.post(`/api/meetings/${id}/reply`, { reply: 'attending' }), 204);
    const changed = await get({ 'if-none-match': tag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
  });
});
