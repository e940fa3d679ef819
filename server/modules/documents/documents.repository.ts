import { type Expression, type SqlBool, sql, type Updateable } from 'kysely';
import { DELIVERY_STATUS } from '../../../common/documents';
import type { DocumentListQuery } from '../../../common/schemas/documents';
import { foldVietnamese } from '../../../common/text/fold';
import type { DatabaseKind, Executor } from '../../platform/db/database';
import { preparedInsert, preparedQuery } from '../../platform/db/prepared';
import { startsWith } from '../../platform/db/search';
import { deleteVersioned } from '../../platform/db/versioned';
import type { DocumentEventsTable, DocumentFilesTable, DocumentRepliesTable, DocumentsTable } from './documents.tables';
import { type Visibility, visibleTo } from './read-access.repository';

export type DocumentRow = Omit<DocumentsTable, 'seq'> & {
  organization_path: string;
  organization_name: string;
};

/** The columns a list row carries: what a list, a work queue and the register book show. */
const LISTED = [
  'id',
  'organization_id',
  'direction',
  'status',
  'register_id',
  'number',
  'number_text',
  'arrival_number',
  'arrival_date',
  'type_code',
  'issuer_name',
  'issue_date',
  'summary',
  'signer_name',
  'copies',
  'secrecy',
  'urgency',
  'due_date',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof DocumentsTable)[];

/**
 * A row of a list: only the columns it shows, selected by name. Every value read costs the
 * list (at 20 rows, making the row objects of every column took 245 µs of the page's query, the
 * ids alone 50 µs), and the search words, which hold the attachments' text, are never read.
 */
export type ListedDocumentRow = Pick<
  DocumentRow,
  (typeof LISTED)[number] | 'organization_path' | 'organization_name'
> & {
  register_name: string | null;
};

export const LISTED_COLUMNS = LISTED.map((c) => `d.${c}` as const);

/** Folded words, punctuation dropped: the same tokens on both engines (`05-NQ/HU` → `05 nq hu`). */
export function searchWords(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function searchTextOf(parts: readonly (string | number | null | undefined)[], fileTexts: readonly string[]) {
  const own = searchWords(parts.filter((p) => p !== null && p !== undefined).join(' ')).join(' ');
  const files = fileTexts.map((t) => searchWords(t).join(' ')).join(' ');
  return `${own} ${files}`.slice(0, 200_000).trim();
}

export async function insertDocument(ex: Executor, kind: DatabaseKind, row: Omit<DocumentsTable, 'seq'>) {
  // SQLite has one writer, so max + 1 inside the insert is safe; PostgreSQL takes it from a sequence.
  await (kind === 'sqlite' ? insertDocumentWithSeq : insertDocumentRow)(ex, row);
}

const insertDocumentWithSeq = preparedInsert('documents', {
  seq: sql<number>`(select coalesce(max(seq), 0) + 1 from documents)`,
});
const insertDocumentRow = preparedInsert('documents');

/** The name of the document's register, for lists that span several. */
export const registerName = () => sql<string | null>`(select r.name from registers r where r.id = d.register_id)`;

const documentColumns = (ex: Executor) =>
  ex
    .selectFrom('documents as d')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .selectAll('d')
    .select(['o.path as organization_path', 'o.name as organization_name']);

export async function findDocument(ex: Executor, id: string): Promise<DocumentRow | undefined> {
  const row = await documentColumns(ex).where('d.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { seq: _seq, ...rest } = row;
  return rest;
}

export async function findByClientKey(ex: Executor, userId: string, clientKey: string) {
  return (await clientKeyQuery(ex, userId, clientKey))[0];
}

const clientKeyQuery = preparedQuery(2, (ex, userId: string, clientKey: string) =>
  ex.selectFrom('documents').select('id').where('created_by', '=', userId).where('client_key', '=', clientKey),
);

/** The duplicate check's query, also compiled by the test of its plan (`documents_duplicate_idx`). */
export const duplicatesQuery = (ex: Executor, organizationId: string, documentKey: string) =>
  ex
    .selectFrom('documents')
    .select(['id', 'number_text', 'arrival_number'])
    .where('organization_id', '=', organizationId)
    .where('direction', '=', 'incoming')
    .where('document_key', '=', documentKey)
    .where('status', '<>', 'cancelled')
    .limit(5);

const preparedDuplicates = preparedQuery(2, duplicatesQuery);

export async function duplicatesOf(ex: Executor, organizationId: string, documentKey: string) {
  return preparedDuplicates(ex, organizationId, documentKey);
}

export async function addEvent(ex: Executor, event: DocumentEventsTable) {
  await ex.insertInto('document_events').values(event).execute();
}

export async function grantAccess(ex: Executor, documentId: string, userIds: readonly string[], reason: string) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  if (unique.length === 1) {
    // The usual case (the clerk who registers), a statement compiled once.
    await grantOne(ex, documentId, unique[0] as string, reason);
    return;
  }
  await ex
    .insertInto('document_access')
    .values(unique.map((user_id) => ({ document_id: documentId, user_id, reason })))
    .onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing())
    .execute();
}

