import type { Insertable, Updateable } from 'kysely';
import { DELIVERY_STATUS } from '../../../common/documents';
import type { Executor } from '../../platform/db/database';
import { updateVersioned } from '../../platform/db/versioned';
import { addressedTo, waitingFor } from './documents.repository';
import type { DocumentDeliveriesTable, DocumentPersonDeliveriesTable } from './documents.tables';

/** Copies sent to organizations and to people, as each side of the exchange sees them. */

const inboxQuery = (ex: Executor) =>
  ex
    .selectFrom('document_deliveries as dl')
    .innerJoin('organizations as ro', 'ro.id', 'dl.organization_id')
    .innerJoin('documents as d', 'd.id', 'dl.document_id')
    .innerJoin('organizations as so', 'so.id', 'd.organization_id')
    .select([
      'dl.id',
      'dl.version',
      'dl.status',
      'dl.sent_at',
      'dl.received_at',
      'dl.incoming_document_id',
      'dl.organization_id',
      'ro.path as recipient_path',
      'so.name as from_name',
      'd.id as document_id',
      'd.number_text',
      'd.issue_date',
      'd.type_code',
      'd.summary',
      'd.urgency',
      'd.secrecy',
    ]);

export type InboxRow = NonNullable<Awaited<ReturnType<typeof findAddressed>>>;

/** A delivery addressed to a clerk of these paths (the same rule as the waiting list). */
export async function findAddressed(ex: Executor, id: string, clerkPaths: readonly string[]) {
  return inboxQuery(ex).where('dl.id', '=', id).where(addressedTo(clerkPaths)).executeTakeFirst();
}

/** What waits for the clerks of these paths, newest first. */
export async function waitingDeliveries(ex: Executor, clerkPaths: readonly string[], limit: number) {
  return inboxQuery(ex).where(waitingFor(clerkPaths)).orderBy('dl.sent_at', 'desc').limit(limit).execute();
}

