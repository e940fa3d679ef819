import type { ScheduleAction, ScheduleStatus } from '../../../common/meetings';
import type { Role } from '../../../common/schemas/roles';
import { type Actor, hasRoleOver } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    schedule: ScheduleAction | 'create' | 'read';
  }
}

/**
 * A week's schedule of one organization. `status` is null when asking whether a schedule
 * may be started there at all (`create`).
 */
export interface ScheduleResource {
  kind: 'schedule';
  organizationPath: string;
  status: ScheduleStatus | null;
}

/** The Office composes: clerks, and administrators standing in for them. */
const COMPOSERS: readonly Role[] = ['clerk', 'admin'];
const LEADERS: readonly Role[] = ['leader'];

/** The statuses each step may be taken in. */
export const STEP_STATUSES: Record<ScheduleAction, readonly ScheduleStatus[]> = {
  // While composing, and after publishing as a change everyone concerned hears of.
  edit: ['draft', 'published'],
  submit: ['draft'],
  approve: ['submitted'],
  return: ['submitted'],
  publish: ['approved'],
};

/** Whether the actor's roles allow the step at all, whatever the schedule's status. */
export function hasRightTo(actor: Actor, action: ScheduleAction | 'create', organizationPath: string): boolean {
  switch (action) {
    case 'create':
    case 'edit':
    case 'submit':
    case 'publish':
      return hasRoleOver(actor, COMPOSERS, organizationPath);
    case 'approve':
    case 'return':
      return hasRoleOver(actor, LEADERS, organizationPath);
    default:
      return false;
  }
}

/**
 * A published week is for everyone in the committee: any role at the organization, above
 * it or inside its subtree. Until then only its composers and the leaders over it see it.
 */
export function canRead(actor: Actor, organizationPath: string, status: ScheduleStatus): boolean {
  if (status === 'published') {
    return actor.grants.some(
      (g) => organizationPath.startsWith(g.organizationPath) || g.organizationPath.startsWith(organizationPath),
    );
  }
  return hasRoleOver(actor, [...COMPOSERS, ...LEADERS], organizationPath);
}

export const schedulePolicy = definePolicy<ScheduleResource>('schedule', (actor, action, s) => {
  if (action === 'create') return hasRightTo(actor, 'create', s.organizationPath);
  if (s.status === null || !canRead(actor, s.organizationPath, s.status)) return false;
  if (action === 'read') return true;
  const statuses = STEP_STATUSES[action as ScheduleAction] as readonly ScheduleStatus[] | undefined;
  return !!statuses?.includes(s.status) && hasRightTo(actor, action as ScheduleAction, s.organizationPath);
});

/** The resource asked about when starting a schedule in the organization at `path`. */
export const creation = (organizationPath: string): ScheduleResource => ({
  kind: 'schedule',
  organizationPath,
  status: null,
});
