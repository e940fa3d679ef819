import dayjs, { type Dayjs } from 'dayjs';
import { WEEKDAY_LABELS } from '../../../common/meetings';

/**
 * Meetings happen in Vietnam, whatever zone the device is set to: times are shown and
 * entered in Vietnam's time. Vietnam keeps UTC+7 all year, so a fixed offset is exact.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

function wallClock(value: string | Date): WallClock | null {
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const hm = (c: WallClock) => `${pad(c.hour)}:${pad(c.minute)}`;
const dmy = (c: WallClock) => `${pad(c.day)}/${pad(c.month)}/${c.year}`;
const key = (c: WallClock) => `${c.year}-${pad(c.month)}-${pad(c.day)}`;

/** "Thứ Hai 30/11/2026" */
export function meetingDay(value: string): string {
  const c = wallClock(value);
  return c ? `${WEEKDAY_LABELS[c.weekday]} ${dmy(c)}` : '';
}

/** "08:00" in Vietnam. */
export function meetingClock(value: string): string {
  const c = wallClock(value);
  return c ? hm(c) : '';
}

/** "08:00 – 11:30, Thứ Hai 30/11/2026"; a meeting over several days names both. */
export function meetingTimeText(startsAt: string, endsAt: string): string {
  const start = wallClock(startsAt);
  const end = wallClock(endsAt);
  if (!start || !end) return '';
  if (key(start) === key(end)) return `${hm(start)} – ${hm(end)}, ${WEEKDAY_LABELS[start.weekday]} ${dmy(start)}`;
  return `${hm(start)} ${WEEKDAY_LABELS[start.weekday]} ${dmy(start)} – ${hm(end)} ${WEEKDAY_LABELS[end.weekday]} ${dmy(end)}`;
}

/** The meeting's day in Vietnam, "yyyy-mm-dd", for grouping on the calendar. */
export function vietnamDayKey(value: string | Date): string {
  const c = wallClock(value);
  return c ? key(c) : '';
}

/** Today in Vietnam, "yyyy-mm-dd": what the list filters `from` and `to` take. */
export function vietnamToday(): string {
  return vietnamDayKey(new Date());
}

/**
 * A picker's value read as Vietnam wall-clock time, sent with its offset:
 * 08:00 picked on a phone set to any zone is 08:00 in Hà Nội.
 */
export function toInstant(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
}

/** The inverse of toInstant: an instant shown in the picker as its Vietnam wall-clock time. */
export function fromInstant(value: string): Dayjs | null {
  const c = wallClock(value);
  return c ? dayjs(`${key(c)}T${hm(c)}`) : null;
}

/** Whether the meeting is still ahead (or under way) now. */
export function isUpcoming(endsAt: string): boolean {
  return new Date(endsAt).getTime() >= Date.now();
}
