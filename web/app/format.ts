import { dayInVietnam } from '../../common/time/vietnam';

/** The web app's dates and times: the shared time module, shown in Vietnam's time whatever the device's zone. */
export {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatDateTimeShort,
} from '../../common/time/format';
export { vietnamDayBounds } from '../../common/time/vietnam';

/** Today's date in Vietnam ("yyyy-MM-dd"), whatever the device's zone: the default of every date field. */
export function vietnamToday(now: Date = new Date()): string {
  return dayInVietnam(now);
}
