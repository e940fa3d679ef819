import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { startsWith } from '../../platform/db/search';

/** The commissions in the actor's subtrees (optionally one of them): the reports' scope. */
export async function commissionIds(ex: Executor, paths: readonly string[], organizationId?: string) {
  if (paths.length === 0) return [];
  let q = ex
    .selectFrom('organizations')
    .select('id')
    .where((eb) => eb.or(paths.map((p) => startsWith('path', p))));
  if (organizationId) q = q.where('id', '=', organizationId);
  return (await q.execute()).map((r) => r.id);
}

const n = (v: unknown) => Number(v ?? 0);
const violationCount = sql<number>`sum(case when c.violation = 1 then 1 else 0 end)`;

/**
 * Every figure of the periodic report, each one aggregate query over the indexes
 * (commission, year, …): the same SQL on SQLite and PostgreSQL, counted by the database.
 */
export async function reportFigures(ex: Executor, ids: readonly string[], year: number, today: string) {
  const cases = () =>
    ex
      .selectFrom('inspection_cases as c')
      .where('c.organization_id', 'in', ids.length > 0 ? [...ids] : [''])
      .where('c.year', '=', year);

  const totals = await cases()
    .select((eb) => [
      eb.fn.countAll<number>().as('cases'),
      violationCount.as('violations'),
      sql<number>`sum(case when c.status = 'open' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when c.status = 'closed' then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when c.status = 'open' and ((c.stage_due_date is not null and c.stage_due_date < ${today}) or (c.deadline is not null and c.deadline < ${today})) then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .executeTakeFirst();

  const byKind = await cases()
    .select((eb) => ['c.kind', eb.fn.countAll<number>().as('cases'), violationCount.as('violations')])
    .groupBy('c.kind')
    .execute();

  const byQuarter = await cases()
    .select((eb) => ['c.quarter', eb.fn.countAll<number>().as('cases'), violationCount.as('violations')])
    .groupBy('c.quarter')
    .orderBy('c.quarter')
    .execute();

  const byOrganization = await cases()
    .leftJoin('organizations as u', 'u.id', 'c.unit_organization_id')
    .select((eb) => [
      'c.unit_organization_id',
      'u.name',
      eb.fn.countAll<number>().as('cases'),
      violationCount.as('violations'),
    ])
    .groupBy(['c.unit_organization_id', 'u.name'])
    .execute();

  const bySubjectType = await cases()
    .innerJoin('inspection_subjects as s', 's.case_id', 'c.id')
    .select([
      's.subject_type',
      sql<number>`count(distinct c.id)`.as('cases'),
      sql<number>`count(distinct case when c.violation = 1 then c.id end)`.as('violations'),
    ])
    .groupBy('s.subject_type')
    .execute();

  // A discipline annulled on appeal no longer counts.
  const disciplines = await ex
    .selectFrom('inspection_disciplines as d')
    .select((eb) => ['d.form', 'd.subject_type', eb.fn.countAll<number>().as('count')])
    .where('d.organization_id', 'in', ids.length > 0 ? [...ids] : [''])
    .where('d.year', '=', year)
    .where((eb) => eb.or([eb('d.outcome', 'is', null), eb('d.outcome', '!=', 'annulled')]))
    .groupBy(['d.form', 'd.subject_type'])
    .execute();

  const denunciations = await cases()
    .where('c.kind', '=', 'denunciation')
    .select((eb) => [
      eb.fn.countAll<number>().as('received'),
      sql<number>`sum(case when c.concluded_on is not null then 1 else 0 end)`.as('handled'),
      sql<number>`sum(case when c.concluded_on is not null and (c.deadline is null or c.concluded_on <= c.deadline) then 1 else 0 end)`.as(
        'in_time',
      ),
    ])
    .executeTakeFirst();

  return {
    totals: {
      cases: n(totals?.cases),
      violations: n(totals?.violations),
      open: n(totals?.open),
      closed: n(totals?.closed),
      overdue: n(totals?.overdue),
    },
    byKind: byKind.map((r) => ({ kind: r.kind, cases: n(r.cases), violations: n(r.violations) })),
    byQuarter: byQuarter.map((r) => ({ quarter: n(r.quarter), cases: n(r.cases), violations: n(r.violations) })),
    byOrganization: byOrganization.map((r) => ({
      organizationId: r.unit_organization_id,
      organizationName: r.name,
      cases: n(r.cases),
      violations: n(r.violations),
    })),
    bySubjectType: bySubjectType.map((r) => ({
      subjectType: r.subject_type,
      cases: n(r.cases),
      violations: n(r.violations),
    })),
    disciplines: disciplines.map((r) => ({ form: r.form, subjectType: r.subject_type, count: n(r.count) })),
    denunciations: {
      received: n(denunciations?.received),
      handled: n(denunciations?.handled),
      inTime: n(denunciations?.in_time),
    },
  };
}
