import { invalid } from '../../platform/http/errors';

/** What makes a received edXML file impossible to take as a document; each code is stable. */
export const edxmlRefusals = {
  not_xml: 'Tệp nhận được không phải XML hợp lệ.',
  no_message_header: 'Gói tin edXML không có phần MessageHeader (thông tin văn bản).',
  no_status: 'Thông điệp trạng thái edXML không có phần Status.',
  no_subject_or_code: 'Gói tin không có cả trích yếu (Subject) lẫn số, ký hiệu (Code) của văn bản.',
  no_sender: 'Gói tin không cho biết cơ quan gửi (From/OrganId).',
  header_too_large: 'Phần thông tin của gói tin (ngoài tệp đính kèm) lớn bất thường; không nhận.',
  bad_base64: 'Tệp đính kèm trong gói tin không giải mã được (base64 hỏng).',
  bad_date: 'Ngày ban hành của văn bản không đọc được.',
  bad_status_code: 'Mã trạng thái không thuộc danh mục của QCVN 102:2016.',
  invalid_model: 'Dữ liệu để lập gói tin edXML không hợp lệ.',
} as const;

export type EdxmlRefusal = keyof typeof edxmlRefusals;

export const edxmlRefused = (code: EdxmlRefusal, details?: unknown) =>
  invalid(`edxml.${code}`, edxmlRefusals[code], details);
