import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { PaperSavingsTable } from '../../platform/db/schema';

export async function insertSavings(trx: Executor, rows: Insertable<PaperSavingsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('paper_savings').values(rows).execute();
}

/** The page counts known for stored files. */
export function pageCountsOf(ex: Executor, sha256s: readonly string[]) {
  return ex
    .selectFrom('blobs')
    .select(['sha256', 'page_count'])
    .where('sha256', 'in', [...sha256s])
    .execute();
}
