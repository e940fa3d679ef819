import { sql } from 'kysely';
import { lockAuditHead } from '../../platform/audit/audit-log';
import type { DatabaseKind, Executor } from '../../platform/db/database';
import { preparedInsert, preparedQuery } from '../../platform/db/prepared';
import { randomHex } from '../../platform/ids';
import type { DocumentEventsTable, RegistersTable } from './documents.tables';

export type RegisterRow = RegistersTable & { organization_name: string; organization_path: string };

const columns = [
  'registers.id',
  'registers.organization_id',
  'registers.direction',
  'registers.secret',
  'registers.name',
  'registers.style',
  'registers.reset',
  'registers.per_type',
  'registers.term_label',
  'registers.issuer_abbreviation',
  'registers.type_codes',
  'registers.active',
  'registers.version',
  'registers.created_at',
  'registers.updated_at',
  'organizations.name as organization_name',
  'organizations.path as organization_path',
] as const;

const base = (ex: Executor) =>
  ex
    .selectFrom('registers')
    .innerJoin('organizations', 'organizations.id', 'registers.organization_id')
    .select(columns);

// Compiled once: a registration reads its register first.
const registerQuery = preparedQuery(1, (ex, id: string) => base(ex).where('registers.id', '=', id));

export async function findRegister(ex: Executor, id: string): Promise<RegisterRow | undefined> {
  return (await registerQuery(ex, id))[0];
}

/** Registers of the organizations under any of `paths` (materialized path prefixes). */
export async function registersUnder(ex: Executor, paths: readonly string[]): Promise<RegisterRow[]> {
  if (paths.length === 0) return [];
  return base(ex)
    .where((eb) => eb.or(paths.map((p) => eb('organizations.path', 'like', `${p}%`))))
    .orderBy('organizations.path')
    .orderBy('registers.direction')
    .orderBy('registers.secret')
    .orderBy('registers.name')
    .execute();
}

export async function insertRegister(ex: Executor, row: RegistersTable): Promise<void> {
  await ex.insertInto('registers').values(row).execute();
}

