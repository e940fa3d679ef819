import v8 from 'node:v8';
import { createApp } from '../app';
import { demoCredentials, seedDemo } from '../modules/demo/demo.service';
import { writeCheckpoint } from '../platform/audit/audit-checkpoint';
import type { Config } from '../platform/config/config';
import { publicAddressWarning } from '../platform/config/public-address';
import { refreshStatisticsLogged } from '../platform/db/statistics';
import { createJobRunner, type JobRunner } from '../platform/jobs/runner';
import { createSmtpListener, type SmtpListener } from '../platform/mail/incoming';
import { printDemoLeftover, printDemoMode } from './output';

const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;
const REMINDER_INTERVAL_MS = 5 * 60_000;
/** How often the planner's statistics are looked at (only the tables that changed much are measured). */
const STATISTICS_INTERVAL_MS = 60 * 60_000;
const JOB_POLL_MS = 2000;
/** The exchange platform is first read this long after start, once the server answers. */
const PLATFORM_FIRST_POLL_MS = 5000;
const JOB_BATCH = 8;
const JOB_LEASE_MS = 5 * 60_000;

/**
 * The old generation may grow to 1.2 × what survived the last full collection before the next
 * one. V8 otherwise lets it grow to about twice (up to four times), and under load a server that
 * lives on some 45 MB held 100-130 MB of old space, mostly garbage: the registration peak fell
 * from 229-234 MB to 201-203 MB with no loss of throughput measured.
 */
const OLD_GENERATION_GROWTH_PERCENT = 20;
// The young generation's cap (`--max-semi-space-size=4`) cannot be set from here: V8 reads it
// only at start, so `npm start` and `bin/vanphong.mjs` pass it.

