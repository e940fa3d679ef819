import { invalid } from '../http/errors';

export const invalidPhone = (input: string) =>
  invalid(
    'sms.invalid_phone',
    `Số điện thoại "${input}" không phải số di động Việt Nam hợp lệ. Hãy kiểm tra lại (ví dụ 0912 345 678).`,
  );

export const emptyText = () => invalid('sms.empty', 'Tin nhắn không có nội dung gửi được.');

export const tooLong = (segments: number, maxSegments: number) =>
  invalid(
    'sms.too_long',
    `Tin nhắn dài ${segments} phần, vượt quá ${maxSegments} phần cho phép. Hãy rút gọn nội dung.`,
    { segments, maxSegments },
  );
