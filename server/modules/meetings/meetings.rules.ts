import { WEEKDAY_LABELS } from '../../../common/meetings';
import { dayInVietnam } from '../../platform/clock';

/** Committee names start with what the committee is; the rest is the place printed before the date. */
const PLACE_PREFIX =
  /^(tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy (xã|phường|thị trấn|khối)|đảng bộ (xã|phường|thị trấn)|đảng ủy|đảng bộ|chi bộ)\s+/iu;
export const placeOf = (organizationName: string) =>
  organizationName.replace(PLACE_PREFIX, '').trim() || organizationName;

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `08 giờ 00 phút, Thứ Hai, ngày 30/11/2026`, in Vietnam. */
export function meetingTimeLine(iso: string): string {
  const at = new Date(iso);
  const [hh, mm] = TIME.format(at).split(':');
  const day = dayInVietnam(at);
  const weekday = WEEKDAY_LABELS[new Date(`${day}T00:00:00Z`).getUTCDay()];
  const [y, m, d] = day.split('-');
  return `${hh} giờ ${mm} phút, ${weekday}, ngày ${d}/${m}/${y}`;
}
