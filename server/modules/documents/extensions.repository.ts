import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { DocumentExtensionRequestsTable } from './documents.tables';

/** A handler's requests for more time, one waiting at a time. */

export async function pendingRequestOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_extension_requests')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** The leader who last directed the document, if any. */
export async function lastDirectorOf(ex: Executor, documentId: string): Promise<string | null> {
  const row = await ex
    .selectFrom('document_events')
    .select('actor_id')
    .where('document_id', '=', documentId)
    .where('kind', '=', 'directed')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return row?.actor_id ?? null;
}

export async function insertRequest(ex: Executor, row: Insertable<DocumentExtensionRequestsTable>) {
  await ex.insertInto('document_extension_requests').values(row).execute();
}

/** Answers a request once: false when another answer came first. */
export async function answerRequest(
  ex: Executor,
  id: string,
  answer: Pick<
    DocumentExtensionRequestsTable,
    'status' | 'decided_by' | 'decided_at' | 'granted_due' | 'decision_note'
  >,
): Promise<boolean> {
  const done = await ex
    .updateTable('document_extension_requests')
    .set(answer)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** The pending request for a document's page. */
export async function pendingSummaryOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_extension_requests')
    .select(['id', 'requested_by_name', 'current_due', 'proposed_due', 'reason', 'created_at'])
    .where('document_id', '=', documentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Documents with a request waiting for this leader. */
export const waitingForLeader = (ex: Executor, leaderId: string) =>
  ex
    .selectFrom('document_extension_requests')
    .select('document_id')
    .where('leader_id', '=', leaderId)
    .where('status', '=', 'pending');
