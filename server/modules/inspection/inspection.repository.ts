import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { CaseListQuery } from '../../../common/schemas/inspection';
import type { Executor } from '../../platform/db/database';
import { matchesFolded, startsWith } from '../../platform/db/search';
import { updateVersioned } from '../../platform/db/versioned';
import type {
  InspectionCaseAccessTable,
  InspectionCaseDocumentsTable,
  InspectionCasesTable,
  InspectionDenouncersTable,
  InspectionDisciplinesTable,
  InspectionStagesTable,
  InspectionSubjectsTable,
} from './inspection.tables';

export type CaseRow = InspectionCasesTable & {
  organization_path: string;
  organization_name: string;
  unit_name: string | null;
};

/** Who sees which cases: the commissions under the actor's inspector grants, and cases given to them. */
export interface CaseScope {
  commissionPaths: readonly string[];
  userId: string | null;
}

const caseColumns = (ex: Executor) =>
  ex
    .selectFrom('inspection_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('organizations as u', 'u.id', 'c.unit_organization_id')
    .selectAll('c')
    .select(['o.path as organization_path', 'o.name as organization_name', 'u.name as unit_name']);

export async function findCase(ex: Executor, id: string): Promise<CaseRow | undefined> {
  return caseColumns(ex).where('c.id', '=', id).executeTakeFirst();
}

export async function findOrganizations(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('organizations')
    .select(['id', 'path', 'name', 'type'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function findPeople(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('people')
    .select(['id', 'full_name', 'position'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Active accounts among `ids`, with the organizations where they hold the inspector role. */
export async function inspectorGrants(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('users as u')
    .leftJoin('role_grants as g', (j) => j.onRef('g.user_id', '=', 'u.id').on('g.role', '=', 'inspector'))
    .leftJoin('organizations as o', 'o.id', 'g.organization_id')
    .select(['u.id', 'u.full_name', 'o.path'])
    .where('u.id', 'in', [...ids])
    .where('u.disabled', '=', 0)
    .execute();
}

/** The commissions the actor works in: the organizations of their inspector grants and commissions below. */
export async function commissionsUnder(
  ex: Executor,
  grantOrganizationIds: readonly string[],
  paths: readonly string[],
) {
  if (paths.length === 0) return [];
  return ex
    .selectFrom('organizations')
    .select(['id', 'name', 'path'])
    .where((eb) =>
      eb.or([
        eb('id', 'in', [...grantOrganizationIds]),
        eb.and([eb('type', '=', 'inspection_commission'), eb.or(paths.map((p) => startsWith('path', p)))]),
      ]),
    )
    .orderBy('depth')
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

/** The inspection officers of the commissions at `paths` and above them, for naming a team. */
export async function officersOver(ex: Executor, paths: readonly string[]) {
  if (paths.length === 0) return [];
  const ancestors = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))];
  return ex
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.full_name', 'u.position'])
    .distinct()
    .where('g.role', '=', 'inspector')
    .where('g.organization_id', 'in', ancestors)
    .where('u.disabled', '=', 0)
    .orderBy('u.full_name')
    .execute();
}

export async function insertCase(ex: Executor, row: Insertable<InspectionCasesTable>) {
  await ex.insertInto('inspection_cases').values(row).execute();
}
export async function insertSubjects(ex: Executor, rows: Insertable<InspectionSubjectsTable>[]) {
  if (rows.length > 0) await ex.insertInto('inspection_subjects').values(rows).execute();
}
export async function insertStage(ex: Executor, row: Insertable<InspectionStagesTable>) {
  await ex.insertInto('inspection_stages').values(row).execute();
}
export async function insertDenouncer(ex: Executor, row: Insertable<InspectionDenouncersTable>) {
  await ex.insertInto('inspection_denouncers').values(row).execute();
}
export async function insertDisciplines(ex: Executor, rows: Insertable<InspectionDisciplinesTable>[]) {
  if (rows.length > 0) await ex.insertInto('inspection_disciplines').values(rows).execute();
}
export async function insertDocumentLink(ex: Executor, row: Insertable<InspectionCaseDocumentsTable>) {
  await ex.insertInto('inspection_case_documents').values(row).execute();
}

/** Gives a user a role on a case; a handler given "read" stays a handler. */
export async function grantAccess(ex: Executor, row: Insertable<InspectionCaseAccessTable>) {
  const existing = await accessRoleOf(ex, row.case_id, row.user_id);
  if (existing === row.role || existing === 'handler') return;
  if (existing) {
    await ex
      .updateTable('inspection_case_access')
      .set({ role: row.role, granted_by: row.granted_by, granted_at: row.granted_at })
      .where('case_id', '=', row.case_id)
      .where('user_id', '=', row.user_id)
      .execute();
  } else await ex.insertInto('inspection_case_access').values(row).execute();
}

export async function revokeAccess(ex: Executor, caseId: string, userId: string): Promise<boolean> {
  const res = await ex
    .deleteFrom('inspection_case_access')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function accessRoleOf(ex: Executor, caseId: string, userId: string): Promise<string | null> {
  const row = await ex
    .selectFrom('inspection_case_access')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function updateCase(
  ex: Executor,
  id: string,
  version: number,
  patch: Updateable<InspectionCasesTable>,
): Promise<boolean> {
  return updateVersioned(ex, 'inspection_cases', id, version, patch);
}

export async function subjectsOf(ex: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return ex
    .selectFrom('inspection_subjects')
    .selectAll()
    .where('case_id', 'in', [...caseIds])
    .orderBy('case_id')
    .orderBy('ordinal')
    .execute();
}

export async function stagesOf(ex: Executor, caseId: string) {
  return ex
    .selectFrom('inspection_stages')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export async function disciplinesOf(ex: Executor, caseId: string) {
  return ex
    .selectFrom('inspection_disciplines as d')
    .innerJoin('inspection_subjects as s', 's.id', 'd.subject_id')
    .selectAll('d')
    .where('d.case_id', '=', caseId)
    .orderBy('d.created_at')
    .orderBy('s.ordinal')
    .execute();
}

export async function setAppealOutcome(ex: Executor, caseId: string, outcome: string) {
  await ex.updateTable('inspection_disciplines').set({ outcome }).where('case_id', '=', caseId).execute();
}

export async function documentsOf(ex: Executor, caseId: string) {
  return ex
    .selectFrom('inspection_case_documents as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .select(['l.document_id', 'l.role', 'l.linked_at', 'd.summary', 'd.number_text'])
    .where('l.case_id', '=', caseId)
    .orderBy('l.linked_at')
    .execute();
}

export async function accessOf(ex: Executor, caseId: string) {
  return ex
    .selectFrom('inspection_case_access as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.user_id', 'a.role', 'u.full_name'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.granted_at')
    .execute();
}

export async function denouncerOf(ex: Executor, caseId: string) {
  return ex.selectFrom('inspection_denouncers').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export const overdueCondition = (today: string) =>
  sql<SqlBool>`(c.status = 'open' and ((c.stage_due_date is not null and c.stage_due_date < ${today}) or (c.deadline is not null and c.deadline < ${today})))`;

export async function listCases(ex: Executor, scope: CaseScope, query: CaseListQuery, today: string) {
  // The cases the scope sees, as one condition: the commission's subtree, or a grant on the case.
  let q = caseColumns(ex).where((eb) =>
    eb.or([
      ...scope.commissionPaths.map((p) => startsWith('o.path', p)),
      ...(scope.userId
        ? [
            eb(
              'c.id',
              'in',
              eb.selectFrom('inspection_case_access as a').select('a.case_id').where('a.user_id', '=', scope.userId),
            ),
          ]
        : []),
      sql<SqlBool>`1 = 0`,
    ]),
  );
  if (query.kind) q = q.where('c.kind', '=', query.kind);
  if (query.stage) q = q.where('c.stage', '=', query.stage);
  if (query.status) q = q.where('c.status', '=', query.status);
  if (query.unitOrganizationId) q = q.where('c.unit_organization_id', '=', query.unitOrganizationId);
  if (query.year) q = q.where('c.year', '=', query.year);
  if (query.overdue === true) q = q.where(overdueCondition(today));
  if (query.q) q = q.where(matchesFolded('c.search_text', query.q));
  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await q
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

/** An active account, by id. */
export function findActiveUser(ex: Executor, id: string) {
  return ex
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('id', '=', id)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/** A programme item with the organization whose programme holds it. */
export function findProgrammeItem(ex: Executor, itemId: string) {
  return ex
    .selectFrom('inspection_programme_items as i')
    .innerJoin('inspection_programmes as p', 'p.id', 'i.programme_id')
    .select(['i.id', 'p.organization_id'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

/** Whether a case was already opened on this programme item. */
export async function programmeItemTaken(ex: Executor, itemId: string): Promise<boolean> {
  const taken = await ex
    .selectFrom('inspection_cases')
    .select('id')
    .where('programme_item_id', '=', itemId)
    .executeTakeFirst();
  return !!taken;
}
