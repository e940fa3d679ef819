import { sql } from 'kysely';
import type { DatabaseKind, Executor } from '../../../platform/db/database';
import { preparedQuery } from '../../../platform/db/prepared';
import { matchesFolded, startsWith } from '../../../platform/db/search';
import { updateVersioned } from '../../../platform/db/versioned';
import type { OrganizationUsage } from '../directory.errors';
import type { OrganizationsTable } from '../directory.tables';

export type OrganizationRow = OrganizationsTable;

const TREE_LOCK_KEY = 7_316_101; // constant: one writer of organization paths at a time on PostgreSQL
const INSERT_BATCH = 200;

/**
 * Serializes writes that compute paths from a parent's path (create, move, import), so two
 * moves at once cannot leave a subtree with stale paths. SQLite has one writer already.
 */
export async function lockTree(ex: Executor, kind: DatabaseKind): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${TREE_LOCK_KEY})`.execute(ex);
}

export async function findOrganizationById(ex: Executor, id: string): Promise<OrganizationRow | undefined> {
  return ex.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationByCode(ex: Executor, code: string): Promise<OrganizationRow | undefined> {
  return ex.selectFrom('organizations').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findOrganizationByNationalId(
  ex: Executor,
  nationalId: string,
): Promise<OrganizationRow | undefined> {
  return ex.selectFrom('organizations').selectAll().where('national_id', '=', nationalId).executeTakeFirst();
}

export async function organizationsByIds(ex: Executor, ids: readonly string[]): Promise<Map<string, OrganizationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .selectFrom('organizations')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface OrganizationListFilter {
  q?: string | undefined;
  /** An id for direct children; 'root' for the top level (a search then looks everywhere). */
  parentId?: string | undefined;
  type?: string | undefined;
  /** `outside`: reached through a peer or the exchange platform. */
  reach?: 'inside' | 'outside' | undefined;
  page: number;
  pageSize: number;
}

export async function listOrganizations(
  ex: Executor,
  filter: OrganizationListFilter,
): Promise<{ rows: (OrganizationRow & { child_count: number | null; peer_name: string | null })[]; total: number }> {
  let query = ex.selectFrom('organizations');
  if (filter.q) query = query.where(matchesFolded('search_text', filter.q));
  if (filter.parentId === 'root') {
    if (!filter.q) query = query.where('parent_id', 'is', null);
  } else if (filter.parentId) {
    query = query.where('parent_id', '=', filter.parentId);
  }
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.reach === 'inside') query = query.where('reach', '=', 'inside');
  else if (filter.reach === 'outside') query = query.where('reach', '!=', 'inside');
  const [rows, count] = await Promise.all([
    query
      .selectAll('organizations')
      .select((eb) =>
        eb
          .selectFrom('organizations as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.parent_id', '=', 'organizations.id')
          .as('child_count'),
      )
      .select((eb) =>
        eb
          .selectFrom('exchange_peers as p')
          .select('p.name')
          .whereRef('p.id', '=', 'organizations.peer_id')
          .as('peer_name'),
      )
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('search_text')
      .orderBy('id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function childCounts(ex: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .selectFrom('organizations')
    .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', [...new Set(ids)])
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id ?? '', Number(r.n)]));
}

export type TreeRow = Pick<
  OrganizationRow,
  | 'id'
  | 'parent_id'
  | 'path'
  | 'name'
  | 'type'
  | 'abbreviation'
  | 'code'
  | 'mailbox'
  | 'national_id'
  | 'reach'
  | 'peer_id'
  | 'sort_order'
>;

/** Every organization, siblings in display order (sort order, then name without diacritics). */
export async function allOrganizations(ex: Executor): Promise<TreeRow[]> {
  return ex
    .selectFrom('organizations')
    .select([
      'id',
      'parent_id',
      'path',
      'name',
      'type',
      'abbreviation',
      'code',
      'mailbox',
      'national_id',
      'reach',
      'peer_id',
      'sort_order',
    ])
    .orderBy('sort_order')
    .orderBy('search_text')
    .orderBy('id')
    .execute();
}

export async function insertOrganizations(ex: Executor, rows: readonly OrganizationRow[]): Promise<void> {
  // Parents come before children in `rows`; each batch is one statement, checked as a whole.
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await ex
      .insertInto('organizations')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

export type OrganizationPatchRow = Partial<Omit<OrganizationRow, 'id' | 'created_at' | 'version'>>;

/** Optimistic update: succeeds only if nobody changed the row since `version` was read. */
export function updateOrganizationVersioned(
  ex: Executor,
  id: string,
  version: number,
  patch: OrganizationPatchRow,
): Promise<boolean> {
  return updateVersioned(ex, 'organizations', id, version, patch);
}

/** An unconditional update for imports, which hold the tree lock and bump the version themselves. */
/**
 * Frees the identifiers an import takes away before its inserts and updates write, so that one
 * handed from one organization to another never meets itself in the unique index.
 */
export async function clearNationalIds(ex: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await ex.updateTable('organizations').set({ national_id: null }).where('id', 'in', ids).execute();
}

export async function updateOrganization(ex: Executor, id: string, patch: OrganizationPatchRow): Promise<void> {
  await ex
    .updateTable('organizations')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Rewrites the paths of every descendant of the organization that was at `oldPath`. */
export async function moveDescendants(
  ex: Executor,
  oldPath: string,
  newPath: string,
  depthDelta: number,
): Promise<number> {
  const res = await ex
    .updateTable('organizations')
    .set({
      path: sql<string>`${newPath} || substr(path, cast(${oldPath.length + 1} as integer))`,
      depth: sql<number>`depth + cast(${depthDelta} as integer)`,
    })
    .where(startsWith('path', oldPath))
    .where('path', '!=', oldPath)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Paths and depths set from outside (an import recomputes the whole tree in memory). */
export async function setPath(ex: Executor, id: string, path: string, depth: number): Promise<void> {
  await ex.updateTable('organizations').set({ path, depth }).where('id', '=', id).execute();
}

export async function organizationUsage(ex: Executor, id: string): Promise<OrganizationUsage> {
  const count = async (query: Promise<{ n: number | string } | undefined>) => Number((await query)?.n ?? 0);
  const [children, members, ownedGroups, groupMemberships, accounts] = await Promise.all([
    count(
      ex
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', id)
        .executeTakeFirst(),
    ),
    count(
      ex
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', id)
        .executeTakeFirst(),
    ),
    count(
      ex
        .selectFrom('distribution_groups')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_organization_id', '=', id)
        .executeTakeFirst(),
    ),
    count(
      ex
        .selectFrom('group_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', id)
        .executeTakeFirst(),
    ),
    count(
      ex
        .selectFrom('role_grants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', id)
        .executeTakeFirst(),
    ),
  ]);
  return { children, members, ownedGroups, groupMemberships, accounts };
}

export async function deleteOrganization(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('organizations').where('id', '=', id).execute();
}

/** Every organization in full, for an import to plan against. */
export async function allOrganizationRows(ex: Executor): Promise<OrganizationRow[]> {
  return ex.selectFrom('organizations').selectAll().orderBy('path').execute();
}

const directoryVersionQuery = preparedQuery(0, (ex) =>
  ex.selectFrom('directory_state').select('version').where('id', '=', 1),
);

/** Moved on by database triggers at every change to organizations, people and groups. */
export async function readDirectoryVersion(ex: Executor): Promise<number> {
  const [row] = await directoryVersionQuery(ex);
  return Number(row?.version ?? 0);
}
