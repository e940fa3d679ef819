import type { ScheduleItemPatch, ScheduleItemWrite } from '../../../common/schemas/schedules';
import type { Executor } from '../../platform/db/database';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { UnitOfWork } from '../../platform/transactor';
import type { SchedulesCore } from './context.service';
import * as errors from './schedules.errors';
import * as repo from './schedules.repository';
import { dayLabel, inWeek, itemTime, ownerLabel, weekLabel } from './schedules.view';

type Change = 'add' | 'edit' | 'cancel';
const CHANGE_LABELS: Record<Change, string> = { add: 'bổ sung', edit: 'điều chỉnh', cancel: 'hủy' };

/**
 * The items of a week. While the schedule is a draft they are simply written; once it is
 * published every change takes effect at once, is marked on the item, moves the revision on,
 * is told to everyone concerned and is audited, all in one transaction.
 */
export function createItemsService(core: SchedulesCore) {
  const { db, deps, now, authorized } = core;

  async function requireUsers(ids: readonly string[] | undefined) {
    const unique = [...new Set(ids ?? [])];
    const found = await repo.activeUserIds(db, unique);
    if (found.size !== unique.length) throw errors.unknownUser();
  }

  async function findItem(scheduleId: string, itemId: string) {
    const item = await repo.findItem(db, scheduleId, itemId);
    if (!item) throw errors.itemNotFound();
    if (item.cancelled_at) throw errors.itemCancelled();
    return item;
  }

  /** Holds the schedule in the status the change was allowed in; the revision it is now at. */
  async function touch(trx: Executor, row: repo.ScheduleRow, at: string): Promise<number> {
    const revision = await repo.touchSchedule(trx, row.id, row.status, at, row.status === 'published');
    if (revision === null) throw errors.wrongStatus('sửa lịch');
    return revision;
  }

  /** After publishing: tell the item's people (before and after) and the week's audience, and audit it. */
  async function published(
    uow: UnitOfWork,
    actor: Actor,
    row: repo.ScheduleRow,
    change: Change,
    item: { id: string; day: string; start_time: string; end_time: string | null; content: string },
    revision: number,
    note: string | null | undefined,
    formerPeople: readonly string[] = [],
  ) {
    const recipients = new Set([...(await core.audience(uow.trx, row, actor, [item.id])), ...formerPeople]);
    recipients.delete(actor.userId);
    const what = `${dayLabel(item.day)}, ${itemTime(item)}: ${item.content}`;
    await deps.events.emit(uow.trx, 'schedule.changed', {
      ...core.factsOf(row, actor, [...recipients]),
      change,
      item: what,
      note: note ?? null,
      revision,
    });
    await uow.audit(auditActorOf(actor), {
      action: 'schedule.change',
      entityType: 'schedule',
      entityId: row.id,
      summary:
        `${CHANGE_LABELS[change]} lịch ${weekLabel(row.week_start)} của ${ownerLabel(row)}, bản ${revision}: ${what}`.slice(
          0,
          500,
        ),
      data: { itemId: item.id, change, revision, note: note ?? null },
    });
  }

  return {
    async add(actor: Actor, scheduleId: string, input: ScheduleItemWrite): Promise<{ id: string }> {
      const row = await authorized(db, actor, scheduleId, 'edit');
      if (!inWeek(row.week_start, input.day)) throw errors.dayOutsideWeek();
      await requireUsers(input.userIds);
      if (input.meetingId && (await repo.itemOfMeeting(db, scheduleId, input.meetingId)))
        throw errors.meetingOnSchedule();
      const id = newId();
      await deps.transact(async (uow) => {
        const at = now();
        const revision = await touch(uow.trx, row, at);
        const item = {
          id,
          schedule_id: scheduleId,
          day: input.day,
          start_time: input.startTime,
          end_time: input.endTime ?? null,
          place: input.place ?? null,
          content: input.content,
          lead_text: input.leadText ?? null,
          attendees_text: input.attendeesText ?? null,
          preparers_text: input.preparersText ?? null,
          meeting_id: input.meetingId ?? null,
          changed_at: row.status === 'published' ? at : null,
          cancelled_at: null,
          change_note: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
        await repo.insertItem(uow.trx, item);
        await repo.setItemPeople(uow.trx, id, input.userIds);
        if (row.status === 'published') await published(uow, actor, row, 'add', item, revision, null);
      });
      return { id };
    },

    async edit(actor: Actor, scheduleId: string, itemId: string, patch: ScheduleItemPatch): Promise<void> {
      const row = await authorized(db, actor, scheduleId, 'edit');
      const item = await findItem(scheduleId, itemId);
      const day = patch.day ?? item.day;
      const start = patch.startTime ?? item.start_time;
      const end = patch.endTime === undefined ? item.end_time : patch.endTime;
      if (!inWeek(row.week_start, day)) throw errors.dayOutsideWeek();
      if (end && end <= start) throw errors.endBeforeStart();
      if (patch.userIds) await requireUsers(patch.userIds);
      await deps.transact(async (uow) => {
        const at = now();
        const revision = await touch(uow.trx, row, at);
        const former = patch.userIds ? await repo.peopleOfItems(uow.trx, scheduleId, [itemId]) : [];
        const changed = await repo.updateItem(uow.trx, itemId, patch.version, {
          day,
          start_time: start,
          end_time: end ?? null,
          ...(patch.place !== undefined && { place: patch.place }),
          ...(patch.content !== undefined && { content: patch.content }),
          ...(patch.leadText !== undefined && { lead_text: patch.leadText }),
          ...(patch.attendeesText !== undefined && { attendees_text: patch.attendeesText }),
          ...(patch.preparersText !== undefined && { preparers_text: patch.preparersText }),
          ...(row.status === 'published' && { changed_at: at, change_note: patch.changeNote ?? null }),
          updated_at: at,
        });
        if (!changed) throw staleVersion('Hoạt động trong lịch');
        if (patch.userIds) await repo.setItemPeople(uow.trx, itemId, patch.userIds);
        if (row.status === 'published') {
          const current = {
            ...item,
            day,
            start_time: start,
            end_time: end ?? null,
            content: patch.content ?? item.content,
          };
          await published(uow, actor, row, 'edit', current, revision, patch.changeNote, former);
        }
      });
    },

    /** In a draft the item goes; after publishing it stays, struck through, so readers see what was called off. */
    async cancel(
      actor: Actor,
      scheduleId: string,
      itemId: string,
      body: { version: number; changeNote?: string | null },
    ): Promise<void> {
      const row = await authorized(db, actor, scheduleId, 'edit');
      const item = await findItem(scheduleId, itemId);
      await deps.transact(async (uow) => {
        const at = now();
        const revision = await touch(uow.trx, row, at);
        if (row.status !== 'published') {
          if (!(await repo.deleteItem(uow.trx, itemId, body.version))) throw staleVersion('Hoạt động trong lịch');
          return;
        }
        const cancelled = await repo.updateItem(uow.trx, itemId, body.version, {
          cancelled_at: at,
          changed_at: at,
          change_note: body.changeNote ?? null,
          updated_at: at,
        });
        if (!cancelled) throw staleVersion('Hoạt động trong lịch');
        await published(uow, actor, row, 'cancel', item, revision, body.changeNote);
      });
    },
  };
}

export type ItemsService = ReturnType<typeof createItemsService>;
