import type { MeetingAction } from '../../../common/meetings';
import type { Role } from '../../../common/schemas/roles';
import { type Actor, hasRoleOver } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    meeting: MeetingAction | 'read' | 'audit';
  }
}

/**
 * A meeting as its policy sees it: the service fills in the actor's relation to it and
 * where it stands in time, so the policy stays a pure function.
 */
export interface MeetingResource {
  kind: 'meeting';
  organizationPath: string;
  status: string;
  secrecy: string;
  createdBy: string;
  /** Invited in person. */
  invited: boolean;
  /** Keeps or leads an organization that is invited, so answers for it. */
  answersFor: boolean;
  /** Invited as the meeting's secretary. */
  secretary: boolean;
  /** Invited in person and answered absent or sent a deputy: not coming, so no check-in. */
  declined?: boolean;
  /** Now is before the start, between start and end, or after the end. */
  phase: 'before' | 'during' | 'after';
  /** The meeting is today in Vietnam (and not yet over). */
  today: boolean;
}

const OFFICE: readonly Role[] = ['clerk', 'leader', 'admin'];

/** The office of the host organization organizes; a secret meeting only its clerk and its creator. */
export function organizes(actor: Actor, m: MeetingResource): boolean {
  if (m.createdBy === actor.userId) return true;
  if (m.secrecy !== 'normal') return hasRoleOver(actor, ['clerk'], m.organizationPath);
  return hasRoleOver(actor, OFFICE, m.organizationPath);
}

const live = (m: MeetingResource) => m.status === 'invited' || m.status === 'postponed';

export const meetingPolicy = definePolicy<MeetingResource>('meeting', (actor, action, m) => {
  const organizer = organizes(actor, m);
  const runs = organizer || m.secretary;
  switch (action) {
    case 'read':
      // A draft is the office's own until the invitation goes out.
      return organizer || ((m.invited || m.answersFor) && m.status !== 'draft');
    case 'edit':
    case 'send':
      return m.status === 'draft' && organizer;
    case 'reschedule':
    case 'cancel':
      // Once under way a meeting is held; what happened is told in its minutes.
      return live(m) && m.phase === 'before' && organizer;
    case 'addFiles':
      return m.status !== 'cancelled' && m.phase === 'before' && organizer;
    case 'invite':
      return live(m) && m.phase !== 'after' && organizer;
    case 'remind':
      return m.status === 'invited' && m.phase === 'before' && runs;
    case 'reply':
      return live(m) && m.phase !== 'after' && (m.invited || m.answersFor);
    case 'checkIn':
      return m.status === 'invited' && m.today && m.invited && !m.declined;
    case 'doorCode':
      // Shown at the door on the day, until the meeting ends.
      return m.status === 'invited' && m.today && runs;
    case 'attendance':
      return m.status === 'invited' && (m.today || m.phase !== 'before') && runs;
    case 'minutes':
      return m.status === 'invited' && m.phase !== 'before' && runs;
    case 'audit':
      return organizer;
    default:
      return false;
  }
});
