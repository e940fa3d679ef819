import { WEEKDAY_LABELS } from '../../../common/meetings';

/** Calendar dates as "yyyy-mm-dd", worked out in UTC so no device time zone shifts them. */
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const VALID_DAY = /^\d{4}-\d{2}-\d{2}$/;

const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Vietnam, whatever the device's zone. */
export function todayInVietnam(now = new Date()): string {
  return vietnamDay.format(now);
}

export function addDays(day: string, days: number): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** The Monday of the week holding `day` (weeks run Monday to Sunday). */
export function mondayOf(day: string): string {
  const weekday = utc(day).getUTCDay();
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

/** The week the URL asks for (any day of it), or this week. */
export function weekFromParam(param: string | null, now = new Date()): string {
  if (param && VALID_DAY.test(param) && !Number.isNaN(utc(param).getTime())) return mondayOf(param);
  return mondayOf(todayInVietnam(now));
}

export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

export const weekdayOf = (day: string): string => WEEKDAY_LABELS[utc(day).getUTCDay()] ?? '';
/** "07/12". */
export const ddmm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const ddmmyyyy = (day: string) => `${ddmm(day)}/${day.slice(0, 4)}`;

/** "Thứ Hai, 23/11/2026": a day's heading on the printed weekly schedule. */
export const dayHeading = (day: string) => `${weekdayOf(day)}, ${ddmmyyyy(day)}`;
/** "Thứ Hai 23/11". */
export const dayShort = (day: string) => `${weekdayOf(day)} ${ddmm(day)}`;
/** "23/11 – 29/11/2026". */
export const weekRange = (weekStart: string) => `${ddmm(weekStart)} – ${ddmmyyyy(addDays(weekStart, 6))}`;

/** The ISO 8601 week number, as the printed schedule counts weeks. */
export function isoWeekNumber(weekStart: string): number {
  const thursday = utc(addDays(mondayOf(weekStart), 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

/** "07:30" or "07:30 – 11:00". */
export const timeRange = (start: string, end: string | null) => (end ? `${start} – ${end}` : start);
