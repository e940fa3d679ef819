import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids';
import { createJobRunner } from '../../platform/jobs/runner';
import { createSmtpListener, type ParsedIncoming, type SmtpListener } from '../../platform/mail/incoming';
import { createMailSender } from '../../platform/mail/outgoing';
import { createFileOutbox, OUTBOX_FILE } from '../../platform/sms/file-outbox';
import { createHttpJsonProvider } from '../../platform/sms/http-json';
import { client, errorCode, ok } from '../../test/documents';
import { makeOrganization, SYSTEM, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createNotificationChannels, smsTime } from './delivery.jobs';
import { notify } from './notify.service';

describe('quiet hours for SMS', () => {
  const at = (iso: string) => new Date(iso);
  it('waits until the end of the quiet hours, across midnight, in Vietnam', () => {
    // 22:30 in Vietnam, quiet 21:00–07:00: waits until 07:00 next morning.
    expect(smsTime(at('2026-11-25T15:30:00Z'), '21:00', '07:00').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    // 06:59: one minute more.
    expect(smsTime(at('2026-11-25T23:59:00Z'), '21:00', '07:00').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    // 09:00: at once.
    expect(smsTime(at('2026-11-26T02:00:00Z'), '21:00', '07:00').toISOString()).toBe('2026-11-26T02:00:00.000Z');
    // A quiet lunch, 12:00–13:30, at 12:15.
    expect(smsTime(at('2026-11-26T05:15:00Z'), '12:00', '13:30').toISOString()).toBe('2026-11-26T06:30:00.000Z');
  });
});

describe.each(testEngines())('notifications by e-mail and SMS (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock(new Date('2026-11-25T02:00:00.000Z')); // 09:00 in Vietnam
  let listener: SmtpListener;
  const received: ParsedIncoming[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-sms-'));
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    listener = await createSmtpListener({
      host: '127.0.0.1',
      port: 0,
      domain: 'donvi.vn',
      maxBytes: 1 << 20,
      acceptRecipient: async () => true,
      onMessage: async (m) => {
        received.push(m);
      },
    });
  });
  afterAll(async () => {
    await listener.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function person(phone: string | null, email: string | null) {
    const org = await makeOrganization(t);
    const personId = newId();
    const at = clock.now().toISOString();
    await t.deps.database.db
      .insertInto('people')
      .values({
        id: personId,
        full_name: 'Lò Văn Nhận',
        position: null,
        phone,
        email,
        mailbox: null,
        search_text: '',
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const username = `nhan${newId().slice(-8)}`;
    const password = `Mat-khau-${username}`;
    const user = await t.services.users.create(SYSTEM, {
      username,
      email: null,
      fullName: 'Lò Văn Nhận',
      password,
      mustChangePassword: false,
      personId,
      roles: [{ organizationId: org.id, role: 'member' }],
    });
    return { id: user.id, username, password };
  }

  function channels(port = listener.port) {
    const mail = createMailSender({
      host: '127.0.0.1',
      port,
      secure: false,
      from: 'VanPhong <no-reply@vanphong.local>',
      timeoutMs: 3000,
    });
    const sms = createFileOutbox({ dir });
    const c = createNotificationChannels(t.deps, { mail, sms });
    const runner = createJobRunner({ deps: t.deps, handlers: c.handlers, batch: 8, lockMs: 60_000, random: () => 0.5 });
    return { c, runner, mail };
  }
  const outbox = () =>
    fs.existsSync(path.join(dir, OUTBOX_FILE))
      ? fs
          .readFileSync(path.join(dir, OUTBOX_FILE), 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { requestId: string; text: string; phone: string })
      : [];
  const deliveriesOf = (userId: string) =>
    t.deps.database.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('channel')
      .execute();

  it('sends each notification once by e-mail and once by SMS, after commit, and never twice', async () => {
    const u = await person('0912 345 678', 'nhan@donvi.vn');
    const { runner, mail } = channels();
    await t.deps.transact(({ trx }) =>
      notify(
        trx,
        [u.id],
        {
          kind: 'meeting_invited',
          title: 'Giấy mời họp Ban Thường vụ',
          body: 'Thứ Hai 30/11, 08:00',
          link: '/meetings/x',
        },
        clock.now().toISOString(),
      ),
    );
    const before = received.length;
    const sent = outbox().length;
    await runner.runOnce(); // decides the channels
    await runner.runOnce(); // sends
    await runner.runOnce(); // nothing left
    const mine = received.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toBe('[VanPhong] Giấy mời họp Ban Thường vụ');
    expect(mine[0]?.text).toContain('/meetings/x');
    const texts = outbox().slice(sent);
    expect(texts).toEqual([
      expect.objectContaining({ phone: '84912345678', text: 'VanPhong: Giay moi hop Ban Thuong vu' }),
    ]);
    expect((await deliveriesOf(u.id)).map((d) => [d.channel, d.status])).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    mail.close();
  });

  it('sends no SMS for a personal letter unless the person asks for it; e-mail still goes', async () => {
    const u = await person('0912 000 111', 'thu@donvi.vn');
    const api = client(t, await sessionFor(t, u));
    const settings = ok<{ sms: boolean; muted: string[]; version: number }>(
      await api.get('/api/notifications/settings'),
    );
    expect(settings).toMatchObject({ sms: true, muted: ['mail_received:sms'] });
    const { runner, mail } = channels();
    const letter = () =>
      t.deps.transact(({ trx }) =>
        notify(
          trx,
          [u.id],
          { kind: 'mail_received', title: 'Thư mới: Lịch trực Tết', link: '/mailbox' },
          clock.now().toISOString(),
        ),
      );
    await letter();
    for (let i = 0; i < 3; i++) await runner.runOnce();
    expect((await deliveriesOf(u.id)).map((d) => d.channel)).toEqual(['email']);
    // Asked for: the next letter comes by SMS too.
    ok(await api.put('/api/notifications/settings', { ...settings, muted: [] }));
    await letter();
    for (let i = 0; i < 3; i++) await runner.runOnce();
    expect((await deliveriesOf(u.id)).map((d) => d.channel)).toEqual(['email', 'email', 'sms']);
    mail.close();
  });

  it('keeps secret news out of e-mail and SMS, and holds SMS in quiet hours', async () => {
    const u = await person('0987654321', 'mat@donvi.vn');
    const api = client(t, await sessionFor(t, u));
    const settings = ok<{ version: number }>(await api.get('/api/notifications/settings'));
    // All day quiet for SMS; e-mail still goes.
    ok(
      await t.app.inject({
        method: 'PUT',
        url: '/api/notifications/settings',
        headers: { cookie: await sessionFor(t, u) },
        payload: { email: true, sms: true, quietFrom: '00:00', quietTo: '23:59', muted: [], version: settings.version },
      }),
    );
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/settings',
      headers: { cookie: await sessionFor(t, u) },
      payload: { email: true, sms: true, quietFrom: '00:00', quietTo: '23:59', muted: [], version: settings.version },
    });
    expect(errorCode(stale)).toBe('common.stale_version');
    const { runner, mail } = channels();
    await t.deps.transact(({ trx }) =>
      notify(
        trx,
        [u.id],
        { kind: 'meeting_invited', title: 'Họp bàn nhân sự (mật)', link: '/meetings/m', sensitive: true },
        clock.now().toISOString(),
      ),
    );
    const before = received.length;
    const sent = outbox().length;
    await runner.runOnce();
    await runner.runOnce();
    const mine = received.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toBe('[VanPhong] Bạn có thông báo mới trên VanPhong');
    expect(`${mine[0]?.subject} ${mine[0]?.text}`).not.toContain('nhân sự');
    expect(outbox().length).toBe(sent);
    expect((await deliveriesOf(u.id)).find((d) => d.channel === 'sms')?.status).toBe('queued');
    mail.close();
  });

  it('loses nothing while the relay is down and sends once when it is back', async () => {
    const u = await person(null, 'cho@donvi.vn');
    // A relay that is not listening.
    const down = await createSmtpListener({
      host: '127.0.0.1',
      port: 0,
      domain: 'donvi.vn',
      maxBytes: 1 << 20,
      acceptRecipient: async () => true,
      onMessage: async () => {},
    });
    const port = down.port;
    await down.close();
    const { runner, mail } = channels(port);
    await t.deps.transact(({ trx }) =>
      notify(
        trx,
        [u.id],
        { kind: 'schedule_changed', title: 'Lịch công tác tuần 48 điều chỉnh', link: '/schedule' },
        clock.now().toISOString(),
      ),
    );
    await runner.runOnce();
    await runner.runOnce();
    const [email] = await deliveriesOf(u.id);
    expect(email).toMatchObject({ channel: 'email', status: 'queued' });
    // No phone number: the SMS is recorded as skipped, not silently lost.
    expect((await deliveriesOf(u.id)).find((d) => d.channel === 'sms')).toMatchObject({
      status: 'skipped',
      error: 'Chưa có số điện thoại',
    });

    const got: ParsedIncoming[] = [];
    const back = await createSmtpListener({
      host: '127.0.0.1',
      port,
      domain: 'donvi.vn',
      maxBytes: 1 << 20,
      acceptRecipient: async () => true,
      onMessage: async (m) => void got.push(m),
    });
    try {
      clock.advance(31_000); // the first retry waits 30 s
      await runner.runOnce();
      clock.advance(120_000);
      await runner.runOnce();
      expect(got.map((m) => m.subject)).toEqual(['[VanPhong] Lịch công tác tuần 48 điều chỉnh']);
      expect((await deliveriesOf(u.id))[0]?.status).toBe('sent');
    } finally {
      mail.close();
      await back.close();
    }
  });

  it('follows the provider’s delivery report, and a repeated report changes nothing', async () => {
    const u = await person('0912000111', null);
    const calls: string[] = [];
    const provider = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        calls.push(body);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ CodeResult: '100', SMSID: `esms-${calls.length}` }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const port = (provider.address() as { port: number }).port;
    const sms = createHttpJsonProvider({
      url: `http://127.0.0.1:${port}/send`,
      apiKey: 'k',
      secretKey: 's',
      brandname: 'HUYENUY',
      timeoutMs: 3000,
    });
    const c = createNotificationChannels(t.deps, { mail: null, sms });
    const runner = createJobRunner({ deps: t.deps, handlers: c.handlers, batch: 8, lockMs: 60_000 });
    try {
      await t.deps.transact(({ trx }) =>
        notify(trx, [u.id], { kind: 'meeting_reminder', title: 'Nhắc họp' }, clock.now().toISOString()),
      );
      await runner.runOnce();
      await runner.runOnce();
      expect(calls).toHaveLength(1);
      expect(JSON.parse(calls[0] as string)).toMatchObject({
        Phone: '84912000111',
        Brandname: 'HUYENUY',
        Content: 'VanPhong: Nhac hop',
      });
      const sent = (await deliveriesOf(u.id)).find((d) => d.channel === 'sms');
      expect(sent).toMatchObject({ status: 'sent', provider_id: 'esms-1', segments: 1 });
      expect(await c.report({ SMSID: 'esms-1', SendStatus: 5 })).toBe(true);
      expect(await c.report({ SMSID: 'esms-1', SendStatus: 5 })).toBe(true);
      expect((await deliveriesOf(u.id)).find((d) => d.channel === 'sms')?.status).toBe('delivered');
      expect(calls).toHaveLength(1);
      // Without the shared secret the callback is not there.
      const wrong = await t.app.inject({ method: 'POST', url: '/api/sms/report?token=wrong', payload: {} });
      expect(wrong.statusCode).toBe(404);
    } finally {
      await new Promise((resolve) => provider.close(resolve));
    }
  });
});
