import type { Me, SignInBody } from '../../../common/schemas/auth';
import { type Role, sectionsFor } from '../../../common/schemas/roles';
import type { AuditActor } from '../../platform/audit/audit-log';
import type { PlatformDeps } from '../../platform/deps';
import type { AuthResult } from '../../platform/http/http-server';
import { newToken } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../platform/security/password';
import { assertStrongPassword } from '../../platform/security/password-strength';
import { hashToken } from '../../platform/security/tokens';
import { newTotpSecret, otpauthUrl, verifyTotp } from '../../platform/security/totp';
import * as errors from './identity.errors';
import * as repo from './identity.repository';
import { type Admission, createSignInGuard } from './sign-in-guard.service';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  token: string;
  maxAgeSeconds: number;
  me: Me;
}

/** Sessions are touched at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

export function createAuthService(deps: PlatformDeps) {
  const { database, clock, config, transact } = deps;
  const db = database.db;
  const guard = createSignInGuard(db, config);

  const anonymous = (client: ClientInfo, name: string | null): AuditActor => ({
    userId: null,
    name,
    ip: client.ip,
    userAgent: client.userAgent,
  });

  /** Recorded in the trail; the caller is answered the same whatever the reason. */
  async function recordFailure(user: repo.UserRow | undefined, login: string, client: ClientInfo, reason: string) {
    await transact(async ({ audit }) => {
      await audit(anonymous(client, user?.full_name ?? null), {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        summary: `Đăng nhập không thành công với tên ${login.slice(0, 100)}`,
        data: { login: login.slice(0, 100), reason },
      });
    });
  }

  /** Once per window, when a limit starts refusing: the administrator sees who is being guessed at. */
  async function recordThrottled(
    user: repo.UserRow | undefined,
    login: string,
    client: ClientInfo,
    refusal: Admission & { admitted: false },
  ) {
    if (!refusal.firstRefusal) return;
    const scope = { address: 'địa chỉ', account: 'tài khoản', pair: 'tài khoản tại địa chỉ' }[refusal.scope];
    await transact(async ({ audit }) => {
      await audit(anonymous(client, user?.full_name ?? null), {
        action: 'auth.throttled',
        entityType: 'user',
        entityId: user?.id ?? null,
        summary: `Tạm hoãn đăng nhập theo ${scope} sau nhiều lần sai với tên ${login.slice(0, 100)}`,
        data: { login: login.slice(0, 100), scope: refusal.scope },
      });
    });
  }

  /** The account's own words and its organizations', for judging a new password. */
  async function personalInputs(user: repo.UserRow): Promise<string[]> {
    const grants = (await repo.grantsOf(db, [user.id])).get(user.id) ?? [];
    const orgs = await repo.organizationWords(
      db,
      grants.map((g) => g.organizationId),
    );
    return [user.username, user.full_name, user.email?.split('@')[0] ?? '', user.position ?? '', ...orgs];
  }

  function toMe(
    user: { id: string; username: string; fullName: string } & Actor['account'],
    grants: readonly repo.GrantRow[],
  ): Me {
    const roles = [...new Set(grants.map((g) => g.role))] as Role[];
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      fullName: user.fullName,
      position: user.position,
      personId: user.personId,
      totpEnabled: user.totpEnabled,
      mustChangePassword: user.mustChangePassword,
      roles: grants.map((g) => ({
        organizationId: g.organizationId,
        organizationName: g.organizationName,
        role: g.role,
      })),
      sections: sectionsFor(roles),
    };
  }

  async function me(userId: string): Promise<Me> {
    const user = await repo.findUserById(db, userId);
    if (!user) throw errors.userNotFound();
    const grants = (await repo.grantsOf(db, [userId])).get(userId) ?? [];
    return toMe(
      {
        id: user.id,
        username: user.username,
        fullName: user.full_name,
        email: user.email,
        position: user.position,
        personId: user.person_id,
        totpEnabled: user.totp_secret !== null,
        mustChangePassword: user.must_change_password === 1,
      },
      grants,
    );
  }

  return {
    me,

    /** Who the caller is, from what the session already loaded. */
    meOf: (actor: Actor): Me =>
      toMe({ id: actor.userId, username: actor.username, fullName: actor.fullName, ...actor.account }, actor.grants),

    async signIn(body: SignInBody, client: ClientInfo, previousToken: string | undefined): Promise<SignedIn> {
      const now = clock.now();
      const user = await repo.findUserByLogin(db, body.login);
      // Reserved before the password is checked, so concurrent guesses cannot outrun the count;
      // an unknown name is counted and answered exactly like a real one.
      const admission = await guard.admit(user?.id ?? null, body.login, client.ip ?? '-', now.getTime());
      if (!admission.admitted) {
        await recordThrottled(user, body.login, client, admission);
        throw errors.throttled();
      }
      // Always one scrypt, against a stand-in hash for an unknown name, so time tells nothing either.
      const passwordRight = await verifyPassword(body.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!user || !passwordRight || user.disabled === 1) {
        const reason = !user ? 'unknown_login' : !passwordRight ? 'wrong_password' : 'disabled';
        await recordFailure(user, body.login, client, reason);
        throw errors.invalidCredentials();
      }
      let totpStep: number | null = null;
      if (user.totp_secret) {
        if (!body.totp) {
          await guard.release(admission);
          throw errors.totpRequired();
        }
        totpStep = verifyTotp(user.totp_secret, body.totp, now, user.totp_last_step);
        if (totpStep === null) {
          await recordFailure(user, body.login, client, 'wrong_totp');
          throw errors.totpInvalid();
        }
      }
      const token = newToken();
      const nowIso = now.toISOString();
      const signedIn = await transact(async ({ trx, audit }) => {
        // Each code once: of sign-ins racing with the same code, one takes its step.
        if (totpStep !== null && !(await repo.consumeTotpStep(trx, user.id, totpStep))) return false;
        // Rotation: whatever session the browser had before is ended.
        if (previousToken) await repo.deleteSession(trx, hashToken(previousToken));
        await repo.insertSession(trx, {
          id: hashToken(token),
          user_id: user.id,
          created_at: nowIso,
          last_seen_at: nowIso,
          expires_at: new Date(now.getTime() + config.session.absoluteMs).toISOString(),
          ip: client.ip,
          user_agent: client.userAgent,
        });
        await repo.updateUser(trx, user.id, { last_sign_in_at: nowIso });
        await audit(
          { userId: user.id, name: user.full_name, ip: client.ip, userAgent: client.userAgent },
          { action: 'auth.sign_in', entityType: 'user', entityId: user.id, summary: `${user.full_name} đăng nhập` },
        );
        return true;
      });
      if (!signedIn) {
        await recordFailure(user, body.login, client, 'totp_replayed');
        throw errors.totpInvalid();
      }
      await guard.signedIn(admission, user.id, now.getTime());
      return { token, maxAgeSeconds: Math.floor(config.session.absoluteMs / 1000), me: await me(user.id) };
    },

    async signOut(actor: Actor): Promise<void> {
      await transact(async ({ trx, audit }) => {
        await repo.deleteSession(trx, actor.sessionId);
        await audit(auditActorOf(actor), {
          action: 'auth.sign_out',
          entityType: 'user',
          entityId: actor.userId,
          summary: `${actor.fullName} đăng xuất`,
        });
      });
    },

    /** Resolves the cookie to an actor; ends idle or over-age sessions. */
    async authenticate(token: string | undefined, client: ClientInfo): Promise<AuthResult> {
      if (!token || token.length > 100) return { actor: null, expired: false };
      const id = hashToken(token);
      const session = await repo.findSession(db, id);
      if (!session) return { actor: null, expired: true };
      const now = clock.now();
      const nowMs = now.getTime();
      const idleEnd = Date.parse(session.last_seen_at) + config.session.idleMs;
      if (session.disabled === 1 || Date.parse(session.expires_at) <= nowMs || idleEnd <= nowMs) {
        await repo.deleteSession(db, id);
        return { actor: null, expired: true };
      }
      if (nowMs - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
        await repo.touchSession(db, id, now.toISOString());
      }
      return {
        actor: {
          userId: session.user_id,
          username: session.username,
          fullName: session.full_name,
          account: {
            email: session.email,
            position: session.position,
            personId: session.person_id,
            totpEnabled: session.totp_enabled,
            mustChangePassword: session.must_change_password === 1,
          },
          sessionId: id,
          grants: session.grants,
          ip: client.ip,
          userAgent: client.userAgent,
        },
      };
    },

    /** The account as an actor without a session: for loaders and jobs acting in a person's name. */
    async actorFor(userId: string): Promise<Actor> {
      const user = await repo.findUserById(db, userId);
      if (!user) throw errors.userNotFound();
      const grants = (await repo.grantsOf(db, [userId])).get(userId) ?? [];
      return {
        userId: user.id,
        username: user.username,
        fullName: user.full_name,
        account: {
          email: user.email,
          position: user.position,
          personId: user.person_id,
          totpEnabled: user.totp_secret !== null,
          mustChangePassword: user.must_change_password === 1,
        },
        sessionId: 'system',
        grants,
        ip: null,
        userAgent: null,
      };
    },

    async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw errors.userNotFound();
      if (!(await verifyPassword(currentPassword, user.password_hash))) throw errors.wrongCurrentPassword();
      if (currentPassword === newPassword) throw errors.samePassword();
      await assertStrongPassword(newPassword, await personalInputs(user));
      const hash = await hashPassword(newPassword);
      await transact(async ({ trx, audit }) => {
        await repo.updateUser(trx, user.id, {
          password_hash: hash,
          must_change_password: 0,
          updated_at: clock.now().toISOString(),
        });
        // Other browsers signed in with the old password are signed out.
        await repo.deleteSessionsOfUser(trx, user.id, actor.sessionId);
        await audit(auditActorOf(actor), {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: user.id,
          summary: `${user.full_name} đổi mật khẩu`,
        });
      });
    },

    async resetPassword(token: string, newPassword: string, client: ClientInfo): Promise<void> {
      const tokenHash = hashToken(token);
      const row = await repo.findResetToken(db, tokenHash);
      const nowIso = clock.now().toISOString();
      if (!row || row.used_at || row.expires_at <= nowIso) throw errors.resetTokenInvalid();
      const owner = await repo.findUserById(db, row.user_id);
      if (!owner) throw errors.resetTokenInvalid();
      await assertStrongPassword(newPassword, await personalInputs(owner));
      const hash = await hashPassword(newPassword);
      await transact(async ({ trx, audit }) => {
        if (!(await repo.consumeResetToken(trx, tokenHash, nowIso))) throw errors.resetTokenInvalid();
        const user = await repo.findUserById(trx, row.user_id);
        if (!user) throw errors.resetTokenInvalid();
        await repo.updateUser(trx, user.id, {
          password_hash: hash,
          must_change_password: 0,
          updated_at: nowIso,
        });
        await repo.deleteSessionsOfUser(trx, user.id);
        // The owner proved who they are: whatever held the account back starts over.
        await guard.clearAccount(trx, user.id);
        await audit(anonymous(client, user.full_name), {
          action: 'auth.password_reset',
          entityType: 'user',
          entityId: user.id,
          summary: `${user.full_name} đặt lại mật khẩu bằng liên kết`,
        });
      });
    },

    async startTotp(actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw errors.userNotFound();
      if (user.totp_secret) throw errors.totpAlreadyEnabled();
      const secret = newTotpSecret();
      await repo.updateUser(db, user.id, { totp_pending_secret: secret });
      return { secret, otpauthUrl: otpauthUrl(secret, user.username, 'VanPhong') };
    },

    async enableTotp(actor: Actor, code: string): Promise<void> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw errors.userNotFound();
      if (user.totp_secret) throw errors.totpAlreadyEnabled();
      if (!user.totp_pending_secret) throw errors.totpNotPending();
      const step = verifyTotp(user.totp_pending_secret, code, clock.now(), null);
      if (step === null) throw errors.totpInvalid();
      await transact(async ({ trx, audit }) => {
        await repo.updateUser(trx, user.id, {
          totp_secret: user.totp_pending_secret,
          totp_pending_secret: null,
          totp_last_step: step,
        });
        await audit(auditActorOf(actor), {
          action: 'auth.totp_enabled',
          entityType: 'user',
          entityId: user.id,
          summary: `${user.full_name} bật xác thực hai lớp`,
        });
      });
    },

    async disableTotp(actor: Actor, password: string, code: string): Promise<void> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw errors.userNotFound();
      if (!user.totp_secret) throw errors.totpNotEnabled();
      if (!(await verifyPassword(password, user.password_hash))) throw errors.wrongCurrentPassword();
      const step = verifyTotp(user.totp_secret, code, clock.now(), user.totp_last_step);
      if (step === null) throw errors.totpInvalid();
      await transact(async ({ trx, audit }) => {
        if (!(await repo.consumeTotpStep(trx, user.id, step))) throw errors.totpInvalid();
        await repo.updateUser(trx, user.id, { totp_secret: null, totp_pending_secret: null, totp_last_step: null });
        await audit(auditActorOf(actor), {
          action: 'auth.totp_disabled',
          entityType: 'user',
          entityId: user.id,
          summary: `${user.full_name} tắt xác thực hai lớp`,
        });
      });
    },

    /** Housekeeping: ended sessions, and sign-in limits long over. */
    async purgeExpiredSessions(): Promise<number> {
      const now = clock.now();
      await guard.purge(now.getTime());
      return repo.deleteExpiredSessions(
        db,
        now.toISOString(),
        new Date(now.getTime() - config.session.idleMs).toISOString(),
      );
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
