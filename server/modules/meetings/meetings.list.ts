import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { MeetingList, MeetingListQuery, MeetingSummary } from '../../../common/schemas/meetings';
import { addDays } from '../../platform/clock';
import type { DB } from '../../platform/db/schema';
import { matchesFolded, startsWith } from '../../platform/db/search';
import type { Actor } from '../../platform/security/actor';
import type { MeetingsCore } from './meetings.core';

/** The start of a day in Vietnam (UTC+7, no daylight saving), as stored. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();

/** A meeting as a calendar feed shows it (the shape the feed's sources give). */
export interface MeetingCalendarEvent {
  uid: string;
  start: string;
  end: string | null;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  cancelled: boolean;
  sequence: number;
  updatedAt: string;
  key: string;
  attendee: { name: string; id: string; partstat: 'ACCEPTED' | 'DECLINED' | 'DELEGATED' | 'NEEDS-ACTION' };
}

const PARTSTAT = {
  attending: 'ACCEPTED',
  absent: 'DECLINED',
  deputy: 'DELEGATED',
  pending: 'NEEDS-ACTION',
} as const;
const REPLY_PREFIX: Record<string, string> = { absent: 'Vắng: ', deputy: 'Cử người dự thay: ' };

export function createMeetingLists(core: MeetingsCore) {
  const { db } = core;

  function visibility(actor: Actor, scope: MeetingListQuery['scope']) {
    const orgs = core.answerOrgs(actor);
    const office = actor.grants.filter((g) => g.role === 'clerk' || g.role === 'leader' || g.role === 'admin');
    const clerks = actor.grants.filter((g) => g.role === 'clerk');
    return (
      eb: ExpressionBuilder<DB & { m: DB['meetings']; o: DB['organizations'] }, 'm' | 'o'>,
    ): Expression<SqlBool> => {
      const invited = eb.and([
        eb('m.status', '!=', 'draft'),
        eb.exists(
          eb
            .selectFrom('meeting_invitees as i')
            .select(sql`1`.as('one'))
            .whereRef('i.meeting_id', '=', 'm.id')
            .where((w) =>
              orgs.length > 0
                ? w.or([w('i.user_id', '=', actor.userId), w('i.organization_id', 'in', orgs)])
                : w('i.user_id', '=', actor.userId),
            ),
        ),
      ]);
      const organized = eb.or([
        eb('m.created_by', '=', actor.userId),
        ...clerks.map((g) => startsWith('o.path', g.organizationPath)),
        ...office.map((g) => eb.and([eb('m.secrecy', '=', 'normal'), startsWith('o.path', g.organizationPath)])),
      ]);
      if (scope === 'mine') return invited;
      if (scope === 'organized') return organized;
      return eb.or([invited, organized]);
    };
  }

  const base = () => db.selectFrom('meetings as m').innerJoin('organizations as o', 'o.id', 'm.organization_id');

  return {
    async list(actor: Actor, q: MeetingListQuery): Promise<MeetingList> {
      let query = base().where(visibility(actor, q.scope));
      if (q.from) query = query.where('m.starts_at', '>=', dayStart(q.from));
      if (q.to) query = query.where('m.starts_at', '<', dayStart(addDays(q.to, 1)));
      if (q.status) query = query.where('m.status', '=', q.status);
      if (q.body) query = query.where('m.body', '=', q.body);
      if (q.q) query = query.where(matchesFolded('m.search_text', q.q));
      const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const me = actor.userId;
      const rows = await query
        .leftJoin('documents as d', 'd.id', 'm.invitation_document_id')
        .select([
          'm.id',
          'm.organization_id as organizationId',
          'm.body',
          'm.title',
          'm.starts_at as startsAt',
          'm.ends_at as endsAt',
          'm.place',
          'm.status',
          'm.secrecy',
          'm.chair_name as chairName',
          'd.number_text as invitationNumber',
          'm.version',
          sql<number>`(select count(*) from meeting_invitees i where i.meeting_id = m.id)`.as('invited'),
          sql<number>`(select count(*) from meeting_invitees i where i.meeting_id = m.id and i.reply <> 'pending')`.as(
            'answered',
          ),
          sql<number>`(select count(*) from meeting_invitees i where i.meeting_id = m.id and i.reply in ('attending', 'deputy'))`.as(
            'attending',
          ),
          sql<
            string | null
          >`(select i.reply from meeting_invitees i where i.meeting_id = m.id and i.user_id = ${me} limit 1)`.as(
            'myReply',
          ),
          sql<number>`(select count(*) from meeting_files f where f.meeting_id = m.id and f.kind = 'document'
            and f.superseded_at is null and f.withdrawn_at is null and f.added_by <> ${me}
            and f.added_at > (select v.seen_at from meeting_views v where v.meeting_id = m.id and v.user_id = ${me}))`.as(
            'changedFiles',
          ),
        ])
        // Upcoming meetings read soonest first; a list without a start reads newest first.
        .orderBy('m.starts_at', q.from ? 'asc' : 'desc')
        .orderBy('m.id')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
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
      return { items, total: Number(counted.n), page: q.page, pageSize: q.pageSize };
    },

    /** Meetings a person is invited to, for their calendar feed: sent ones only, cancelled ones marked. */
    async calendarEvents(userId: string, fromIso: string, toIso: string): Promise<MeetingCalendarEvent[]> {
      const rows = await db
        .selectFrom('meetings as m')
        .innerJoin('meeting_invitees as i', 'i.meeting_id', 'm.id')
        .select([
          'm.id',
          'm.title',
          'm.starts_at',
          'm.ends_at',
          'm.place',
          'm.status',
          'm.secrecy',
          'm.version',
          'm.updated_at',
          'm.chair_name',
          'i.reply',
          'i.name as invitee_name',
          'i.version as invitee_version',
          'i.replied_at',
        ])
        .where('i.user_id', '=', userId)
        .where('m.status', '!=', 'draft')
        .where('m.starts_at', '>=', fromIso)
        .where('m.starts_at', '<', toIso)
        .execute();
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
