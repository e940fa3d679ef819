import type { Executor } from '../../../platform/db/database';
import { matchesFolded } from '../../../platform/db/search';
import { updateVersioned } from '../../../platform/db/versioned';
import type { DistributionGroupsTable } from '../directory.tables';

export type GroupRow = DistributionGroupsTable;
export type GroupWithOwner = GroupRow & { owner_name: string; owner_path: string };
export interface MemberRef {
  kind: 'person' | 'organization';
  id: string;
}

const BATCH = 500;

function withOwner(ex: Executor) {
  return ex
    .selectFrom('distribution_groups as g')
    .innerJoin('organizations as o', 'o.id', 'g.owner_organization_id')
    .selectAll('g')
    .select(['o.name as owner_name', 'o.path as owner_path']);
}

export async function findGroupById(ex: Executor, id: string): Promise<GroupWithOwner | undefined> {
  return withOwner(ex).where('g.id', '=', id).executeTakeFirst();
}

export async function findGroupByName(ex: Executor, ownerId: string, name: string): Promise<GroupRow | undefined> {
  return ex
    .selectFrom('distribution_groups')
    .selectAll()
    .where('owner_organization_id', '=', ownerId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export interface GroupListFilter {
  q?: string | undefined;
  ownerOrganizationId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listGroups(
  ex: Executor,
  filter: GroupListFilter,
): Promise<{ rows: GroupWithOwner[]; total: number }> {
  let query = ex.selectFrom('distribution_groups as g');
  if (filter.q) query = query.where(matchesFolded('g.search_text', filter.q));
  if (filter.ownerOrganizationId) query = query.where('g.owner_organization_id', '=', filter.ownerOrganizationId);
  const [rows, count] = await Promise.all([
    query
      .innerJoin('organizations as o', 'o.id', 'g.owner_organization_id')
      .selectAll('g')
      .select(['o.name as owner_name', 'o.path as owner_path'])
      .orderBy('o.path')
      .orderBy('g.search_text')
      .orderBy('g.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function memberCounts(ex: Executor, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('group_members')
    .select(['group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('group_id', 'in', groupIds)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

export interface NamedMember extends MemberRef {
  name: string;
  sortKey: string;
}

/** The group's members with their names: organizations first, each kind by name. */
export async function membersOf(ex: Executor, groupId: string): Promise<NamedMember[]> {
  const [orgs, people] = await Promise.all([
    ex
      .selectFrom('group_members as gm')
      .innerJoin('organizations as o', 'o.id', 'gm.organization_id')
      .select(['o.id', 'o.name', 'o.search_text'])
      .where('gm.group_id', '=', groupId)
      .orderBy('o.search_text')
      .execute(),
    ex
      .selectFrom('group_members as gm')
      .innerJoin('people as p', 'p.id', 'gm.person_id')
      .select(['p.id', 'p.full_name', 'p.search_text'])
      .where('gm.group_id', '=', groupId)
      .orderBy('p.search_text')
      .execute(),
  ]);
  return [
    ...orgs.map((o) => ({ kind: 'organization' as const, id: o.id, name: o.name, sortKey: o.search_text })),
    ...people.map((p) => ({ kind: 'person' as const, id: p.id, name: p.full_name, sortKey: p.search_text })),
  ];
}

export async function insertGroup(ex: Executor, row: GroupRow): Promise<void> {
  await ex.insertInto('distribution_groups').values(row).execute();
}

export async function replaceMembers(ex: Executor, groupId: string, members: readonly MemberRef[]): Promise<void> {
  await ex.deleteFrom('group_members').where('group_id', '=', groupId).execute();
  for (let i = 0; i < members.length; i += BATCH) {
    await ex
      .insertInto('group_members')
      .values(
        members.slice(i, i + BATCH).map((m) => ({
          group_id: groupId,
          person_id: m.kind === 'person' ? m.id : null,
          organization_id: m.kind === 'organization' ? m.id : null,
        })),
      )
      .execute();
  }
}

export type GroupPatchRow = Partial<Omit<GroupRow, 'id' | 'created_at' | 'version'>>;

export function updateGroupVersioned(
  ex: Executor,
  id: string,
  version: number,
  patch: GroupPatchRow,
): Promise<boolean> {
  return updateVersioned(ex, 'distribution_groups', id, version, patch);
}

export async function deleteGroup(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('distribution_groups').where('id', '=', id).execute();
}

/** Which of `ids` exist, per kind, so a group never lists someone who is not in the directory. */
export async function existingMembers(ex: Executor, members: readonly MemberRef[]): Promise<Set<string>> {
  const found = new Set<string>();
  const people = members.filter((m) => m.kind === 'person').map((m) => m.id);
  const orgs = members.filter((m) => m.kind === 'organization').map((m) => m.id);
  for (let i = 0; i < people.length; i += BATCH) {
    const rows = await ex
      .selectFrom('people')
      .select('id')
      .where('id', 'in', people.slice(i, i + BATCH))
      .execute();
    for (const r of rows) found.add(`person:${r.id}`);
  }
  for (let i = 0; i < orgs.length; i += BATCH) {
    const rows = await ex
      .selectFrom('organizations')
      .select('id')
      .where('id', 'in', orgs.slice(i, i + BATCH))
      .execute();
    for (const r of rows) found.add(`organization:${r.id}`);
  }
  return found;
}

const personColumns = [
  'p.id',
  'p.full_name',
  'p.position',
  'p.phone',
  'p.email',
  'p.mailbox',
  'p.search_text',
] as const;

/** Everyone the group reaches: people listed by name, listed organizations, and those organizations' members. */
export async function expansionOf(ex: Executor, groupId: string) {
  const [direct, organizations, viaOrganizations] = await Promise.all([
    ex
      .selectFrom('group_members as gm')
      .innerJoin('people as p', 'p.id', 'gm.person_id')
      .select(personColumns)
      .where('gm.group_id', '=', groupId)
      .execute(),
    ex
      .selectFrom('group_members as gm')
      .innerJoin('organizations as o', 'o.id', 'gm.organization_id')
      .select(['o.id', 'o.code', 'o.name', 'o.abbreviation', 'o.mailbox'])
      .where('gm.group_id', '=', groupId)
      .orderBy('o.path')
      .execute(),
    ex
      .selectFrom('group_members as gm')
      .innerJoin('memberships as m', 'm.organization_id', 'gm.organization_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select([...personColumns, 'm.organization_id'])
      .where('gm.group_id', '=', groupId)
      .execute(),
  ]);
  return { direct, organizations, viaOrganizations };
}
