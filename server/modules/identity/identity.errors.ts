import { conflict, DomainError, invalid, notFound, unauthenticated } from '../../platform/http/errors';

export const invalidCredentials = () =>
  unauthenticated('auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
export const totpRequired = () =>
  unauthenticated('auth.totp_required', 'Nhập mã xác thực 6 chữ số từ ứng dụng xác thực trên điện thoại.');
export const totpInvalid = () => unauthenticated('auth.totp_invalid', 'Mã xác thực không đúng hoặc đã hết hạn.');
export const throttled = () =>
  new DomainError(
    'throttled',
    'auth.throttled',
    'Có quá nhiều lần đăng nhập không thành công. Hãy đợi ít phút rồi thử lại.',
  );
export const wrongCurrentPassword = () => invalid('auth.wrong_password', 'Mật khẩu hiện tại không đúng.');
export const samePassword = () => invalid('auth.same_password', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
export const resetTokenInvalid = () =>
  invalid('auth.reset_token_invalid', 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn.');
export const totpNotPending = () =>
  invalid('auth.totp_not_started', 'Hãy bắt đầu bật xác thực hai lớp trước khi nhập mã.');
export const totpAlreadyEnabled = () => conflict('auth.totp_already_enabled', 'Xác thực hai lớp đã được bật.');
export const totpNotEnabled = () => invalid('auth.totp_not_enabled', 'Xác thực hai lớp chưa được bật.');
export const userNotFound = () => notFound('users.not_found', 'Không tìm thấy tài khoản.');
export const usernameTaken = () => conflict('users.username_taken', 'Tên đăng nhập này đã có người dùng.');
export const emailTaken = () => conflict('users.email_taken', 'Địa chỉ thư này đã gắn với một tài khoản khác.');
export const unknownOrganization = (ids: string[]) =>
  invalid('users.unknown_organization', 'Có tổ chức không tồn tại trong danh sách quyền.', { organizationIds: ids });
export const outsideOrganization = (names: string[]) =>
  invalid(
    'users.outside_organization',
    `Không phân quyền tại cơ quan ngoài hệ thống: ${names.slice(0, 3).join(', ')}. Cơ quan đó dùng hệ thống riêng của mình.`,
  );
export const unknownPerson = () => invalid('users.unknown_person', 'Không tìm thấy người trong danh bạ.');
export const cannotDisableSelf = () =>
  invalid('users.cannot_disable_self', 'Bạn không thể tự vô hiệu hóa tài khoản của mình.');
export const lastAdmin = () => conflict('users.last_admin', 'Không thể bỏ quyền quản trị của quản trị viên cuối cùng.');
export const passwordChangeRequired = () =>
  new DomainError('forbidden', 'auth.password_change_required', 'Bạn cần đổi mật khẩu trước khi tiếp tục làm việc.');
export const temporaryPasswordForSelf = () =>
  invalid(
    'users.temporary_password_self',
    'Bạn không thể đặt mật khẩu tạm thời cho chính mình; hãy đổi mật khẩu trong trang Tài khoản của tôi.',
  );
