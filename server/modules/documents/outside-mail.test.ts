import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView, Recipient } from '../../../common/schemas/documents';
import type { SavingsReport } from '../../../common/schemas/savings';
import { createJobRunner, type JobRunner } from '../../platform/jobs/runner';
import { createSmtpListener, type ParsedIncoming, type SmtpListener } from '../../platform/mail/incoming';
import { client, makeOffice, ok, tinyPdf } from '../../test/documents';
import { sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';

const DOMAIN = 'huyenuy-dongvan.vn';

/** A port nothing listens on: a relay that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The office and an outgoing document of four pages with its file, issued, for the cell and outside. */
async function issued(t: TestApp, outside: { name: string; email: string }[]) {
  const o = await makeOffice(t);
  const { id } = ok<{ id: string }>(
    await o.specialist.api.post('/api/documents/outgoing', {
      organizationId: o.committee.id,
      typeCode: 'CV',
      summary: 'Công văn về lịch tiếp công dân',
      pageCount: 4,
      recipients: [
        { kind: 'organization', id: o.cell.id },
        ...outside.map((r) => ({ kind: 'external', channel: 'email', ...r })),
      ],
      uploadIds: [await o.specialist.api.upload('Công văn 05.pdf', tinyPdf('Cong van 05'))],
    }),
    201,
  );
  let doc = ok<DocumentView>(
    await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
  );
  doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
  doc = ok(
    await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
  );
  return { o, id, doc };
}

/** The same, dispatched. */
async function dispatched(t: TestApp, outside: { name: string; email: string }[]) {
  const { o, id, doc } = await issued(t, outside);
  ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
  // Signed in afresh each time: the retries below are hours apart, longer than a session lasts.
  const clerk = async () => client(t, await sessionFor(t, o.clerk));
  const view = async () => ok<DocumentView>(await (await clerk()).get(`/api/documents/${id}`));
  const mailOf = async () =>
    Object.fromEntries(
      (await view()).recipients.filter((r) => r.kind === 'external').map((r) => [r.email, r.mail] as const),
    ) as Record<string, Recipient['mail']>;
  const saved = async () => {
    const report = ok<SavingsReport>(await (await clerk()).get('/api/savings?year=2026'));
    return report.byKind.find((k) => k.kind === 'document') ?? { pages: 0, copies: 0 };
  };
  return { o, id, view, mailOf, saved };
}

describe.each(testEngines())('a dispatched document sent to outside e-mail addresses (%s)', (engine) => {
  describe('through a working relay', () => {
    const received: ParsedIncoming[] = [];
    const clock = new TestClock();
    let relay: SmtpListener;
    let t: TestApp;
    let runner: JobRunner;
    beforeAll(async () => {
      relay = await createSmtpListener({
        host: '127.0.0.1',
        port: 0,
        domain: 'ngoai.vn',
        maxBytes: 1 << 22,
        // The relay refuses one mailbox, as a real one refuses an unknown user.
        acceptRecipient: async (address) => address !== 'khong-co@ngoai.vn',
        onMessage: async (m) => void received.push(m),
      });
      t = await createTestApp(engine, {
        clock,
        env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(relay.port), MAIL_DOMAIN: DOMAIN },
      });
      runner = createJobRunner({ deps: t.deps, handlers: t.jobHandlers, batch: 4, random: () => 0.5 });
    });
    afterAll(async () => {
      await runner.stop();
      await t.close();
      await relay.close();
    });

    it('delivers the document with its file, shows each recipient sent, and counts only what went', async () => {
      const d = await dispatched(t, [
        { name: 'Sở Nội vụ tỉnh Hà Giang', email: 'SoNoiVu@Ngoai.vn' },
        { name: 'Địa chỉ cũ', email: 'khong-co@ngoai.vn' },
      ]);
      // Queued in the dispatch; only the cell's copy counted so far.
      expect(await d.mailOf()).toEqual({
        'sonoivu@ngoai.vn': expect.objectContaining({ status: 'queued', error: null }),
        'khong-co@ngoai.vn': expect.objectContaining({ status: 'queued', error: null }),
      });
      expect(await d.saved()).toMatchObject({ pages: 4, copies: 1 });
      expect(received).toHaveLength(0);
      // The timeline says where it went, as a sentence.
      expect((await d.view()).events.find((e) => e.kind === 'dispatched')?.note).toBe(
        'Gửi 1 nơi trong hệ thống, gửi thư điện tử đến 2 nơi ngoài hệ thống',
      );

      await runner.runOnce();
      expect(received).toHaveLength(1);
      const mail = received[0] as ParsedIncoming;
      expect(mail.envelope.rcptTo).toEqual(['sonoivu@ngoai.vn']);
      expect(mail.subject).toBe('Văn bản số 01-CV/HU: Công văn về lịch tiếp công dân');
      expect(mail.from?.address).toMatch(new RegExp(`@${DOMAIN.replace(/\./g, '\\.')}$`));
      expect(mail.attachments.map((a) => a.filename)).toEqual(['Công văn 05.pdf']);
      expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');

      const after = await d.mailOf();
      expect(after['sonoivu@ngoai.vn']).toMatchObject({ status: 'sent', error: null });
      expect(after['khong-co@ngoai.vn']).toMatchObject({ status: 'failed' });
      expect(after['khong-co@ngoai.vn']?.error).toBeTruthy();
      // The copy the relay took saved four pages; the refused one saved nothing.
      expect(await d.saved()).toMatchObject({ pages: 8, copies: 2 });

      // Nothing goes twice, nothing is counted twice.
      clock.advance(2 * 3_600_000);
      await runner.runOnce();
      expect(received).toHaveLength(1);
      expect(await d.saved()).toMatchObject({ pages: 8, copies: 2 });
    });

    it('sends no secret document by e-mail, even one made secret behind the form', async () => {
      const { o, id, doc } = await issued(t, [{ name: 'Sở Nội vụ tỉnh Hà Giang', email: 'sonoivu@ngoai.vn' }]);
      // The form refuses this; a row changed another way must still not leave by e-mail.
      await t.deps.database.db.updateTable('documents').set({ secrecy: 'secret' }).where('id', '=', id).execute();
      const before = received.length;
      const res = await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('documents.secret_by_email');
      await runner.runOnce();
      expect(received).toHaveLength(before);
      const after = ok<DocumentView>(await o.clerk.api.get(`/api/documents/${id}`));
      expect(after.status).toBe(doc.status);
    });
  });

  describe('through a relay that is down', () => {
    const clock = new TestClock();
    let t: TestApp;
    let runner: JobRunner;
    beforeAll(async () => {
      t = await createTestApp(engine, {
        clock,
        env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(await closedPort()), MAIL_DOMAIN: DOMAIN },
      });
      runner = createJobRunner({ deps: t.deps, handlers: t.jobHandlers, batch: 4, random: () => 0.5 });
    });
    afterAll(async () => {
      await runner.stop();
      await t.close();
    });

    it('shows the copy retrying with the reason, then failed after the last try, and counts nothing', async () => {
      const d = await dispatched(t, [{ name: 'Báo Hà Giang', email: 'toasoan@baohagiang.vn' }]);
      await runner.runOnce();
      const waiting = (await d.mailOf())['toasoan@baohagiang.vn'];
      expect(waiting?.status).toBe('retrying');
      expect(waiting?.error).toContain('Không kết nối được tới máy chủ thư');
      expect(await d.saved()).toMatchObject({ copies: 1 });

      // Every retry fails the same way; after the last the copy has failed for good.
      for (let i = 0; i < 10; i++) {
        clock.advance(2 * 3_600_000);
        await runner.runOnce();
      }
      const failed = (await d.mailOf())['toasoan@baohagiang.vn'];
      expect(failed?.status).toBe('failed');
      expect(failed?.error).toContain('Không kết nối được tới máy chủ thư');
      expect(await d.saved()).toMatchObject({ pages: 4, copies: 1 });
      // The administrator's queue shows the job dead with the same reason.
      const job = await t.deps.database.db
        .selectFrom('jobs')
        .select(['status', 'last_error'])
        .where('kind', '=', 'mail.send')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('dead');
      expect(job.last_error).toContain('Không kết nối được tới máy chủ thư');
    });
  });
});
