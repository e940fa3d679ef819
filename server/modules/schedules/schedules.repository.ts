import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { preparedQuery } from '../../platform/db/prepared';
import { deleteVersioned, updateVersioned } from '../../platform/db/versioned';
import type { ScheduleItemsTable, SchedulesTable } from './schedules.tables';

export type ScheduleRow = SchedulesTable & {
  organization_path: string;
  organization_name: string;
  parent_name: string | null;
  owner_name: string | null;
};
export type ItemRow = ScheduleItemsTable;

const scheduleColumns = (ex: Executor) =>
  ex
    .selectFrom('schedules as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .leftJoin('organizations as p', 'p.id', 'o.parent_id')
    .leftJoin('users as u', 'u.id', 's.owner_user_id')
    .selectAll('s')
    .select(['o.path as organization_path', 'o.name as organization_name', 'p.name as parent_name'])
    .select('u.full_name as owner_name');

export async function findSchedule(ex: Executor, id: string): Promise<ScheduleRow | undefined> {
  return scheduleColumns(ex).where('s.id', '=', id).executeTakeFirst();
}

export async function findScheduleByKey(ex: Executor, organizationId: string, ownerKey: string, week: string) {
  return ex
    .selectFrom('schedules')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('owner_key', '=', ownerKey)
    .where('week_start', '=', week)
    .executeTakeFirst();
}

/** Every schedule of a week, of one organization or of all. */
export async function schedulesOfWeek(ex: Executor, week: string, organizationId?: string): Promise<ScheduleRow[]> {
  let q = scheduleColumns(ex).where('s.week_start', '=', week);
  if (organizationId) q = q.where('s.organization_id', '=', organizationId);
  return q.execute();
}

const weekStampQuery = preparedQuery(1, (ex, week: string) =>
  ex
    .selectFrom('schedules')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('version').as('v'),
      eb.selectFrom('directory_state').select('version').where('id', '=', 1).as('d'),
      eb
        .selectFrom('users')
        .select((u) => u.fn.max('updated_at').as('u'))
        .where('id', 'in', eb.selectFrom('schedules as w').select('w.owner_user_id').where('w.week_start', '=', week))
        .as('u'),
    ])
    .where('week_start', '=', week),
);

/**
 * What a week's answer depends on, read in one indexed query: every change to a schedule or
 * its items moves the schedule's version on (versions only grow and schedules are never
 * deleted, so the count and the sum of versions change with every write), the directory
 * version covers organization names, and the owners' `updated_at` their names.
 */
export async function weekStamp(ex: Executor, week: string): Promise<string> {
  const [row] = await weekStampQuery(ex, week);
  return `${row?.n ?? 0}:${row?.v ?? 0}:${row?.d ?? 0}:${row?.u ?? ''}`;
}

export async function insertSchedule(ex: Executor, row: Insertable<SchedulesTable>) {
  await ex.insertInto('schedules').values(row).execute();
}

/** Moves a schedule on only if nobody else did since `version`. */
export async function advanceSchedule(
  ex: Executor,
  id: string,
  version: number,
  patch: Updateable<SchedulesTable>,
): Promise<boolean> {
  return updateVersioned(ex, 'schedules', id, version, patch);
}

/**
 * For item changes: holds the schedule in `status` and moves its version on (so someone
 * about to submit it sees it changed), and after publishing its revision too. The new
 * revision, or null when the schedule left that status meanwhile.
 */
export async function touchSchedule(
  ex: Executor,
  id: string,
  status: string,
  at: string,
  newRevision: boolean,
): Promise<number | null> {
  const row = await ex
    .updateTable('schedules')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: at,
      ...(newRevision && { revision: eb('revision', '+', 1) }),
    }))
    .where('id', '=', id)
    .where('status', '=', status)
    .returning('revision')
    .executeTakeFirst();
  return row ? row.revision : null;
}

export async function itemsOf(ex: Executor, scheduleIds: readonly string[]): Promise<ItemRow[]> {
  if (scheduleIds.length === 0) return [];
  return ex
    .selectFrom('schedule_items')
    .selectAll()
    .where('schedule_id', 'in', [...scheduleIds])
    .orderBy('day')
    .orderBy('start_time')
    .orderBy('id')
    .execute();
}

/** The people attached to each item. */
export async function peopleOf(ex: Executor, itemIds: readonly string[]): Promise<Map<string, string[]>> {
  const people = new Map<string, string[]>();
  if (itemIds.length === 0) return people;
  const rows = await ex
    .selectFrom('schedule_item_people')
    .select(['item_id', 'user_id'])
    .where('item_id', 'in', [...itemIds])
    .orderBy('item_id')
    .orderBy('user_id')
    .execute();
  for (const r of rows) {
    const list = people.get(r.item_id);
    if (list) list.push(r.user_id);
    else people.set(r.item_id, [r.user_id]);
  }
  return people;
}

