import type { Executor } from '../../platform/db/database';

/**
 * The names a clerk of these paths may mean as an issuer: the directory's organizations, the
 * outside organizations the office has sent to, and the issuers registered before.
 */
export async function issuerNames(ex: Executor, paths: readonly string[], limit: number) {
  const [directory, outside, seen] = await Promise.all([
    ex.selectFrom('organizations').select(['id', 'name']).orderBy('path').limit(limit).execute(),
    ex
      .selectFrom('document_recipients as r')
      .innerJoin('documents as d', 'd.id', 'r.document_id')
      .innerJoin('organizations as o', 'o.id', 'd.organization_id')
      .select('r.name')
      .distinct()
      .where('r.kind', '=', 'external')
      .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))))
      .limit(limit)
      .execute(),
    ex
      .selectFrom('documents as d')
      .innerJoin('organizations as o', 'o.id', 'd.organization_id')
      .select('d.issuer_name')
      .distinct()
      .where('d.direction', '=', 'incoming')
      .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))))
      .limit(limit)
      .execute(),
  ]);
  return { directory, outside, seen };
}