const grantOne = preparedQuery(3, (ex, documentId: string, userId: string, reason: string) =>
  ex
    .insertInto('document_access')
    .values({ document_id: documentId, user_id: userId, reason })
    .onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing()),
);

export async function hasAccess(ex: Executor, documentId: string, userId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('document_access')
    .select('user_id')
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function assignmentsOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_assignments as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .selectAll('a')
    .select(['u.full_name as user_name', 'o.name as organization_name', 'o.path as organization_path'])
    .where('a.document_id', '=', documentId)
    .orderBy('a.assigned_at')
    .execute();
}

export async function filesOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_files as f')
    .innerJoin('blobs as b', 'b.sha256', 'f.sha256')
    .leftJoin('users as u', 'u.id', 'f.added_by')
    .select([
      'f.id',
      'f.sha256',
      'f.file_name',
      'f.kind',
      'f.added_at',
      'b.size',
      'b.content_type',
      'b.text_content',
      'u.full_name as added_by_name',
    ])
    .where('f.document_id', '=', documentId)
    .orderBy('f.added_at')
    .execute();
}

export async function eventsOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_events')
    .select(['id', 'at', 'actor_name', 'kind', 'note'])
    .where('document_id', '=', documentId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The recipients as chosen, with the relay's copy for an outside e-mail recipient once dispatched. */
export async function recipientsOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_recipients as r')
    .leftJoin('mail_outbound as m', 'm.id', 'r.mail_outbound_id')
    .selectAll('r')
    .select(['m.status as mail_status', 'm.error as mail_error', 'm.updated_at as mail_updated_at'])
    .where('r.document_id', '=', documentId)
    .execute();
}

export async function deliveriesOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_deliveries as dl')
    .innerJoin('organizations as o', 'o.id', 'dl.organization_id')
    .selectAll('dl')
    .select(['o.name as organization_name', 'o.reach'])
    .where('dl.document_id', '=', documentId)
    .orderBy('o.path')
    .execute();
}

/** The people a dispatched document was delivered to themselves, with when each opened it. */
export async function personDeliveriesOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_person_deliveries')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('name')
    .execute();
}

/** The documents linked by a reply: the one a draft answers, or the drafts answering one. */
export async function replyLinksOf(ex: Executor, documentId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('document_replies')
    .select(['outgoing_id', 'incoming_id', 'created_at'])
    .where((eb) => eb.or([eb('outgoing_id', '=', documentId), eb('incoming_id', '=', documentId)]))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => (r.outgoing_id === documentId ? r.incoming_id : r.outgoing_id));
}

/** The document this one replaces, and the ones that replace it. */
export async function replacementLinksOf(
  ex: Executor,
  documentId: string,
): Promise<{ replaces: string | null; replacedBy: string[] }> {
  const rows = await ex
    .selectFrom('document_replacements')
    .select(['document_id', 'replaces_id'])
    .where((eb) => eb.or([eb('document_id', '=', documentId), eb('replaces_id', '=', documentId)]))
    .orderBy('created_at')
    .execute();
  return {
    replaces: rows.find((r) => r.document_id === documentId)?.replaces_id ?? null,
    replacedBy: rows.filter((r) => r.replaces_id === documentId).map((r) => r.document_id),
  };
}

/** Names (or, with null, no longer names) the earlier document a draft replaces. */
export async function setReplacement(
  ex: Executor,
  documentId: string,
  replacesId: string | null,
  by: string,
  at: string,
): Promise<void> {
  await ex.deleteFrom('document_replacements').where('document_id', '=', documentId).execute();
  if (replacesId)
    await ex
      .insertInto('document_replacements')
      .values({ document_id: documentId, replaces_id: replacesId, created_by: by, created_at: at })
      .execute();
}