/** Web role: HTTP server, plus the housekeeping timer (the scheduler role of later steps) and the job runner. */
export async function serve(config: Config): Promise<void> {
  v8.setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
  const started = performance.now();
  const vanphong = await createApp({ config });
  const { app, deps, services, startup } = vanphong;
  // Start-up is under way until everything below is planned; each piece then counts on its own.
  let planned: () => void = () => {};
  startup.track('serve', new Promise<void>((resolve) => (planned = resolve)));

  if (config.demoMode) {
    const demo = await seedDemo(deps, services);
    if (demo.seeded) {
      app.log.info({ organizations: demo.organizations, people: demo.people }, 'demo organization loaded');
    }
  }
  // Tables never measured, or much changed since, are measured before the first request: a
  // planner without statistics can pick an index that reads a whole organization per check.
  await refreshStatisticsLogged(deps.database, 'start', app.log);
  const statistics = setInterval(
    () => void refreshStatisticsLogged(deps.database, 'periodic', app.log),
    STATISTICS_INTERVAL_MS,
  );
  statistics.unref();

  const purge = setInterval(() => {
    services.auth.purgeExpiredSessions().catch((err: unknown) => app.log.error({ err }, 'session purge failed'));
  }, SESSION_PURGE_INTERVAL_MS);
  purge.unref();
  // Reminders (due tomorrow, overdue, a meeting tomorrow or this morning) are sent once each:
  // running often, or in several processes, repeats none.
  const remind = () =>
    Promise.all([services.documents.reminders.run(), services.meetings.reminders.run()]).catch((err: unknown) =>
      app.log.error({ err }, 'reminders failed'),
    );
  const reminders = setInterval(() => void remind(), REMINDER_INTERVAL_MS);
  reminders.unref();
  startup.after('reminders', 5000, remind);

  // The head of the audit chain leaves the database as a keyed checkpoint file: at start,
  // whenever the interval passes with the head moved, and at shutdown.
  const checkpoint = () =>
    writeCheckpoint(deps.database.db, {
      dir: config.audit.checkpointDir,
      key: deps.auditKey,
      clock: deps.clock,
      onlyIfMoved: true,
    })
      .then((result) => {
        if (result.written) app.log.info({ seq: result.checkpoint.seq, file: result.file }, 'audit checkpoint written');
        else if (result.reason === 'not_keyed')
          app.log.error('audit head is not MACed with this key: run audit verify');
      })
      .catch((err: unknown) => app.log.error({ err }, 'audit checkpoint failed'));
  await checkpoint();
  const checkpoints = setInterval(() => void checkpoint(), config.audit.checkpointIntervalMs);
  checkpoints.unref();

  let jobs: JobRunner | null = null;
  let smtp: SmtpListener | null = null;
  let closing = false;

  // The exchange platform is read on a schedule counted from the end of each poll, so a slow
  // platform never has two polls under way; health tells the last poll and its error.
  const platform = services.exchange.poller;
  let platformTimer: NodeJS.Timeout | null = null;
  const pollPlatform = async () => {
    if (!platform || closing) return;
    await platform.poll();
    if (closing) return;
    platformTimer = setTimeout(() => void pollPlatform(), config.exchange.pollMs);
    platformTimer.unref();
  };
  if (platform) startup.after('exchange platform', PLATFORM_FIRST_POLL_MS, pollPlatform);
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    clearInterval(purge);
    clearInterval(reminders);
    clearInterval(statistics);
    clearInterval(checkpoints);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      // Jobs in flight finish before the database closes; one cut short runs again after its lease.
      await smtp?.close();
      if (platformTimer) clearTimeout(platformTimer);
      // A message being read is stored and acknowledged before the database closes.
      await platform?.idle();
      await jobs?.stop();
      await checkpoint();
      await vanphong.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Every organization and person has a mailbox before the first request, so the first
  // invitation or message does not have to make them.
  await services.mailbox.ensure();
  await app.listen({ port: config.port, host: config.host });
  jobs = createJobRunner({
    deps,
    // One handler per job kind: the notification channels (e-mail, SMS) and mail to outside addresses.
    handlers: vanphong.jobHandlers,
    pollMs: JOB_POLL_MS,
    batch: JOB_BATCH,
    lockMs: JOB_LEASE_MS,
  });
  startup.track('jobs', jobs.start());
  startup.track('exchange-spool', services.exchange.sweepSpool());
  startup.track('staged-files', deps.files.sweepStaged(Date.now()));
  if (config.mail.listen) {
    // Mail for the office's domain, filed into its mailboxes before the sender is answered.
    smtp = await createSmtpListener({
      host: config.mail.listen.host,
      port: config.mail.listen.port,
      domain: config.mail.domain,
      maxBytes: config.mail.maxBytes,
      acceptRecipient: (address) => services.mailbox.transport.accepts(address),
      onMessage: async (message) => {
        await services.mailbox.transport.receive(message);
      },
    });
    app.log.info({ host: smtp.host, port: smtp.port, domain: config.mail.domain }, 'SMTP listener started');
  }
  // No PDF is made at start to warm the renderer: pdfkit and the fonts would then stay resident
  // (13-15 MB) in every server, most of which never makes a PDF; the first invitation of a
  // process takes about half a second longer instead.
  const insecure = publicAddressWarning(config.publicUrl);
  if (insecure) app.log.warn({ publicUrl: config.publicUrl }, insecure);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const localUrl = `http://localhost:${port}`;
  const url = config.publicUrl ?? localUrl;
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    [
      '',
      `  VanPhong đã sẵn sàng sau ${ms} ms: ${url}`,
      `  Cơ sở dữ liệu: ${deps.database.kind === 'sqlite' ? `SQLite (${config.database.kind === 'sqlite' ? config.database.file : ''})` : 'PostgreSQL'}`,
      ...(config.demoMode ? [] : ['  Đăng nhập bằng tài khoản do quản trị viên cấp (tạo bằng: vanphong user create).']),
      '',
    ].join('\n'),
  );
  // Said at every start, in the terminal only the operator sees: never in the JSON log.
  const demo = await demoCredentials(deps);
  if (config.demoMode) printDemoMode(demo, localUrl);
  else if (demo.accounts.length > 0) printDemoLeftover(demo.accounts);
  planned();
  void startup.done().then(() => app.log.info({ ms: Math.round(performance.now() - started) }, 'start-up work done'));
}
