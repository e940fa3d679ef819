import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createNotificationChannels } from '../server/modules/notifications/delivery.jobs';
import { notify } from '../server/modules/notifications/notify.service';
import type { DatabaseKind } from '../server/platform/db/database';
import { newId } from '../server/platform/ids';
import { createJobRunner } from '../server/platform/jobs/runner';
import { createSmtpListener, type SmtpListener } from '../server/platform/mail/incoming';
import { createMailSender } from '../server/platform/mail/outgoing';
import { createHttpJsonProvider } from '../server/platform/sms/http-json';
import { makeOrganization, SYSTEM } from '../server/test/factories';
import { createTestApp, type TestApp, TestClock } from '../server/test/harness';

const RECIPIENTS = 124;
const BATCH = 16;
const INBOUND_MESSAGES = 1000;
const INBOUND_BYTES = 100 * 1024;
const ENGINES = (process.env.BENCH_ENGINE ?? 'sqlite,postgres').split(',');
const DOMAIN = 'donvi.vn';

/** A local relay that keeps what it is given: Message-IDs, to count duplicates. */
async function smtpSink(port: number, messageIds: string[]): Promise<SmtpListener> {
  return createSmtpListener({
    host: '127.0.0.1',
    port,
    domain: DOMAIN,
    maxBytes: 1 << 20,
    acceptRecipient: async () => true,
    onMessage: async (m) => {
      messageIds.push(m.messageId ?? '');
    },
  });
}