/**
 * Which words match as prefixes: at most the last one, which the person may still be typing,
 * and never a number (a number is looked for whole: `12` should not find 120 to 129999).
 */
function terms(words: readonly string[], prefixLast: boolean) {
  return words.map((w, i) => ({
    word: w,
    prefix: prefixLast && i === words.length - 1 && !/^\d+$/.test(w),
  }));
}

/** An FTS5 query: every word, quoted; the last one as a prefix when asked. */
export function ftsQuery(words: readonly string[], prefixLast: boolean): string {
  return terms(words, prefixLast)
    .map((t) => `"${t.word}"${t.prefix ? '*' : ''}`)
    .join(' ');
}

/** The PostgreSQL counterpart, over the stored `search_vector` (`to_tsvector('simple', search_text)`). */
export function searchCondition(words: readonly string[], prefixLast: boolean): Expression<SqlBool> {
  const query = terms(words, prefixLast)
    .map((t) => `${t.word}${t.prefix ? ':*' : ''}`)
    .join(' & ');
  return sql<SqlBool>`d.search_vector @@ to_tsquery('simple', ${query})`;
}

/** Lists count up to 5,000 documents; a search up to 1,000 (it is refined, not paged through). */
export const COUNT_CAP = 5000;
export const SEARCH_COUNT_CAP = 1000;

const plain = (ex: Executor) => ex.selectFrom('documents as d');

