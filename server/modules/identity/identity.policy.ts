import { hasAnyRole, hasRoleOver } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

/**
 * Accounts: an administrator manages accounts whose roles all lie in
 * organizations under the ones they administer.
 */
export interface UserResource {
  kind: 'user';
  /** Paths of every organization the account holds (or is about to hold) a role in. */
  organizationPaths: readonly string[];
}

export type UserAction = 'users.list' | 'users.create' | 'users.update';

export const userPolicy = definePolicy<UserResource>('user', (actor, action, resource) => {
  switch (action as UserAction) {
    case 'users.list':
      return hasAnyRole(actor, ['admin']);
    case 'users.create':
    case 'users.update':
      return hasAnyRole(actor, ['admin']) && resource.organizationPaths.every((p) => hasRoleOver(actor, ['admin'], p));
    default:
      return false;
  }
});
