import type { Transaction } from 'kysely';
import type { ScheduleCreate } from '../../../common/schemas/schedules';
import { isUniqueViolation } from '../../platform/db/errors';
import type { DB } from '../../platform/db/schema';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { SchedulesCore } from './context.service';
import * as errors from './schedules.errors';
import { creation } from './schedules.policy';
import * as repo from './schedules.repository';
import { ownerLabel, resourceOf, weekLabel } from './schedules.view';

/** Items printed on one page of the weekly schedule, for the paper it saves. */
const ITEMS_PER_PAGE = 12;

interface Step {
  version: number;
  note?: string | null;
}

/** Starting a week's schedule, and its way from draft to published. */
export function createSchedulesService(core: SchedulesCore) {
  const { db, deps, now, authorized } = core;

  async function create(actor: Actor, input: ScheduleCreate): Promise<{ id: string }> {
    const org = await repo.findOrganization(db, input.organizationId);
    if (!org) throw errors.unknownOrganization();
    deps.authorizer.authorize(actor, 'create', creation(org.path));
    let ownerUserId: string | null = null;
    if (input.owner === 'leader') {
      if (!input.ownerUserId || !(await repo.isLeaderOver(db, input.ownerUserId, org.path))) {
        throw errors.leaderRequired();
      }
      ownerUserId = input.ownerUserId;
    }
    const ownerKey = ownerUserId ? `user:${ownerUserId}` : 'standing_committee';
    const existing = await repo.findScheduleByKey(db, org.id, ownerKey, input.weekStart);
    if (existing) throw errors.scheduleExists(existing.id);

    const id = newId();
    try {
      await deps.transact(async ({ trx, audit }) => {
        const at = now();
        await repo.insertSchedule(trx, {
          id,
          organization_id: org.id,
          owner: input.owner,
          owner_user_id: ownerUserId,
          owner_key: ownerKey,
          week_start: input.weekStart,
          status: 'draft',
          revision: 0,
          published_at: null,
          approved_by: null,
          approved_by_name: null,
          note: null,
          created_by: actor.userId,
          version: 1,
          created_at: at,
          updated_at: at,
        });
        const row = await core.load(trx, id);
        await audit(auditActorOf(actor), {
          action: 'schedule.create',
          entityType: 'schedule',
          entityId: id,
          summary: `Lập lịch công tác ${weekLabel(input.weekStart)} của ${ownerLabel(row)}`,
        });
      });
    } catch (error) {
      // Two composers starting the same week at once: the unique key has the last word.
      if (!isUniqueViolation(error, 'owner_key')) throw error;
      const first = await repo.findScheduleByKey(db, org.id, ownerKey, input.weekStart);
      throw errors.scheduleExists(first?.id ?? '');
    }
    return { id };
  }

  /** One workflow step: moves the schedule on from the status it was read in, and records it. */
  async function step(
    actor: Actor,
    id: string,
    action: 'submit' | 'approve' | 'return' | 'publish',
    body: Step,
    patch: (row: repo.ScheduleRow, at: string) => Parameters<typeof repo.advanceSchedule>[3],
    summary: string,
    after?: (trx: Transaction<DB>, row: repo.ScheduleRow) => Promise<void>,
  ) {
    const row = await authorized(db, actor, id, action);
    if (action === 'return' && !body.note) throw errors.noteRequired();
    await deps.transact(async ({ trx, audit }) => {
      const at = now();
      const moved = await repo.advanceSchedule(trx, id, body.version, {
        ...patch(row, at),
        note: body.note ?? null,
        updated_at: at,
      });
      if (!moved) throw staleVersion('Lịch công tác');
      if (after) await after(trx, row);
      await audit(auditActorOf(actor), {
        action: `schedule.${action}`,
        entityType: 'schedule',
        entityId: id,
        summary:
          `${summary} ${weekLabel(row.week_start)} của ${ownerLabel(row)}${body.note ? `: ${body.note}` : ''}`.slice(
            0,
            500,
          ),
      });
    });
  }

  return {
    create,

    /** Submitting tells those who may approve: the leaders of the organization and above it. */
    submit: (actor: Actor, id: string, body: Step) =>
      step(
        actor,
        id,
        'submit',
        body,
        () => ({ status: 'submitted' }),
        'Trình duyệt lịch công tác',
        async (trx, row) => {
          const leaders = (await repo.leadersOver(trx, row.organization_path)).filter((u) => u !== actor.userId);
          const items = await repo.itemsOf(trx, [id]);
          await deps.events.emit(trx, 'schedule.submitted', {
            ...core.factsOf(row, actor, leaders),
            itemCount: items.length,
            submittedByName: actor.fullName,
          });
        },
      ),

    /** Schedules the caller may approve now: the work queue's tile. */
    async awaiting(actor: Actor) {
      const rows = await repo.submittedSchedules(db);
      return {
        items: rows
          .filter((r) => deps.authorizer.can(actor, 'approve', resourceOf(r)))
          .map((r) => ({
            id: r.id,
            weekStart: r.week_start,
            weekLabel: weekLabel(r.week_start),
            ownerLabel: ownerLabel(r),
            submittedAt: r.updated_at,
          })),
      };
    },

    approve: (actor: Actor, id: string, body: Step) =>
      step(
        actor,
        id,
        'approve',
        body,
        () => ({ status: 'approved', approved_by: actor.userId, approved_by_name: actor.fullName }),
        'Duyệt lịch công tác',
      ),

    return: (actor: Actor, id: string, body: Step) =>
      step(
        actor,
        id,
        'return',
        body,
        () => ({ status: 'draft', approved_by: null, approved_by_name: null }),
        'Trả lại lịch công tác',
      ),

    /**
     * Publishing puts the week in front of everyone concerned, in the app: they are told,
     * and the copies that would have been printed and carried are counted as paper saved.
     */
    publish: (actor: Actor, id: string, body: Step) =>
      step(
        actor,
        id,
        'publish',
        body,
        (_row, at) => ({ status: 'published', revision: 1, published_at: at }),
        'Công bố lịch công tác',
        async (trx, row) => {
          const items = await repo.itemsOf(trx, [id]);
          const recipients = await core.audience(trx, row, actor);
          await deps.events.emit(trx, 'schedule.published', {
            ...core.factsOf(row, actor, recipients),
            itemCount: items.length,
            pages: Math.max(1, Math.ceil(items.length / ITEMS_PER_PAGE)),
          });
        },
      ),
  };
}

export type SchedulesService = ReturnType<typeof createSchedulesService>;
