import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import { auditPolicy } from './modules/audit/audit.policy';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { createAuditService } from './modules/audit/audit.service';
import { createDemoConfigView } from './modules/demo/demo.service';
import { createDirectoryModule, directoryPolicies } from './modules/directory/directory.module';
import { documentEventKinds } from './modules/documents/documents.contract';
import { createDocumentsModule, documentPolicies } from './modules/documents/documents.module';
import { createExchangeModule, exchangePolicy } from './modules/exchange/exchange.module';
import { peersPolicy } from './modules/exchange/peers.policy';
import { registerPeersRoutes } from './modules/exchange/peers.routes';
import { createPeersService } from './modules/exchange/peers.service';
import { registerFilesRoutes } from './modules/files/files.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerAuthRoutes, SESSION_COOKIE } from './modules/identity/auth.routes';
import { createAuthService } from './modules/identity/auth.service';
import { passwordChangeRequired } from './modules/identity/identity.errors';
import { userPolicy } from './modules/identity/identity.policy';
import { registerUsersRoutes } from './modules/identity/users.routes';
import { createUsersService } from './modules/identity/users.service';
import { createInspectionModule, inspectionPolicies } from './modules/inspection/inspection.module';
import { jobsPolicy } from './modules/jobs/jobs.policy';
import { registerJobsRoutes } from './modules/jobs/jobs.routes';
import { createJobsService } from './modules/jobs/jobs.service';
import { mailboxEventKinds } from './modules/mailbox/mailbox.contract';
import { createMailboxModule, createOfficialMailbox } from './modules/mailbox/mailbox.module';
import { mailboxPolicy } from './modules/mailbox/mailbox.policy';
import { meetingEventKinds } from './modules/meetings/meetings.contract';
import { createMeetingsModule, meetingPolicies } from './modules/meetings/meetings.module';
import { createNotificationChannels, type NotificationChannels } from './modules/notifications/delivery.jobs';
import { createLiveNotifications } from './modules/notifications/live.service';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { subscribeToDocuments as notifyOfDocuments } from './modules/notifications/subscribers/documents.subscribers';
import { subscribeToMailbox } from './modules/notifications/subscribers/mailbox.subscribers';
import { subscribeToMeetings as notifyOfMeetings } from './modules/notifications/subscribers/meetings.subscribers';
import { subscribeToSchedules as notifyOfSchedules } from './modules/notifications/subscribers/schedules.subscribers';
import { savingsPolicy } from './modules/savings/savings.policy';
import { registerSavingsRoutes } from './modules/savings/savings.routes';
import { createSavingsService } from './modules/savings/savings.service';
import { subscribeToDocuments as countDocumentSavings } from './modules/savings/subscribers/documents.subscribers';
import { subscribeToMeetings as countMeetingSavings } from './modules/savings/subscribers/meetings.subscribers';
import { subscribeToSchedules as countScheduleSavings } from './modules/savings/subscribers/schedules.subscribers';
import { scheduleEventKinds } from './modules/schedules/schedules.contract';
import { createSchedulesModule, schedulePolicies } from './modules/schedules/schedules.module';
import { registerSearchRoutes } from './modules/search/search.routes';
import { createSearchService } from './modules/search/search.service';
import { startAuditTrail } from './platform/audit/audit-start';
import { type Clock, systemClock } from './platform/clock';
import type { Config } from './platform/config/config';
import { type Database, openDatabase } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrator';
import type { PlatformDeps } from './platform/deps';
import { createEventBus, mergeJobHandlers } from './platform/events/events';
import { createFileStore } from './platform/files/file-store';
import { type App, createHttpServer, typed } from './platform/http/http-server';
import type { JobHandler } from './platform/jobs/jobs';
import { mailSenderFromConfig } from './platform/mail/outgoing';
import { createAuthorizer } from './platform/security/authorize';
import { setPasswordHashCost } from './platform/security/password';
import { createStartup, type Startup } from './platform/startup';
import { createTransactor } from './platform/transactor';
import { VERSION } from './version';

