import type { Transaction } from 'kysely';
import type { AuditKey } from './audit/audit-key';
import {
  type AuditActor,
  type AuditEntry,
  type AuditHead,
  appendAudit,
  nextAuditRow,
  readAuditHead,
  writeAuditWithHead,
} from './audit/audit-log';
import type { Clock } from './clock';
import type { Database } from './db/database';
import { atCommit } from './db/postgres-dialect';
import type { DB } from './db/schema';
import { committed } from './jobs/jobs';

/** What a service gets inside a transaction: the executor and the audit trail bound to it. */
export interface UnitOfWork {
  trx: Transaction<DB>;
  audit(actor: AuditActor, entry: AuditEntry): Promise<void>;
  /**
   * The audit chain's head, already locked and read by a statement of this transaction
   * (`lockAuditHead`, PostgreSQL), so `audit` does not ask for it again; null: it was not.
   */
  auditHeadLocked(row: { audit_seq: number | string; audit_hash: string } | null): void;
}

export type Transactor = <T>(work: (uow: UnitOfWork) => Promise<T>) => Promise<T>;

/**
 * Opens the transaction services run in. The audit entry is written through
 * the same transaction, so a change and its record commit or vanish together.
 *
 * On PostgreSQL the chain's head is locked when the first entry is made and the entries are
 * written with the COMMIT, in its round trip (`atCommit`): the head, which every audited
 * change in every process queues on, is held for two round trips, or for one beyond a
 * statement that locked it anyway. Entries of one transaction chain in memory meanwhile.
 */
export function createTransactor(database: Database, clock: Clock, key: AuditKey): Transactor {
  const ctx = { kind: database.kind, clock, key };
  /** Runs the transaction; once it committed, the jobs it queued are told to this process's runner. */
  const run = async <T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> => {
    let used: Transaction<DB> | null = null;
    const result = await database.db.transaction().execute((trx) => {
      used = trx;
      return work(trx);
    });
    if (used) committed(used);
    return result;
  };
  if (database.kind !== 'postgres') {
    return (work) =>
      run((trx) =>
        work({
          trx,
          audit: async (actor, entry) => {
            await appendAudit(trx, ctx, actor, entry);
          },
          auditHeadLocked: () => {},
        }),
      );
  }
  return (work) =>
    run((trx) => {
      let head: AuditHead | null = null;
      return work({
        trx,
        audit: async (actor, entry) => {
          head ??= await readAuditHead(trx, 'postgres');
          const stored = nextAuditRow(ctx, head, actor, entry);
          head = { seq: stored.seq, hash: stored.hash };
          await trx.executeQuery(atCommit(writeAuditWithHead(trx, stored).compile()));
        },
        auditHeadLocked: (row) => {
          if (row) head ??= { seq: Number(row.audit_seq), hash: row.audit_hash };
        },
      });
    });
}
