import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { InspectionProgrammeItemsTable, InspectionProgrammesTable } from './inspection.tables';

export async function findProgramme(ex: Executor, organizationId: string, year: number) {
  return ex
    .selectFrom('inspection_programmes')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function findProgrammeById(ex: Executor, id: string) {
  return ex
    .selectFrom('inspection_programmes as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('p')
    .select('o.path as organization_path')
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function insertProgramme(ex: Executor, row: Insertable<InspectionProgrammesTable>) {
  await ex.insertInto('inspection_programmes').values(row).execute();
}

export async function insertItem(ex: Executor, row: Insertable<InspectionProgrammeItemsTable>) {
  await ex.insertInto('inspection_programme_items').values(row).execute();
}

export async function touchProgramme(ex: Executor, id: string, at: string) {
  await ex
    .updateTable('inspection_programmes')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

/** The programme's items, each with the case carrying it out, if any. */
export async function itemsWithCases(ex: Executor, programmeId: string) {
  return ex
    .selectFrom('inspection_programme_items as i')
    .leftJoin('inspection_cases as c', 'c.programme_item_id', 'i.id')
    .leftJoin('organizations as u', 'u.id', 'i.unit_organization_id')
    .select([
      'i.id',
      'i.quarter',
      'i.kind',
      'i.title',
      'u.name as unit_name',
      'c.id as case_id',
      'c.stage as case_stage',
      'c.status as case_status',
    ])
    .where('i.programme_id', '=', programmeId)
    .orderBy('i.quarter')
    .orderBy('i.created_at')
    .execute();
}
