import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { SettingsTable } from '../../platform/db/schema';
import type { PaperSavingsTable } from './savings.tables';

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

export function findSetting(ex: Executor, key: string) {
  return ex.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function insertSetting(ex: Executor, row: Insertable<SettingsTable>): Promise<void> {
  await ex.insertInto('settings').values(row).execute();
}

export interface SavingsFilter {
  year: number;
  /** The organization subtrees counted, by path prefix. */
  paths: string[];
  organizationId?: string | null;
}

/** A year's paper saved in these subtrees: by month, by kind, by organization, and the first day counted. */
export async function savingsFigures(ex: Executor, filter: SavingsFilter) {
  const base = () => {
    let q = ex
      .selectFrom('paper_savings as s')
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .where('s.month', '>=', `${filter.year}-01`)
      .where('s.month', '<=', `${filter.year}-12`)
      .where((eb) => eb.or(filter.paths.map((p) => eb('o.path', 'like', `${p}%`))));
    if (filter.organizationId) q = q.where('s.organization_id', '=', filter.organizationId);
    return q;
  };
  const sums = {
    pages: sql<number>`coalesce(sum(s.pages * s.copies), 0)`.as('pages'),
    copies: sql<number>`coalesce(sum(s.copies), 0)`.as('copies'),
  };
  const [months, kinds, organizations] = await Promise.all([
    base().select(['s.month', sums.pages, sums.copies]).groupBy('s.month').orderBy('s.month').execute(),
    base().select(['s.kind', sums.pages, sums.copies]).groupBy('s.kind').orderBy('s.kind').execute(),
    base()
      .select(['s.organization_id as organizationId', 'o.name as organizationName', sums.pages, sums.copies])
      .groupBy(['s.organization_id', 'o.name'])
      .execute(),
  ]);
  const first = await base()
    .select((eb) => eb.fn.min('s.occurred_at').as('first'))
    .executeTakeFirst();
  return { months, kinds, organizations, first: first?.first ?? null };
}