/** What an account that must change its password may still do. */
const PASSWORD_CHANGE_ROUTES = new Set([
  '/api/auth/me',
  '/api/auth/password',
  '/api/auth/sign-out',
  '/api/auth/totp/setup',
  '/api/auth/totp/enable',
]);

export interface AppDeps {
  config: Config;
  /** An open database; when absent one is opened from the configuration. */
  database?: Database;
  clock?: Clock;
  logger?: Logger;
  /** Directory of the built web app; null serves the API alone. */
  webRoot?: string | null;
}

export interface VanPhong {
  app: App;
  deps: PlatformDeps;
  services: {
    auth: ReturnType<typeof createAuthService>;
    users: ReturnType<typeof createUsersService>;
    directory: ReturnType<typeof createDirectoryModule>['service'];
    documents: ReturnType<typeof createDocumentsModule>;
    meetings: ReturnType<typeof createMeetingsModule>;
    schedules: ReturnType<typeof createSchedulesModule>;
    inspection: ReturnType<typeof createInspectionModule>;
    notifications: ReturnType<typeof createNotificationsService> & { channels: NotificationChannels };
    mailbox: ReturnType<typeof createMailboxModule>;
    exchange: ReturnType<typeof createExchangeModule>;
  };
  /** The handler of every job kind, for the job runner. */
  jobHandlers: Record<string, JobHandler>;
  /** The work done once at start after the server answers; health tells when it is done. */
  startup: Startup;
  close(): Promise<void>;
}

export function defaultWebRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Bundled: dist/server/main.mjs beside dist/web. From source (tests): server/ beside dist/.
  const bundled = path.basename(here) === 'server' && path.basename(path.dirname(here)) === 'dist';
  return path.resolve(here, bundled ? '../web' : '../dist/web');
}

