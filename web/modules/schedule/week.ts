import { WEEKDAY_LABELS } from '../../../common/meetings';
import { addDays, isCalendarDay, mondayOf, weekdayIndex } from '../../../common/time/calendar';
import { ddmm, ddmmyyyy } from '../../../common/time/format';
import { dayInVietnam } from '../../../common/time/vietnam';

/** The week the URL asks for (any day of it), or this week. */
export function weekFromParam(param: string | null, now = new Date()): string {
  if (param && isCalendarDay(param)) return mondayOf(param);
  return mondayOf(dayInVietnam(now));
}

export const weekdayOf = (day: string): string => WEEKDAY_LABELS[weekdayIndex(day)] ?? '';

/** "Thứ Hai, 23/11/2026": a day's heading on the printed weekly schedule. */
export const dayHeading = (day: string) => `${weekdayOf(day)}, ${ddmmyyyy(day)}`;
/** "Thứ Hai 23/11". */
export const dayShort = (day: string) => `${weekdayOf(day)} ${ddmm(day)}`;
/** "23/11 – 29/11/2026". */
export const weekRange = (weekStart: string) => `${ddmm(weekStart)} – ${ddmmyyyy(addDays(weekStart, 6))}`;

/** "07:30" or "07:30 – 11:00". */
export const timeRange = (start: string, end: string | null) => (end ? `${start} – ${end}` : start);