/** A local eSMS-like provider: answers `{ CodeResult: '100', SMSID }` and keeps each RequestId. */
async function fakeSmsProvider() {
  const requestIds: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      const { RequestId } = JSON.parse(body) as { RequestId: string };
      requestIds.push(RequestId);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ CodeResult: '100', SMSID: `esms-${requestIds.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requestIds,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const duplicates = (ids: string[]) => ids.length - new Set(ids).size;

/** 124 users, each with a person having an e-mail and a Vietnamese mobile number. */
async function recipients(t: TestApp): Promise<string[]> {
  const org = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn', abbreviation: 'HU' });
  const at = t.clock.now().toISOString();
  const users: string[] = [];
  for (let i = 0; i < RECIPIENTS; i++) {
    const personId = newId();
    await t.deps.database.db
      .insertInto('people')
      .values({
        id: personId,
        full_name: `Đại biểu số ${i + 1}`,
        position: 'Ủy viên Ban Chấp hành',
        phone: `0912${String(100_000 + i).padStart(6, '0')}`,
        email: `daibieu${i + 1}@${DOMAIN}`,
        mailbox: null,
        search_text: '',
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const user = await t.services.users.create(SYSTEM, {
      username: `daibieu${i + 1}`,
      email: null,
      fullName: `Đại biểu số ${i + 1}`,
      password: `Mat-khau-dai-bieu-${i + 1}`,
      mustChangePassword: false,
      personId,
      roles: [{ organizationId: org.id, role: 'member' }],
    });
    users.push(user.id);
  }
  return users;
}

/**
 * The event to 124 recipients, delivered by e-mail and SMS through a local relay and a local
 * provider. With `outage`, the relay is down for a simulated minute before it comes back on
 * the same port.
 */
async function eventFigures(kind: DatabaseKind, outage: boolean) {
  const clock = new TestClock(new Date('2026-11-25T02:00:00.000Z')); // 09:00 in Vietnam: no quiet hours
  const t = await createTestApp(kind, { clock });
  const mails: string[] = [];
  const provider = await fakeSmsProvider();
  let sink = await smtpSink(0, mails);
  const port = sink.port;
  const mail = createMailSender({
    host: '127.0.0.1',
    port,
    secure: false,
    from: 'VanPhong <no-reply@vanphong.local>',
    timeoutMs: 3000,
    maxConnections: 4,
  });
  const sms = createHttpJsonProvider({
    url: provider.url,
    apiKey: 'k',
    secretKey: 's',
    brandname: 'HUYENUY',
    timeoutMs: 3000,
  });
  const channels = createNotificationChannels(t.deps, { mail, sms });
  const runner = createJobRunner({ deps: t.deps, handlers: channels.handlers, batch: BATCH, lockMs: 60_000 });
  /** Runs every job due now, until none is. */
  const drain = async () => {
    while ((await runner.runOnce()) > 0) {}
  };
  const pending = async () => {
    const row = await t.deps.database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'not in', ['done', 'dead'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  try {
    const users = await recipients(t);
    if (outage) await sink.close();
    await t.deps.transact(({ trx }) =>
      notify(
        trx,
        users,
        {
          kind: 'meeting_invited',
          title: 'Giấy mời họp Ban Chấp hành Đảng bộ huyện lần thứ 12',
          body: 'Thứ Hai 30/11, 08:00, Hội trường Huyện ủy',
          link: '/meetings/bench',
        },
        clock.now().toISOString(),
      ),
    );
    const committed = performance.now();
    let outageFigures: Record<string, unknown> = {};
    if (outage) {
      // A simulated minute with the relay down: every due job is tried, e-mail fails and waits.
      for (let s = 0; s <= 60; s += 5) {
        await drain();
        clock.advance(5_000);
      }
      const mailsDuringOutage = mails.length;
      sink = await smtpSink(port, mails);
      const back = performance.now();
      const backAt = clock.now().getTime();
      while ((await pending()) > 0) {
        await drain();
        if ((await pending()) > 0) clock.advance(5_000);
      }
      outageFigures = {
        outageSimulatedMs: 65_000,
        mailsDuringOutage,
        drainWallMs: Math.round(performance.now() - back),
        drainSimulatedMs: clock.now().getTime() - backAt,
      };
    } else {
      while ((await pending()) > 0) await drain();
    }
    const wallMs = performance.now() - committed;
    const jobs = await t.deps.database.db.selectFrom('jobs').select(['kind', 'status', 'attempts']).execute();
    const deliveries = await t.deps.database.db
      .selectFrom('notification_deliveries')
      .select(['channel', 'status'])
      .execute();
    const sent = (channel: string) => deliveries.filter((d) => d.channel === channel && d.status === 'sent').length;
    // Attempts after the first, over all jobs: with every job done, each one followed a failure.
    const retries = jobs.reduce((n, j) => n + Math.max(0, Number(j.attempts) - 1), 0);
    const delivered = mails.length + provider.requestIds.length;
    return {
      engine: kind,
      recipients: users.length,
      emailsReceived: mails.length,
      smsReceived: provider.requestIds.length,
      emailDuplicates: duplicates(mails),
      smsDuplicates: duplicates(provider.requestIds),
      lost: 2 * users.length - (new Set(mails).size + new Set(provider.requestIds).size),
      deliveriesSent: { email: sent('email'), sms: sent('sms') },
      deadJobs: jobs.filter((j) => j.status === 'dead').length,
      ...(outage ? { retries, ...outageFigures } : {}),
      wallMs: Math.round(wallMs),
      deliveriesPerSecond: Math.round(delivered / (wallMs / 1000)),
    };
  } finally {
    await runner.stop();
    channels.close();
    await sink.close();
    await provider.close();
    await t.close();
  }
}

/**
 * 1,000 messages of 100 KB over SMTP on loopback, each filed into the office's mailbox (parsed,
 * sanitized, stored with its notification in one transaction) before the sender is answered.
 */
async function inboundFigures(engine: DatabaseKind) {
  const t = await createTestApp(engine, { env: { MAIL_DOMAIN: DOMAIN } });
  const office = await makeOrganization(t, { name: 'Văn phòng Huyện ủy', abbreviation: 'VP', code: 'vanphong' });
  await t.services.mailbox.transport.accepts(`vanphong@${DOMAIN}`);
  const box = await t.deps.database.db
    .selectFrom('mailboxes')
    .select(['id', 'address'])
    .where('owner_id', '=', office.id)
    .executeTakeFirstOrThrow();
  let refusedInProduct = 0;
  const listener = await createSmtpListener({
    host: '127.0.0.1',
    port: 0,
    domain: DOMAIN,
    maxBytes: 1 << 20,
    acceptRecipient: (a) => t.services.mailbox.transport.accepts(a),
    onMessage: async (m) => {
      const r = await t.services.mailbox.transport.receive(m);
      if (r.items !== 1) refusedInProduct++;
    },
  });
  const sender = createMailSender({
    host: '127.0.0.1',
    port: listener.port,
    secure: false,
    from: 'Tỉnh ủy Hà Giang <vanthu@tinhuy.vn>',
    timeoutMs: 10_000,
    maxConnections: 4,
  });
  // 100 KB of plain lines, like a long circular pasted into the body.
  const line = `${'Văn bản hướng dẫn triển khai nghị quyết của Tỉnh ủy. '.padEnd(75, '.')}\n`;
  const text = line.repeat(Math.ceil(INBOUND_BYTES / Buffer.byteLength(line))).slice(0, INBOUND_BYTES);
  try {
    const started = performance.now();
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < INBOUND_MESSAGES) {
        const i = next++;
        try {
          await sender.send({
            messageId: `<inbound-${i}@tinhuy.vn>`,
            to: [box.address],
            subject: `Công văn số ${i + 1}-CV/TU`,
            text,
          });
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const ms = performance.now() - started;
    const db = t.deps.database.db;
    const filed = await db
      .selectFrom('mail_items as i')
      .innerJoin('mail_messages as m', 'm.id', 'i.message_id')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('m.message_id').distinct().as('ids')])
      .where('i.mailbox_id', '=', box.id)
      .executeTakeFirstOrThrow();
    return {
      messages: INBOUND_MESSAGES,
      messageBytes: INBOUND_BYTES,
      filed: Number(filed.n),
      distinctMessageIds: Number(filed.ids),
      sendFailures: failed,
      refusedInProduct,
      lost: INBOUND_MESSAGES - Number(filed.ids),
      wallMs: Math.round(ms),
      messagesPerSecond: Math.round(INBOUND_MESSAGES / (ms / 1000)),
    };
  } finally {
    sender.close();
    await listener.close();
    await t.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const only = process.env.BENCH_PART;
  const figures: Record<string, unknown> = { bench: 'notify' };
  const engines = ENGINES.filter((e) => e !== 'postgres' || process.env.TEST_DATABASE_URL);
  if (!only || only === 'event') {
    for (const engine of engines) {
      const f = await eventFigures(engine as DatabaseKind, false);
      figures[`event_${engine}`] = f;
      console.log(`event to ${RECIPIENTS} recipients by e-mail and SMS, ${engine}:`, f);
    }
  }
  if (!only || only === 'inbound') {
    for (const engine of engines) {
      const f = await inboundFigures(engine as DatabaseKind);
      figures[`inbound_${engine}`] = f;
      console.log(`${INBOUND_MESSAGES} incoming messages of 100 KB over SMTP, filed into a mailbox, ${engine}:`, f);
    }
  }
  if (!only || only === 'outage') {
    for (const engine of engines) {
      const f = await eventFigures(engine as DatabaseKind, true);
      figures[`outage_${engine}`] = f;
      console.log(`relay down for a minute, then back, ${engine}:`, f);
    }
  }
  return figures;
}
