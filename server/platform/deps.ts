import type { Logger } from 'pino';
import type { AuditKey } from './audit/audit-key';
import type { Clock } from './clock';
import type { Config } from './config/config';
import type { Database } from './db/database';
import type { EventBus } from './events/events';
import type { FileStore } from './files/file-store';
import type { Authorizer } from './security/authorize';
import type { Transactor } from './transactor';

/** What every feature module stands on; built once by the composition root. */
export interface PlatformDeps {
  config: Config;
  database: Database;
  clock: Clock;
  transact: Transactor;
  /** The audit chain's key, from configuration (never stored in the database). */
  auditKey: AuditKey;
  authorizer: Authorizer;
  logger: Logger;
  /** Files stored once by SHA-256, and the uploads waiting for a record. */
  files: FileStore;
  /** Domain events: `emit(trx, kind, payload)` in a change's transaction; modules subscribe. */
  events: EventBus;
}
