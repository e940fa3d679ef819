/**
 * Meeting and work-schedule vocabularies with their Vietnamese labels, without zod, so the
 * web pages import them cheaply. The Zod schemas are in common/schemas/meetings.ts and
 * common/schemas/schedules.ts.
 */

/** The body that meets. */
export const MEETING_BODIES = ['standing_committee', 'executive_committee', 'board', 'conference', 'other'] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];
export const MEETING_BODY_LABELS: Record<MeetingBody, string> = {
  standing_committee: 'Ban Thường vụ',
  executive_committee: 'Ban Chấp hành',
  board: 'Ban, Ủy ban',
  conference: 'Hội nghị',
  other: 'Cuộc họp khác',
};

/** `draft` until the invitation is sent; `postponed` has no new time yet. */
export const MEETING_STATUSES = ['draft', 'invited', 'postponed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'Dự thảo',
  invited: 'Đã gửi giấy mời',
  postponed: 'Tạm hoãn',
  cancelled: 'Đã hủy',
};

export const ATTENDEE_ROLES = ['delegate', 'guest', 'secretary'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, string> = {
  delegate: 'Đại biểu',
  guest: 'Khách mời',
  secretary: 'Thư ký',
};

export const REPLIES = ['pending', 'attending', 'absent', 'deputy'] as const;
export type Reply = (typeof REPLIES)[number];
export const REPLY_LABELS: Record<Reply, string> = {
  pending: 'Chưa trả lời',
  attending: 'Tham dự',
  absent: 'Vắng mặt',
  deputy: 'Cử người dự thay',
};

export const ATTENDANCE = ['unknown', 'present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  unknown: 'Chưa điểm danh',
  present: 'Có mặt',
  absent: 'Vắng',
};

export const MEETING_FILE_KINDS = ['document', 'minutes', 'conclusion', 'invitation'] as const;
export type MeetingFileKind = (typeof MEETING_FILE_KINDS)[number];
export const MEETING_FILE_KIND_LABELS: Record<MeetingFileKind, string> = {
  document: 'Tài liệu họp',
  minutes: 'Biên bản',
  conclusion: 'Kết luận',
  invitation: 'Giấy mời',
};

/** What the caller may do with a meeting; the page shows only these buttons. */
export const MEETING_ACTIONS = [
  'edit',
  'send',
  'reschedule',
  'cancel',
  'addFiles',
  'invite',
  'remind',
  'reply',
  'checkIn',
  /** Shows the code at the door that delegates scan or type to check in. */
  'doorCode',
  'attendance',
  'minutes',
] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export const MEETING_EVENT_LABELS: Record<string, string> = {
  created: 'Tạo cuộc họp',
  edited: 'Sửa thông tin',
  sent: 'Gửi giấy mời',
  invited: 'Mời thêm đại biểu',
  files_added: 'Thêm tài liệu',
  file_replaced: 'Thay tài liệu',
  file_withdrawn: 'Rút tài liệu',
  moved: 'Đổi thời gian, địa điểm',
  postponed: 'Tạm hoãn',
  cancelled: 'Hủy cuộc họp',
  reminded: 'Nhắc trả lời',
  replied: 'Trả lời giấy mời',
  checked_in: 'Điểm danh',
  minutes_sent: 'Gửi biên bản, kết luận',
};

// Work schedules -------------------------------------------------------------------------------

/** Whose week: the Standing Committee (Thường trực) or one leader. */
export const SCHEDULE_OWNERS = ['standing_committee', 'leader'] as const;
export type ScheduleOwner = (typeof SCHEDULE_OWNERS)[number];

export const SCHEDULE_STATUSES = ['draft', 'submitted', 'approved', 'published'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];
export const SCHEDULE_STATUS_LABELS: Record<ScheduleStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt, chờ công bố',
  published: 'Đã công bố',
};

export const SCHEDULE_ACTIONS = ['edit', 'submit', 'approve', 'return', 'publish'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

export const WEEKDAY_LABELS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

// The paper saved ------------------------------------------------------------------------------

export const SAVING_KINDS = ['document', 'invitation', 'meeting_document', 'schedule'] as const;
export type SavingKind = (typeof SAVING_KINDS)[number];
export const SAVING_KIND_LABELS: Record<SavingKind, string> = {
  document: 'Văn bản',
  invitation: 'Giấy mời',
  meeting_document: 'Tài liệu họp',
  schedule: 'Lịch công tác',
};

/** The article's figure: about 200 million VND a year saved on paper and ink for meetings. */
export const SAVINGS_TARGET_PER_YEAR = 200_000_000;

// Notifications --------------------------------------------------------------------------------

export const NOTIFICATION_KINDS = [
  'meeting_invited',
  'meeting_changed',
  'meeting_cancelled',
  'meeting_files',
  'meeting_reminder',
  'meeting_minutes',
  'schedule_published',
  'schedule_changed',
  'schedule_submitted',
  'document_assigned',
  'document_due',
  'document_overdue',
  'document_recalled',
  'document_arrived',
  'document_received',
  'document_extension_requested',
  'document_extension_decided',
  'document_progress',
  'mail_received',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The most characters each text of a meeting may hold: common/schemas/meetings.ts refuses more,
 * and the forms stop the typing there.
 */
export const MEETING_LIMITS = {
  title: 500,
  /** A chair's, a signer's, a presenter's or a deputy's name; a signer's position or authority. */
  name: 200,
  place: 300,
  content: 8000,
  agendaTitle: 500,
  /** Why someone is absent, why a meeting moves or is called off. */
  reason: 1000,
  fileNote: 500,
} as const;
