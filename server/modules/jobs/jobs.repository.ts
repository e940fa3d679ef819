import type { Executor } from '../../platform/db/database';
import type { JobsTable } from '../../platform/db/schema';

export interface JobFilter {
  kind?: string | null;
  status?: JobsTable['status'] | null;
  page: number;
  pageSize: number;
}

/** A page of the queue, newest first, with the number matching and the count per status of the kind. */
export async function listJobs(ex: Executor, filter: JobFilter) {
  const byKind = ex.selectFrom('jobs').$if(!!filter.kind, (q) => q.where('kind', '=', filter.kind ?? ''));
  const filtered = byKind.$if(!!filter.status, (q) => q.where('status', '=', filter.status ?? 'queued'));
  const [rows, total, perStatus] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    byKind
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
  ]);
  return { rows, total: Number(total.n), perStatus: perStatus.map((r) => ({ status: r.status, n: Number(r.n) })) };
}

export function findJob(ex: Executor, id: string) {
  return ex.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A failed or dead job queued again, due at `at`: undefined when it is neither any more. */
export function requeueJob(ex: Executor, id: string, at: string) {
  return ex
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: at, locked_until: null, locked_by: null, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'dead'])
    .returningAll()
    .executeTakeFirst();
}
