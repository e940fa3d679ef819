import { formatDateTime } from '../../common/time/format';

/** Time source; tests replace it to move through idle and absolute expiry. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export { addDays } from '../../common/time/calendar';
export { dayInVietnam } from '../../common/time/vietnam';

/** For people: `25/11/2026 07:39:04`, in Vietnam's time zone. */
export function formatDisplayTime(iso: string): string {
  const shown = formatDateTime(iso);
  if (!shown) throw new RangeError(`Invalid time value: ${iso}`);
  return shown;
}