/** Runs `work` in a transaction (or the caller's) planned as a newest-first walk (PostgreSQL). */
async function withoutBitmap<T>(ex: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  const run = async (trx: Executor) => {
    // Only the walk along the seq index remains: no bitmap, no full scan, no sort.
    await sql`set local enable_bitmapscan = off`.execute(trx);
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_sort = off`.execute(trx);
    // The switched-off plans read as enormous costs, which would otherwise start the JIT compiler.
    await sql`set local jit = off`.execute(trx);
    return work(trx);
  };
  return ex.isTransaction ? run(ex) : ex.transaction().execute(run);
}

export async function listDocuments(
  ex: Executor,
  kind: DatabaseKind,
  visibility: Visibility,
  query: DocumentListQuery,
  today: string,
) {
  const words = [...searchWords(query.q ?? ''), ...searchWords(query.issuer ?? '')].slice(0, 12);
  const whole = await listMatching(ex, kind, visibility, query, today, words, false);
  const last = words.at(-1);
  if (!last || /^\d+$/.test(last) || whole.total >= query.pageSize) return whole;
  return listMatching(ex, kind, visibility, query, today, words, true);
}

async function listMatching(
  ex: Executor,
  kind: DatabaseKind,
  visibility: Visibility,
  query: DocumentListQuery,
  today: string,
  words: readonly string[],
  prefixLast: boolean,
) {
  // On SQLite a search is driven by the full-text index, newest first, so a page and the
  // bounded count stop as soon as they have enough rows instead of reading every match.
  const fts = kind === 'sqlite' && words.length > 0;
  const from = fts
    ? ex
        .selectFrom(sql<{ rowid: number }>`documents_fts`.as('f'))
        .innerJoin('documents as d', (join) => join.onRef('d.seq', '=', sql.ref('f.rowid')))
    : ex.selectFrom('documents as d');
  let q = (from as unknown as ReturnType<typeof plain>)
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .where('d.direction', '=', query.direction)
    .where(visibleTo(visibility));
  if (fts) q = q.where(sql<SqlBool>`documents_fts match ${ftsQuery(words, prefixLast)}`);
  else if (words.length > 0) q = q.where(searchCondition(words, prefixLast));
  if (query.organizationId) q = q.where('d.organization_id', '=', query.organizationId);
  if (query.registerId) q = q.where('d.register_id', '=', query.registerId);
  const dateColumn = query.direction === 'incoming' ? 'd.arrival_date' : 'd.issue_date';
  if (query.from) q = q.where(dateColumn, '>=', query.from);
  if (query.to) q = q.where(dateColumn, '<=', query.to);
  if (query.typeCode) q = q.where('d.type_code', '=', query.typeCode);
  if (query.urgency) q = q.where('d.urgency', '=', query.urgency);
  if (query.secrecy) q = q.where('d.secrecy', '=', query.secrecy);
  if (query.status) q = q.where('d.status', '=', query.status);
  if (query.handlerId) {
    const handler = query.handlerId;
    q = q.where('d.id', 'in', (eb) =>
      eb.selectFrom('document_assignments').select('document_id').where('user_id', '=', handler),
    );
  }
  if (query.overdue === 'true') {
    q = q.where('d.due_date', '<', today).where('d.status', 'not in', ['done', 'cancelled', 'recalled']);
  }
  // Counting stops at the cap: "more than 5,000" is all a person needs, and a broad search
  // over a million documents must not pay for counting every one of them.
  const cap = words.length > 0 ? SEARCH_COUNT_CAP : COUNT_CAP;
  const counted = await ex
    .selectFrom(
      q
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('hits'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Math.min(Number(counted.n), cap);
  let page = q
    .select(LISTED_COLUMNS)
    .select(['o.path as organization_path', 'o.name as organization_name'])
    .select(registerName().as('register_name'));
  switch (query.sort) {
    case 'oldest':
      page = fts ? page.orderBy(sql`f.rowid`, 'asc') : page.orderBy('d.seq', 'asc');
      break;
    case 'number':
      page = page.orderBy(query.direction === 'incoming' ? 'd.arrival_number' : 'd.number', 'desc');
      break;
    case 'register':
      // As the book is written: the first number of the period first.
      page = page.orderBy(query.direction === 'incoming' ? 'd.arrival_number' : 'd.number', 'asc');
      break;
    case 'due':
      page = page.orderBy(sql`case when d.due_date is null then 1 else 0 end`).orderBy('d.due_date', 'asc');
      break;
    default:
      // Entry order: seq grows with every record, and its index lets a search stop at the page.
      page = fts ? page.orderBy(sql`f.rowid`, 'desc') : page.orderBy('d.seq', 'desc');
  }
  const paged = page.limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  // PostgreSQL plans a text search from the index's estimate, which for common words is far
  // too low: it fetches every match to sort them. When the bounded count shows the matches
  // are many, walking the documents newest first and testing each stored vector reaches a
  // page after a few hundred rows, so that plan is asked for, for this one query.
  const dense = kind === 'postgres' && words.length > 0 && Number(counted.n) > cap && query.sort !== 'number';
  const rows = dense
    ? await withoutBitmap(ex, async (trx) => (await trx.executeQuery(paged.compile())).rows)
    : await paged.execute();
  return { rows: rows as ListedDocumentRow[], total, totalCapped: Number(counted.n) > cap };
}

/**
 * Deliveries addressed to a clerk: to organizations under the clerk's grants, except those
 * that have a clerk of their own below the grant (a commune's clerk takes the commune's mail,
 * not the committee's clerk above it), and never what the clerk's own organization sent.
 * Over `dl` (deliveries), `ro` (recipient organization) and `so` (sender organization).
 */
export function addressedTo(clerkPaths: readonly string[]): Expression<SqlBool> {
  if (clerkPaths.length === 0) return sql<SqlBool>`1 = 0`;
  const parts = clerkPaths.map(
    (p) => sql<SqlBool>`(${startsWith('ro.path', p)} and not ${startsWith('so.path', p)} and not exists (
      select 1 from role_grants cg join organizations co on co.id = cg.organization_id
      where cg.role = 'clerk' and ${startsWith('co.path', p)} and co.path <> ${p}
        and substr(ro.path, 1, length(co.path)) = co.path))`,
  );
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Deliveries addressed to the clerk and still waiting for their decision. */
export function waitingFor(clerkPaths: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`dl.status = ${sql.lit(DELIVERY_STATUS.sent)} and ${addressedTo(clerkPaths)}`;
}

/** The active clerks who receive for each of these organizations (their own, not those of a committee above). */
export async function clerksByOrganization(ex: Executor, orgIds: readonly string[]): Promise<Map<string, string[]>> {
  const byOrg = new Map<string, string[]>();
  const unique = [...new Set(orgIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await ex
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select(['g.organization_id', 'g.user_id'])
      .where('g.organization_id', 'in', unique.slice(i, i + 500))
      .where('g.role', '=', 'clerk')
      .where('u.disabled', '=', 0)
      .execute();
    for (const r of rows) {
      const list = byOrg.get(r.organization_id) ?? [];
      if (!list.includes(r.user_id)) list.push(r.user_id);
      byOrg.set(r.organization_id, list);
    }
  }
  return byOrg;
}

/**
 * Touches a document only if it is still in `status`: false when a step moved it meanwhile.
 * The version is left alone, so adding a comment does not make someone's pending step stale.
 */
export async function touchInStatus(ex: Executor, id: string, status: string, at: string): Promise<boolean> {
  const res = await ex
    .updateTable('documents')
    .set({ updated_at: at })
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertFiles(ex: Executor, rows: readonly DocumentFilesTable[]) {
  if (rows.length > 0)
    await ex
      .insertInto('document_files')
      .values([...rows])
      .execute();
}

/** The files' hashes of a document, for the paper a copy of it needs. */
export async function fileHashesOf(ex: Executor, documentId: string): Promise<string[]> {
  const rows = await ex.selectFrom('document_files').select('sha256').where('document_id', '=', documentId).execute();
  return rows.map((r) => r.sha256);
}

/** The text found in stored files, for the search index. */
export async function textsOf(ex: Executor, sha256s: readonly string[]): Promise<string[]> {
  if (sha256s.length === 0) return [];
  const rows = await ex
    .selectFrom('blobs')
    .select('text_content')
    .where('sha256', 'in', [...sha256s])
    .execute();
  return rows.flatMap((t) => (t.text_content ? [t.text_content] : []));
}

export async function setSearchText(ex: Executor, documentId: string, search: string) {
  await ex.updateTable('documents').set({ search_text: search }).where('id', '=', documentId).execute();
}

/** Sets fields of a document without a version check: a step of the system, not of an editor. */
export async function patchDocument(ex: Executor, id: string, patch: Updateable<DocumentsTable>) {
  await ex.updateTable('documents').set(patch).where('id', '=', id).execute();
}

/** Moves the version on with the change, for a step that may not fail on a concurrent edit. */
export async function bumpDocument(ex: Executor, id: string, patch: Updateable<DocumentsTable>) {
  await ex
    .updateTable('documents')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The active accounts among these ids. */
export async function activeUsers(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('id', 'in', [...ids])
    .where('disabled', '=', 0)
    .execute();
}

/** The paths of the organizations where an active user holds `role`. */
export async function rolePathsOf(ex: Executor, userId: string, role: string): Promise<string[]> {
  const grants = await ex
    .selectFrom('role_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('o.path')
    .where('g.user_id', '=', userId)
    .where('g.role', '=', role)
    .where('u.disabled', '=', 0)
    .execute();
  return grants.map((g) => g.path);
}

/** An organization's name and path, or undefined. */
export async function findOrganization(ex: Executor, id: string) {
  return ex.selectFrom('organizations').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

/** The ids among these that name organizations. */
export async function existingOrganizations(ex: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await ex
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** The people around a document's organization: office holders above and everyone at or below it. */
export async function peopleAround(ex: Executor, ancestorIds: readonly string[], path: string) {
  return ex
    .selectFrom('role_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.full_name', 'u.position', 'g.role', 'o.path'])
    .where('u.disabled', '=', 0)
    .where((eb) => eb.or([eb('o.id', 'in', [...ancestorIds]), eb('o.path', 'like', `${path}%`)]))
    .orderBy('u.full_name')
    .execute();
}

/** The units directly under an organization. */
export async function unitsUnder(ex: Executor, organizationId: string) {
  return ex
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('parent_id', '=', organizationId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

/** Deletes a draft still as its author last saw it; its files, trail and access go with it. */
export async function deleteDraft(ex: Executor, id: string, version: number): Promise<boolean> {
  return deleteVersioned(ex, 'documents', id, version, { where: (eb) => eb('status', '=', 'draft') });
}

export async function insertReply(ex: Executor, row: DocumentRepliesTable) {
  await ex.insertInto('document_replies').values(row).execute();
}

/** The register, the leader and the sender's copy, for a document's page. */
export async function detailsOf(ex: Executor, id: string) {
  return ex
    .selectFrom('documents as d')
    .leftJoin('registers as r', 'r.id', 'd.register_id')
    .leftJoin('users as l', 'l.id', 'd.leader_id')
    .leftJoin('document_deliveries as dl', 'dl.id', 'd.delivery_id')
    .leftJoin('documents as src', 'src.id', 'dl.document_id')
    .leftJoin('organizations as so', 'so.id', 'src.organization_id')
    .select(['r.name as register_name', 'l.full_name as leader_name', 'src.id as source_id', 'so.name as source_org'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}
