import { conflict, invalid, notFound } from '../../platform/http/errors';

export const scheduleNotFound = () => notFound('schedules.not_found', 'Không tìm thấy lịch công tác.');
export const itemNotFound = () => notFound('schedules.item_not_found', 'Không tìm thấy hoạt động này trong lịch.');
export const unknownOrganization = () =>
  invalid('schedules.unknown_organization', 'Tổ chức đã chọn không có trong danh bạ.');
export const scheduleExists = (id: string) =>
  conflict('schedules.exists', 'Tuần này đã có lịch công tác của chủ thể đã chọn. Hãy mở lịch đã có.', { id });
export const leaderRequired = () =>
  invalid(
    'schedules.leader_required',
    'Lịch công tác riêng phải là của một lãnh đạo đang giữ vai trò lãnh đạo của tổ chức.',
  );
export const wrongStatus = (what: string) =>
  conflict('schedules.wrong_status', `Không thể ${what} ở trạng thái hiện tại của lịch. Hãy tải lại trang.`);
export const dayOutsideWeek = () =>
  invalid('schedules.day_outside_week', 'Ngày của hoạt động phải nằm trong tuần của lịch (từ thứ Hai đến Chủ nhật).');
export const endBeforeStart = () => invalid('schedules.end_before_start', 'Giờ kết thúc phải sau giờ bắt đầu.');
export const unknownUser = () =>
  invalid('schedules.unknown_user', 'Có người được gắn với hoạt động không tồn tại hoặc đã bị khóa.');
export const noteRequired = () => invalid('schedules.note_required', 'Hãy ghi lý do trả lại để Văn phòng chỉnh sửa.');
export const itemCancelled = () =>
  conflict('schedules.item_cancelled', 'Hoạt động này đã được hủy; không thể sửa hay hủy lại.');
export const nothingPublished = () =>
  notFound('schedules.nothing_published', 'Tuần này chưa có lịch công tác nào được công bố.');
export const meetingOnSchedule = () =>
  conflict('schedules.meeting_on_schedule', 'Cuộc họp này đã có trong lịch công tác của tuần.');
export const feedNotFound = () => notFound('calendar.not_found', 'Không tìm thấy lịch.');
