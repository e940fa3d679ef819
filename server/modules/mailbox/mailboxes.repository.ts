import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { matchesFolded } from '../../platform/db/search';
import type { MailboxesTable } from './mailbox.tables';

export type MailboxRow = Pick<MailboxesTable, 'id' | 'kind' | 'owner_id' | 'address' | 'name'>;

const COLUMNS = ['id', 'kind', 'owner_id', 'address', 'name'] as const;

/**
 * What the set of mailbox owners depends on, in one read: the directory's version (moved by
 * triggers at every change to organizations and people), the accounts without a person, and
 * the newest account. While it reads the same, no new owner can be without a mailbox.
 */
export async function ownersStamp(ex: Executor): Promise<string> {
  const row = await ex
    .selectFrom('directory_state')
    .select((eb) => [
      'version',
      // Accounts without a person own a mailbox: linking or unlinking one moves this count.
      eb
        .selectFrom('users')
        .select((u) => u.fn.countAll<number>().as('n'))
        .where('person_id', 'is', null)
        .as('users'),
      eb
        .selectFrom('users')
        .select((u) => u.fn.max('id').as('id'))
        .as('newest'),
    ])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? `${row.version}/${row.users}/${row.newest ?? ''}` : '';
}

/** The organizations, people, and accounts without a person, that have no mailbox yet. */
export async function ownersWithoutMailbox(ex: Executor) {
  const organizations = await ex
    .selectFrom('organizations as o')
    .leftJoin('mailboxes as m', (j) => j.onRef('m.owner_id', '=', 'o.id').on('m.kind', '=', 'organization'))
    .select(['o.id', 'o.name', 'o.code', 'o.mailbox'])
    .where('m.id', 'is', null)
    .execute();
  const people = await ex
    .selectFrom('people as p')
    .leftJoin('mailboxes as m', (j) => j.onRef('m.owner_id', '=', 'p.id').on('m.kind', '=', 'person'))
    .select(['p.id', 'p.full_name', 'p.mailbox'])
    .where('m.id', 'is', null)
    .execute();
  const users = await ex
    .selectFrom('users as u')
    .leftJoin('mailboxes as m', (j) => j.onRef('m.owner_id', '=', 'u.id').on('m.kind', '=', 'user'))
    .select(['u.id', 'u.full_name', 'u.username'])
    .where('u.person_id', 'is', null)
    .where('m.id', 'is', null)
    .execute();
  return { organizations, people, users };
}

export async function takenAddresses(ex: Executor): Promise<Set<string>> {
  return new Set((await ex.selectFrom('mailboxes').select('address').execute()).map((r) => r.address));
}

/** New mailboxes; one whose owner or address came meanwhile is skipped. */
export async function insertMailboxes(ex: Executor, rows: Insertable<MailboxesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await ex
      .insertInto('mailboxes')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The mailboxes of an account, of its person, and of these organizations: users' first, then by name. */
export function mailboxesOwnedBy(
  ex: Executor,
  owners: { userId: string; personId: string | null; organizationIds: string[] },
): Promise<MailboxRow[]> {
  return ex
    .selectFrom('mailboxes')
    .select(COLUMNS)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'user'), eb('owner_id', '=', owners.userId)]),
        ...(owners.personId ? [eb.and([eb('kind', '=', 'person'), eb('owner_id', '=', owners.personId)])] : []),
        ...(owners.organizationIds.length > 0
          ? [eb.and([eb('kind', '=', 'organization'), eb('owner_id', 'in', owners.organizationIds)])]
          : []),
      ]),
    )
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
}

export function mailboxesOfOwners(
  ex: Executor,
  kind: MailboxRow['kind'],
  ownerIds: readonly string[],
): Promise<MailboxRow[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return ex
    .selectFrom('mailboxes')
    .select(COLUMNS)
    .where('kind', '=', kind)
    .where('owner_id', 'in', [...ownerIds])
    .execute();
}

export function mailboxesByIds(ex: Executor, ids: readonly string[]): Promise<MailboxRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return ex
    .selectFrom('mailboxes')
    .select(COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
}

export function mailboxesAt(ex: Executor, addresses: readonly string[]): Promise<MailboxRow[]> {
  if (addresses.length === 0) return Promise.resolve([]);
  return ex
    .selectFrom('mailboxes')
    .select(COLUMNS)
    .where('address', 'in', [...addresses])
    .execute();
}

export function mailboxAt(ex: Executor, address: string): Promise<MailboxRow | undefined> {
  return ex.selectFrom('mailboxes').select(COLUMNS).where('address', '=', address).executeTakeFirst();
}

/** The active accounts of these people. */
export function activeUsersOfPeople(ex: Executor, personIds: readonly string[]) {
  return ex
    .selectFrom('users')
    .select(['id', 'person_id'])
    .where('person_id', 'in', [...personIds])
    .where('disabled', '=', 0)
    .execute();
}

/** The active accounts holding one of these roles in these organizations. */
export function activeGrantees(ex: Executor, organizationIds: readonly string[], roles: readonly string[]) {
  return ex
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'g.organization_id'])
    .where('g.organization_id', 'in', [...organizationIds])
    .where('g.role', 'in', [...roles])
    .where('u.disabled', '=', 0)
    .execute();
}

export function groupsByIds(ex: Executor, ids: readonly string[]) {
  return ex
    .selectFrom('distribution_groups')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
}

export function membersOfGroups(ex: Executor, groupIds: readonly string[]) {
  return ex
    .selectFrom('group_members')
    .select(['person_id', 'organization_id'])
    .where('group_id', 'in', [...groupIds])
    .execute();
}

/** Mailboxes by name or address, with or without diacritics. */
export function searchMailboxes(ex: Executor, q: string, limit: number) {
  return ex
    .selectFrom('mailboxes')
    .select(['id', 'kind', 'name', 'address'])
    .where(matchesFolded('search_text', q))
    .orderBy('kind')
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** Distribution groups by name, with how many members each has. */
export function searchGroups(ex: Executor, q: string, limit: number) {
  return ex
    .selectFrom('distribution_groups as g')
    .select((eb) => [
      'g.id',
      'g.name',
      eb
        .selectFrom('group_members as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .as('members'),
    ])
    .where(matchesFolded('g.search_text', q))
    .orderBy('g.name')
    .limit(limit)
    .execute();
}
