import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { MeetingListQuery } from '../../../common/schemas/meetings';
import { addDays } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';
import { matchesFolded, startsWith } from '../../platform/db/search';

/** The start of a day in Vietnam (UTC+7, no daylight saving), as stored. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();

/** Which meetings a person sees in a list: those they are invited to, those they organize. */
export interface MeetingVisibility {
  userId: string;
  /** Organizations whose invitations the person answers. */
  orgs: string[];
  /** Paths where the person keeps the office (clerk, leader, admin): its meetings that are not secret. */
  officePaths: string[];
  /** Paths where the person is a clerk: all its meetings. */
  clerkPaths: string[];
  scope: MeetingListQuery['scope'];
}

function visibility(v: MeetingVisibility) {
  const { userId, orgs, officePaths, clerkPaths, scope } = v;
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
              ? w.or([w('i.user_id', '=', userId), w('i.organization_id', 'in', orgs)])
              : w('i.user_id', '=', userId),
          ),
      ),
    ]);
    const organized = eb.or([
      eb('m.created_by', '=', userId),
      ...clerkPaths.map((path) => startsWith('o.path', path)),
      ...officePaths.map((path) => eb.and([eb('m.secrecy', '=', 'normal'), startsWith('o.path', path)])),
    ]);
    if (scope === 'mine') return invited;
    if (scope === 'organized') return organized;
    return eb.or([invited, organized]);
  };
}

/** A page of the meetings a person sees, with their counts, and how many there are in all. */
export async function listMeetings(db: Executor, v: MeetingVisibility, q: MeetingListQuery) {
  let query = db
    .selectFrom('meetings as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .where(visibility(v));
  if (q.from) query = query.where('m.starts_at', '>=', dayStart(q.from));
  if (q.to) query = query.where('m.starts_at', '<', dayStart(addDays(q.to, 1)));
  if (q.status) query = query.where('m.status', '=', q.status);
  if (q.body) query = query.where('m.body', '=', q.body);
  if (q.q) query = query.where(matchesFolded('m.search_text', q.q));
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const me = v.userId;
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
      >`(select i.reply from meeting_invitees i where i.meeting_id = m.id and i.user_id = ${me} limit 1)`.as('myReply'),
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
  return { rows, total: Number(counted.n) };
}

/** The meetings a person is invited to, starting in [fromIso, toIso), sent ones only. */
export async function calendarRowsOf(db: Executor, userId: string, fromIso: string, toIso: string) {
  return db
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
}
