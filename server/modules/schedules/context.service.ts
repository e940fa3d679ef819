import type { ScheduleAction } from '../../../common/meetings';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { forbidden } from '../../platform/http/errors';
import type { Actor } from '../../platform/security/actor';
import type { ScheduleFacts } from './schedules.contract';
import * as errors from './schedules.errors';
import { hasRightTo } from './schedules.policy';
import * as repo from './schedules.repository';
import { ownerLabel, resourceOf, weekLabel } from './schedules.view';

const ACTION_LABELS: Record<ScheduleAction, string> = {
  edit: 'sửa lịch',
  submit: 'trình duyệt lịch',
  approve: 'duyệt lịch',
  return: 'trả lại lịch',
  publish: 'công bố lịch',
};

/** What every schedule operation needs: load and authorize, and say who is concerned. */
export function createSchedulesCore(deps: PlatformDeps) {
  const { database, clock, authorizer } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();

  async function load(ex: Executor, id: string): Promise<repo.ScheduleRow> {
    const row = await repo.findSchedule(ex, id);
    if (!row) throw errors.scheduleNotFound();
    return row;
  }

  /**
   * Loads a schedule and refuses unless the actor may take `action`: an unseen schedule is
   * "not found"; a step the actor could take in another status is a conflict (someone moved
   * the schedule on meanwhile), otherwise a refusal of rights.
   */
  async function authorized(ex: Executor, actor: Actor, id: string, action: ScheduleAction | 'read') {
    const row = await load(ex, id);
    const resource = resourceOf(row);
    if (!authorizer.can(actor, 'read', resource)) throw errors.scheduleNotFound();
    if (action !== 'read' && !authorizer.can(actor, action, resource)) {
      if (hasRightTo(actor, action, row.organization_path)) throw errors.wrongStatus(ACTION_LABELS[action]);
      throw forbidden();
    }
    return row;
  }

  /**
   * Who hears of a published week and of changes to it: the people of the items concerned
   * and, for the Standing Committee's week, everyone holding a role in the organization
   * itself; for a leader's own week, that leader. Never the actor, who made the change.
   */
  async function audience(ex: Executor, row: repo.ScheduleRow, actor: Actor, itemIds?: readonly string[]) {
    const people = await repo.peopleOfItems(ex, row.id, itemIds);
    const others =
      row.owner === 'standing_committee'
        ? await repo.usersOfOrganization(ex, row.organization_id)
        : [row.owner_user_id];
    return [...new Set([...people, ...others])].filter((id): id is string => !!id && id !== actor.userId);
  }

  /** What an event says of the week's schedule, and who it concerns. */
  function factsOf(row: repo.ScheduleRow, actor: Actor, audience: readonly string[]): ScheduleFacts {
    return {
      scheduleId: row.id,
      organizationId: row.organization_id,
      weekStart: row.week_start,
      weekLabel: weekLabel(row.week_start),
      ownerLabel: ownerLabel(row),
      actorId: actor.userId,
      audience: [...audience],
    };
  }

  return { db, deps, now, load, authorized, audience, factsOf };
}

export type SchedulesCore = ReturnType<typeof createSchedulesCore>;
