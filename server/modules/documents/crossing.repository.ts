import type { Updateable } from 'kysely';
import { DELIVERY_STATUS } from '../../../common/documents';
import type { DatabaseKind, Executor } from '../../platform/db/database';
import type { DocumentDeliveriesTable } from './documents.tables';

/** The queries of the documents' side of the exchange with offices outside the deployment. */

/** Which of these organizations are outside, how each is reached, and whether its link may carry secrets. */
export async function outsideAmong(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('organizations as o')
    .leftJoin('exchange_peers as p', 'p.id', 'o.peer_id')
    .select(['o.id', 'o.name', 'o.national_id', 'o.reach', 'o.peer_id', 'p.secret_approved', 'p.active as peer_active'])
    .where('o.id', 'in', [...ids])
    .where('o.reach', '<>', 'inside')
    .execute();
}

/** An organization as a package names it: its identifier and name. */
export async function identityOf(ex: Executor, id: string) {
  return ex
    .selectFrom('organizations')
    .select(['id', 'name', 'national_id', 'reach', 'peer_id', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Organizations by their national identifiers. */
export async function byNationalIds(ex: Executor, nationalIds: readonly string[]) {
  if (nationalIds.length === 0) return [];
  return ex
    .selectFrom('organizations')
    .select(['id', 'name', 'national_id', 'reach', 'peer_id', 'path'])
    .where('national_id', 'in', [...nationalIds])
    .execute();
}

/** The files a package carries: the document's own, not the receiver's results. */
export async function packageFiles(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_files as f')
    .innerJoin('blobs as b', 'b.sha256', 'f.sha256')
    .select(['f.sha256', 'f.file_name', 'f.kind', 'b.size', 'b.content_type'])
    .where('f.document_id', '=', documentId)
    .where('f.kind', '<>', 'result')
    .orderBy('f.added_at')
    .orderBy('f.id')
    .execute();
}

/** Copies of our documents to our organizations: where each is and what it is of. */
export async function copiesAt(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('document_deliveries as dl')
    .innerJoin('documents as d', 'd.id', 'dl.document_id')
    .innerJoin('organizations as o', 'o.id', 'dl.organization_id')
    .select([
      'dl.id',
      'dl.organization_id',
      'o.name as organization_name',
      'o.path as organization_path',
      'd.number_text',
      'd.summary',
      'd.secrecy',
      'dl.incoming_document_id',
    ])
    .where('dl.id', 'in', ids)
    .execute();
}

/**
 * Holds a copy's row until the transaction ends, so two reports about it (a late 01 and a 16,
 * taken at once) are applied one after the other, each reading what the other wrote. SQLite has
 * one writer: nothing to hold.
 */
export async function holdDelivery(ex: Executor, id: string, kind: DatabaseKind) {
  if (kind !== 'postgres') return;
  await ex.selectFrom('document_deliveries').select('id').where('id', '=', id).forUpdate().execute();
}

export async function deliveryOf(ex: Executor, id: string) {
  return ex
    .selectFrom('document_deliveries as dl')
    .innerJoin('documents as d', 'd.id', 'dl.document_id')
    .innerJoin('organizations as o', 'o.id', 'dl.organization_id')
    .select([
      'dl.id',
      'dl.document_id',
      'dl.organization_id',
      'dl.status',
      'dl.received_at',
      'dl.decided_at',
      'dl.incoming_document_id',
      'dl.version',
      'd.status as document_status',
      'o.name as organization_name',
    ])
    .where('dl.id', '=', id)
    .executeTakeFirst();
}

/** The sender's copy moved by what the outside office reported; a recalled copy stays recalled. */
export async function moveOutsideDelivery(
  ex: Executor,
  id: string,
  patch: Updateable<DocumentDeliveriesTable>,
  keepRecalled: boolean,
) {
  let query = ex.updateTable('document_deliveries').set(patch).where('id', '=', id);
  if (keepRecalled) query = query.where('status', '<>', DELIVERY_STATUS.recalled);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Incoming documents of one organization with this duplicate key (issuer and number, folded). */
export async function registeredWithKey(ex: Executor, organizationId: string, key: string) {
  return ex
    .selectFrom('documents')
    .select(['id', 'number_text', 'arrival_number', 'arrival_date'])
    .where('organization_id', '=', organizationId)
    .where('direction', '=', 'incoming')
    .where('document_key', '=', key)
    .where('status', '<>', 'cancelled')
    .limit(5)
    .execute();
}
