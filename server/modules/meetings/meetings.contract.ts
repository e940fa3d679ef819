import type { MeetingFileKind } from '../../../common/meetings';
import { eventKinds } from '../../platform/events/events';

/** How a meeting's time is written, in the news of it as on the invitation. */
export { meetingTimeLine } from './meetings.rules';

/** What every meeting event says of the meeting, and to whom it matters. */
export interface MeetingFacts {
  meetingId: string;
  organizationId: string;
  title: string;
  place: string;
  /** UTC ISO-8601. */
  startsAt: string;
  /** 'normal', or a secrecy level: news of a secret meeting leaves the app saying only that there is news. */
  secrecy: string;
  /** Who made the change; null when the server's scheduler did. */
  actorId: string | null;
  /** The accounts concerned: those invited, and the offices answering for invited organizations. */
  audience: string[];
}

/** A paper delivered to each one invited, instead of printed: the invitation or a meeting document. */
export interface MeetingPaper {
  kind: 'invitation' | 'document';
  /** Pages of one copy; null when unknown. */
  pages: number | null;
}

/** The invitation was numbered and sent, with the meeting's documents. */
export interface MeetingInvitationSent extends MeetingFacts {
  invitationNumber: string;
  /** Invitations delivered (people and organizations), the copies not printed. */
  invited: number;
  papers: MeetingPaper[];
}

/** More were invited after the invitation went out; `audience` is the newcomers. */
export interface MeetingInviteesAdded extends MeetingFacts {
  invitationNumber: string | null;
  invited: number;
  papers: MeetingPaper[];
}

/** The organizer asked those who have not answered to answer; `audience` is them. */
export type MeetingRepliesRequested = MeetingFacts;

/** The day before a meeting, or its morning. */
export interface MeetingReminderDue extends MeetingFacts {
  which: 'eve' | 'day';
}

/** Moved to a new time or place (`startsAt`, `place` are the new ones), or postponed. */
export interface MeetingChanged extends MeetingFacts {
  postponed: boolean;
  endsAt: string;
  reason: string;
}

export interface MeetingCancelled extends MeetingFacts {
  reason: string;
}

/** Documents added to a meeting already announced, or one replaced by a new version. */
export interface MeetingFilesChanged extends MeetingFacts {
  change: 'added' | 'replaced';
  /** The meeting's invitations, the copies not printed. */
  invited: number;
  /** Pages of each new file; null when unknown. */
  pages: (number | null)[];
}

/** The minutes, conclusion or another paper of the meeting's outcome, sent to everyone invited. */
export interface MeetingMinutesPublished extends MeetingFacts {
  fileKind: MeetingFileKind;
  invited: number;
  pages: (number | null)[];
}

export interface MeetingEvents {
  'meeting.invitation_sent': MeetingInvitationSent;
  'meeting.invitees_added': MeetingInviteesAdded;
  'meeting.replies_requested': MeetingRepliesRequested;
  'meeting.reminder_due': MeetingReminderDue;
  'meeting.changed': MeetingChanged;
  'meeting.cancelled': MeetingCancelled;
  'meeting.files_changed': MeetingFilesChanged;
  'meeting.minutes_published': MeetingMinutesPublished;
}

declare module '../../platform/events/events' {
  interface DomainEvents extends MeetingEvents {}
}

export const meetingEventKinds = eventKinds<MeetingEvents>({
  'meeting.invitation_sent': true,
  'meeting.invitees_added': true,
  'meeting.replies_requested': true,
  'meeting.reminder_due': true,
  'meeting.changed': true,
  'meeting.cancelled': true,
  'meeting.files_changed': true,
  'meeting.minutes_published': true,
});
export type MeetingsModule = ReturnType<typeof import('./meetings.module').createMeetingsModule>;
