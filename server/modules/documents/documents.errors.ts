import { conflict, invalid, notFound } from '../../platform/http/errors';

export const registerNotFound = () => notFound('documents.register_not_found', 'Không tìm thấy sổ văn bản.');
export const registerNameTaken = (name: string) =>
  conflict('documents.register_name_taken', `Tổ chức đã có sổ văn bản tên “${name}”.`);
export const registerWrongDirection = (expected: 'incoming' | 'outgoing') =>
  invalid(
    'documents.register_wrong_direction',
    expected === 'incoming' ? 'Hãy chọn một sổ văn bản đến.' : 'Hãy chọn một sổ văn bản đi.',
  );
export const registerWrongOrganization = () =>
  invalid('documents.register_wrong_organization', 'Sổ văn bản đã chọn không thuộc tổ chức của văn bản.');
export const extensionPending = () =>
  conflict('documents.extension_pending', 'Đã có một đề nghị gia hạn đang chờ lãnh đạo trả lời.');
export const extensionNotPending = () =>
  conflict('documents.extension_not_pending', 'Đề nghị gia hạn này đã được trả lời hoặc không còn.');
export const extensionNotLater = () =>
  invalid('documents.extension_not_later', 'Hạn mới phải sau hạn xử lý hiện tại và không trước hôm nay.');
export const bookRegisterRequired = () =>
  invalid('documents.book_register_required', 'Sổ đăng ký in theo từng sổ: hãy chọn một sổ văn bản.');
export const registerInactive = () => invalid('documents.register_inactive', 'Sổ văn bản đã chọn đã ngừng sử dụng.');
export const registerSecrecyMismatch = (secret: boolean) =>
  invalid(
    'documents.register_secrecy_mismatch',
    secret ? 'Văn bản mật phải vào sổ văn bản mật riêng.' : 'Sổ văn bản mật chỉ dùng cho văn bản có độ mật.',
  );
export const typeNotInRegister = (typeCode: string) =>
  invalid('documents.type_not_in_register', `Sổ văn bản này không dùng cho loại văn bản “${typeCode}”.`);
export const termRequired = () =>
  invalid('documents.term_required', 'Sổ đánh số theo nhiệm kỳ cần ghi nhiệm kỳ (ví dụ 2025-2030).');

export const documentNotFound = () => notFound('documents.not_found', 'Không tìm thấy văn bản.');
export const issueDateInFuture = () =>
  invalid('documents.issue_date_in_future', 'Ngày ban hành không thể sau ngày hôm nay.');
export const arrivalDateInFuture = () =>
  invalid('documents.arrival_date_in_future', 'Ngày đến không thể sau ngày hôm nay.');
export const arrivalBeforeIssue = () =>
  invalid('documents.arrival_before_issue', 'Ngày đến không thể trước ngày ban hành.');
export const dueDateInPast = () => invalid('documents.due_date_in_past', 'Hạn xử lý không thể trước ngày hôm nay.');
export const possibleDuplicate = (matches: { id: string; numberText: string | null; arrivalNumber: number | null }[]) =>
  conflict(
    'documents.possible_duplicate',
    'Văn bản này có thể đã được vào sổ: trùng số, ký hiệu và cơ quan ban hành. Kiểm tra lại, hoặc xác nhận vẫn vào sổ.',
    { matches },
  );
export const wrongStatus = (what: string) =>
  conflict('documents.wrong_status', `Không thể ${what} ở trạng thái hiện tại của văn bản. Hãy tải lại trang.`);
export const unknownUser = () => invalid('documents.unknown_user', 'Có người nhận không tồn tại hoặc đã bị khóa.');
export const leaderRequired = () =>
  invalid('documents.leader_required', 'Người được chọn không phải lãnh đạo của tổ chức giữ văn bản.');
export const unknownRecipient = () =>
  invalid('documents.unknown_recipient', 'Có nơi nhận không tồn tại trong danh bạ.');
export const noRecipients = () =>
  invalid('documents.no_recipients', 'Văn bản chưa có nơi nhận. Hãy thêm ít nhất một nơi nhận trước khi phát hành.');
export const secretToUnit = () =>
  invalid('documents.secret_to_unit', 'Văn bản mật chỉ được giao cho từng người, không giao cho đơn vị.');
