import type { AccessRole, CaseAction, CaseStatus } from '../../../common/inspection';
import type { Role } from '../../../common/schemas/roles';
import { type Actor, hasRoleOver } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    inspection_case: CaseAction | 'read' | 'denouncer';
    inspection_commission: 'create' | 'plan' | 'read' | 'report';
  }
}

/** The Inspection Commission's members: officers holding the role at the commission or above it. */
export const COMMISSION: readonly Role[] = ['inspector'];

/**
 * A case as its policy sees it: the commission running it, and what the actor holds on it
 * (`handler` for its creator, its team and those given it to handle; `reader` when given to read).
 */
export interface CaseResource {
  kind: 'inspection_case';
  organizationPath: string;
  access: AccessRole | null;
  status: CaseStatus;
}

/** A commission's own work that is not one case: opening cases, the programme, the reports. */
export interface CommissionResource {
  kind: 'inspection_commission';
  organizationPath: string;
}

export const isCommissionMember = (actor: Actor, organizationPath: string) =>
  hasRoleOver(actor, COMMISSION, organizationPath);

export const casePolicy = definePolicy<CaseResource>('inspection_case', (actor, action, c) => {
  const member = isCommissionMember(actor, c.organizationPath);
  if (!member && c.access === null) return false;
  switch (action as CaseAction | 'read' | 'denouncer') {
    case 'read':
      return true;
    // Who denounced is for those who handle the case, not for the whole commission.
    case 'denouncer':
      return c.access === 'handler';
    case 'record':
    case 'edit':
    case 'link':
      return c.access === 'handler' && c.status === 'open';
    case 'grant':
      return member;
    default:
      return false;
  }
});

export const commissionPolicy = definePolicy<CommissionResource>('inspection_commission', (actor, action, c) => {
  switch (action) {
    case 'create':
    case 'plan':
    case 'read':
    case 'report':
      return isCommissionMember(actor, c.organizationPath);
    default:
      return false;
  }
});

export const commission = (organizationPath: string): CommissionResource => ({
  kind: 'inspection_commission',
  organizationPath,
});
