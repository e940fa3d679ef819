import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxView, MailItemView, MailListItem } from '../../../common/schemas/mail';
import { createJobRunner } from '../../platform/jobs/runner';
import { createSmtpListener, type ParsedIncoming, type SmtpListener } from '../../platform/mail/incoming';
import { createMailSender } from '../../platform/mail/outgoing';
import { type Client, makeOffice, ok, tinyPdf } from '../../test/documents';
import { makeDocx, makeExeWithPdfHeader, makeHta } from '../../test/files';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { makeDelegate } from '../../test/meetings';
import { createMailboxModule } from './mailbox.module';

const DOMAIN = 'dongvan.dang.vn';

describe.each(testEngines())('mailboxes over SMTP on loopback (%s)', (engine) => {
  let t: TestApp;
  let inbound: SmtpListener;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock, env: { MAIL_DOMAIN: DOMAIN, MAIL_MAX_MB: '1' } });
    inbound = await createSmtpListener({
      host: '127.0.0.1',
      port: 0,
      domain: DOMAIN,
      maxBytes: t.deps.config.mail.maxBytes,
      acceptRecipient: (a) => t.services.mailbox.transport.accepts(a),
      onMessage: async (m) => {
        await t.services.mailbox.transport.receive(m);
      },
    });
  });
  afterAll(async () => {
    await inbound.close();
    await t.close();
  });

  const boxes = async (api: Client) => ok<{ items: MailboxView[] }>(await api.get('/api/mail/mailboxes')).items;
  const list = async (api: Client, box: string, query = 'folder=inbox') =>
    ok<{ items: MailListItem[]; total: number }>(await api.get(`/api/mail/mailboxes/${box}/messages?${query}`)).items;
  const view = async (api: Client, item: string) => ok<MailItemView>(await api.get(`/api/mail/items/${item}`));
  const outside = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });

  it('files mail for a known mailbox, keeps its sender and headers, and tells the reader', async () => {
    const o = await makeOffice(t);
    const a = await makeDelegate(t, o.committee, 'Lầu Thị Nhận Thư');
    const box = (await boxes(a.api))[0] as MailboxView;
    const pdf = tinyPdf('Cong van tinh uy');
    const info = await outside().sendMail({
      from: '"Văn phòng Tỉnh ủy" <vanphong@tinhuy.hagiang.vn>',
      to: box.address,
      subject: 'Công văn về việc tổng kết năm',
      text: 'Kính gửi đồng chí.',
      html: '<p>Kính gửi <b>đồng chí</b>.</p><script>alert(1)</script>',
      attachments: [{ filename: 'Công văn.pdf', content: pdf }],
      headers: { 'X-Ma-Ho-So': 'HS-2026-042' },
    });
    expect(info.accepted).toEqual([box.address]);
    const items = await list(a.api, box.id);
    expect(items.map((i) => i.subject)).toEqual(['Công văn về việc tổng kết năm']);
    const got = await view(a.api, items[0]?.id as string);
    expect(got.message).toMatchObject({
      source: 'smtp',
      from: { address: 'vanphong@tinhuy.hagiang.vn', name: 'Văn phòng Tỉnh ủy' },
      html: '<p>Kính gửi <b>đồng chí</b>.</p>',
    });
    expect(got.message.attachments.map((x) => [x.fileName, x.contentType])).toEqual([
      ['Công văn.pdf', 'application/pdf'],
    ]);
    expect(got.headers?.['x-ma-ho-so']).toBe('HS-2026-042');
    expect(got.headers?.from).toContain('vanphong@tinhuy.hagiang.vn');
    const news = await t.deps.database.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', a.id)
      .where('kind', '=', 'mail_received')
      .execute();
    expect(news.map((n) => n.title)).toEqual(['Thư mới: Công văn về việc tổng kết năm']);

    // A relay's retry of the same Message-ID files no second copy.
    const again = {
      from: 'x@tinhuy.hagiang.vn',
      to: box.address,
      subject: 'Lặp',
      text: 'Một lần',
      messageId: '<lap-1@tinhuy.hagiang.vn>',
    };
    await outside().sendMail(again);
    await outside().sendMail(again);
    expect((await list(a.api, box.id)).filter((i) => i.subject === 'Lặp')).toHaveLength(1);
  });

  it('judges attachments as uploads: programs refused, a misnamed file kept under its real ending, the reader told', async () => {
    const o = await makeOffice(t);
    const a = await makeDelegate(t, o.committee, 'Lầu Thị Đính Kèm');
    const box = (await boxes(a.api))[0] as MailboxView;
    await outside().sendMail({
      from: 'la@ngoai.vn',
      to: box.address,
      subject: 'Hóa đơn',
      text: 'Xem tệp đính kèm.',
      attachments: [
        { filename: 'invoice.scr', content: makeExeWithPdfHeader(), contentType: 'application/pdf' },
        { filename: 'page.hta', content: makeHta() },
        { filename: 'app.jar', content: makeDocx(['Báo cáo']) },
      ],
    });
    const item = (await list(a.api, box.id)).find((i) => i.subject === 'Hóa đơn');
    const got = await view(a.api, item?.id as string);
    expect(got.message.attachments.map((x) => x.fileName)).toEqual(['app.docx']);
    expect(got.message.text).toContain('Tệp đính kèm "invoice.scr" không được nhận');
    expect(got.message.text).toContain('Tệp đính kèm "page.hta" không được nhận');
    expect(got.message.text).toContain('đã được đổi tên thành "app.docx"');
  });

  it('refuses unknown recipients during the conversation and mail over the size limit', async () => {
    const o = await makeOffice(t);
    const a = await makeDelegate(t, o.committee, 'Giàng Mí Giới Hạn');
    const box = (await boxes(a.api))[0] as MailboxView;
    await expect(
      outside().sendMail({ from: 'x@ngoai.vn', to: `khongco@${DOMAIN}`, subject: 'Thử', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      outside().sendMail({ from: 'x@ngoai.vn', to: 'ai@ten-mien-khac.vn', subject: 'Chuyển tiếp', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      outside().sendMail({ from: 'x@ngoai.vn', to: box.address, subject: 'Lớn', text: 'x'.repeat(1_200_000) }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await list(a.api, box.id)).toEqual([]);
  });

  it('sends mail to outside addresses through the relay once, and shows how it went, even across an outage', async () => {
    const received: ParsedIncoming[] = [];
    const sink = await createSmtpListener({
      host: '127.0.0.1',
      port: 0,
      domain: 'ngoai.vn',
      maxBytes: 1 << 22,
      acceptRecipient: async () => true,
      onMessage: async (m) => void received.push(m),
    });
    const port = sink.port;
    const mail = createMailSender({
      host: '127.0.0.1',
      port,
      secure: false,
      from: `VanPhong <no-reply@${DOMAIN}>`,
      timeoutMs: 3000,
    });
    const module = createMailboxModule(t.deps, t.services.documents.incoming, mail);
    const runner = createJobRunner({
      deps: t.deps,
      handlers: module.transport.handlers,
      batch: 4,
      lockMs: 60_000,
      random: () => 0.5,
    });
    try {
      const o = await makeOffice(t);
      const a = await makeDelegate(t, o.committee, 'Hoàng Văn Gửi Đi');
      const box = (await boxes(a.api))[0] as MailboxView;
      const upload = await a.api.upload('Báo cáo.pdf', tinyPdf('Bao cao'));
      const itemId = ok<{ itemId: string }>(
        await a.api.post('/api/mail/messages', {
          mailboxId: box.id,
          to: [{ kind: 'address', address: 'Chanh.VanPhong@Ngoai.vn' }],
          bcc: [{ kind: 'address', address: 'luu@ngoai.vn' }],
          subject: 'Báo cáo gửi Tỉnh ủy',
          text: 'Kính gửi.',
          uploadIds: [upload],
        }),
        201,
      ).itemId;
      expect((await view(a.api, itemId)).deliveries.map((d) => d.status)).toEqual(['queued', 'queued']);

      // The relay is down: nothing lost, the error shown, the job waits.
      await sink.close();
      await runner.runOnce();
      const waiting = await view(a.api, itemId);
      expect(waiting.deliveries.map((d) => [d.status, !!d.error])).toEqual([
        ['queued', true],
        ['queued', true],
      ]);

      const back = await createSmtpListener({
        host: '127.0.0.1',
        port,
        domain: 'ngoai.vn',
        maxBytes: 1 << 22,
        acceptRecipient: async () => true,
        onMessage: async (m) => void received.push(m),
      });
      try {
        clock.advance(10 * 60_000);
        await runner.runOnce();
        await runner.runOnce();
        expect(received).toHaveLength(1);
        const m = received[0] as ParsedIncoming;
        expect(m.from).toEqual({ name: 'Hoàng Văn Gửi Đi', address: box.address });
        expect(m.envelope.rcptTo.sort()).toEqual(['chanh.vanphong@ngoai.vn', 'luu@ngoai.vn']);
        expect(m.headers.bcc).toBeUndefined();
        expect(m.attachments.map((x) => x.filename)).toEqual(['Báo cáo.pdf']);
        expect(m.subject).toBe('Báo cáo gửi Tỉnh ủy');
        const done = await view(a.api, itemId);
        expect(done.deliveries.map((d) => [d.address, d.status])).toEqual([
          ['chanh.vanphong@ngoai.vn', 'sent'],
          ['luu@ngoai.vn', 'sent'],
        ]);
        // Run again: nothing more goes out.
        clock.advance(60 * 60_000);
        await runner.runOnce();
        expect(received).toHaveLength(1);
      } finally {
        await back.close();
      }
    } finally {
      await runner.stop();
      mail.close();
    }
  });
});
