import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditAction, AuditEntityType } from '../../../common/audit-labels';
import { canonicalText } from '../../../common/text/canonical';
import { foldVietnamese } from '../../../common/text/fold';
import type { Clock } from '../clock';
import type { DatabaseKind, Executor } from '../db/database';
import { preparedInsert, preparedQuery } from '../db/prepared';
import type { AuditEventsTable } from '../db/schema';
import { newId } from '../ids';
import type { AuditKey } from './audit-key';

/** Who did it and from where; every service call carries one. */
export interface AuditActor {
  userId: string | null;
  name: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  summary: string;
  data?: Record<string, unknown> | null;
}

/** What appending needs besides the transaction: the engine, the time and the chain's key. */
export interface AuditContext {
  kind: DatabaseKind;
  clock: Clock;
  key: AuditKey;
}

export type AuditRow = Omit<AuditEventsTable, 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

/** The action of the keyed entry that vouches for the unkeyed entries written before the key. */
export const SEAL_ACTION = 'audit.sealed' satisfies AuditAction;

/**
 * The unkeyed SHA-256 of entries written before the chain had a key (their `key_id` is
 * null). Kept only to verify those entries; anyone can recompute it, so such entries are
 * trusted only up to the keyed seal that follows them.
 */
export function legacyAuditJson(row: Omit<AuditRow, 'search_text' | 'key_id'>): string {
  return JSON.stringify([
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
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function legacyAuditHash(row: Omit<AuditRow, 'search_text' | 'key_id'>): string {
  return sha256Hex(legacyAuditJson(row));
}

/**
 * HMAC-SHA256 with the chain's key over every stored field, `search_text` and the key's
 * id included, and the previous entry's MAC: without the key no entry can be changed,
 * added, hidden from search or re-chained without `verify` seeing it.
 */
export function keyedAuditMac(key: AuditKey, row: AuditRow): string {
  return key.mac(
    JSON.stringify([
      'vanphong-audit/2',
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
      row.search_text,
      row.key_id,
      row.prev_hash,
    ]),
  );
}

/** Canonical text cut to a column's length without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  const canonical = canonicalText(text);
  if (canonical.length <= max) return canonical;
  const code = canonical.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return canonicalText(canonical.slice(0, end));
}

const clipOrNull = (text: string | null, max: number) => (text === null ? null : clip(text, max));

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'string') return canonicalText(value);
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [canonicalText(k), canonicalValue(v)]));
  }
  return value;
}

/** The data as JSON whose every string (keys too) is canonical, so it reads back as written. */
export function canonicalData(data: Record<string, unknown> | null | undefined): string | null {
  if (!data) return null;
  return JSON.stringify(canonicalValue(JSON.parse(JSON.stringify(data))));
}

export function auditSearchText(row: Pick<AuditRow, 'summary' | 'actor_name' | 'action'>): string {
  return clip(foldVietnamese(`${row.summary} ${row.actor_name ?? ''} ${row.action}`), 2000);
}

/** The chain's last entry: its sequence number and MAC. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * Locks and reads the chain's head (PostgreSQL), as columns `audit_seq` and `audit_hash`: for a
 * statement that runs anyway just before the entry is written to read it too, sparing a round
 * trip while the head is locked. Its row goes to `UnitOfWork.auditHeadLocked`.
 */
export const lockAuditHead = sql<{
  audit_seq: number;
  audit_hash: string;
}>`select seq as audit_seq, hash as audit_hash from audit_head where id = 1 for update`;

/** Reads the head, locked on PostgreSQL; SQLite runs one writer at a time already. */
export async function readAuditHead(trx: Executor, kind: DatabaseKind): Promise<AuditHead> {
  const [head] = await (kind === 'postgres' ? headForUpdate : headQuery)(trx);
  if (!head) throw new Error('readAuditHead: no audit head');
  return { seq: Number(head.seq), hash: head.hash };
}

// Compiled once: every audited transaction reads the head and writes an entry.
const headQuery = preparedQuery(0, (ex) => ex.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1));
const headForUpdate = preparedQuery(0, (ex) =>
  ex.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate(),
);
const insertEntry = preparedInsert('audit_events');
const moveHead = preparedQuery(2, (ex, seq: number, hash: string) =>
  ex.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1),
);

/**
 * The entry that follows `head`, as stored, MAC included. Every text is made canonical first,
 * so what is MACed is byte for byte what either engine stores.
 */
export function nextAuditRow(
  ctx: AuditContext,
  head: AuditHead,
  actor: AuditActor,
  entry: AuditEntry,
): AuditRow & { hash: string } {
  const fields = {
    seq: head.seq + 1,
    id: newId(),
    occurred_at: ctx.clock.now().toISOString(),
    actor_id: clipOrNull(actor.userId, 64),
    actor_name: clipOrNull(actor.name, 200),
    action: clip(entry.action, 80),
    entity_type: clip(entry.entityType, 40),
    entity_id: clipOrNull(entry.entityId, 64),
    summary: clip(entry.summary, 1000),
    ip: clipOrNull(actor.ip, 64),
    user_agent: clipOrNull(actor.userAgent, 300),
    data: canonicalData(entry.data),
    prev_hash: head.hash,
    key_id: ctx.key.id,
  };
  const row: AuditRow = { ...fields, search_text: auditSearchText(fields) };
  return { ...row, hash: keyedAuditMac(ctx.key, row) };
}

/** PostgreSQL: the entry and the head's move as one statement (SQLite has no INSERT inside WITH). */
export function writeAuditWithHead(trx: Executor, stored: AuditRow & { hash: string }) {
  return trx
    .with('entry', (db) => db.insertInto('audit_events').values(stored))
    .updateTable('audit_head')
    .set({ seq: stored.seq, hash: stored.hash })
    .where('id', '=', 1);
}

/**
 * Appends to the keyed chain inside the caller's transaction, so the entry exists exactly
 * when the change it records does. The head row is locked on PostgreSQL until commit.
 */
export async function appendAudit(
  trx: Executor,
  ctx: AuditContext,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<AuditHead> {
  const stored = nextAuditRow(ctx, await readAuditHead(trx, ctx.kind), actor, entry);
  if (ctx.kind === 'postgres') {
    // One statement, so the locked head waits one round trip fewer.
    await writeAuditWithHead(trx, stored).execute();
  } else {
    await insertEntry(trx, stored);
    await moveHead(trx, stored.seq, stored.hash);
  }
  return { seq: stored.seq, hash: stored.hash };
}

/** The digest of the unkeyed entries' search text, which their own hash never covered. */
export function createSearchDigest() {
  const hash = createHash('sha256');
  return {
    add(seq: number, searchText: string) {
      hash.update(`${JSON.stringify([seq, searchText])}\n`);
    },
    hex: () => hash.digest('hex'),
  };
}

export interface SealData {
  legacyThrough: number;
  legacyHead: string;
  searchDigest: string;
}

/**
 * The first start with a key, on a trail written before keys: one keyed entry that names
 * the last unkeyed entry, its hash and a digest of the unkeyed entries' search text. From
 * then on the key vouches for them; an unkeyed entry after it is reported by `verify`.
 * Never sealed twice: once a keyed entry exists (or, per `keyedBefore`, once checkpoints of a
 * keyed chain exist), a trail of unkeyed entries is a forgery to report, not to vouch for.
 */
export async function sealAuditChain(
  db: Executor,
  ctx: AuditContext,
  keyedBefore: boolean,
): Promise<{ sealed: boolean; legacyThrough: number }> {
  const legacy = await db
    .selectFrom('audit_events')
    .select((eb) => [eb.fn.max('seq').as('last'), eb.fn.count<number>('key_id').as('keyed')])
    .executeTakeFirstOrThrow();
  const last = legacy.last === null ? 0 : Number(legacy.last);
  if (last === 0 || Number(legacy.keyed) > 0 || keyedBefore) return { sealed: false, legacyThrough: 0 };
  const digest = createSearchDigest();
  for (let from = 1; ; ) {
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'search_text'])
      .where('seq', '>=', from)
      .orderBy('seq')
      .limit(2000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) digest.add(Number(r.seq), r.search_text);
    from = Number(rows[rows.length - 1]?.seq) + 1;
  }
  const sealed = await (db.isTransaction ? runSeal(db) : db.transaction().execute(runSeal));
  return { sealed, legacyThrough: last };

  async function runSeal(trx: Executor): Promise<boolean> {
    const head = await trx
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .$if(ctx.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    // Someone wrote meanwhile (another process sealing first): leave it to them.
    if (Number(head.seq) !== last) return false;
    const data: SealData = { legacyThrough: last, legacyHead: head.hash, searchDigest: digest.hex() };
    await appendAudit(
      trx,
      ctx,
      { userId: null, name: 'Hệ thống', ip: null, userAgent: null },
      {
        action: SEAL_ACTION,
        entityType: 'audit',
        entityId: null,
        summary: `Niêm phong nhật ký bằng khóa: bản ghi số 1 đến ${last} ghi trước khi có khóa được xác nhận đến đây`,
        data: { ...data },
      },
    );
    return true;
  }
}

/**
 * The key given must be the one the trail is keyed with: a second process or a restored
 * server with a fresh key would otherwise fork the chain into entries no one can verify.
 */
export async function keyOfTrail(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('audit_events')
    .select('key_id')
    .where('key_id', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.key_id ?? null;
}