/** How many deliveries wait for the clerks of these paths. */
export async function countWaiting(ex: Executor, clerkPaths: readonly string[]): Promise<number> {
  if (clerkPaths.length === 0) return 0;
  const row = await ex
    .selectFrom('document_deliveries as dl')
    .innerJoin('organizations as ro', 'ro.id', 'dl.organization_id')
    .innerJoin('documents as sd', 'sd.id', 'dl.document_id')
    .innerJoin('organizations as so', 'so.id', 'sd.organization_id')
    .where(waitingFor(clerkPaths))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first opening tells the sender it was received. */
export async function markReceived(ex: Executor, id: string, at: string) {
  await ex
    .updateTable('document_deliveries')
    .set({ received_at: at, updated_at: at })
    .where('id', '=', id)
    .where('received_at', 'is', null)
    .execute();
}

/** Accepts or refuses a delivery still waiting and as the clerk saw it; false when it changed. */
export async function decideDelivery(
  ex: Executor,
  id: string,
  version: number,
  patch: Updateable<DocumentDeliveriesTable>,
): Promise<boolean> {
  return updateVersioned(ex, 'document_deliveries', id, version, patch, {
    where: (eb) => eb('status', '=', DELIVERY_STATUS.sent),
  });
}

/** The register an accepted delivery goes into when the clerk names none: the oldest active one that fits. */
export async function defaultIncomingRegister(ex: Executor, organizationId: string, secret: boolean) {
  const row = await ex
    .selectFrom('registers')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('direction', '=', 'incoming')
    .where('secret', '=', secret ? 1 : 0)
    .where('active', '=', 1)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

/** The sender's files a receiver's copy shares (not the sender's own results). */
export async function sharedFilesOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_files')
    .select(['sha256', 'file_name', 'kind'])
    .where('document_id', '=', documentId)
    .where('kind', '<>', 'result')
    .execute();
}

/** Keeps the sender's view of a receiver's copy in step with it, unless the sender recalled it. */
export async function followReceiverStatus(ex: Executor, id: string, status: string, at: string) {
  await ex
    .updateTable('document_deliveries')
    .set({ status, updated_at: at })
    .where('id', '=', id)
    .where('status', '<>', DELIVERY_STATUS.recalled)
    .execute();
}

export async function insertDeliveries(ex: Executor, rows: readonly Insertable<DocumentDeliveriesTable>[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await ex
      .insertInto('document_deliveries')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function insertPersonDeliveries(ex: Executor, rows: readonly Insertable<DocumentPersonDeliveriesTable>[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await ex
      .insertInto('document_person_deliveries')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Recalls every copy; the update's own answer says which exist, an accept committing meanwhile included. */
export async function recallDeliveries(ex: Executor, documentId: string, at: string) {
  return ex
    .updateTable('document_deliveries')
    .set({ status: DELIVERY_STATUS.recalled, updated_at: at })
    .where('document_id', '=', documentId)
    .returning(['id', 'organization_id', 'incoming_document_id'])
    .execute();
}

/** The people a document was sent to themselves. */
export async function readersOf(ex: Executor, documentId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('document_person_deliveries')
    .select('user_id')
    .where('document_id', '=', documentId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Organizations' copies not yet opened. */
export async function unopenedDeliveries(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_deliveries as dl')
    .innerJoin('organizations as o', 'o.id', 'dl.organization_id')
    .select(['dl.id', 'dl.organization_id', 'dl.reminded_at', 'o.name'])
    .where('dl.document_id', '=', documentId)
    .where('dl.status', '=', DELIVERY_STATUS.sent)
    .where('dl.received_at', 'is', null)
    .execute();
}

/** People's copies not yet read. */
export async function unreadPersonDeliveries(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_person_deliveries')
    .select(['id', 'user_id', 'reminded_at', 'name'])
    .where('document_id', '=', documentId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markDeliveryReminded(ex: Executor, id: string, at: string) {
  await ex.updateTable('document_deliveries').set({ reminded_at: at }).where('id', '=', id).execute();
}

export async function markPersonDeliveriesReminded(ex: Executor, ids: readonly string[], at: string) {
  if (ids.length === 0) return;
  await ex
    .updateTable('document_person_deliveries')
    .set({ reminded_at: at })
    .where('id', 'in', [...ids])
    .execute();
}

/** One organization's copy of a document, with the organization's name. */
export async function findDelivery(ex: Executor, documentId: string, id: string) {
  return ex
    .selectFrom('document_deliveries as dl')
    .innerJoin('organizations as o', 'o.id', 'dl.organization_id')
    .select(['dl.id', 'dl.status', 'dl.organization_id', 'o.name', 'o.reach'])
    .where('dl.document_id', '=', documentId)
    .where('dl.id', '=', id)
    .executeTakeFirst();
}

/** Puts an organization's copy back in its clerks' queue, as if sent now. */
export async function sendAgain(ex: Executor, id: string, at: string) {
  await ex
    .updateTable('document_deliveries')
    .set((eb) => ({
      status: DELIVERY_STATUS.sent,
      sent_at: at,
      received_at: null,
      decided_at: null,
      reason: null,
      reminded_at: null,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function findPersonDelivery(ex: Executor, documentId: string, id: string) {
  return ex
    .selectFrom('document_person_deliveries')
    .select(['id', 'user_id', 'name'])
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Puts a person's copy back as unread, as if sent now. */
export async function sendToPersonAgain(ex: Executor, id: string, at: string) {
  await ex
    .updateTable('document_person_deliveries')
    .set({ sent_at: at, read_at: null, reminded_at: null })
    .where('id', '=', id)
    .execute();
}

/** A document sent to the person himself is read once he opens it; the sender sees when. */
export async function markPersonDeliveryRead(ex: Executor, documentId: string, userId: string, at: string) {
  await ex
    .updateTable('document_person_deliveries')
    .set({ read_at: at })
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
