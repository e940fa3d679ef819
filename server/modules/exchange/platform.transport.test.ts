import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildStatus } from './edxml.render';
import {
  CAO_BANG,
  CLIENTS,
  clientOf,
  collect,
  HA_GIANG,
  packageBytes,
  packageModel,
  standIn,
  VPCP,
} from './platform.test-support';
import { createPlatformTransport, PlatformError } from './platform.transport';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0)) await done();
});

async function platform(options: { tokenTtlSeconds?: number } = {}) {
  const p = await standIn(options);
  cleanup.push(p.dispose);
  return p;
}

async function refusal(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

async function* pieces(bytes: Buffer, size = 1000) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('the platform transport against the stand-in', () => {
  it('sends a package that the recipient lists, fetches byte for byte, acknowledges, and then no longer sees', async () => {
    const p = await platform();
    const sender = clientOf(p.url, 'vpcp');
    const receiver = clientOf(p.url, 'hagiang');
    const bytes = await packageBytes(packageModel(VPCP, [HA_GIANG]), [
      { contentType: 'application/pdf', name: 'báo cáo.pdf', bytes: Buffer.from('%PDF-1.4 nội dung') },
    ]);

    const { platformId } = await sender.transport.send(pieces(bytes), { kind: 'package', messageId: 'msg-1' });
    expect(platformId).toMatch(/^\w+$/);
    expect(await sender.transport.received()).toEqual([]);

    const waiting = await receiver.transport.received();
    expect(waiting).toEqual([
      { id: expect.any(String), kind: 'package', from: VPCP, size: bytes.length, receivedAt: expect.any(String) },
    ]);
    const id = waiting[0]?.id ?? '';
    expect((await collect(await receiver.transport.fetchMessage(id))).equals(bytes)).toBe(true);

    await receiver.transport.acknowledge(id);
    expect(await receiver.transport.received()).toEqual([]);
    // Acknowledging again (an answer lost on the way) is harmless; fetching it is no longer possible.
    await receiver.transport.acknowledge(id);
    expect((await refusal(receiver.transport.fetchMessage(id))).code).toBe('platform.not_found');
    // Another agency never sees, fetches or acknowledges it.
    const other = clientOf(p.url, 'caobang');
    expect(await other.transport.received()).toEqual([]);
    const foreign = await refusal(other.transport.acknowledge(id));
    expect([foreign.code, foreign.retryable]).toEqual(['platform.not_found', false]);
  });

  it('routes a package to each agency it names and a status message back to the agency it answers', async () => {
    const p = await platform();
    const vpcp = clientOf(p.url, 'vpcp');
    const hg = clientOf(p.url, 'hagiang');
    const cb = clientOf(p.url, 'caobang');
    await vpcp.transport.send(await packageBytes(packageModel(VPCP, [HA_GIANG, CAO_BANG])), {
      kind: 'package',
      messageId: 'both',
    });
    expect((await hg.transport.received()).length).toBe(1);
    expect((await cb.transport.received()).length).toBe(1);

    const status = buildStatus({
      from: { organId: HA_GIANG, organName: 'Tỉnh ủy Hà Giang' },
      responseFor: { organId: VPCP, code: '12/BC-VPCP', promulgationDate: '2026-12-07', documentId: 'x' },
      staffInfo: {},
      statusCode: '01',
      timestamp: '2026-12-07T03:00:00.000Z',
    });
    await hg.transport.send(Buffer.from(status), { kind: 'status', messageId: 'st-1' });
    const forVpcp = await vpcp.transport.received();
    expect(forVpcp.map((i) => [i.kind, i.from])).toEqual([['status', HA_GIANG]]);
    expect((await collect(await vpcp.transport.fetchMessage(forVpcp[0]?.id ?? ''))).toString()).toBe(status);
  });

  it('makes one message of a send repeated with the same message id, and refuses that id for other bytes', async () => {
    const p = await platform();
    const sender = clientOf(p.url, 'vpcp');
    const bytes = await packageBytes(packageModel());
    const [a, b] = await Promise.all([
      sender.transport.send(pieces(bytes), { kind: 'package', messageId: 'same' }),
      sender.transport.send(bytes, { kind: 'package', messageId: 'same' }),
    ]);
    const c = await sender.transport.send(bytes, { kind: 'package', messageId: 'same' });
    expect(b.platformId).toBe(a.platformId);
    expect(c.platformId).toBe(a.platformId);
    expect((await clientOf(p.url, 'hagiang').transport.received()).length).toBe(1);

    const other = await packageBytes({ ...packageModel(), header: { ...packageModel().header, subject: 'Khác' } });
    const e = await refusal(sender.transport.send(other, { kind: 'package', messageId: 'same' }));
    expect([e.code, e.remoteCode, e.retryable, e.status]).toEqual([
      'platform.refused',
      'platform.idempotency_mismatch',
      false,
      409,
    ]);
  });

  it('refuses a package whose sender is not the client’s agency, and one to an agency it does not know', async () => {
    const p = await platform();
    const hg = clientOf(p.url, 'hagiang');
    const spoofed = await refusal(
      hg.transport.send(await packageBytes(packageModel(VPCP, [CAO_BANG])), { kind: 'package', messageId: 'x' }),
    );
    expect([spoofed.code, spoofed.remoteCode, spoofed.retryable, spoofed.status]).toEqual([
      'platform.refused',
      'platform.from_mismatch',
      false,
      400,
    ]);
    const unknown = await refusal(
      hg.transport.send(await packageBytes(packageModel(HA_GIANG, ['999.99.99.Z99'])), {
        kind: 'package',
        messageId: 'y',
      }),
    );
    expect([unknown.remoteCode, unknown.retryable]).toEqual(['platform.unknown_recipient', false]);
    expect(unknown.message).toContain('999.99.99.Z99');
    const garbage = await refusal(
      hg.transport.send(Buffer.from('not xml at all'), { kind: 'package', messageId: 'z' }),
    );
    expect([garbage.remoteCode, garbage.retryable]).toEqual(['edxml.not_xml', false]);
    expect(await clientOf(p.url, 'caobang').transport.received()).toEqual([]);
  });
});

describe('the platform transport’s sign-in', () => {
  it('takes a token once and uses it for every call until it nears its end', async () => {
    const p = await platform({ tokenTtlSeconds: 1 });
    const hg = clientOf(p.url, 'hagiang');
    await hg.transport.received();
    await hg.transport.received();
    await hg.transport.received();
    expect(hg.tokens()).toBe(1);
    await new Promise((r) => setTimeout(r, 1000));
    await hg.transport.received();
    expect(hg.tokens()).toBe(2);
    // Taken again before the platform would have refused it: no call was answered 401.
    expect(hg.calls.filter((c) => c.status === 401)).toEqual([]);
  });

  it('takes a new token once when the platform no longer knows the old one (a restart keeps the waiting messages)', async () => {
    const p = await platform();
    const vpcp = clientOf(p.url, 'vpcp');
    const hg = clientOf(p.url, 'hagiang');
    const bytes = await packageBytes(packageModel());
    await vpcp.transport.send(bytes, { kind: 'package', messageId: 'before-restart' });
    expect((await hg.transport.received()).length).toBe(1);

    await p.restart();
    const waiting = await hg.transport.received();
    expect(waiting.length).toBe(1);
    expect(hg.tokens()).toBe(2);
    expect(hg.calls.filter((c) => c.status === 401).length).toBe(1);
    expect((await collect(await hg.transport.fetchMessage(waiting[0]?.id ?? ''))).equals(bytes)).toBe(true);
    // The idempotency record outlived the restart too.
    await vpcp.transport.send(bytes, { kind: 'package', messageId: 'before-restart' });
    expect((await hg.transport.received()).length).toBe(1);

    // A stream cannot be sent twice: a refused token fails the send as retryable, and the retry goes through.
    await p.restart();
    const stale = await refusal(vpcp.transport.send(pieces(bytes), { kind: 'package', messageId: 'after' }));
    expect([stale.code, stale.retryable]).toEqual(['platform.token_rejected', true]);
    await vpcp.transport.send(pieces(bytes), { kind: 'package', messageId: 'after' });
    expect((await hg.transport.received()).length).toBe(2);
  });

  it('reports a wrong secret as permanent, without the secret in the error', async () => {
    const p = await platform();
    const secret = 'sai-mật-khẩu-SECRET-42';
    const bad = clientOf(p.url, 'hagiang', { secret });
    const e = await refusal(bad.transport.received());
    expect([e.code, e.retryable, e.status]).toEqual(['platform.auth_refused', false, 401]);
    const shown = `${e.message} ${e.stack} ${JSON.stringify(e)} ${String(e.cause)}`;
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(Buffer.from(`hagiang:${encodeURIComponent(secret)}`).toString('base64'));
    expect(CLIENTS.some((c) => shown.includes(c.secret))).toBe(false);
  });
});

describe('the platform transport when the platform is not well', () => {
  it('reports a platform that is down as retryable', async () => {
    const p = await platform();
    await p.stop();
    cleanup.pop();
    const e = await refusal(clientOf(p.url, 'vpcp').transport.received());
    expect([e.code, e.retryable]).toEqual(['platform.unreachable', true]);
  });

  it('gives up on a platform that says nothing, as retryable', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanup.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    });
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const t = createPlatformTransport({
      baseUrl: `http://127.0.0.1:${port}`,
      clientId: 'a',
      clientSecret: 'b',
      timeoutMs: 200,
    });
    const e = await refusal(t.received());
    expect([e.code, e.retryable]).toEqual(['platform.timeout', true]);
  });

  it('classes 5xx and 429 as retryable and other 4xx as permanent', async () => {
    const answers = [503, 429, 400, 403];
    const results: [string, boolean][] = [];
    for (const status of answers) {
      const fake: typeof fetch = async (input) =>
        String(input).endsWith('/oauth/token')
          ? Response.json({ access_token: 't', expires_in: 3600 })
          : Response.json({ status: 'FAIL', errorCode: 'x.y', errorDesc: 'lỗi' }, { status });
      const t = createPlatformTransport({
        baseUrl: 'http://platform.invalid',
        clientId: 'a',
        clientSecret: 'b',
        fetch: fake,
      });
      const e = await refusal(t.received());
      results.push([e.code, e.retryable]);
    }
    expect(results).toEqual([
      ['platform.unavailable', true],
      ['platform.throttled', true],
      ['platform.refused', false],
      ['platform.refused', false],
    ]);
  });
});
