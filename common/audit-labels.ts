import { STAGE_LABELS, type Stage } from './inspection';

/**
 * The one dictionary of audit codes. The trail stores and MACs the codes themselves
 * (changing one would break verification of old entries); people read these labels.
 * `AuditEntry.action` is typed by this registry, so a new code without a Vietnamese
 * label does not compile.
 */
const FIXED_ACTION_LABELS = {
  'audit.sealed': 'Niêm phong nhật ký cũ',
  'audit.repaired': 'Sửa lỗi mã hóa nhật ký',
  'auth.sign_in': 'Đăng nhập',
  'auth.sign_in_failed': 'Đăng nhập không thành công',
  'auth.sign_out': 'Đăng xuất',
  'auth.throttled': 'Tạm chặn đăng nhập',
  'auth.password_changed': 'Đổi mật khẩu',
  'auth.password_reset': 'Đặt lại mật khẩu qua liên kết',
  'auth.totp_enabled': 'Bật xác thực hai lớp',
  'auth.totp_disabled': 'Tắt xác thực hai lớp',
  'users.created': 'Tạo tài khoản',
  'users.password_set': 'Đặt mật khẩu cho tài khoản',
  'users.temporary_password_set': 'Đặt mật khẩu tạm thời',
  'users.reset_link_created': 'Tạo liên kết đặt lại mật khẩu',
  'users.roles_changed': 'Thay đổi vai trò',
  'users.unlocked': 'Mở khóa tài khoản',
  'users.disabled': 'Khóa tài khoản',
  'users.enabled': 'Mở lại tài khoản',
  'users.updated': 'Sửa tài khoản',
  'directory.organization_created': 'Thêm tổ chức',
  'directory.organization_updated': 'Sửa tổ chức',
  'directory.organization_moved': 'Chuyển tổ chức',
  'directory.organization_deleted': 'Xóa tổ chức',
  'directory.person_created': 'Thêm người',
  'directory.person_updated': 'Sửa thông tin người',
  'directory.person_deleted': 'Xóa người',
  'directory.group_created': 'Thêm nhóm nhận văn bản',
  'directory.group_updated': 'Sửa nhóm nhận văn bản',
  'directory.group_deleted': 'Xóa nhóm nhận văn bản',
  'directory.imported': 'Nhập danh bạ từ tệp',
  'register.create': 'Tạo sổ văn bản',
  'register.update': 'Sửa sổ văn bản',
  'document.register': 'Vào sổ văn bản đến',
  'document.draft': 'Soạn dự thảo',
  'document.reply': 'Soạn văn bản trả lời',
  'document.grant': 'Cấp quyền xem văn bản',
  'document.issue_number': 'Cấp số văn bản',
  'document.dispatch': 'Phát hành văn bản',
  'document.recall': 'Thu hồi văn bản',
  'document.outside_update': 'Gửi cập nhật liên thông',
  'document.delete_draft': 'Xóa dự thảo',
  'document.withdraw': 'Rút lại văn bản đã trình',
  'document.remind': 'Nhắc nơi nhận chưa mở văn bản',
  'document.resend': 'Gửi lại văn bản cho một nơi nhận',
  'document.extension_request': 'Xin gia hạn xử lý',
  'document.extension_grant': 'Đồng ý gia hạn xử lý',
  'document.extension_refuse': 'Không đồng ý gia hạn',
  'document.progress': 'Báo cáo tiến độ xử lý',
  'document.accept': 'Tiếp nhận văn bản',
  'document.refuse': 'Từ chối tiếp nhận văn bản',
  'exchange.recall_agree': 'Đồng ý cho cơ quan ngoài thu hồi văn bản',
  'exchange.recall_refuse': 'Từ chối cho cơ quan ngoài thu hồi văn bản',
  'exchange.import': 'Nhận gói tin edXML từ tệp',
  'document.view': 'Xem văn bản mật',
  'document.download': 'Tải tệp văn bản mật',
  'meeting.create': 'Tạo cuộc họp',
  'meeting.send': 'Gửi giấy mời họp',
  'meeting.view': 'Xem cuộc họp mật',
  'meeting.file_open': 'Mở tài liệu họp',
  'meeting.move': 'Đổi thời gian họp',
  'meeting.postpone': 'Hoãn cuộc họp',
  'meeting.cancel': 'Hủy cuộc họp',
  'meeting.door_check_in': 'Điểm danh bằng mã tại cửa',
  'schedule.create': 'Tạo lịch công tác',
  'schedule.change': 'Sửa lịch công tác',
  'schedule.submit': 'Trình duyệt lịch công tác',
  'schedule.approve': 'Duyệt lịch công tác',
  'schedule.return': 'Trả lại lịch công tác',
  'schedule.publish': 'Công bố lịch công tác',
  'calendar.feed_create': 'Tạo địa chỉ lịch cá nhân',
  'calendar.feed_revoke': 'Thu hồi địa chỉ lịch cá nhân',
  'mail.sent': 'Gửi thư',
  'mail.received': 'Nhận thư từ ngoài',
  'mail.deleted': 'Xóa thư vĩnh viễn',
  'mail.registered': 'Vào sổ thư thành văn bản đến',
  'inspection.case.create': 'Mở vụ việc kiểm tra',
  'inspection.case.edit': 'Sửa vụ việc kiểm tra',
  'inspection.case.list': 'Xem danh sách vụ việc',
  'inspection.case.read': 'Xem vụ việc kiểm tra',
  'inspection.access.grant': 'Giao quyền vụ việc',
  'inspection.access.revoke': 'Thu hồi quyền vụ việc',
  'inspection.document.link': 'Gắn văn bản vào vụ việc',
  'inspection.programme.create': 'Tạo chương trình kiểm tra',
  'inspection.programme.item': 'Sửa chương trình kiểm tra',
  'inspection.report': 'Lập báo cáo thống kê kiểm tra',
  'exchange.peer_created': 'Thêm máy chủ liên thông',
  'exchange.peer_updated': 'Sửa máy chủ liên thông',
  'jobs.retry': 'Chạy lại công việc nền',
  'savings.settings': 'Sửa đơn giá tiết kiệm giấy',
} as const satisfies Record<string, string>;