export async function findItem(ex: Executor, scheduleId: string, itemId: string) {
  return ex
    .selectFrom('schedule_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('schedule_id', '=', scheduleId)
    .executeTakeFirst();
}

/** The schedule's live item that puts this meeting on it, if any. */
export async function itemOfMeeting(ex: Executor, scheduleId: string, meetingId: string) {
  return ex
    .selectFrom('schedule_items')
    .select('id')
    .where('schedule_id', '=', scheduleId)
    .where('meeting_id', '=', meetingId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
}

export async function insertItem(ex: Executor, row: Insertable<ScheduleItemsTable>) {
  await ex.insertInto('schedule_items').values(row).execute();
}

export async function updateItem(
  ex: Executor,
  id: string,
  version: number,
  patch: Updateable<ScheduleItemsTable>,
): Promise<boolean> {
  return updateVersioned(ex, 'schedule_items', id, version, patch, { where: (eb) => eb('cancelled_at', 'is', null) });
}

export async function deleteItem(ex: Executor, id: string, version: number): Promise<boolean> {
  return deleteVersioned(ex, 'schedule_items', id, version);
}

export async function setItemPeople(ex: Executor, itemId: string, userIds: readonly string[]) {
  await ex.deleteFrom('schedule_item_people').where('item_id', '=', itemId).execute();
  if (userIds.length === 0) return;
  await ex
    .insertInto('schedule_item_people')
    .values([...new Set(userIds)].map((user_id) => ({ item_id: itemId, user_id })))
    .execute();
}

/** The ids among `ids` that are active accounts. */
export async function activeUserIds(ex: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('disabled', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The user is active and holds `leader` at the organization at `path` or above it. */
export async function isLeaderOver(ex: Executor, userId: string, path: string): Promise<boolean> {
  const grants = await ex
    .selectFrom('role_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('o.path')
    .where('g.user_id', '=', userId)
    .where('g.role', '=', 'leader')
    .where('u.disabled', '=', 0)
    .execute();
  return grants.some((g) => path.startsWith(g.path));
}

/** Active accounts holding `leader` at the organization at `path` or above it: who may approve its schedules. */
export async function leadersOver(ex: Executor, path: string): Promise<string[]> {
  const grants = await ex
    .selectFrom('role_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'o.path'])
    .where('g.role', '=', 'leader')
    .where('u.disabled', '=', 0)
    .execute();
  return [...new Set(grants.filter((g) => path.startsWith(g.path)).map((g) => g.id))];
}

/** Schedules waiting for a leader's approval, nearest week first. */
export async function submittedSchedules(ex: Executor): Promise<ScheduleRow[]> {
  return scheduleColumns(ex).where('s.status', '=', 'submitted').orderBy('s.week_start').limit(500).execute();
}

/** Active accounts holding any role granted on the organization itself. */
export async function usersOfOrganization(ex: Executor, organizationId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('u.id')
    .distinct()
    .where('g.organization_id', '=', organizationId)
    .where('u.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

/** The people of the given items, or of every item of the schedule. */
export async function peopleOfItems(ex: Executor, scheduleId: string, itemIds?: readonly string[]) {
  if (itemIds && itemIds.length === 0) return [];
  let q = ex
    .selectFrom('schedule_item_people as p')
    .innerJoin('schedule_items as i', 'i.id', 'p.item_id')
    .select('p.user_id')
    .distinct()
    .where('i.schedule_id', '=', scheduleId);
  if (itemIds) q = q.where('p.item_id', 'in', [...itemIds]);
  return (await q.execute()).map((r) => r.user_id);
}

export async function findOrganization(ex: Executor, id: string) {
  return ex.selectFrom('organizations').select(['id', 'path', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Active accounts with a role granted at the organization at `path` or above it (`above`), or inside its subtree. */
export async function accountsAround(ex: Executor, path: string, role?: string) {
  const ancestors = path.split('/').filter(Boolean);
  let q = ex
    .selectFrom('role_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.full_name', 'u.position', 'g.role', 'o.path'])
    .where('u.disabled', '=', 0)
    .where((eb) => eb.or([eb('o.id', 'in', ancestors), eb('o.path', 'like', `${path}%`)]));
  if (role) q = q.where('g.role', '=', role);
  return q.orderBy('u.full_name').orderBy('u.id').execute();
}
