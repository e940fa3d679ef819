import type { MeetingList, MeetingListQuery, MeetingSummary } from '../../../common/schemas/meetings';
import type { CalendarEvent } from '../../platform/ical';
import type { Actor } from '../../platform/security/actor';
import type { MeetingsCore } from './context.service';
import * as repo from './lists.repository';

/** A meeting as a calendar feed shows it: always with its key and the person's own answer. */
export type MeetingCalendarEvent = CalendarEvent & Required<Pick<CalendarEvent, 'key' | 'attendee'>>;

const PARTSTAT = {
  attending: 'ACCEPTED',
  absent: 'DECLINED',
  deputy: 'DELEGATED',
  pending: 'NEEDS-ACTION',
} as const;
const REPLY_PREFIX: Record<string, string> = { absent: 'Vắng: ', deputy: 'Cử người dự thay: ' };

export function createMeetingLists(core: MeetingsCore) {
  const { db } = core;

  return {
    async list(actor: Actor, q: MeetingListQuery): Promise<MeetingList> {
      const { rows, total } = await repo.listMeetings(
        db,
        {
          userId: actor.userId,
          orgs: core.answerOrgs(actor),
          officePaths: actor.grants
            .filter((g) => g.role === 'clerk' || g.role === 'leader' || g.role === 'admin')
            .map((g) => g.organizationPath),
          clerkPaths: actor.grants.filter((g) => g.role === 'clerk').map((g) => g.organizationPath),
          scope: q.scope,
        },
        q,
      );
      const items: MeetingSummary[] = rows.map((r) => ({
        ...r,
        body: r.body as MeetingSummary['body'],
        status: r.status as MeetingSummary['status'],
        secrecy: r.secrecy as MeetingSummary['secrecy'],
        invitationNumber: r.invitationNumber ?? null,
        invited: Number(r.invited),
        answered: Number(r.answered),
        attending: Number(r.attending),
        myReply: (r.myReply as MeetingSummary['myReply']) ?? null,
        changedFiles: Number(r.changedFiles ?? 0),
      }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    /** Meetings a person is invited to, for their calendar feed: sent ones only, cancelled ones marked. */
    async calendarEvents(userId: string, fromIso: string, toIso: string): Promise<MeetingCalendarEvent[]> {
      const rows = await repo.calendarRowsOf(db, userId, fromIso, toIso);
      return rows.map((m) => ({
        uid: `meeting-${m.id}@vanphong`,
        start: m.starts_at,
        end: m.ends_at,
        // A secret meeting shows only that there is one: phones sync calendars to outside services.
        summary: `${REPLY_PREFIX[m.reply] ?? ''}${m.secrecy === 'normal' ? `Họp: ${m.title}` : 'Cuộc họp (mật)'}`,
        location: m.secrecy === 'normal' ? m.place : null,
        description: m.secrecy === 'normal' && m.chair_name ? `Chủ trì: ${m.chair_name}` : null,
        url: `/meetings/${m.id}`,
        cancelled: m.status === 'cancelled',
        // The person's own answer changes the event too: both versions only grow.
        sequence: Number(m.version) + Number(m.invitee_version),
        updatedAt: m.replied_at && m.replied_at > m.updated_at ? m.replied_at : m.updated_at,
        key: `meeting:${m.id}`,
        attendee: {
          name: m.invitee_name,
          id: userId,
          partstat: PARTSTAT[m.reply as keyof typeof PARTSTAT] ?? 'NEEDS-ACTION',
        },
      }));
    },
  };
}
