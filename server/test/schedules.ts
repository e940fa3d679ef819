import type { Kysely } from 'kysely';
import type { Schedule } from '../../common/schemas/schedules';
import * as repo from '../modules/schedules/schedules.repository';
import { addDays } from '../platform/clock';
import type { DB } from '../platform/db/schema';
import { newId } from '../platform/ids';
import { makeOrganization, makeUser, type OrgFixture, sessionFor } from './factories';
import type { TestApp } from './harness';

/** The week of the test clock (25/11/2026): Monday 23/11, ISO week 48. */
export const WEEK = '2026-11-23';

import { client, ok } from './documents';

export { type Client, client, errorCode, ok } from './documents';

/**
 * A district committee with its Office (clerk), two leaders, a member and a specialist, and
 * a commune below it with its own clerk: the world schedule tests need.
 */
export async function makeScheduleOffice(t: TestApp) {
  const committee = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn', abbreviation: 'HU' });
  const commune = await makeOrganization(t, { parent: committee, name: 'Đảng ủy xã Lũng Cú', abbreviation: 'ĐU' });
  const person = async (
    org: OrgFixture,
    role: 'clerk' | 'leader' | 'specialist' | 'member' | 'admin',
    fullName: string,
  ) => {
    const user = await makeUser(t, [{ organization: org, role }], { fullName });
    return { ...user, api: client(t, await sessionFor(t, user)) };
  };
  return {
    committee,
    commune,
    clerk: await person(committee, 'clerk', 'Lò Thị Văn Thư'),
    leader: await person(committee, 'leader', 'Vàng Seo Lãnh Đạo'),
    deputy: await person(committee, 'leader', 'Hoàng Văn Phó'),
    member: await person(committee, 'member', 'Sùng Thị Ủy Viên'),
    specialist: await person(committee, 'specialist', 'Giàng Mí Chuyên Viên'),
    communeClerk: await person(commune, 'clerk', 'Lù Thị Cơ Sở'),
  };
}
export type ScheduleOffice = Awaited<ReturnType<typeof makeScheduleOffice>>;

export const itemInput = (extra: Record<string, unknown> = {}) => ({
  day: '2026-11-24',
  startTime: '08:00',
  endTime: '11:00',
  place: 'Hội trường Huyện ủy',
  content: 'Họp Ban Thường vụ Huyện ủy',
  leadText: 'Đồng chí Bí thư',
  attendeesText: 'Các đồng chí Ủy viên Ban Thường vụ',
  preparersText: 'Văn phòng Huyện ủy',
  userIds: [],
  ...extra,
});

/** Creates a schedule through the API and adds the items; the schedule as it then stands. */
export async function composeSchedule(
  o: ScheduleOffice,
  items: Record<string, unknown>[],
  input: { owner?: 'standing_committee' | 'leader'; ownerUserId?: string; weekStart?: string } = {},
): Promise<Schedule> {
  const { id } = ok<{ id: string }>(
    await o.clerk.api.post('/api/schedules', {
      organizationId: o.committee.id,
      owner: input.owner ?? 'standing_committee',
      ownerUserId: input.ownerUserId ?? null,
      weekStart: input.weekStart ?? WEEK,
    }),
    201,
  );
  for (const item of items) ok(await o.clerk.api.post(`/api/schedules/${id}/items`, itemInput(item)), 201);
  return ok<Schedule>(await o.clerk.api.get(`/api/schedules/${id}`));
}

/** Takes a composed schedule through submit, approve and publish; the published schedule. */
export async function publishSchedule(o: ScheduleOffice, schedule: Schedule): Promise<Schedule> {
  const url = `/api/schedules/${schedule.id}`;
  ok(await o.clerk.api.post(`${url}/submit`, { version: schedule.version }), 204);
  ok(await o.leader.api.post(`${url}/approve`, { version: schedule.version + 1 }), 204);
  ok(await o.clerk.api.post(`${url}/publish`, { version: schedule.version + 2 }), 204);
  return ok<Schedule>(await o.clerk.api.get(url));
}

/**
 * Writes a published week straight into the tables, for benchmarks and large tests: the
 * Standing Committee's week and one week per leader, `itemsPerDay` items Monday to Friday,
 * each attached to `userIds`. Returns the schedules' ids. For `GET /api/schedules?week=`:
 *
 *   const ids = await seedPublishedWeek(db, { organizationId, weekStart: '2026-11-23',
 *     createdBy: clerkId, leaderIds: [leaderId], itemsPerDay: 4, userIds: [leaderId] });
 */
export async function seedPublishedWeek(
  db: Kysely<DB>,
  input: {
    organizationId: string;
    weekStart: string;
    createdBy: string;
    leaderIds?: readonly string[];
    itemsPerDay?: number;
    userIds?: readonly string[];
    at?: Date;
  },
): Promise<string[]> {
  const at = (input.at ?? new Date()).toISOString();
  const owners = [null, ...(input.leaderIds ?? [])];
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const owner of owners) {
      const id = newId();
      ids.push(id);
      await repo.insertSchedule(trx, {
        id,
        organization_id: input.organizationId,
        owner: owner ? 'leader' : 'standing_committee',
        owner_user_id: owner,
        owner_key: owner ? `user:${owner}` : 'standing_committee',
        week_start: input.weekStart,
        status: 'published',
        revision: 1,
        published_at: at,
        approved_by: null,
        approved_by_name: 'Đo hiệu năng',
        note: null,
        created_by: input.createdBy,
        version: 4,
        created_at: at,
        updated_at: at,
      });
      for (let d = 0; d < 5; d++) {
        for (let n = 0; n < (input.itemsPerDay ?? 3); n++) {
          const itemId = newId();
          await repo.insertItem(trx, {
            id: itemId,
            schedule_id: id,
            day: addDays(input.weekStart, d),
            start_time: `${String(7 + 2 * n).padStart(2, '0')}:30`,
            end_time: `${String(8 + 2 * n).padStart(2, '0')}:30`,
            place: 'Hội trường Huyện ủy',
            content: `Làm việc với Đảng ủy các xã về chuyển đổi số, nội dung ${d * 10 + n + 1}`,
            lead_text: 'Đồng chí Bí thư Huyện ủy',
            attendees_text: 'Thường trực Huyện ủy; lãnh đạo các ban xây dựng Đảng; Văn phòng Huyện ủy',
            preparers_text: 'Văn phòng Huyện ủy',
            meeting_id: null,
            changed_at: null,
            cancelled_at: null,
            change_note: null,
            version: 1,
            created_at: at,
            updated_at: at,
          });
          await repo.setItemPeople(trx, itemId, input.userIds ?? []);
        }
      }
    }
  });
  return ids;
}
