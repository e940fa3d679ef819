import { DomainError, invalid, notFound } from '../http/errors';

export const typeNotAllowed = (allowedLabels: string) =>
  new DomainError(
    'unsupported',
    'files.type_not_allowed',
    `Loại tệp này không được nhận. Chỉ gửi được các loại: ${allowedLabels}.`,
  );

/** A program or script, whatever its name says: never taken, in any part of the product. */
export const programRefused = (fileName: string, label: string) =>
  new DomainError(
    'unsupported',
    'files.program_refused',
    `Tệp "${fileName}" là hoặc chứa ${label}. Vì an toàn, hệ thống không nhận chương trình, tệp lệnh hay trang web, dù tên tệp là gì.`,
  );

/** Starts like a PDF but pdf.js cannot open it. */
export const pdfDamaged = (fileName: string) =>
  new DomainError(
    'unsupported',
    'files.pdf_damaged',
    `Tệp "${fileName}" có phần đầu của tệp PDF nhưng không mở được: tệp bị hỏng, bị cắt dở hoặc không phải PDF. Hãy xuất lại tệp PDF rồi gửi lại.`,
  );

export const tooLarge = (maxBytes: number) =>
  new DomainError(
    'too_large',
    'files.too_large',
    `Tệp vượt quá dung lượng cho phép (tối đa ${formatMegabytes(maxBytes)}). Hãy nén hoặc tách tệp rồi gửi lại.`,
  );

export const empty = () => invalid('files.empty', 'Tệp không có nội dung. Hãy chọn lại đúng tệp cần gửi.');

export const notMultipart = () =>
  new DomainError('unsupported', 'files.not_multipart', 'Yêu cầu phải gửi tệp theo dạng multipart/form-data.');

export const noFile = () => invalid('files.no_file', 'Chưa có tệp nào được gửi. Hãy chọn một tệp.');

export const tooMany = () => invalid('files.too_many', 'Mỗi lần chỉ gửi được một tệp. Hãy gửi từng tệp một.');

export const fileNotFound = () => notFound('files.not_found', 'Không tìm thấy tệp. Tệp có thể đã bị xoá.');

export const uploadNotFound = () =>
  notFound(
    'files.upload_not_found',
    'Không tìm thấy tệp đã tải lên, hoặc tệp không phải do bạn tải lên. Hãy tải lại tệp.',
  );

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`.replace('.', ',');
}
