import { SCHEDULE_ACTIONS, type ScheduleOwner, type ScheduleStatus, WEEKDAY_LABELS } from '../../../common/meetings';
import type { Schedule, ScheduleItem } from '../../../common/schemas/schedules';
import { addDays } from '../../platform/clock';
import type { Actor } from '../../platform/security/actor';
import type { Authorizer } from '../../platform/security/authorize';
import type { ScheduleResource } from './schedules.policy';
import type { ItemRow, ScheduleRow } from './schedules.repository';

export function resourceOf(row: Pick<ScheduleRow, 'organization_path' | 'status'>): ScheduleResource {
  return { kind: 'schedule', organizationPath: row.organization_path, status: row.status as ScheduleStatus };
}

/** 'Thường trực Huyện ủy Đồng Văn', or the leader's name. */
export function ownerLabel(row: Pick<ScheduleRow, 'owner' | 'owner_name' | 'organization_name'>): string {
  return row.owner === 'leader' ? (row.owner_name ?? 'Lãnh đạo') : `Thường trực ${row.organization_name}`;
}

export function toItem(row: ItemRow, userIds: readonly string[]): ScheduleItem {
  return {
    id: row.id,
    day: row.day,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    content: row.content,
    leadText: row.lead_text,
    attendeesText: row.attendees_text,
    preparersText: row.preparers_text,
    userIds: [...userIds],
    meetingId: row.meeting_id,
    changed: row.changed_at !== null,
    cancelled: row.cancelled_at !== null,
    changeNote: row.change_note,
    version: row.version,
  };
}

export function toSchedule(
  actor: Actor,
  authorizer: Authorizer,
  row: ScheduleRow,
  items: readonly ItemRow[],
  people: ReadonlyMap<string, readonly string[]>,
): Schedule {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    owner: row.owner as ScheduleOwner,
    ownerUserId: row.owner_user_id,
    ownerLabel: ownerLabel(row),
    weekStart: row.week_start,
    status: row.status as ScheduleStatus,
    revision: row.revision,
    publishedAt: row.published_at,
    approvedByName: row.approved_by_name,
    note: row.note,
    items: items.map((i) => toItem(i, people.get(i.id) ?? [])),
    actions: authorizer.allowedActions(actor, SCHEDULE_ACTIONS, resourceOf(row)),
    version: row.version,
  };
}

/** The Standing Committee first, then leaders by name, each organization's together. */
export function compareSchedules(a: ScheduleRow, b: ScheduleRow): number {
  if (a.organization_id !== b.organization_id) {
    const depth = (r: ScheduleRow) => r.organization_path.split('/').length;
    return (
      depth(a) - depth(b) ||
      a.organization_name.localeCompare(b.organization_name, 'vi') ||
      a.organization_path.localeCompare(b.organization_path)
    );
  }
  if (a.owner !== b.owner) return a.owner === 'standing_committee' ? -1 : 1;
  return ownerLabel(a).localeCompare(ownerLabel(b), 'vi') || a.id.localeCompare(b.id);
}

// Dates ----------------------------------------------------------------------------------------

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const ddmm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const ddmmyyyy = (day: string) => `${ddmm(day)}/${day.slice(0, 4)}`;

export const weekEnd = (weekStart: string) => addDays(weekStart, 6);
export const inWeek = (weekStart: string, day: string) => day >= weekStart && day <= weekEnd(weekStart);

/** The ISO 8601 week number: the week holding the year's first Thursday is week 1. */
export function isoWeekNumber(weekStart: string): number {
  const thursday = utc(addDays(weekStart, 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

/** 'Tuần 48 (từ ngày 23/11/2026 đến ngày 29/11/2026)'. */
export function weekLabel(weekStart: string): string {
  return `Tuần ${isoWeekNumber(weekStart)} (từ ngày ${ddmmyyyy(weekStart)} đến ngày ${ddmmyyyy(weekEnd(weekStart))})`;
}

/** 'Thứ Hai 23/11'. */
export function dayLabel(day: string): string {
  return `${WEEKDAY_LABELS[utc(day).getUTCDay()]} ${ddmm(day)}`;
}

/** An item's time as printed and notified: '07:30' or '07:30–11:00'. */
export const itemTime = (i: Pick<ItemRow, 'start_time' | 'end_time'>) =>
  i.end_time ? `${i.start_time}–${i.end_time}` : i.start_time;

/** The instant a Vietnam wall-clock time on `day` stands for (UTC+7 all year, no daylight saving). */
export function vietnamInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+07:00`).toISOString();
}
