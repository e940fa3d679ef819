import { type Actor, hasAnyRole, hasRoleOver } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    user: UserAction;
  }
}

/**
 * Accounts: an administrator manages accounts whose roles all lie in
 * organizations under the ones they administer. Accounts holding no role
 * belong to no branch, so only a top-level administrator manages them.
 */
export interface UserResource {
  kind: 'user';
  /** Paths of every organization the account holds (or is about to hold) a role in. */
  organizationPaths: readonly string[];
}

export type UserAction = 'users.list' | 'users.create' | 'users.update';

export function isTopLevelAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin' && g.organizationPath.split('/').filter(Boolean).length === 1);
}

/** The subtrees whose accounts the actor may see; null for a top-level administrator (all of them). */
export function administeredPaths(actor: Actor): string[] | null {
  if (isTopLevelAdmin(actor)) return null;
  return actor.grants.filter((g) => g.role === 'admin').map((g) => g.organizationPath);
}

export const userPolicy = definePolicy<UserResource>('user', (actor, action, resource) => {
  switch (action as UserAction) {
    case 'users.list':
      return hasAnyRole(actor, ['admin']);
    case 'users.create':
    case 'users.update':
      return resource.organizationPaths.length === 0
        ? isTopLevelAdmin(actor)
        : resource.organizationPaths.every((p) => hasRoleOver(actor, ['admin'], p));
    default:
      return false;
  }
});
