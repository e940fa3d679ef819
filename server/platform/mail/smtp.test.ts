import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpListener, type ParsedIncoming, type SmtpListener } from './incoming';
import { MailAddressError, MailSendError } from './mail.errors';
import { createMailSender, type MailSender, type OutgoingMail } from './outgoing';

const DOMAIN = 'huyenuy.vn';
// Knows mailboxes by their local part only, so the listener's own domain check is what refuses strangers.
const KNOWN = new Set(['chanhvanphong', 'vanthu']);
const MAX_BYTES = 512 * 1024;

let listener: SmtpListener;
const received: ParsedIncoming[] = [];
let failNext = false;

beforeAll(async () => {
  listener = await createSmtpListener({
    host: '127.0.0.1',
    port: 0,
    domain: DOMAIN,
    maxBytes: MAX_BYTES,
    acceptRecipient: async (address) => KNOWN.has(address.split('@')[0] ?? ''),
    onMessage: async (message) => {
      if (failNext) {
        failNext = false;
        throw new Error('database is down');
      }
      received.push(message);
    },
  });
});

afterAll(async () => {
  await listener.close();
});

function sender(port = listener.port, timeoutMs = 5000): MailSender {
  return createMailSender({
    host: '127.0.0.1',
    port,
    secure: false,
    from: 'Văn phòng Huyện ủy <vanphong@huyenuy.vn>',
    timeoutMs,
  });
}

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    messageId: `<job-${randomBytes(6).toString('hex')}@huyenuy.vn>`,
    to: ['Chánh Văn phòng <chanhvanphong@huyenuy.vn>'],
    subject: 'Giấy mời họp',
    text: 'Kính gửi đồng chí.',
    ...overrides,
  };
}

