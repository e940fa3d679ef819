import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, ok } from '../../test/documents';
import { makeUser, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { notify } from './notify.service';

describe.each(testEngines())('the bell, live over server-sent events (%s)', (engine) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  /** Reads `unread` events from the stream as they come. */
  async function watch(cookie: string) {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/notifications/stream`, { headers: { cookie }, signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    return {
      res,
      async next(timeoutMs = 6000): Promise<number> {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
          const event = buffer.match(/event: unread\ndata: (\{.*\})\n\n/);
          if (event?.index !== undefined) {
            buffer = buffer.slice(event.index + event[0].length);
            return (JSON.parse(event[1] as string) as { unread: number }).unread;
          }
          const chunk = await Promise.race([
            reader.read(),
            new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
          ]);
          if (!chunk || chunk.done) break;
          buffer += decoder.decode(chunk.value, { stream: true });
        }
        throw new Error('no event in time');
      },
      close: () => controller.abort(),
    };
  }

  it('pushes the unread count when news arrives and when it is read, to that person only', async () => {
    const user = await makeUser(t);
    const other = await makeUser(t);
    const cookie = await sessionFor(t, user);
    const mine = await watch(cookie);
    const theirs = await watch(await sessionFor(t, other));
    try {
      expect(mine.res.headers.get('content-type')).toContain('text/event-stream');
      expect(await mine.next()).toBe(0);
      expect(await theirs.next()).toBe(0);
      const at = new Date().toISOString();
      await t.deps.transact(({ trx }) =>
        notify(trx, [user.id, user.id], { kind: 'mail_received', title: 'Có việc mới' }, at),
      );
      expect(await mine.next()).toBe(1);
      await t.deps.transact(({ trx }) => notify(trx, [user.id], { kind: 'mail_received', title: 'Thêm việc' }, at));
      expect(await mine.next()).toBe(2);
      ok(await client(t, cookie).post('/api/notifications/read', { all: true }), 204);
      expect(await mine.next()).toBe(0);
      await expect(theirs.next(2500)).rejects.toThrow('no event in time');
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('asks for a session like every other route', async () => {
    const res = await fetch(`${base}/api/notifications/stream`);
    expect(res.status).toBe(401);
  });
});
