/** Times are stored in UTC and always shown in Vietnam's time, whatever the device's zone. */
export const APP_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnam keeps UTC+7 all year (no daylight saving), which makes day boundaries simple. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: APP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const found = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const part of dateTimeParts.formatToParts(date)) {
    if (part.type in found) found[part.type as keyof typeof found] = part.value;
  }
  return found;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "dd/MM/yyyy HH:mm:ss" in Asia/Ho_Chi_Minh; an empty string for a missing or invalid value. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** "dd/MM/yyyy" in Asia/Ho_Chi_Minh. */
export function formatDate(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/**
 * The UTC instants bounding a calendar day (yyyy-mm-dd) in Vietnam: its first and its
 * last millisecond, for inclusive "from" and "to" filters.
 */
export function vietnamDayBounds(isoDate: string): { start: string; end: string } {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const startMs = Date.UTC(year, month - 1, day) - VIETNAM_OFFSET_MS;
  return {
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + 24 * 60 * 60 * 1000 - 1).toISOString(),
  };
}

/** "dd/MM/yyyy HH:mm" in Asia/Ho_Chi_Minh: the way a register or a trail shows a moment. */
export function formatDateTimeShort(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** A calendar date stored as "yyyy-mm-dd" shown as "dd/mm/yyyy", with no time-zone shift. */
export function formatCalendarDate(value: string | null | undefined): string {
  if (!value) return '';
  const [year, month, day] = value.slice(0, 10).split('-');
  return year && month && day ? `${day}/${month}/${year}` : value;
}

/** Today's date in Vietnam ("yyyy-MM-dd"), whatever the device's zone: the default of every date field. */
export function vietnamToday(now: Date = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}