async function sendError(run: Promise<unknown>): Promise<MailSendError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailSendError);
  return error as MailSendError;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('mail transport over SMTP', () => {
  it('delivers a Vietnamese subject, names, body and a PDF attachment intact', async () => {
    const out = sender();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40_000), Buffer.from('\n%%EOF\n')]);
    const subject = 'Giấy mời: Hội nghị Ban Thường vụ Huyện ủy quý IV — đồng chí Nguyễn Thị Hồng Ánh';
    const text =
      'Kính gửi các đồng chí,\nThường trực Huyện ủy trân trọng kính mời dự họp lúc 8 giờ.\nĐảng bộ huyện Đồng Văn';
    const message = mail({
      subject,
      text,
      html: '<p>Kính mời <b>đồng chí</b></p>',
      cc: [{ name: 'Văn thư Ủy ban', address: 'vanthu@huyenuy.vn' }],
      attachments: [{ filename: 'Giấy mời số 12-GM/HU.pdf', content: pdf, contentType: 'application/pdf' }],
      headers: { 'X-VanPhong-Job': 'job-1' },
    });
    const before = received.length;
    const result = await out.send(message);
    out.close();

    expect(result.accepted.sort()).toEqual(['chanhvanphong@huyenuy.vn', 'vanthu@huyenuy.vn']);
    expect(result.rejected).toEqual([]);
    expect(received).toHaveLength(before + 1);
    const got = received.at(-1) as ParsedIncoming;
    expect(got.messageId).toBe(message.messageId);
    expect(got.subject).toBe(subject);
    expect(got.text.trim()).toBe(text);
    expect(got.html).toContain('Kính mời <b>đồng chí</b>');
    expect(got.from).toEqual({ name: 'Văn phòng Huyện ủy', address: 'vanphong@huyenuy.vn' });
    expect(got.to).toEqual([{ name: 'Chánh Văn phòng', address: 'chanhvanphong@huyenuy.vn' }]);
    expect(got.cc).toEqual([{ name: 'Văn thư Ủy ban', address: 'vanthu@huyenuy.vn' }]);
    expect(got.headers['x-vanphong-job']).toBe('job-1');
    expect(got.envelope.mailFrom).toBe('vanphong@huyenuy.vn');
    expect(got.attachments).toHaveLength(1);
    const [attachment] = got.attachments;
    expect(attachment?.filename).toBe('Giấy mời số 12-GM/HU.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.size).toBe(pdf.length);
    expect(attachment?.content.equals(pdf)).toBe(true);
  });

  it('refuses an unknown or outside recipient during the conversation and delivers to the known one', async () => {
    const out = sender();
    const before = received.length;
    const result = await out.send(
      mail({ to: ['chanhvanphong@huyenuy.vn', 'khongco@huyenuy.vn'], cc: ['vanthu@khac.vn'] }),
    );
    out.close();
    expect(result.accepted).toEqual(['chanhvanphong@huyenuy.vn']);
    expect(result.rejected.sort()).toEqual(['khongco@huyenuy.vn', 'vanthu@khac.vn']);
    expect(received).toHaveLength(before + 1);
    expect(received.at(-1)?.envelope.rcptTo).toEqual(['chanhvanphong@huyenuy.vn']);
  });

  it('fails permanently when every recipient is refused', async () => {
    const out = sender();
    const error = await sendError(out.send(mail({ to: ['khongco@huyenuy.vn'] })));
    out.close();
    expect(error.responseCode).toBe(550);
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('mail.permanent_failure');
  });

  it('refuses a message over the size limit with 552 and delivers nothing', async () => {
    const out = sender();
    const before = received.length;
    const big = randomBytes(MAX_BYTES);
    const error = await sendError(
      out.send(mail({ attachments: [{ filename: 'lon.bin', content: big, contentType: 'application/octet-stream' }] })),
    );
    // The pooled connection stays usable after the refusal.
    await out.send(mail({ subject: 'sau khi bị từ chối' }));
    out.close();
    expect(error.responseCode).toBe(552);
    expect(error.retryable).toBe(false);
    expect(received).toHaveLength(before + 1);
    expect(received.at(-1)?.subject).toBe('sau khi bị từ chối');
  });

  it('answers 451 when storing fails, so the sender retries', async () => {
    const out = sender();
    const before = received.length;
    failNext = true;
    const error = await sendError(out.send(mail()));
    out.close();
    expect(error.responseCode).toBe(451);
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('mail.temporary_failure');
    expect(received).toHaveLength(before);
  });

  it('refuses header injection before opening any connection', async () => {
    let connections = 0;
    const trap = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const out = sender((trap.address() as net.AddressInfo).port);
    const attempts: OutgoingMail[] = [
      mail({ subject: 'Giấy mời\r\nBcc: ai@evil.vn' }),
      mail({ to: [{ name: 'Tên\nBcc: ai@evil.vn', address: 'chanhvanphong@huyenuy.vn' }] }),
      mail({ to: ['Tên\r\n <chanhvanphong@huyenuy.vn>'] }),
      mail({ headers: { 'X-Job': 'a\r\nBcc: ai@evil.vn' } }),
      mail({ messageId: '<a@b.vn>\r\nBcc: ai@evil.vn' }),
    ];
    for (const attempt of attempts) {
      const error = await out.send(attempt).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MailAddressError);
      expect((error as MailAddressError).code).toBe('mail.header_injection');
    }
    out.close();
    await new Promise<void>((resolve) => trap.close(() => resolve()));
    expect(connections).toBe(0);
  });

  it('reports a relay that is down as retryable, without the password', async () => {
    const out = createMailSender({
      host: '127.0.0.1',
      port: await freePort(),
      secure: false,
      auth: { user: 'vanphong', pass: 'mat-khau-bi-mat' },
      from: 'vanphong@huyenuy.vn',
      timeoutMs: 2000,
    });
    const error = await sendError(out.send(mail()));
    out.close();
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('mail.connection_failed');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('mat-khau-bi-mat');
  });

  it('carries 1,000 messages of 100 KB through one pool, each exactly once', { timeout: 300_000 }, async () => {
    const out = sender();
    const before = received.length;
    const body = randomBytes(100 * 1024);
    const ids: string[] = [];
    const started = performance.now();
    for (let i = 0; i < 1000; i += 1) {
      const message = mail({
        subject: `Thông báo số ${i}`,
        attachments: [{ filename: `tep-${i}.bin`, content: body, contentType: 'application/octet-stream' }],
      });
      ids.push(message.messageId);
      await out.send(message);
    }
    const seconds = (performance.now() - started) / 1000;
    out.close();
    console.log(
      `mail: 1000 × 100 KB sent and parsed in ${seconds.toFixed(1)} s, ${(1000 / seconds).toFixed(0)} msgs/s`,
    );

    const got = received.slice(before).map((m) => m.messageId);
    expect(got).toHaveLength(1000);
    expect(new Set(got).size).toBe(1000);
    expect(new Set(got)).toEqual(new Set(ids));
    expect(received.slice(before).every((m) => m.attachments[0]?.content.equals(body))).toBe(true);
  });
});
