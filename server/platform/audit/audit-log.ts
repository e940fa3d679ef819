import { createHash } from 'node:crypto';
import { foldVietnamese } from '../../../common/text/fold';
import type { Clock } from '../clock';
import type { DatabaseKind, Executor } from '../db/database';
import type { AuditEventsTable } from '../db/schema';
import { newId } from '../ids';

/** Who did it and from where; every service call carries one. */
export interface AuditActor {
  userId: string | null;
  name: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  data?: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers, in a fixed order, so the chain can be recomputed anywhere. */
export function hashAuditEvent(row: Omit<AuditEventsTable, 'hash' | 'search_text'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.occurred_at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.entity_type,
    row.entity_id,
    row.summary,
    row.ip,
    row.user_agent,
    row.data,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends to the hash-chained trail inside the caller's transaction, so the
 * entry exists exactly when the change it records does. The head row is
 * locked on PostgreSQL; SQLite runs one writer at a time already.
 */
export async function appendAudit(
  trx: Executor,
  kind: DatabaseKind,
  clock: Clock,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .$if(kind === 'postgres', (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  const row = {
    seq: Number(head.seq) + 1,
    id: newId(),
    occurred_at: clock.now().toISOString(),
    actor_id: actor.userId,
    actor_name: actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    summary: entry.summary.slice(0, 1000),
    ip: actor.ip,
    user_agent: actor.userAgent?.slice(0, 300) ?? null,
    data: entry.data ? JSON.stringify(entry.data) : null,
    prev_hash: head.hash,
  };
  const hash = hashAuditEvent(row);
  const searchText = foldVietnamese(`${row.summary} ${row.actor_name ?? ''} ${row.action}`).slice(0, 2000);
  await trx
    .insertInto('audit_events')
    .values({ ...row, hash, search_text: searchText })
    .execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
}

export interface AuditProblem {
  seq: number;
  kind: 'altered' | 'broken_link' | 'missing' | 'head_mismatch';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

/**
 * Walks the whole chain in sequence order, in pages, recomputing each hash.
 * An edited entry fails its own hash; a deleted one leaves a gap in the
 * sequence and a link that no longer matches; a deleted tail no longer
 * reaches the head.
 */
export async function verifyAuditChain(db: Executor, pageSize = 2000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq) };
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          kind: 'missing',
          message: `Thiếu bản ghi số ${expectedSeq}${row.seq - expectedSeq > 1 ? ` đến ${row.seq - 1}` : ''}.`,
        });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({
          seq: row.seq,
          kind: 'broken_link',
          message: `Bản ghi số ${row.seq} không nối với bản ghi trước.`,
        });
      }
      if (hashAuditEvent(row) !== row.hash) {
        problems.push({ seq: row.seq, kind: 'altered', message: `Bản ghi số ${row.seq} đã bị sửa sau khi ghi.` });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
    problems.push({
      seq: Number(head.seq),
      kind: 'head_mismatch',
      message: `Chuỗi kết thúc ở bản ghi số ${expectedSeq - 1} nhưng đầu chuỗi ghi số ${head.seq}: bản ghi cuối đã bị xóa hoặc sửa.`,
    });
  }
  return { ok: problems.length === 0, checked, problems };
}
