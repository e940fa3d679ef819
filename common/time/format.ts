import { vietnamWallClock, type WallClock } from './vietnam';

/** How the office writes dates and times for people: day first, 24-hour clock, Vietnam's time. */
const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (c: WallClock) => `${pad(c.day)}/${pad(c.month)}/${c.year}`;
const hm = (c: WallClock) => `${pad(c.hour)}:${pad(c.minute)}`;

type Instant = string | Date | null | undefined;

/** "dd/MM/yyyy HH:mm:ss" in Vietnam; an empty string for a missing or unreadable value. */
export function formatDateTime(value: Instant): string {
  const c = vietnamWallClock(value);
  return c ? `${dmy(c)} ${hm(c)}:${pad(c.second)}` : '';
}

/** "dd/MM/yyyy HH:mm" in Vietnam: the way a register or a trail shows a moment. */
export function formatDateTimeShort(value: Instant): string {
  const c = vietnamWallClock(value);
  return c ? `${dmy(c)} ${hm(c)}` : '';
}

/** "dd/MM/yyyy": the calendar day in Vietnam at an instant. */
export function formatDate(value: Instant): string {
  const c = vietnamWallClock(value);
  return c ? dmy(c) : '';
}

/** A calendar date stored as "yyyy-mm-dd" shown as "dd/mm/yyyy", with no time-zone shift. */
export function formatCalendarDate(value: string | null | undefined): string {
  if (!value) return '';
  const [year, month, day] = value.slice(0, 10).split('-');
  return year && month && day ? `${day}/${month}/${year}` : value;
}

/** "07/12" for 2026-12-07. */
export const ddmm = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
/** "07/12/2026" for 2026-12-07. */
export const ddmmyyyy = (day: string): string => `${ddmm(day)}/${day.slice(0, 4)}`;