/** The composition root: every module wired to the platform, once. */
export async function createApp(input: AppDeps): Promise<VanPhong> {
  const { config } = input;
  const logger = input.logger ?? pino({ level: config.logLevel });
  const database =
    input.database ??
    openDatabase(config.database.kind === 'sqlite' ? config.database : { kind: 'postgres', url: config.database.url });
  const clock = input.clock ?? systemClock;
  setPasswordHashCost(config.passwordHashCost);
  await migrateToLatest(database.db as unknown as Kysely<unknown>, { kind: database.kind });
  const auditKey = await startAuditTrail(database, config.audit, clock, (message) => {
    logger.warn(message);
    process.stderr.write(`\n  ${message.replace(/\n/g, '\n  ')}\n\n`);
  });

  const authorizer = createAuthorizer(
    Object.fromEntries([
      userPolicy,
      auditPolicy,
      savingsPolicy,
      jobsPolicy,
      peersPolicy,
      mailboxPolicy,
      exchangePolicy,
      ...meetingPolicies,
      ...schedulePolicies,
      ...directoryPolicies,
      ...documentPolicies,
      ...inspectionPolicies,
    ]),
  );
  const deps: PlatformDeps = {
    config,
    database,
    clock,
    transact: createTransactor(database, clock, auditKey),
    auditKey,
    authorizer,
    logger,
    files: createFileStore({ database, clock, config, logger }),
    events: createEventBus(clock),
  };
  const auth = createAuthService(deps);
  const users = createUsersService(deps);
  const directory = createDirectoryModule(deps);
  // A dispatched document reaches outside addresses through the mailboxes, which register
  // letters as documents: the documents get the mailboxes' official mail, made first.
  const documents = createDocumentsModule(deps, createOfficialMailbox(deps));
  // One pool of connections to the relay, for notifications and the mailboxes alike.
  const mailSender = mailSenderFromConfig(config);
  const mailbox = createMailboxModule(deps, documents.incoming, mailSender, documents.outsideDelivered);
  const meetings = createMeetingsModule(deps, documents, mailbox);
  // Each person's calendar feed holds their schedule items plus the events of these sources.
  const schedules = createSchedulesModule(deps, { calendarSources: [meetings.lists.calendarEvents] });
  const inspection = createInspectionModule(deps, documents.documents);
  // Documents to and from offices outside the deployment, as edXML.
  const exchange = createExchangeModule(deps, documents, directory.service);
  const notifications = {
    ...createNotificationsService(deps),
    channels: createNotificationChannels(deps, { mail: mailSender }),
  };
  const live = createLiveNotifications(database);
  const savings = createSavingsService(deps);
  notifyOfDocuments(deps.events);
  countDocumentSavings(deps.events);
  // What the modules' events set off: the news in the app, the paper saved.
  notifyOfMeetings(deps.events);
  notifyOfSchedules(deps.events);
  countMeetingSavings(deps.events);
  countScheduleSavings(deps.events);
  subscribeToMailbox(deps.events);

  const app = await createHttpServer({
    logLevel: config.logLevel,
    bodyLimitBytes: config.bodyLimitBytes,
    uploadLimitBytes: config.uploadLimitBytes,
    trustProxy: config.trustProxy,
    hsts: config.hsts,
    allowedOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : [],
    version: VERSION,
    webRoot: input.webRoot === undefined ? defaultWebRoot() : input.webRoot,
    admit: (actor, routeUrl) =>
      actor.account.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(routeUrl) ? passwordChangeRequired() : null,
    authenticate: (request) =>
      auth.authenticate(request.cookies[SESSION_COOKIE], {
        ip: request.ip,
        userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
      }),
  });

  const startup = createStartup(logger);
  registerHealthRoutes(app, deps, VERSION, startup);
  registerAuthRoutes(app, { auth, config, demoConfig: createDemoConfigView(deps) });
  registerUsersRoutes(app, users);
  registerAuditRoutes(app, createAuditService(deps));
  directory.register(app);
  documents.register(app);
  meetings.register(app);
  schedules.register(app);
  mailbox.register(app);
  inspection.register(app);
  exchange.register(app);
  registerSearchRoutes(
    app,
    createSearchService({
      documents: (actor, query) => documents.documents.listDocuments(actor, query),
      mailboxes: (actor) => mailbox.reading.mailboxes(actor),
      mail: (actor, mailboxId, query) => mailbox.reading.list(actor, mailboxId, query),
      meetings: (actor, query) => meetings.lists.list(actor, query),
      people: (actor, query) => directory.service.listPeople(actor, query),
      cases: (actor, query) => inspection.cases.list(actor, query),
    }),
  );
  registerNotificationRoutes(
    app,
    notifications,
    notifications.channels,
    config.sms.provider === 'http' ? config.sms.callbackToken : null,
    live,
  );
  registerSavingsRoutes(app, savings);
  registerJobsRoutes(app, createJobsService(deps));
  registerPeersRoutes(app, createPeersService(deps));
  registerFilesRoutes(app, deps.files, { maxBytes: config.uploadLimitBytes });
  typed(app).get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true, response: { 200: z.unknown() } } },
    async () => app.swagger(),
  );

  // Every event a module emits has its subscribers, and nothing subscribes to an event no one emits.
  deps.events.assertWired([...documentEventKinds, ...meetingEventKinds, ...scheduleEventKinds, ...mailboxEventKinds]);
  const jobHandlers = mergeJobHandlers(
    notifications.channels.handlers,
    mailbox.transport.handlers,
    exchange.handlers,
    deps.events.jobHandlers(),
  );

  await app.ready();
  return {
    app,
    deps,
    services: {
      auth,
      users,
      directory: directory.service,
      documents,
      meetings,
      schedules,
      inspection,
      notifications,
      mailbox,
      exchange,
    },
    jobHandlers,
    startup,
    close: async () => {
      live.close();
      await app.close();
      mailSender?.close();
      await deps.files.close();
      if (!input.database) await database.close();
    },
  };
}