export const secretByEmail = () =>
  invalid('documents.secret_by_email', 'Văn bản mật không được gửi qua thư điện tử ra ngoài hệ thống.');
export const deliveryNotFound = () => notFound('documents.delivery_not_found', 'Không tìm thấy văn bản được gửi đến.');
export const refusalReasonRequired = () =>
  invalid('documents.reason_required', 'Hãy ghi lý do từ chối để bên gửi biết.');
export const registerInUse = () =>
  conflict(
    'documents.register_in_use',
    'Sổ đã cấp số nên không thể đổi cách đánh số (kiểu số, chu kỳ, riêng từng loại, ký hiệu cơ quan). Để bắt đầu nhiệm kỳ mới, hãy đổi nhiệm kỳ; hoặc mở sổ mới.',
  );
export const numberTaken = () =>
  conflict('documents.number_taken', 'Số này đã được cấp cho văn bản khác trong sổ. Hãy kiểm tra cách đánh số của sổ.');
export const unknownIssuer = () =>
  invalid('documents.unknown_issuer', 'Cơ quan ban hành đã chọn không có trong danh bạ.');
export const noClerkFor = (names: readonly string[]) =>
  invalid(
    'documents.recipient_without_clerk',
    `Không gửi được: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` và ${names.length - 5} nơi khác` : ''} chưa có văn thư tiếp nhận văn bản. Hãy bỏ nơi nhận này hoặc đề nghị quản trị phân công văn thư.`,
  );
export const draftNotDeletable = () =>
  conflict('documents.draft_not_deletable', 'Chỉ xóa được dự thảo chưa trình ký và chưa cấp số.');
export const withdrawNotAllowed = () =>
  conflict('documents.withdraw_not_allowed', 'Chỉ rút lại được dự thảo đang chờ ký, chưa được ký duyệt.');
export const remindTooSoon = () =>
  conflict('documents.remind_too_soon', 'Đã nhắc nơi nhận này trong vòng 24 giờ qua; hãy chờ thêm trước khi nhắc lại.');
export const secretAcrossBoundary = (names: readonly string[]) =>
  invalid(
    'documents.secret_across_boundary',
    `Văn bản mật không được gửi ra ngoài hệ thống qua đường chưa được phép: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` và ${names.length - 5} nơi khác` : ''}. Văn bản mật chỉ gửi qua trục liên thông với máy chủ VanPhong đã được duyệt cho văn bản mật; hãy bỏ nơi nhận này hoặc gửi theo đường văn bản mật.`,
  );
export const outsideWithoutIdentifier = (names: readonly string[]) =>
  invalid(
    'documents.outside_without_identifier',
    `Không gửi được: ${names.slice(0, 5).join(', ')} chưa có mã định danh để gửi liên thông.`,
  );
export const senderWithoutIdentifier = (name: string) =>
  invalid(
    'documents.sender_without_identifier',
    `${name} chưa có mã định danh, nên chưa gửi liên thông ra ngoài hệ thống được. Hãy đề nghị quản trị khai báo mã định danh trong danh bạ.`,
  );
export const notYetNumbered = () =>
  invalid('documents.not_yet_numbered', 'Văn bản chưa được cấp số, nên chưa lập được gói tin edXML.');
export const noIdentifierToExport = () =>
  invalid(
    'documents.no_identifier_to_export',
    'Chưa lập được gói tin edXML: cơ quan ban hành hoặc cơ quan nhận chưa có mã định danh trong danh bạ.',
  );
export const outsideNotResent = (name: string) =>
  invalid(
    'documents.outside_not_resent',
    `Bản gửi ${name} đi qua liên thông: hệ thống tự gửi lại khi chưa gửi được, và nơi nhận trả lời bằng trạng thái. Nếu cần gửi lại, hãy dùng "Gửi cập nhật liên thông"; nếu nội dung thay đổi, hãy ban hành văn bản thay thế.`,
  );
export const replacesInvalid = () =>
  invalid(
    'documents.replaces_invalid',
    'Chỉ thay thế được một văn bản đi đã phát hành của cùng cơ quan ban hành, chưa bị thu hồi.',
  );
export const noOutsideCopies = () =>
  invalid(
    'documents.no_outside_copies',
    'Văn bản không có bản nào đang ở cơ quan ngoài hệ thống để gửi cập nhật liên thông.',
  );
