import { conflict, DomainError, invalid, notFound } from '../../platform/http/errors';

export const meetingNotFound = () => notFound('meetings.not_found', 'Không tìm thấy cuộc họp.');
export const fileNotFound = () => notFound('meetings.file_not_found', 'Không tìm thấy tài liệu của cuộc họp.');
export const notInvited = () => notFound('meetings.not_invited', 'Bạn không có giấy mời của cuộc họp này.');
export const endBeforeStart = () =>
  invalid('meetings.end_before_start', 'Thời điểm kết thúc phải sau thời điểm bắt đầu cuộc họp.');
export const wrongStatus = (status: string) =>
  conflict('meetings.wrong_status', 'Cuộc họp đã chuyển sang trạng thái khác. Hãy tải lại trang.', { status });
export const alreadyOver = () =>
  conflict('meetings.already_over', 'Cuộc họp đã kết thúc, không thể thực hiện thao tác này nữa.');
export const alreadyStarted = () =>
  conflict('meetings.already_started', 'Cuộc họp đã bắt đầu: tài liệu họp chỉ được bổ sung, thay thế trước giờ họp.');
export const notStarted = () =>
  conflict('meetings.not_started', 'Cuộc họp chưa diễn ra: biên bản và kết luận được gửi sau khi họp.');
export const notToday = () => conflict('meetings.not_today', 'Chỉ điểm danh được trong ngày họp.');
export const declinedCheckIn = () =>
  conflict(
    'meetings.declined',
    'Bạn đã báo vắng mặt hoặc cử người dự thay. Hãy đổi trả lời thành "Tham dự" trước khi điểm danh.',
  );
export const noInvitees = () => invalid('meetings.no_invitees', 'Cuộc họp chưa có đại biểu nào được mời.');
export const unknownInvitee = () =>
  invalid('meetings.unknown_invitee', 'Có người, tổ chức hoặc nhóm được mời không còn trong danh bạ.');
export const unknownUser = () => invalid('meetings.unknown_user', 'Có người được chọn không còn tài khoản hoạt động.');
export const unknownAgendaItem = () => invalid('meetings.unknown_agenda_item', 'Không tìm thấy nội dung họp đã chọn.');
export const fileReplaced = () =>
  conflict('meetings.file_replaced', 'Tài liệu này vừa được thay bằng bản khác. Hãy tải lại trang.');
export const wrongOrganization = () =>
  invalid('meetings.wrong_organization', 'Không tìm thấy tổ chức chủ trì cuộc họp.');
/** The invitation could not be made: nothing was sent and the number was not used. */
export const invitationFailed = () =>
  new DomainError(
    'unavailable',
    'meetings.invitation_failed',
    'Không tạo được giấy mời (tệp PDF). Cuộc họp chưa được gửi, số văn bản chưa bị dùng. Hãy thử lại sau ít phút.',
  );
export const doorCodeWrong = () =>
  invalid('meetings.door_code_wrong', 'Mã điểm danh không đúng. Hãy xem lại mã hiển thị tại cửa phòng họp.');
export const doorCodeExpired = () =>
  conflict('meetings.door_code_expired', 'Mã điểm danh đã hết hạn. Hãy nhập mã mới đang hiển thị tại cửa phòng họp.');
export const doorCodeThrottled = () =>
  new DomainError(
    'throttled',
    'meetings.door_code_throttled',
    'Bạn đã nhập sai mã điểm danh quá nhiều lần. Hãy chờ một phút rồi thử lại.',
  );
export const doorNotInvited = () =>
  new DomainError(
    'forbidden',
    'meetings.not_invited',
    'Bạn không có giấy mời của cuộc họp này nên không điểm danh được.',
  );
/** Secret meetings' papers stay on the office's systems: never kept on a phone. */
export const offlineNotAllowed = () =>
  new DomainError(
    'forbidden',
    'meetings.offline_not_allowed',
    'Tài liệu của cuộc họp mật không được lưu trên thiết bị để đọc ngoại tuyến.',
  );
export const idempotencyMismatch = () =>
  conflict(
    'meetings.idempotency_mismatch',
    'Mã gửi lại này đã dùng cho một trả lời khác. Hãy tải lại trang rồi trả lời lại.',
  );
