/**
 * Calendar dates as "yyyy-mm-dd", worked out in UTC so that no device's time zone shifts
 * them. Weeks run Monday to Sunday, as the office's weekly schedule does.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** Whether a string is a real calendar date written "yyyy-mm-dd". */
export function isCalendarDay(value: string): boolean {
  return CALENDAR_DAY.test(value) && !Number.isNaN(utc(value).getTime());
}

/** Adds whole days (any sign) to a yyyy-mm-dd date. */
export function addDays(day: string, days: number): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day of the week, 0 for Sunday to 6 for Saturday. */
export const weekdayIndex = (day: string): number => utc(day).getUTCDay();

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = weekdayIndex(day);
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

/** The seven days of the week starting on `weekStart`. */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** The ISO 8601 week number of the week holding `day`: the week holding the year's first Thursday is week 1. */
export function isoWeekNumber(day: string): number {
  const thursday = utc(addDays(mondayOf(day), 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
}
