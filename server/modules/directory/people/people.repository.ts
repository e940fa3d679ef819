import type { Executor } from '../../../platform/db/database';
import { matchesFolded, nameMatchRank, startsWith } from '../../../platform/db/search';
import { updateVersioned } from '../../../platform/db/versioned';
import type { MembershipsTable, PeopleTable } from '../directory.tables';

export type PersonRow = PeopleTable;
export type MembershipRow = MembershipsTable;

export interface MembershipDetail {
  organizationId: string;
  organizationName: string;
  organizationCode: string;
  organizationPath: string;
  position: string | null;
  isPrimary: boolean;
}

const BATCH = 500;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function findPersonById(ex: Executor, id: string): Promise<PersonRow | undefined> {
  return ex.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PersonListFilter {
  q?: string | undefined;
  organizationId?: string | undefined;
  /** With organizationId: also members of every organization below it. */
  organizationPath?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listPeople(
  ex: Executor,
  filter: PersonListFilter,
): Promise<{ rows: PersonRow[]; total: number }> {
  let query = ex.selectFrom('people');
  if (filter.q) query = query.where(matchesFolded('people.search_text', filter.q));
  if (filter.organizationPath) {
    const prefix = filter.organizationPath;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .innerJoin('organizations as o', 'o.id', 'm.organization_id')
          .select('m.person_id')
          .whereRef('m.person_id', '=', 'people.id')
          .where(startsWith('o.path', prefix)),
      ),
    );
  } else if (filter.organizationId) {
    const orgId = filter.organizationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.person_id')
          .whereRef('m.person_id', '=', 'people.id')
          .where('m.organization_id', '=', orgId),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      // The obvious match first: a whole word of a name before a word that only starts
      // with the query, and both before a match in a position title or an address.
      .$if(Boolean(filter.q), (q) => q.orderBy(nameMatchRank('people.full_name', 'people.search_text', filter.q ?? '')))
      .orderBy('search_text')
      .orderBy('id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Memberships of many people at once, primary first, with the organizations' paths for policy checks. */
export async function membershipsOf(
  ex: Executor,
  personIds: readonly string[],
): Promise<Map<string, MembershipDetail[]>> {
  const result = new Map<string, MembershipDetail[]>();
  for (const ids of chunks([...new Set(personIds)])) {
    const rows = await ex
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['m.person_id', 'm.organization_id', 'o.name', 'o.code', 'o.path', 'm.position', 'm.is_primary'])
      .where('m.person_id', 'in', ids)
      .orderBy('m.is_primary', 'desc')
      .orderBy('o.path')
      .execute();
    for (const r of rows) {
      const list = result.get(r.person_id) ?? [];
      list.push({
        organizationId: r.organization_id,
        organizationName: r.name,
        organizationCode: r.code,
        organizationPath: r.path,
        position: r.position,
        isPrimary: Number(r.is_primary) === 1,
      });
      result.set(r.person_id, list);
    }
  }
  return result;
}

/** The people among `personIds` who have a sign-in account. */
export async function peopleWithAccounts(ex: Executor, personIds: readonly string[]): Promise<Set<string>> {
  const result = new Set<string>();
  for (const ids of chunks([...new Set(personIds)])) {
    const rows = await ex.selectFrom('users').select('person_id').where('person_id', 'in', ids).execute();
    for (const r of rows) if (r.person_id) result.add(r.person_id);
  }
  return result;
}

export async function findPeopleBy(
  ex: Executor,
  column: 'id' | 'email' | 'phone',
  values: readonly string[],
): Promise<PersonRow[]> {
  const out: PersonRow[] = [];
  for (const part of chunks([...new Set(values)])) {
    out.push(...(await ex.selectFrom('people').selectAll().where(column, 'in', part).execute()));
  }
  return out;
}

export async function findPersonByEmail(ex: Executor, email: string): Promise<PersonRow | undefined> {
  return ex.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertPeople(ex: Executor, rows: readonly PersonRow[]): Promise<void> {
  for (const part of chunks(rows)) await ex.insertInto('people').values(part).execute();
}

export async function insertMemberships(ex: Executor, rows: readonly MembershipRow[]): Promise<void> {
  for (const part of chunks(rows)) await ex.insertInto('memberships').values(part).execute();
}

export async function replaceMemberships(
  ex: Executor,
  personId: string,
  rows: readonly MembershipRow[],
): Promise<void> {
  await ex.deleteFrom('memberships').where('person_id', '=', personId).execute();
  if (rows.length > 0) await insertMemberships(ex, rows);
}

export type PersonPatchRow = Partial<Omit<PersonRow, 'id' | 'created_at' | 'version'>>;

export function updatePersonVersioned(
  ex: Executor,
  id: string,
  version: number,
  patch: PersonPatchRow,
): Promise<boolean> {
  return updateVersioned(ex, 'people', id, version, patch);
}

export async function groupsContaining(ex: Executor, personId: string): Promise<string[]> {
  const rows = await ex.selectFrom('group_members').select('group_id').where('person_id', '=', personId).execute();
  return rows.map((r) => r.group_id);
}

export async function deletePerson(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('people').where('id', '=', id).execute();
}

/**
 * The addresses of the mailboxes the app gave people or organizations, by owner: what mail
 * really reaches, on the installation's mail domain, whatever the directory's field says.
 */
export async function mailboxAddresses(ex: Executor, kind: 'person' | 'organization'): Promise<Map<string, string>> {
  const rows = await ex.selectFrom('mailboxes').select(['owner_id', 'address']).where('kind', '=', kind).execute();
  return new Map(rows.map((r) => [r.owner_id, r.address]));
}

/** Every person, in the order of their folded names. */
export function allPeople(ex: Executor) {
  return ex.selectFrom('people').selectAll().orderBy('search_text').orderBy('id').execute();
}
