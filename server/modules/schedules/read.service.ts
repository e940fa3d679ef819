import type { z } from 'zod';
import type { Schedule, ScheduleWeek, scheduleListQuerySchema } from '../../../common/schemas/schedules';
import { freezeDeep } from '../../platform/http/serializer';
import { type Actor, grantsKey, hasAnyRole } from '../../platform/security/actor';
import type { SchedulesCore } from './context.service';
import * as errors from './schedules.errors';
import { creation, hasRightTo } from './schedules.policy';
import * as repo from './schedules.repository';
import { compareSchedules, resourceOf, toSchedule } from './schedules.view';

type WeekQuery = z.infer<typeof scheduleListQuerySchema>;

export interface PersonChoice {
  id: string;
  fullName: string;
  position: string | null;
}
export interface SchedulePeople {
  /** Active accounts holding `leader` at the organization or above it: whose own week may be composed. */
  leaders: PersonChoice[];
  /** Active accounts with a role at the organization or below it: whose calendars an item may go to. */
  people: PersonChoice[];
}

const MAX_CACHED_WEEKS = 256;

/**
 * Reading schedules. A week's answer depends on the schedules of that week and on the
 * caller's grants only (visibility and actions are decided by roles, never by who asks), so
 * it is kept in memory per week, organization and set of grants, frozen, and used while one
 * indexed read says nothing of that week changed, whichever process changed it.
 */
export function createScheduleReader(core: SchedulesCore) {
  const { db, deps } = core;
  const cache = new Map<string, { stamp: string; value: ScheduleWeek }>();

  async function load(actor: Actor, query: WeekQuery): Promise<ScheduleWeek> {
    const rows = (await repo.schedulesOfWeek(db, query.week, query.organizationId))
      .filter((r) => deps.authorizer.can(actor, 'read', resourceOf(r)))
      .sort(compareSchedules);
    const items = await repo.itemsOf(
      db,
      rows.map((r) => r.id),
    );
    const people = await repo.peopleOf(
      db,
      items.map((i) => i.id),
    );
    const bySchedule = new Map<string, repo.ItemRow[]>();
    for (const item of items) {
      const list = bySchedule.get(item.schedule_id);
      if (list) list.push(item);
      else bySchedule.set(item.schedule_id, [item]);
    }
    let canCompose = hasAnyRole(actor, ['clerk', 'admin']);
    if (query.organizationId && canCompose) {
      const path = rows[0]?.organization_path ?? (await repo.findOrganization(db, query.organizationId))?.path ?? null;
      canCompose = path !== null && hasRightTo(actor, 'create', path);
    }
    return {
      weekStart: query.week,
      schedules: rows.map((r) => toSchedule(actor, deps.authorizer, r, bySchedule.get(r.id) ?? [], people)),
      canCompose,
    };
  }

  return {
    /** Every schedule of the week the caller may see, in three queries, or none while unchanged. */
    async week(actor: Actor, query: WeekQuery): Promise<ScheduleWeek> {
      const stamp = await repo.weekStamp(db, query.week);
      const key = `${query.week}|${query.organizationId ?? ''}|${grantsKey(actor)}`;
      const hit = cache.get(key);
      if (hit && hit.stamp === stamp) {
        // Recently used keys move to the end, so eviction takes the oldest.
        cache.delete(key);
        cache.set(key, hit);
        return hit.value;
      }
      const value = freezeDeep(await load(actor, query));
      cache.set(key, { stamp, value });
      if (cache.size > MAX_CACHED_WEEKS) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return value;
    },

    /** Whom a composer may pick: leaders whose own week may be composed, and people items may go to. */
    async people(actor: Actor, organizationId: string): Promise<SchedulePeople> {
      const org = await repo.findOrganization(db, organizationId);
      if (!org) throw errors.unknownOrganization();
      deps.authorizer.authorize(actor, 'create', creation(org.path));
      const rows = await repo.accountsAround(db, org.path);
      const person = (r: (typeof rows)[number]) => ({ id: r.id, fullName: r.full_name, position: r.position });
      const unique = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
      return {
        leaders: unique(rows.filter((r) => r.role === 'leader' && org.path.startsWith(r.path)).map(person)),
        people: unique(rows.filter((r) => r.path.startsWith(org.path)).map(person)),
      };
    },

    async get(actor: Actor, id: string): Promise<Schedule> {
      const row = await core.authorized(db, actor, id, 'read');
      const items = await repo.itemsOf(db, [id]);
      const people = await repo.peopleOf(
        db,
        items.map((i) => i.id),
      );
      return toSchedule(actor, deps.authorizer, row, items, people);
    },
  };
}

export type ScheduleReader = ReturnType<typeof createScheduleReader>;