type StageAction = `inspection.stage.${Stage}`;
const STAGE_ACTION_LABELS = Object.fromEntries(
  Object.entries(STAGE_LABELS).map(([stage, label]) => [`inspection.stage.${stage}`, `Vụ việc: ${label}`]),
) as Record<StageAction, string>;

export type AuditAction = keyof typeof FIXED_ACTION_LABELS | StageAction;

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  ...FIXED_ACTION_LABELS,
  ...STAGE_ACTION_LABELS,
};

export const AUDIT_ENTITY_LABELS = {
  audit: 'Nhật ký hệ thống',
  user: 'Tài khoản',
  organization: 'Tổ chức',
  person: 'Người',
  group: 'Nhóm nhận văn bản',
  register: 'Sổ văn bản',
  document: 'Văn bản',
  meeting: 'Cuộc họp',
  schedule: 'Lịch công tác',
  calendar_feed: 'Lịch cá nhân',
  mail_message: 'Thư',
  mail_item: 'Thư trong hòm',
  inspection_case: 'Vụ việc kiểm tra',
  inspection_programme: 'Chương trình kiểm tra',
  inspection_report: 'Báo cáo kiểm tra',
  job: 'Công việc nền',
  exchange_peer: 'Máy chủ liên thông',
  settings: 'Cài đặt',
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

const has = (record: object, key: string) => Object.hasOwn(record, key);

/** The Vietnamese name of an action; a code this version does not know is shown as is. */
export function auditActionLabel(code: string): string {
  return has(AUDIT_ACTION_LABELS, code) ? AUDIT_ACTION_LABELS[code as AuditAction] : code;
}

export function auditEntityLabel(code: string): string {
  return has(AUDIT_ENTITY_LABELS, code) ? AUDIT_ENTITY_LABELS[code as AuditEntityType] : code;
}
