import type { Transaction } from 'kysely';
import type { AuditKey } from './audit/audit-key';
import { type AuditActor, type AuditEntry, appendAudit } from './audit/audit-log';
import type { Clock } from './clock';
import type { Database } from './db/database';
import type { DB } from './db/schema';

/** What a service gets inside a transaction: the executor and the audit trail bound to it. */
export interface UnitOfWork {
  trx: Transaction<DB>;
  audit(actor: AuditActor, entry: AuditEntry): Promise<void>;
}

export type Transactor = <T>(work: (uow: UnitOfWork) => Promise<T>) => Promise<T>;

/**
 * Opens the transaction services run in. The audit entry is written through
 * the same transaction, so a change and its record commit or vanish together.
 */
export function createTransactor(database: Database, clock: Clock, key: AuditKey): Transactor {
  const ctx = { kind: database.kind, clock, key };
  return (work) =>
    database.db.transaction().execute((trx) =>
      work({
        trx,
        audit: async (actor, entry) => {
          await appendAudit(trx, ctx, actor, entry);
        },
      }),
    );
}
