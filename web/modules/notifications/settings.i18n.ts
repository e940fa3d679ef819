import { NOTIFICATION_KINDS } from '../../../common/meetings';

/** Document events, told the same way as meetings and the schedule. */
const DOCUMENT_KINDS = [
  'document_assigned',
  'document_due',
  'document_overdue',
  'document_recalled',
  'document_arrived',
  'document_received',
] as const;

/** Every kind of event a person can hear of, in the order the settings list them. */
export const SETTINGS_KINDS: readonly string[] = [...new Set<string>([...NOTIFICATION_KINDS, ...DOCUMENT_KINDS])];

/** The notification settings page's strings (loaded with the page, not with the bell). */
export const notificationSettingsVi = {
  title: 'Cài đặt thông báo',
  channelsTitle: 'Kênh nhận thông báo',
  channelsIntro:
    'Thông báo trong phần mềm (chuông ở đầu trang) luôn được gửi. Ngoài ra có thể nhận thêm qua thư điện tử và tin nhắn SMS.',
  email: 'Thư điện tử',
  emailHint: 'Gửi tới địa chỉ thư điện tử trong hồ sơ của đồng chí.',
  sms: 'Tin nhắn SMS',
  smsHint: 'Tin nhắn được gửi không dấu, gói gọn trong 160 ký tự.',
  secretHint: 'Với việc mật, thư điện tử và SMS chỉ báo là có tin mới; nội dung chỉ xem được khi đăng nhập phần mềm.',
  quietTitle: 'Giờ yên lặng cho SMS',
  quietHint:
    'Tin nhắn SMS rơi vào khoảng giờ này sẽ được giữ lại và gửi khi hết giờ yên lặng. Thư điện tử không bị ảnh hưởng.',
  quietFrom: 'Từ',
  quietTo: 'Đến',
  quietOvernight: 'Khoảng giờ kéo sang sáng hôm sau.',
  quietNone: 'Giờ bắt đầu trùng giờ kết thúc: không có giờ yên lặng.',
  matrixTitle: 'Nhận những tin nào',
  matrixHint: 'Đánh dấu những loại sự kiện muốn nhận qua từng kênh.',
  kind: 'Loại sự kiện',
  channelOff: 'Kênh này đang tắt',
  allOf: (channel: string) => `Chọn tất cả cho ${channel}`,
  groups: { meeting: 'Cuộc họp', schedule: 'Lịch công tác', document: 'Văn bản', mail: 'Hòm thư công vụ' } as Record<
    string,
    string
  >,
  kinds: {
    meeting_invited: 'Được mời họp',
    meeting_changed: 'Cuộc họp thay đổi, hoãn',
    meeting_cancelled: 'Cuộc họp bị hủy',
    meeting_files: 'Tài liệu họp mới',
    meeting_reminder: 'Nhắc lịch họp',
    meeting_minutes: 'Biên bản, kết luận họp',
    schedule_published: 'Lịch công tác công bố',
    schedule_changed: 'Lịch công tác điều chỉnh',
    schedule_submitted: 'Lịch công tác chờ duyệt',
    document_assigned: 'Được giao xử lý văn bản',
    document_due: 'Văn bản sắp đến hạn',
    document_overdue: 'Văn bản quá hạn',
    document_recalled: 'Văn bản bị thu hồi',
    document_arrived: 'Văn bản đến chờ tiếp nhận',
    document_received: 'Văn bản gửi đến cá nhân',
    document_extension_requested: 'Đề nghị gia hạn xử lý',
    document_extension_decided: 'Trả lời đề nghị gia hạn',
    document_progress: 'Báo cáo tiến độ xử lý',
    mail_received: 'Thư mới đến hòm thư',
  } as Record<string, string>,
  save: 'Lưu cài đặt',
  reset: 'Hoàn tác',
  saved: 'Đã lưu cài đặt thông báo.',
  unsaved: 'Có thay đổi chưa lưu.',
  stale: 'Cài đặt vừa được thay đổi ở nơi khác. Đã tải lại bản mới nhất, xin kiểm tra và lưu lại.',
  deliveriesTitle: 'Đã gửi gần đây',
  deliveriesHint: '50 thư điện tử và tin nhắn SMS gần nhất gửi tới đồng chí.',
  deliveriesEmpty: 'Chưa có thư điện tử hay tin nhắn nào được gửi.',
  refresh: 'Làm mới',
  noAddress: 'Không có địa chỉ',
  segments: (n: number) => `${n} tin`,
  status: {
    queued: 'Đang chờ',
    sent: 'Đã gửi',
    delivered: 'Đã nhận',
    failed: 'Lỗi',
    skipped: 'Bỏ qua',
  } as Record<string, string>,
};

export const tset = notificationSettingsVi;

/** The Vietnamese name of an event kind; an unknown kind shows as it is. */
export function kindLabel(kind: string): string {
  return tset.kinds[kind] ?? kind;
}
