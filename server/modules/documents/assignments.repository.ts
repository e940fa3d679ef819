import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { DocumentAssignmentsTable } from './documents.tables';

/** Who handles a document: the lead, co-handlers and those given it for information. */

export async function insertAssignments(ex: Executor, rows: readonly Insertable<DocumentAssignmentsTable>[]) {
  if (rows.length > 0)
    await ex
      .insertInto('document_assignments')
      .values([...rows])
      .execute();
}

/** Drops the open assignments, for a reassignment to replace them. */
export async function deleteOpenAssignments(ex: Executor, documentId: string) {
  await ex
    .deleteFrom('document_assignments')
    .where('document_id', '=', documentId)
    .where('status', '=', 'open')
    .execute();
}

/** Moves the deadline of every open handling assignment (not those for information). */
export async function setOpenDueDate(ex: Executor, documentId: string, dueDate: string) {
  await ex
    .updateTable('document_assignments')
    .set({ due_date: dueDate })
    .where('document_id', '=', documentId)
    .where('status', '=', 'open')
    .where('role', '<>', 'info')
    .execute();
}

/** Closes every open handling assignment (not those for information). */
export async function closeOpenAssignments(ex: Executor, documentId: string, at: string) {
  await ex
    .updateTable('document_assignments')
    .set({ status: 'done', done_at: at })
    .where('document_id', '=', documentId)
    .where('status', '=', 'open')
    .where('role', '<>', 'info')
    .execute();
}

/** Reading a document sent "for information" is all that is asked. */
export async function closeInformationFor(ex: Executor, documentId: string, userId: string, at: string) {
  await ex
    .updateTable('document_assignments')
    .set({ status: 'done', done_at: at })
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .where('role', '=', 'info')
    .where('status', '=', 'open')
    .execute();
}

/** Open handling assignments due by `day`, of documents still being handled, for the reminders. */
export async function openAssignmentsDueBy(ex: Executor, day: string) {
  return ex
    .selectFrom('document_assignments as a')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .select(['a.id', 'a.user_id', 'a.due_date', 'd.id as document_id', 'd.secrecy', 'd.summary', 'd.number_text'])
    .where('a.status', '=', 'open')
    .where('a.role', '!=', 'info')
    .where('a.user_id', 'is not', null)
    .where('a.due_date', 'is not', null)
    .where('a.due_date', '<=', day)
    .where('d.status', 'in', ['in_progress', 'submitted'])
    .execute();
}
