import { sql } from 'kysely';
import type { QueueKind } from '../../../common/schemas/documents';
import { addDays } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import { LISTED_COLUMNS, registerName } from './documents.repository';
import { waitingForLeader } from './extensions.repository';

/** The work queues: what waits for a person, by kind. */

/** Whose queue: the person, the units whose office he holds, the units whose registers he keeps. */
export interface QueueOwner {
  userId: string;
  /** Where the person is leader or clerk: a unit's lead assignment is his to take. */
  unitPaths: readonly string[];
  clerkPaths: readonly string[];
}

/** The open assignments of the actor, for queue counts and lists. */
function myAssignments(ex: Executor, who: QueueOwner) {
  const { userId, unitPaths } = who;
  return ex
    .selectFrom('document_assignments as a')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .leftJoin('organizations as uo', 'uo.id', 'a.organization_id')
    .where('a.status', '=', 'open')
    .where('d.status', '=', 'in_progress')
    .where((eb) =>
      eb.or([
        eb('a.user_id', '=', userId),
        ...(unitPaths.length > 0
          ? [eb.and([eb('a.role', '=', 'lead'), eb.or(unitPaths.map((p) => eb('uo.path', 'like', `${p}%`)))])]
          : []),
      ]),
    );
}

export function queueQuery(ex: Executor, who: QueueOwner, kind: QueueKind, day: string) {
  const base = ex.selectFrom('documents as d').innerJoin('organizations as o', 'o.id', 'd.organization_id');
  const { userId, clerkPaths } = who;
  const inAssignments = (filter: (q: ReturnType<typeof myAssignments>) => ReturnType<typeof myAssignments>) =>
    base.where('d.id', 'in', filter(myAssignments(ex, who)).select('a.document_id'));
  switch (kind) {
    case 'toDirect':
      return base
        .where('d.direction', '=', 'incoming')
        .where('d.status', '=', 'submitted')
        .where('d.leader_id', '=', userId);
    case 'toSign':
      return base
        .where('d.direction', '=', 'outgoing')
        .where('d.status', '=', 'submitted')
        .where('d.leader_id', '=', userId);
    case 'toIssue':
      return base
        .where('d.direction', '=', 'outgoing')
        .where('d.status', 'in', ['approved', 'issued'])
        .where((eb) =>
          clerkPaths.length === 0 ? sql<boolean>`1 = 0` : eb.or(clerkPaths.map((p) => eb('o.path', 'like', `${p}%`))),
        );
    case 'toHandle':
      return inAssignments((q) => q.where('a.role', '=', 'lead'));
    case 'toCoHandle':
      return inAssignments((q) => q.where('a.role', '=', 'co'));
    case 'forInformation':
      return base.where('d.status', 'not in', ['cancelled', 'recalled']).where((eb) =>
        eb.or([
          eb(
            'd.id',
            'in',
            ex
              .selectFrom('document_assignments')
              .select('document_id')
              .where('user_id', '=', userId)
              .where('role', '=', 'info')
              .where('status', '=', 'open'),
          ),
          // A document sent to the person himself, until he opens it.
          eb(
            'd.id',
            'in',
            ex
              .selectFrom('document_person_deliveries')
              .select('document_id')
              .where('user_id', '=', userId)
              .where('read_at', 'is', null),
          ),
        ]),
      );
    case 'extensionRequests':
      return base.where('d.id', 'in', waitingForLeader(ex, userId));
    case 'overdue':
      return inAssignments((q) => q.where('a.role', '<>', 'info').where('a.due_date', '<', day));
    case 'dueSoon':
      return inAssignments((q) =>
        q.where('a.role', '<>', 'info').where('a.due_date', '>=', day).where('a.due_date', '<=', addDays(day, 3)),
      );
    default:
      return kind satisfies never;
  }
}

/** How many documents wait in one queue. */
export async function countQueue(ex: Executor, who: QueueOwner, kind: QueueKind, day: string): Promise<number> {
  const row = await queueQuery(ex, who, kind, day)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The documents of one queue, those due first, at most `limit`. */
export async function listQueue(ex: Executor, who: QueueOwner, kind: QueueKind, day: string, limit: number) {
  return queueQuery(ex, who, kind, day)
    .select(LISTED_COLUMNS)
    .select(['o.path as organization_path', 'o.name as organization_name'])
    .select(registerName().as('register_name'))
    .orderBy(sql`case when d.due_date is null then 1 else 0 end`)
    .orderBy('d.due_date')
    .orderBy('d.created_at', 'desc')
    .limit(limit)
    .execute();
}
