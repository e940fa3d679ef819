/**
 * Times are stored in UTC and shown in Vietnam's time, whatever the device's zone.
 * Vietnam has kept UTC+7 all year since 1975 (no daylight saving), so a fixed offset is
 * exact for every date the office handles and needs no time-zone database: these
 * functions stay light enough for the web app's first load.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The offset as written after an ISO time: `2026-11-30T08:00:00+07:00`. */
export const VIETNAM_OFFSET = '+07:00';
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a clock on a wall in Vietnam reads it; weekday 0 is Sunday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** The wall clock in Vietnam at an instant; null for a missing or unreadable value. */
export function vietnamWallClock(value: string | Date | null | undefined): WallClock | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** A wall clock's calendar date, "yyyy-mm-dd". */
export const dayOf = (c: WallClock): string => `${String(c.year).padStart(4, '0')}-${pad(c.month)}-${pad(c.day)}`;
/** A wall clock's "HH:mm". */
export const hourMinute = (c: WallClock): string => `${pad(c.hour)}:${pad(c.minute)}`;

/** The calendar date in Vietnam at `at`, as yyyy-mm-dd: what "today" means to the office. */
export function dayInVietnam(at: Date): string {
  const c = vietnamWallClock(at);
  if (!c) throw new RangeError('Invalid time value');
  return dayOf(c);
}

/** The instant a Vietnam wall-clock time ("HH:mm", or "HH:mm:ss") on a day stands for, in UTC. */
export function vietnamInstant(day: string, time = '00:00'): string {
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  return new Date(`${day}T${withSeconds}${VIETNAM_OFFSET}`).toISOString();
}

/**
 * The UTC instants bounding a calendar day (yyyy-mm-dd) in Vietnam: its first and its
 * last millisecond, for inclusive "from" and "to" filters.
 */
export function vietnamDayBounds(day: string): { start: string; end: string } {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const startMs = Date.UTC(year, month - 1, date) - VIETNAM_OFFSET_MS;
  return {
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + DAY_MS - 1).toISOString(),
  };
}
