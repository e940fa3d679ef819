import type { Role } from '../../../common/schemas/roles';
import type { AuditActor } from '../audit/audit-log';

export interface Grant {
  organizationId: string;
  /** Materialized path of the granted organization: a grant covers its whole subtree. */
  organizationPath: string;
  organizationName: string;
  role: Role;
}

/** The signed-in user as every handler and policy sees them. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  /** The account as loaded with the session, enough to answer "who am I" without another query. */
  account: {
    email: string | null;
    position: string | null;
    personId: string | null;
    totpEnabled: boolean;
    mustChangePassword: boolean;
  };
  sessionId: string;
  grants: Grant[];
  ip: string | null;
  userAgent: string | null;
}

export function auditActorOf(actor: Actor): AuditActor {
  return { userId: actor.userId, name: actor.fullName, ip: actor.ip, userAgent: actor.userAgent };
}

/** True when the actor holds one of `roles` in the organization at `path` or above it. */
export function hasRoleOver(actor: Actor, roles: readonly Role[], path: string): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && path.startsWith(g.organizationPath));
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** The command line and the demo loader act as the system: no policy, still audited. */
export interface SystemCaller {
  system: true;
  audit: AuditActor;
}

export type Caller = Actor | SystemCaller;

export function isSystem(caller: Caller): caller is SystemCaller {
  return 'system' in caller;
}

export function auditOf(caller: Caller): AuditActor {
  return isSystem(caller) ? caller.audit : auditActorOf(caller);
}

/**
 * A key equal for two callers holding the same grants: for caching an answer
 * that depends on the caller's roles only, never on who they are.
 */
export function grantsKey(caller: Caller): string {
  if (isSystem(caller)) return 'system';
  return caller.grants
    .map((g) => `${g.role}@${g.organizationPath}`)
    .sort()
    .join(',');
}
