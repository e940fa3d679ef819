import type { AuditListQuery } from '../../../common/schemas/audit';
import type { Executor } from '../../platform/db/database';
import { matchesFolded } from '../../platform/db/search';

export async function listAuditEvents(ex: Executor, query: AuditListQuery) {
  let q = ex.selectFrom('audit_events');
  if (query.q) q = q.where(matchesFolded('search_text', query.q));
  if (query.action) q = q.where('action', '=', query.action);
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.from) q = q.where('occurred_at', '>=', new Date(query.from).toISOString());
  // Both ends inclusive: the web sends the first and last millisecond of the chosen days.
  if (query.to) q = q.where('occurred_at', '<=', new Date(query.to).toISOString());
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function distinctAuditActions(ex: Executor): Promise<string[]> {
  const rows = await ex.selectFrom('audit_events').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
