import { DomainError, forbidden, invalid, notFound } from '../../platform/http/errors';

/** Why a message from another office is not taken, and what a clerk is told about the exchange. */

export const unsignedMessage = (header: string) =>
  new DomainError('unauthenticated', 'exchange.unsigned', `Thông điệp liên thông thiếu hoặc sai trường ${header}.`);
export const unknownPeer = () =>
  new DomainError('unauthenticated', 'exchange.unknown_peer', 'Máy chủ gửi chưa được khai báo là máy chủ liên thông.');
export const notForUs = () =>
  new DomainError('unauthenticated', 'exchange.wrong_receiver', 'Thông điệp này gửi cho máy chủ khác.');
export const badSignature = () =>
  new DomainError('unauthenticated', 'exchange.bad_signature', 'Chữ ký của thông điệp liên thông không đúng.');
export const staleMessage = () =>
  new DomainError(
    'unauthenticated',
    'exchange.stale_time',
    'Thời điểm gửi của thông điệp lệch quá 5 phút so với máy chủ nhận (thông điệp cũ gửi lại, hoặc đồng hồ sai).',
  );
export const digestMismatch = () =>
  invalid('exchange.digest_mismatch', 'Nội dung nhận được không khớp với mã băm đã ký; có thể đã bị sửa trên đường.');
export const tooLarge = (maxBytes: number) =>
  new DomainError(
    'too_large',
    'exchange.too_large',
    `Gói tin lớn hơn ${Math.round(maxBytes / 1024 / 1024)} MB, không nhận.`,
  );
export const emptyMessage = () => invalid('exchange.empty', 'Thông điệp liên thông không có nội dung.');
export const senderNotReached = (organId: string) =>
  new DomainError(
    'forbidden',
    'exchange.sender_not_reached',
    `Cơ quan gửi (${organId}) không phải cơ quan được liên thông qua máy chủ này; không nhận.`,
  );
export const noRecipientHere = (ids: readonly string[]) =>
  invalid(
    'exchange.no_recipient_here',
    `Không có cơ quan nhận nào của hệ thống này mang mã định danh ${ids.slice(0, 5).join(', ')}.`,
  );
export const secretNotAllowed = () =>
  forbidden('Văn bản mật không được nhận qua đường liên thông chưa được duyệt cho văn bản mật.');
export const unknownDocument = () =>
  invalid('exchange.unknown_document', 'Thông điệp nói về một văn bản mà hệ thống này chưa gửi hoặc chưa nhận.');
export const noOrganizationFor = (code: string) =>
  notFound('exchange.organization_not_found', `Không có tổ chức mã “${code}” để nhận văn bản.`);
export const notOurOrganization = (name: string) =>
  invalid(
    'exchange.organization_outside',
    `“${name}” là cơ quan bên ngoài trong danh bạ; chỉ nhận tệp cho tổ chức thuộc hệ thống này.`,
  );
export const recallNotPending = () =>
  invalid('exchange.recall_not_pending', 'Đề nghị thu hồi này đã được trả lời hoặc không còn.');
export const recallReasonRequired = () => invalid('exchange.recall_reason_required', 'Hãy ghi lý do từ chối thu hồi.');
export const notExchanged = () => notFound('exchange.not_exchanged', 'Bản này không gửi qua liên thông.');
export const withoutIdentifier = () =>
  invalid(
    'exchange.without_identifier',
    'Cơ quan ban hành chưa có mã định danh, nên văn bản chưa lập được gói tin edXML. Hãy khai báo mã định danh trong danh bạ.',
  );
