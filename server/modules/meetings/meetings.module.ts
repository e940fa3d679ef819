import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import type { GeneratedDocuments } from '../documents/documents.contract';
import { createAttendance } from './attendance.service';
import { createMeetingsCore } from './context.service';
import { createDoorCheckIn } from './door.service';
import { createMeetingFiles } from './files.service';
import { createInvitations, type InvitationMail } from './invitation.service';
import { createMeetingLists } from './lists.service';
import { meetingPolicy } from './meetings.policy';
import { registerMeetingRoutes } from './meetings.routes';
import { createMeetingsService } from './meetings.service';
import { createOfflinePackages } from './offline.service';
import { createMeetingReminders } from './reminders.service';

export const meetingPolicies = [meetingPolicy];

/** Meetings without paper: invitations numbered and sent with their documents, replies, attendance, minutes. */
export function createMeetingsModule(
  deps: PlatformDeps,
  documents: { generated: GeneratedDocuments },
  mailboxes: { official: InvitationMail } | null = null,
) {
  const core = createMeetingsCore(deps);
  const module = {
    meetings: createMeetingsService(core),
    lists: createMeetingLists(core),
    invitations: createInvitations(core, documents.generated, mailboxes?.official ?? null),
    files: createMeetingFiles(core),
    attendance: createAttendance(core),
    /** What a delegate's phone keeps of a meeting to read it with no signal. */
    offline: createOfflinePackages(core),
    /** The rotating code at the door, scanned or typed by delegates to check in. */
    door: createDoorCheckIn(core),
    /** The day before and the morning of, told once; run by the server's scheduler. */
    reminders: createMeetingReminders(core),
  };
  return { ...module, register: (app: App) => registerMeetingRoutes(app, module) };
}
export type MeetingsModule = Omit<ReturnType<typeof createMeetingsModule>, 'register'>;
