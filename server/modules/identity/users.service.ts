import type { Role } from '../../../common/schemas/roles';
import type { UserCreateBody, UserPatchBody, UserView } from '../../../common/schemas/users';
import { foldVietnamese } from '../../../common/text/fold';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { newId, newToken } from '../../platform/ids';
import { auditOf, type Caller, isSystem } from '../../platform/security/actor';
import { hashPassword } from '../../platform/security/password';
import { assertStrongPassword } from '../../platform/security/password-strength';
import { generateTemporaryPassword } from '../../platform/security/temporary-password';
import { hashToken } from '../../platform/security/tokens';
import * as errors from './identity.errors';
import { administeredPaths, type UserAction, type UserResource } from './identity.policy';
import * as repo from './identity.repository';
import { createSignInGuard } from './sign-in-guard.service';

const RESET_LINK_TTL_MS = 24 * 3_600_000;

function userSearchText(u: { username: string; full_name: string; email: string | null; position: string | null }) {
  return foldVietnamese(`${u.username} ${u.full_name} ${u.email ?? ''} ${u.position ?? ''}`).slice(0, 1000);
}

function isUniqueViolation(error: unknown, column: string): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { detail?: string }).detail ?? ''}` : '';
  return /unique|duplicate/i.test(text) && text.includes(column);
}

export function createUsersService(deps: PlatformDeps) {
  const { database, clock, transact, authorizer, config } = deps;
  const db = database.db;
  const guard = createSignInGuard(db, config);

  const authorize = (caller: Caller, action: UserAction, organizationPaths: readonly string[]) => {
    if (isSystem(caller)) return;
    const resource: UserResource = { kind: 'user', organizationPaths };
    authorizer.authorize(caller, action, resource);
  };

  async function resolveGrants(ex: Executor, grants: readonly { organizationId: string; role: Role }[]) {
    const ids = [...new Set(grants.map((g) => g.organizationId))];
    const orgs = await repo.organizationsByIds(ex, ids);
    const missing = ids.filter((id) => !orgs.has(id));
    if (missing.length > 0) throw errors.unknownOrganization(missing);
    // An office outside the deployment has its own system and its own people: no one here works for it.
    const outside = [...orgs.values()].filter((o) => o.reach !== 'inside');
    if (outside.length > 0) throw errors.outsideOrganization(outside.map((o) => o.name));
    const unique = new Map(grants.map((g) => [`${g.organizationId}|${g.role}`, g]));
    return { grants: [...unique.values()], paths: ids.map((id) => orgs.get(id)?.path ?? '') };
  }

  async function view(ex: Executor, id: string): Promise<UserView> {
    const user = await repo.findUserById(ex, id);
    if (!user) throw errors.userNotFound();
    const grants = (await repo.grantsOf(ex, [id])).get(id) ?? [];
    const blocked = await guard.blockedUntil(ex, [id], clock.now().getTime());
    return toView(user, grants, blocked.get(id));
  }

  function toView(user: repo.UserRow, grants: repo.GrantRow[], blockedUntil: number | undefined): UserView {
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      fullName: user.full_name,
      position: user.position,
      personId: user.person_id,
      disabled: user.disabled === 1,
      totpEnabled: user.totp_secret !== null,
      // Sign-in held back across addresses (an address of its own may still get through).
      lockedUntil: blockedUntil === undefined ? null : new Date(blockedUntil).toISOString(),
      lastSignInAt: user.last_sign_in_at,
      version: user.version,
      roles: grants.map((g) => ({
        organizationId: g.organizationId,
        organizationName: g.organizationName,
        role: g.role,
      })),
    };
  }

  async function replacePassword(
    caller: Caller,
    user: NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>,
    password: string,
    mustChange: boolean,
    action: 'users.password_set' | 'users.temporary_password_set',
  ): Promise<UserView> {
    authorize(caller, 'users.update', await currentPaths(user.id));
    const grants = (await repo.grantsOf(db, [user.id])).get(user.id) ?? [];
    await assertStrongPassword(password, [
      user.username,
      user.full_name,
      user.email?.split('@')[0],
      user.position,
      ...(await repo.organizationWords(
        db,
        grants.map((g) => g.organizationId),
      )),
    ]);
    const hash = await hashPassword(password);
    return transact(async ({ trx, audit }) => {
      await repo.updateUser(trx, user.id, {
        password_hash: hash,
        must_change_password: mustChange ? 1 : 0,
        updated_at: clock.now().toISOString(),
      });
      await repo.deleteSessionsOfUser(trx, user.id);
      await guard.clearAccount(trx, user.id);
      // The password itself is never written anywhere but as its hash.
      await audit(auditOf(caller), {
        action,
        entityType: 'user',
        entityId: user.id,
        summary:
          action === 'users.temporary_password_set'
            ? `Đặt mật khẩu tạm thời cho tài khoản ${user.username} (phải đổi khi đăng nhập; các phiên cũ đã kết thúc)`
            : `Đặt mật khẩu mới cho tài khoản ${user.username}`,
      });
      return view(trx, user.id);
    });
  }

  async function currentPaths(userId: string): Promise<string[]> {
    return ((await repo.grantsOf(db, [userId])).get(userId) ?? []).map((g) => g.organizationPath);
  }

  return {
    async list(
      caller: Caller,
      query: { q?: string | undefined; organizationId?: string | undefined; page: number; pageSize: number },
    ) {
      authorize(caller, 'users.list', []);
      const org = query.organizationId
        ? (await repo.organizationsByIds(db, [query.organizationId])).get(query.organizationId)
        : undefined;
      const { rows, total } = await repo.listUsers(db, {
        q: query.q,
        organizationPath: org?.path,
        // Administrators of a branch see the accounts of their branch only.
        withinPaths: isSystem(caller) ? undefined : (administeredPaths(caller) ?? undefined),
        page: query.page,
        pageSize: query.pageSize,
      });
      const ids = rows.map((r) => r.id);
      const grants = await repo.grantsOf(db, ids);
      const blocked = await guard.blockedUntil(db, ids, clock.now().getTime());
      return {
        items: rows.map((r) => toView(r, grants.get(r.id) ?? [], blocked.get(r.id))),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async create(caller: Caller, body: UserCreateBody): Promise<UserView> {
      const { grants, paths } = await resolveGrants(db, body.roles ?? []);
      authorize(caller, 'users.create', paths);
      if (body.personId && !(await repo.personExists(db, body.personId))) throw errors.unknownPerson();
      await assertStrongPassword(body.password, [
        body.username,
        body.fullName,
        body.email?.split('@')[0],
        body.position,
        ...(await repo.organizationWords(
          db,
          grants.map((g) => g.organizationId),
        )),
      ]);
      const passwordHash = await hashPassword(body.password);
      const now = clock.now().toISOString();
      const id = newId();
      const row: repo.UserRow = {
        id,
        username: body.username,
        email: body.email ?? null,
        person_id: body.personId ?? null,
        full_name: body.fullName,
        position: body.position ?? null,
        password_hash: passwordHash,
        must_change_password: (body.mustChangePassword ?? true) ? 1 : 0,
        disabled: 0,
        totp_secret: null,
        totp_pending_secret: null,
        totp_last_step: null,
        last_sign_in_at: null,
        search_text: '',
        version: 1,
        created_at: now,
        updated_at: now,
      };
      row.search_text = userSearchText(row);
      try {
        return await transact(async ({ trx, audit }) => {
          if (await repo.findUserByLogin(trx, body.username)) throw errors.usernameTaken();
          if (body.email && (await repo.findUserByLogin(trx, body.email))) throw errors.emailTaken();
          await repo.insertUser(trx, row);
          await repo.replaceGrants(trx, id, grants, now);
          await audit(auditOf(caller), {
            action: 'users.created',
            entityType: 'user',
            entityId: id,
            summary: `Tạo tài khoản ${body.username} (${body.fullName})`,
            data: { username: body.username, email: row.email, roles: grants },
          });
          return view(trx, id);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'username')) throw errors.usernameTaken();
        if (isUniqueViolation(error, 'email')) throw errors.emailTaken();
        throw error;
      }
    },

    async update(caller: Caller, id: string, body: UserPatchBody): Promise<UserView> {
      const user = await repo.findUserById(db, id);
      if (!user) throw errors.userNotFound();
      authorize(caller, 'users.update', await currentPaths(id));
      if (!isSystem(caller) && body.disabled === true && caller.userId === id) throw errors.cannotDisableSelf();
      const patch: Partial<repo.UserRow> = { updated_at: clock.now().toISOString() };
      if (body.email !== undefined) patch.email = body.email;
      if (body.fullName !== undefined) patch.full_name = body.fullName;
      if (body.position !== undefined) patch.position = body.position;
      if (body.disabled !== undefined) patch.disabled = body.disabled ? 1 : 0;
      const next = { ...user, ...patch };
      patch.search_text = userSearchText(next);
      try {
        return await transact(async ({ trx, audit }) => {
          if (body.email && body.email !== user.email && (await repo.findUserByLogin(trx, body.email))) {
            throw errors.emailTaken();
          }
          const ok = await repo.updateUserVersioned(trx, id, body.version ?? user.version, patch);
          if (!ok) throw staleVersion('Tài khoản');
          if (body.disabled === true) await repo.deleteSessionsOfUser(trx, id);
          await audit(auditOf(caller), {
            action:
              body.disabled === true ? 'users.disabled' : body.disabled === false ? 'users.enabled' : 'users.updated',
            entityType: 'user',
            entityId: id,
            summary: `${body.disabled === true ? 'Vô hiệu hóa' : body.disabled === false ? 'Kích hoạt lại' : 'Sửa'} tài khoản ${user.username}`,
            data: { changes: body },
          });
          return view(trx, id);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'email')) throw errors.emailTaken();
        throw error;
      }
    },

    async setRoles(
      caller: Caller,
      id: string,
      roles: readonly { organizationId: string; role: Role }[],
    ): Promise<UserView> {
      const user = await repo.findUserById(db, id);
      if (!user) throw errors.userNotFound();
      const { grants, paths } = await resolveGrants(db, roles);
      authorize(caller, 'users.update', [...(await currentPaths(id)), ...paths]);
      return transact(async ({ trx, audit }) => {
        const before = (await repo.grantsOf(trx, [id])).get(id) ?? [];
        await repo.replaceGrants(trx, id, grants, clock.now().toISOString());
        if (before.some((g) => g.role === 'admin') && !grants.some((g) => g.role === 'admin')) {
          const admins = await repo.anyAdmin(trx);
          if (!admins) throw errors.lastAdmin();
        }
        await audit(auditOf(caller), {
          action: 'users.roles_changed',
          entityType: 'user',
          entityId: id,
          summary: `Đổi quyền của tài khoản ${user.username}`,
          data: {
            before: before.map((g) => ({ organizationId: g.organizationId, role: g.role })),
            after: grants,
          },
        });
        return view(trx, id);
      });
    },

    async unlock(caller: Caller, id: string): Promise<UserView> {
      const user = await repo.findUserById(db, id);
      if (!user) throw errors.userNotFound();
      authorize(caller, 'users.update', await currentPaths(id));
      return transact(async ({ trx, audit }) => {
        await guard.clearAccount(trx, id);
        await audit(auditOf(caller), {
          action: 'users.unlocked',
          entityType: 'user',
          entityId: id,
          summary: `Mở khóa tài khoản ${user.username}`,
        });
        return view(trx, id);
      });
    },

    /** A one-time link the administrator hands to the user (by e-mail once mail is configured). */
    async createResetLink(caller: Caller, id: string, baseUrl: string): Promise<{ url: string; expiresAt: string }> {
      const user = await repo.findUserById(db, id);
      if (!user) throw errors.userNotFound();
      authorize(caller, 'users.update', await currentPaths(id));
      const token = newToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS).toISOString();
      await transact(async ({ trx, audit }) => {
        await repo.insertResetToken(trx, {
          token_hash: hashToken(token),
          user_id: id,
          created_by: isSystem(caller) ? null : caller.userId,
          created_at: now.toISOString(),
          expires_at: expiresAt,
        });
        await audit(auditOf(caller), {
          action: 'users.reset_link_created',
          entityType: 'user',
          entityId: id,
          summary: `Tạo liên kết đặt lại mật khẩu cho ${user.username}`,
        });
      });
      const base = (config.publicUrl ?? baseUrl).replace(/\/$/, '');
      return { url: `${base}/reset-password?token=${token}`, expiresAt };
    },

    /** For the command line: set a password directly and end the user's sessions. */
    async setPassword(caller: Caller, login: string, password: string, mustChange: boolean): Promise<UserView> {
      const user = await repo.findUserByLogin(db, login);
      if (!user) throw errors.userNotFound();
      return replacePassword(caller, user, password, mustChange, 'users.password_set');
    },

    /**
     * For a person who cannot use a reset link: the administrator types a temporary password
     * or has one made, sees it once, and hands it over. The account must change it at its next
     * sign-in; every session it had ends now.
     */
    async setTemporaryPassword(
      caller: Caller,
      id: string,
      typed: string | undefined,
    ): Promise<{ username: string; password: string }> {
      const user = await repo.findUserById(db, id);
      if (!user) throw errors.userNotFound();
      // One's own password is changed knowing the current one, never reset from the list.
      if (!isSystem(caller) && caller.userId === user.id) throw errors.temporaryPasswordForSelf();
      const password = typed ?? generateTemporaryPassword();
      const updated = await replacePassword(caller, user, password, true, 'users.temporary_password_set');
      return { username: updated.username, password };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
