import path from 'node:path';
import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import type { JobHandler } from '../../platform/jobs/jobs';
import type { DocumentsModule } from '../documents/documents.contract';
import { registerExchangeRoutes } from './exchange.routes';
import { createExchangeService } from './exchange.service';
import { createInbound } from './inbound.service';
import { createOutbound, SEND_JOB } from './outbound.service';
import type { OutsideDirectory } from './package-intake.service';
import { createPlatformTransport, type PlatformTransport } from './platform.transport';
import { createPlatformPoller } from './poller.service';
import { sweepSpool } from './spool.service';
import { subscribeToDocuments } from './subscribers/documents.subscribers';

export { exchangePolicy } from './exchange.policy';

/**
 * The exchange with offices outside the deployment: edXML packages and status messages to and
 * from peer VanPhong deployments (signed HTTPS) and the provincial or national exchange platform
 * (its REST API, polled); files brought by hand; the exchange's health.
 */
export function createExchangeModule(
  deps: PlatformDeps,
  documents: Pick<DocumentsModule, 'crossing' | 'deliveries'>,
  directory: OutsideDirectory,
  options: { platform?: PlatformTransport | null } = {},
) {
  const settings = deps.config.exchange;
  const platform =
    options.platform !== undefined
      ? options.platform
      : settings.platform
        ? createPlatformTransport({
            baseUrl: settings.platform.url,
            clientId: settings.platform.clientId,
            clientSecret: settings.platform.clientSecret,
          })
        : null;
  const outbound = createOutbound(deps, documents.crossing, platform);
  const inbound = createInbound(deps, documents.crossing, outbound, directory);
  const poller = platform ? createPlatformPoller(deps, platform, inbound) : null;
  const service = createExchangeService(deps, documents, inbound, outbound, poller);
  subscribeToDocuments(deps.events, outbound);
  return {
    service,
    inbound,
    outbound,
    /** Reads the platform on the server's schedule; null without a platform. */
    poller,
    handlers: { [SEND_JOB]: outbound.send } as Record<string, JobHandler>,
    /** Once at start: the spooled messages a killed process left behind are removed. */
    sweepSpool: () => sweepSpool(path.join(deps.config.dataDir, 'tmp', 'exchange'), Date.now()),
    register: (app: App) => registerExchangeRoutes(app, service, inbound, { maxBytes: settings.maxBytes }),
  };
}

export type ExchangeModule = ReturnType<typeof createExchangeModule>;