export async function registerNameExists(ex: Executor, organizationId: string, name: string, exceptId?: string) {
  let q = ex
    .selectFrom('registers')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function hasIssuedNumbers(ex: Executor, registerId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('register_counters')
    .select('register_id')
    .where('register_id', '=', registerId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** An organization's path, for the registers' rights. */
export async function findOrganization(ex: Executor, id: string) {
  return ex.selectFrom('organizations').select('path').where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the next number of a series inside the caller's transaction. One statement
 * increments (or starts) the counter and returns it; the row stays locked until the
 * transaction ends, so concurrent registrations, in this process or another sharing the
 * database, queue on it. A rolled-back registration gives its number back: no gaps.
 */
export async function takeNumber(trx: Executor, registerId: string, period: string, typeCode: string): Promise<number> {
  const row = (await takeNumberQuery(trx, registerId, period, typeCode))[0];
  if (!row) throw new Error('takeNumber: the counter returned no number');
  return Number(row.last_number);
}

const takeNumberQuery = preparedQuery(3, (ex, registerId: string, period: string, typeCode: string) =>
  ex
    .insertInto('register_counters')
    .values({ register_id: registerId, period, type_code: typeCode, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['register_id', 'period', 'type_code'])
        .doUpdateSet({ last_number: sql<number>`register_counters.last_number + 1` }),
    )
    .returning('last_number'),
);

/** The number a register's counter would give next, read without holding it: a guess another may beat. */
export async function peekNextNumber(ex: Executor, registerId: string, period: string, typeCode: string) {
  const row = await ex
    .selectFrom('register_counters')
    .select('last_number')
    .where('register_id', '=', registerId)
    .where('period', '=', period)
    .where('type_code', '=', typeCode)
    .executeTakeFirst();
  return Number(row?.last_number ?? 0) + 1;
}

/** A fresh `placeholder` for `numberArrival`: lower-case letters and digits, kept whole as a search word. */
export const numberPlaceholder = () => `so${randomHex(8)}`;

export interface ArrivalNumbering {
  registerId: string;
  period: string;
  documentId: string;
  /** The document's search words, with `placeholder` where the arrival number goes (or nowhere). */
  searchTemplate: string;
  /** Words no text holds (a random token), replaced by the number once it is taken. */
  placeholder: string;
  /** Steps of documents' histories that tell the number: `placeholder` in their notes. */
  steps: (DocumentEventsTable & { note: string })[];
}

export interface ArrivalNumbered {
  number: number;
  /** The audit chain's head, locked and read by the same statement (PostgreSQL), for `auditHeadLocked`. */
  auditHead: { audit_seq: number; audit_hash: string } | null;
}

/**
 * Takes the next arrival number (as `takeNumber`) and writes it into the document already
 * inserted in this transaction and into the steps that tell it. On PostgreSQL this is one
 * statement, which also locks and reads the audit chain's head for the entry that follows:
 * the counter row and the head, which every registration in every process queues on, are
 * then held only until the entry goes with the COMMIT, one round trip later.
 */
export async function numberArrival(trx: Executor, kind: DatabaseKind, a: ArrivalNumbering): Promise<ArrivalNumbered> {
  if (a.steps.length === 0) throw new Error('numberArrival: no step tells the number');
  if (kind === 'postgres') {
    const steps = sql.join(
      a.steps.map(
        (s) =>
          sql`(${s.id}::text, ${s.document_id}::text, ${s.at}::text, ${s.actor_id}::text, ${s.actor_name}::text, ${s.kind}::text, ${s.note}::text, ${s.data}::text)`,
      ),
    );
    const { rows } = await sql<{ last_number: number; audit_seq: number; audit_hash: string }>`
      with n as (
        insert into register_counters (register_id, period, type_code, last_number)
        values (${a.registerId}, ${a.period}, '', 1)
        on conflict (register_id, period, type_code)
        do update set last_number = register_counters.last_number + 1
        returning last_number
      ), numbered as (
        update documents
        set period = ${a.period}, arrival_number = n.last_number,
            search_text = replace(${a.searchTemplate}::text, ${a.placeholder}::text, n.last_number::text)
        from n where documents.id = ${a.documentId}
      ), told as (
        insert into document_events (id, document_id, at, actor_id, actor_name, kind, note, data)
        select s.id, s.document_id, s.at, s.actor_id, s.actor_name, s.kind,
               replace(s.note, ${a.placeholder}::text, n.last_number::text), s.data
        from n, (values ${steps}) as s (id, document_id, at, actor_id, actor_name, kind, note, data)
      ), head as (${lockAuditHead})
      select last_number, audit_seq, audit_hash from n, head`.execute(trx);
    const row = rows[0];
    if (!row) throw new Error('numberArrival: the counter returned no number');
    return {
      number: Number(row.last_number),
      auditHead: { audit_seq: Number(row.audit_seq), audit_hash: row.audit_hash },
    };
  }
  const number = await takeNumber(trx, a.registerId, a.period, '');
  const told = (text: string) => text.replaceAll(a.placeholder, String(number));
  await numberDocument(trx, a.period, number, told(a.searchTemplate), a.documentId);
  if (a.steps.length === 1) {
    // The usual case, a statement compiled once.
    const [step] = a.steps as [ArrivalNumbering['steps'][number]];
    await insertEvent(trx, { ...step, note: told(step.note) });
  } else {
    await trx
      .insertInto('document_events')
      .values(a.steps.map((s) => ({ ...s, note: told(s.note) })))
      .execute();
  }
  return { number, auditHead: null };
}

const numberDocument = preparedQuery(
  4,
  (ex, period: string, arrivalNumber: number, searchText: string, documentId: string) =>
    ex
      .updateTable('documents')
      .set({ period, arrival_number: arrivalNumber, search_text: searchText })
      .where('id', '=', documentId),
);

const insertEvent = preparedInsert('document_events');
