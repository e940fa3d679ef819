import type { Role } from '../../../common/schemas/roles';
import type { Executor } from '../../platform/db/database';
import { preparedQuery } from '../../platform/db/prepared';
import { matchesFolded, startsWith } from '../../platform/db/search';
import { updateVersioned } from '../../platform/db/versioned';
import type { UsersTable } from './identity.tables';

export type UserRow = UsersTable;

export interface GrantRow {
  organizationId: string;
  organizationPath: string;
  organizationName: string;
  role: Role;
}

export async function findUserByLogin(ex: Executor, login: string): Promise<UserRow | undefined> {
  const normalized = login.trim().toLowerCase();
  return ex
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', normalized), eb('email', '=', normalized)]))
    .executeTakeFirst();
}

export async function findUserById(ex: Executor, id: string): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function grantsOf(ex: Executor, userIds: readonly string[]): Promise<Map<string, GrantRow[]>> {
  const result = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return result;
  const rows = await ex
    .selectFrom('role_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select(['g.user_id', 'g.organization_id', 'o.path', 'o.name', 'g.role'])
    .where('g.user_id', 'in', userIds)
    .orderBy('o.path')
    .orderBy('g.role')
    .execute();
  for (const r of rows) {
    const list = result.get(r.user_id) ?? [];
    list.push({
      organizationId: r.organization_id,
      organizationPath: r.path,
      organizationName: r.name,
      role: r.role as Role,
    });
    result.set(r.user_id, list);
  }
  return result;
}

export async function insertUser(ex: Executor, row: UserRow): Promise<void> {
  await ex.insertInto('users').values(row).execute();
}

export async function updateUser(
  ex: Executor,
  id: string,
  patch: Partial<Omit<UserRow, 'id' | 'created_at'>>,
): Promise<void> {
  await ex.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Optimistic update: succeeds only if nobody changed the row since `version` was read. */
export function updateUserVersioned(
  ex: Executor,
  id: string,
  version: number,
  patch: Partial<Omit<UserRow, 'id' | 'created_at' | 'version'>>,
): Promise<boolean> {
  return updateVersioned(ex, 'users', id, version, patch);
}

export async function replaceGrants(
  ex: Executor,
  userId: string,
  grants: readonly { organizationId: string; role: Role }[],
  now: string,
): Promise<void> {
  await ex.deleteFrom('role_grants').where('user_id', '=', userId).execute();
  if (grants.length === 0) return;
  await ex
    .insertInto('role_grants')
    .values(grants.map((g) => ({ user_id: userId, organization_id: g.organizationId, role: g.role, created_at: now })))
    .execute();
}

export interface UserListFilter {
  q?: string | undefined;
  organizationPath?: string | undefined;
  /** Only accounts with a role somewhere under one of these paths; absent for all accounts. */
  withinPaths?: readonly string[] | undefined;
  page: number;
  pageSize: number;
}

export async function listUsers(ex: Executor, filter: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
  let query = ex.selectFrom('users');
  if (filter.q) query = query.where(matchesFolded('users.search_text', filter.q));
  if (filter.organizationPath) {
    const prefix = filter.organizationPath;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as g')
          .innerJoin('organizations as o', 'o.id', 'g.organization_id')
          .select('g.user_id')
          .whereRef('g.user_id', '=', 'users.id')
          .where(startsWith('o.path', prefix)),
      ),
    );
  }
  if (filter.withinPaths) {
    const paths = filter.withinPaths;
    query = query.where((eb) =>
      paths.length === 0
        ? eb.val(false)
        : eb.exists(
            eb
              .selectFrom('role_grants as g')
              .innerJoin('organizations as o', 'o.id', 'g.organization_id')
              .select('g.user_id')
              .whereRef('g.user_id', '=', 'users.id')
              .where((inner) => inner.or(paths.map((p) => startsWith('o.path', p)))),
          ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('username')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function organizationsByIds(
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, { id: string; path: string; name: string; reach: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .selectFrom('organizations')
    .select(['id', 'path', 'name', 'reach'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function personExists(ex: Executor, id: string): Promise<boolean> {
  const row = await ex.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

// Sessions

export interface SessionWithUser {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  username: string;
  full_name: string;
  email: string | null;
  position: string | null;
  person_id: string | null;
  totp_enabled: boolean;
  must_change_password: number;
  disabled: number;
  grants: GrantRow[];
}

// Runs on every request: prepared once, so only SQLite's own work remains.
const sessionQuery = preparedQuery(1, (ex, id: string) =>
  ex
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('role_grants as g', 'g.user_id', 's.user_id')
    .leftJoin('organizations as o', 'o.id', 'g.organization_id')
    .select([
      's.id',
      's.user_id',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.username',
      'u.full_name',
      'u.email',
      'u.position',
      'u.person_id',
      'u.totp_secret',
      'u.must_change_password',
      'u.disabled',
      'g.organization_id',
      'g.role',
      'o.path',
      'o.name',
    ])
    .where('s.id', '=', id)
    .orderBy('o.path')
    .orderBy('g.role'),
);

/** The session, its user and the user's grants in one query. */
export async function findSession(ex: Executor, id: string): Promise<SessionWithUser | undefined> {
  const rows = await sessionQuery(ex, id);
  const first = rows[0];
  if (!first) return undefined;
  const grants: GrantRow[] = [];
  for (const r of rows) {
    if (r.organization_id && r.role && r.path && r.name) {
      grants.push({
        organizationId: r.organization_id,
        organizationPath: r.path,
        organizationName: r.name,
        role: r.role as Role,
      });
    }
  }
  return {
    id: first.id,
    user_id: first.user_id,
    created_at: first.created_at,
    last_seen_at: first.last_seen_at,
    expires_at: first.expires_at,
    username: first.username,
    full_name: first.full_name,
    email: first.email,
    position: first.position,
    person_id: first.person_id,
    totp_enabled: first.totp_secret !== null,
    must_change_password: first.must_change_password,
    disabled: first.disabled,
    grants,
  };
}

export async function insertSession(
  ex: Executor,
  row: {
    id: string;
    user_id: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
  },
): Promise<void> {
  await ex.insertInto('sessions').values(row).execute();
}

export async function touchSession(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(ex: Executor, userId: string, exceptId?: string): Promise<void> {
  let q = ex.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(ex: Executor, now: string, idleBefore: string): Promise<number> {
  const res = await ex
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

// Password reset tokens

export async function insertResetToken(
  ex: Executor,
  row: { token_hash: string; user_id: string; created_by: string | null; created_at: string; expires_at: string },
): Promise<void> {
  await ex
    .insertInto('password_reset_tokens')
    .values({ ...row, used_at: null })
    .execute();
}

export async function findResetToken(ex: Executor, tokenHash: string) {
  return ex.selectFrom('password_reset_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks the token used; false if another request used it first. */
export async function consumeResetToken(ex: Executor, tokenHash: string, at: string): Promise<boolean> {
  const res = await ex
    .updateTable('password_reset_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The names a guesser tries first for an account: its organizations' and the top organizations'. */
export async function organizationWords(ex: Executor, organizationIds: readonly string[]): Promise<string[]> {
  const rows = await ex
    .selectFrom('organizations')
    .select(['name', 'abbreviation', 'code'])
    .where((eb) =>
      organizationIds.length > 0
        ? eb.or([eb('parent_id', 'is', null), eb('id', 'in', organizationIds)])
        : eb('parent_id', 'is', null),
    )
    .limit(50)
    .execute();
  return rows.flatMap((r) => [r.name, r.abbreviation, r.code]);
}

/**
 * Marks a TOTP step used, only if no later or equal step was: of concurrent sign-ins
 * with the same code exactly one changes the row.
 */
export async function consumeTotpStep(ex: Executor, id: string, step: number): Promise<boolean> {
  const res = await ex
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Whether any account holds the administrator's role anywhere. */
export async function anyAdmin(ex: Executor): Promise<boolean> {
  const row = await ex
    .selectFrom('role_grants')
    .select('user_id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
