import type { Role } from '../../../common/schemas/roles';
import { type Actor, hasAnyRole } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

/** The office roles that see what their organizations saved. */
const VIEWERS: readonly Role[] = ['admin', 'leader', 'clerk'];
declare module '../../platform/security/authorize' {
  interface ResourceActions {
    savings: 'view' | 'configure';
  }
}

export interface SavingsResource {
  kind: 'savings';
}

/** The office sees what it saved; only an administrator sets the prices it is counted at. */
export const savingsPolicy = definePolicy<SavingsResource>('savings', (actor, action) => {
  switch (action) {
    case 'view':
      return hasAnyRole(actor, VIEWERS);
    case 'configure':
      return hasAnyRole(actor, ['admin']);
    default:
      return false;
  }
});

/** The organizations whose savings the actor sees: the subtrees where they hold an office role. */
export function visibleSavingsPaths(actor: Actor): string[] {
  return actor.grants.filter((g) => VIEWERS.includes(g.role)).map((g) => g.organizationPath);
}
