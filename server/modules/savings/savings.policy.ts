import { hasAnyRole } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

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
      return hasAnyRole(actor, ['admin', 'leader', 'clerk']);
    case 'configure':
      return hasAnyRole(actor, ['admin']);
    default:
      return false;
  }
});
