import type { PdfSignature } from '../../../common/schemas/files';

/** The words of a file's digital signatures, as the document page shows them. */
export const tsig = {
  checking: 'Đang kiểm tra chữ ký số…',
  failed: 'Chưa kiểm tra được chữ ký số',
  unsigned: 'Không có chữ ký số',
  unreadable: 'Có trường chữ ký không đọc được',
  signer: 'Người ký',
  organization: 'Tổ chức',
  issuer: 'Cấp bởi',
  time: 'Thời điểm ký',
  kind: 'Loại chữ ký',
  checkedAt: (at: string) => `Kiểm tra lúc ${at}, theo các chứng thư gốc và danh sách thu hồi đã cài trên máy chủ.`,
  unknown: 'Không rõ',
  verdict: {
    broken: 'Chữ ký bị hỏng: nội dung đã bị thay đổi sau khi ký',
    revoked: 'Chứng thư số đã bị thu hồi',
    expired: 'Chứng thư số không còn hiệu lực khi ký',
    changed: 'Tệp có nội dung thêm vào sau khi ký',
    untrusted: 'Chưa xác thực được nơi cấp chứng thư số',
    valid: 'Chữ ký số hợp lệ',
  },
};

export type Verdict = keyof typeof tsig.verdict;

/** The one word a signature gets, the worst that applies. */
export function verdictOf(s: PdfSignature): Verdict {
  if (!s.intact) return 'broken';
  if (s.revoked === true) return 'revoked';
  if (!s.validAtSigningTime) return 'expired';
  if (s.changedAfterSigning) return 'changed';
  if (!s.trusted) return 'untrusted';
  return 'valid';
}
