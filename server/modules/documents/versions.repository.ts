import type { Executor } from '../../platform/db/database';
import type { DocumentVersionsTable } from './documents.tables';

/** A draft's saved versions, numbered from 1. */

export async function lastVersionNumber(ex: Executor, documentId: string): Promise<number> {
  const row = await ex
    .selectFrom('document_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertVersion(ex: Executor, row: DocumentVersionsTable) {
  await ex.insertInto('document_versions').values(row).execute();
}

export async function versionsOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('number')
    .execute();
}
