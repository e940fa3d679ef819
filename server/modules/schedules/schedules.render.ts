import { addDays, formatDisplayTime } from '../../platform/clock';
import {
  renderWeeklySchedulePdf,
  type WeeklyScheduleItem,
  type WeeklyScheduleLayout,
} from '../../platform/render/weekly-schedule';
import type { Actor } from '../../platform/security/actor';
import type { SchedulesCore } from './context.service';
import * as errors from './schedules.errors';
import * as repo from './schedules.repository';
import {
  compareSchedules,
  dayLabel,
  isoWeekNumber,
  itemTime,
  ownerLabel,
  resourceOf,
  weekLabel,
} from './schedules.view';

const FOOTER = 'Lịch có thể được điều chỉnh; lịch mới nhất luôn có trên Văn phòng điện tử.';

export interface PrintedSchedule {
  fileName: string;
  bytes: Buffer;
}

function printedItem(item: repo.ItemRow, lead: string | null): WeeklyScheduleItem {
  return {
    time: itemTime(item),
    content: item.content,
    lead: item.lead_text ?? lead ?? '',
    attendees: item.attendees_text ?? '',
    place: item.place ?? '',
    preparers: item.preparers_text ?? '',
    changed: item.changed_at !== null,
    cancelled: item.cancelled_at !== null,
  };
}

/** Monday to Friday always, Saturday and Sunday only when something is planned on them. */
function daysOf(weekStart: string, entries: readonly { item: repo.ItemRow; lead: string | null }[]) {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)).flatMap((day, i) => {
    const items = entries
      .filter((e) => e.item.day === day)
      .sort((a, b) => a.item.start_time.localeCompare(b.item.start_time))
      .map((e) => printedItem(e.item, e.lead));
    return i >= 5 && items.length === 0 ? [] : [{ label: dayLabel(day), items }];
  });
}

/** '(Bản điều chỉnh lần 2, cập nhật 26/11/2026 14:05)': revision 1 is the week as published. */
function revisionNote(rows: readonly repo.ScheduleRow[]): string | null {
  const changed = rows.filter((r) => r.revision > 1);
  if (changed.length === 0) return null;
  const latest = changed.reduce((a, b) => (a.updated_at > b.updated_at ? a : b));
  const when = formatDisplayTime(latest.updated_at).slice(0, 16);
  return rows.length === 1
    ? `Bản điều chỉnh lần ${latest.revision - 1}, cập nhật ${when}`
    : `Có điều chỉnh sau khi công bố, cập nhật ${when}`;
}

/** A leader's own week names the leader where an item says nothing of who leads it. */
const leadOf = (row: repo.ScheduleRow) =>
  row.owner === 'leader' && row.owner_name ? `Đồng chí ${row.owner_name}` : null;

export function layoutOf(rows: readonly repo.ScheduleRow[], items: readonly repo.ItemRow[]): WeeklyScheduleLayout {
  const first = rows[0];
  if (!first) throw errors.nothingPublished();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const single = rows.length === 1;
  const title = single
    ? `Lịch công tác của ${first.owner === 'leader' ? `đồng chí ${ownerLabel(first)}` : ownerLabel(first)}`
    : rows.some((r) => r.owner === 'standing_committee')
      ? `Lịch công tác của Thường trực và lãnh đạo ${first.organization_name}`
      : `Lịch công tác của lãnh đạo ${first.organization_name}`;
  return {
    issuer: first.organization_name,
    parentIssuer: first.parent_name,
    title,
    weekLabel: weekLabel(first.week_start),
    revisionNote: revisionNote(rows),
    days: daysOf(
      first.week_start,
      items.map((item) => {
        const row = byId.get(item.schedule_id);
        return { item, lead: row ? leadOf(row) : null };
      }),
    ),
    footer: FOOTER,
  };
}

/** The printed week: the form offices pin on the board, made from what the app holds. */
export function createSchedulePrinter(core: SchedulesCore) {
  const { db, deps } = core;

  async function render(rows: readonly repo.ScheduleRow[], fileLabel: string): Promise<PrintedSchedule> {
    const items = await repo.itemsOf(
      db,
      rows.map((r) => r.id),
    );
    const newest = rows.reduce((a, b) => (a.updated_at > b.updated_at ? a : b));
    const bytes = await renderWeeklySchedulePdf(layoutOf(rows, items), { createdAt: new Date(newest.updated_at) });
    const week = rows[0]?.week_start ?? '';
    return { fileName: `Lịch công tác tuần ${isoWeekNumber(week)}-${week.slice(0, 4)} - ${fileLabel}.pdf`, bytes };
  }

  return {
    /** One schedule as it stands, draft or published, for whoever may read it. */
    async printSchedule(actor: Actor, id: string): Promise<PrintedSchedule> {
      const row = await core.authorized(db, actor, id, 'read');
      return render([row], ownerLabel(row));
    },

    /**
     * Every published schedule of the organization's week the caller may see, on one sheet:
     * each day holds every schedule's items by time, a leader's own items naming the leader.
     * Without an organization, the first one the week page lists (the highest in the tree).
     */
    async printWeek(actor: Actor, week: string, organizationId?: string): Promise<PrintedSchedule> {
      const visible = (await repo.schedulesOfWeek(db, week, organizationId))
        .filter((r) => r.status === 'published' && deps.authorizer.can(actor, 'read', resourceOf(r)))
        .sort(compareSchedules);
      const first = visible[0];
      if (!first) throw errors.nothingPublished();
      const rows = visible.filter((r) => r.organization_id === first.organization_id);
      return render(rows, first.organization_name);
    },
  };
}

export type SchedulePrinter = ReturnType<typeof createSchedulePrinter>;
