import dayjs, { type Dayjs } from 'dayjs';
import { WEEKDAY_LABELS } from '../../../common/meetings';
import { dayOf, hourMinute, VIETNAM_OFFSET, vietnamWallClock, type WallClock } from '../../../common/time/vietnam';

/**
 * Meetings happen in Vietnam, whatever zone the device is set to: times are shown and
 * entered in Vietnam's time.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (c: WallClock) => `${pad(c.day)}/${pad(c.month)}/${c.year}`;

/** "Thứ Hai 30/11/2026" */
export function meetingDay(value: string): string {
  const c = vietnamWallClock(value);
  return c ? `${WEEKDAY_LABELS[c.weekday]} ${dmy(c)}` : '';
}

/** "08:00" in Vietnam. */
export function meetingClock(value: string): string {
  const c = vietnamWallClock(value);
  return c ? hourMinute(c) : '';
}

/** "08:00 – 11:30, Thứ Hai 30/11/2026"; a meeting over several days names both. */
export function meetingTimeText(startsAt: string, endsAt: string): string {
  const start = vietnamWallClock(startsAt);
  const end = vietnamWallClock(endsAt);
  if (!start || !end) return '';
  if (dayOf(start) === dayOf(end))
    return `${hourMinute(start)} – ${hourMinute(end)}, ${WEEKDAY_LABELS[start.weekday]} ${dmy(start)}`;
  return `${hourMinute(start)} ${WEEKDAY_LABELS[start.weekday]} ${dmy(start)} – ${hourMinute(end)} ${WEEKDAY_LABELS[end.weekday]} ${dmy(end)}`;
}

/** The meeting's day in Vietnam, "yyyy-mm-dd", for grouping on the calendar. */
export function vietnamDayKey(value: string | Date): string {
  const c = vietnamWallClock(value);
  return c ? dayOf(c) : '';
}

/**
 * A picker's value read as Vietnam wall-clock time, sent with its offset:
 * 08:00 picked on a phone set to any zone is 08:00 in Hà Nội.
 */
export function toInstant(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm')}:00${VIETNAM_OFFSET}`;
}

/** The inverse of toInstant: an instant shown in the picker as its Vietnam wall-clock time. */
export function fromInstant(value: string): Dayjs | null {
  const c = vietnamWallClock(value);
  return c ? dayjs(`${dayOf(c)}T${hourMinute(c)}`) : null;
}

/** Whether the meeting is still ahead (or under way) now. */
export function isUpcoming(endsAt: string): boolean {
  return new Date(endsAt).getTime() >= Date.now();
}
