import { type SqlBool, sql } from 'kysely';
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

  // One grouped read over the covering index gives the totals, kinds, quarters and organizations.
  const groups = await cases()
    .select((eb) => [
      'c.kind',
      'c.quarter',
      'c.unit_organization_id',
      'c.violation',
      'c.status',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['c.kind', 'c.quarter', 'c.unit_organization_id', 'c.violation', 'c.status'])
    .execute();

  const overdue = await cases()
    .where('c.status', '=', 'open')
    .where(
      sql<SqlBool>`((c.stage_due_date is not null and c.stage_due_date < ${today}) or (c.deadline is not null and c.deadline < ${today}))`,
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();

  const unitIds = [...new Set(groups.flatMap((g) => (g.unit_organization_id ? [g.unit_organization_id] : [])))];
  const unitNames = new Map(
    unitIds.length === 0
      ? []
      : (await ex.selectFrom('organizations').select(['id', 'name']).where('id', 'in', unitIds).execute()).map((o) => [
          o.id,
          o.name,
        ]),
  );

  // Members and organizations are counted one by one, as the Party's statistics count them.
  const bySubjectType = await cases()
    .innerJoin('inspection_subjects as s', 's.case_id', 'c.id')
    .select((eb) => ['s.subject_type', eb.fn.countAll<number>().as('subjects'), violationCount.as('violations')])
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

  const tally = <K>(key: (g: (typeof groups)[number]) => K) => {
    const out = new Map<K, { cases: number; violations: number }>();
    for (const g of groups) {
      const k = key(g);
      const row = out.get(k) ?? { cases: 0, violations: 0 };
      row.cases += n(g.n);
      if (g.violation === 1) row.violations += n(g.n);
      out.set(k, row);
    }
    return [...out.entries()];
  };
  const all = tally(() => 'all')[0]?.[1] ?? { cases: 0, violations: 0 };
  const byStatus = new Map(tally((g) => g.status));
  return {
    totals: {
      ...all,
      open: byStatus.get('open')?.cases ?? 0,
      closed: byStatus.get('closed')?.cases ?? 0,
      overdue: n(overdue?.n),
    },
    byKind: tally((g) => g.kind).map(([kind, f]) => ({ kind, ...f })),
    byQuarter: tally((g) => n(g.quarter))
      .map(([quarter, f]) => ({ quarter, ...f }))
      .sort((a, b) => a.quarter - b.quarter),
    byOrganization: tally((g) => g.unit_organization_id).map(([id, f]) => ({
      organizationId: id,
      organizationName: id ? (unitNames.get(id) ?? null) : null,
      ...f,
    })),
    bySubjectType: bySubjectType.map((r) => ({
      subjectType: r.subject_type,
      subjects: n(r.subjects),
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
