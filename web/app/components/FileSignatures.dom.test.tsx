import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PdfSignature, PdfSignatures } from '../../../common/schemas/files';
import DocumentFiles, { type FileEntry } from '../../modules/documents/components/DocumentFiles';
import { person, renderInApp } from '../../test/render';

const url = (fileId: string) => `/api/documents/d-1/files/${fileId}`;
const FILES: FileEntry[] = [
  { id: 'f-pdf', fileName: 'Công văn 12.pdf', size: 40_000, contentType: 'application/pdf' },
  {
    id: 'f-docx',
    fileName: 'Dự thảo.docx',
    size: 9_000,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
];
let signed = 0;
const signature = (extra: Partial<PdfSignature>): PdfSignature => ({
  byteRange: [0, 1000 * ++signed, 1000 * signed + 500, 100],
  subFilter: 'ETSI.CAdES.detached',
  signer: { name: 'Nguyễn Văn Chứ', organization: 'Huyện ủy Đồng Văn', serialNumber: '1000' },
  issuer: { name: 'CA cấp dưới thử nghiệm', organization: 'Ban Cơ yếu thử nghiệm' },
  signingTime: '2026-12-07T02:30:00.000Z',
  intact: true,
  coversWholeDocument: true,
  changedAfterSigning: false,
  trusted: true,
  validAtSigningTime: true,
  revoked: false,
  problems: [],
  ...extra,
});
const report = (signatures: PdfSignature[]): PdfSignatures => ({
  signed: signatures.length > 0,
  signatures,
  unreadable: [],
  checkedAt: '2026-12-07T03:00:00.000Z',
});

describe('a document’s files show the digital signatures of each PDF', () => {
  it('one tag per signature, the worst that applies; its details on a tap; none for a file that is not a PDF', async () => {
    const user = person();
    renderInApp(<DocumentFiles files={FILES} url={url} />, {
      cached: [
        [
          ['file-signatures', `${url('f-pdf')}/signatures`],
          report([
            signature({
              coversWholeDocument: false,
              problems: ['Tệp có thêm nội dung sau chữ ký này (chữ ký sau hoặc sửa đổi).'],
            }),
            signature({
              signer: { name: 'Huyện ủy Đồng Văn', organization: 'Huyện ủy Đồng Văn', serialNumber: '1001' },
              intact: false,
              problems: ['Chữ ký không hợp lệ: nội dung đã bị thay đổi sau khi ký, hoặc chữ ký bị hỏng.'],
            }),
          ]),
        ],
      ],
    });
    const tags = document.querySelectorAll('[data-verdict]');
    expect([...tags].map((t) => [t.getAttribute('data-verdict'), t.textContent])).toEqual([
      ['valid', 'Chữ ký số hợp lệ — Nguyễn Văn Chứ'],
      ['broken', 'Chữ ký bị hỏng: nội dung đã bị thay đổi sau khi ký — Huyện ủy Đồng Văn'],
    ]);
    expect(document.querySelectorAll('.vp-signatures')).toHaveLength(1);
    await user.click(screen.getByText('Chữ ký số hợp lệ — Nguyễn Văn Chứ'));
    expect(await screen.findByText('CA cấp dưới thử nghiệm — Ban Cơ yếu thử nghiệm')).toBeTruthy();
    expect(screen.getByText('07/12/2026 09:30', { exact: false })).toBeTruthy();
    expect(screen.getByText('Tệp có thêm nội dung sau chữ ký này (chữ ký sau hoặc sửa đổi).')).toBeTruthy();
  });

  it('says so when a PDF has no signature', () => {
    renderInApp(<DocumentFiles files={[FILES[0] as FileEntry]} url={url} />, {
      cached: [[['file-signatures', `${url('f-pdf')}/signatures`], report([])]],
    });
    expect(screen.getByText('Không có chữ ký số')).toBeTruthy();
  });

  it('names revoked, expired and untrusted certificates, and a file changed after its signature', () => {
    renderInApp(<DocumentFiles files={[FILES[0] as FileEntry]} url={url} />, {
      cached: [
        [
          ['file-signatures', `${url('f-pdf')}/signatures`],
          report([
            signature({ revoked: true, trusted: false }),
            signature({ validAtSigningTime: false, trusted: false }),
            signature({ trusted: false, revoked: null }),
            signature({ coversWholeDocument: false, changedAfterSigning: true }),
          ]),
        ],
      ],
    });
    expect([...document.querySelectorAll('[data-verdict]')].map((t) => t.getAttribute('data-verdict'))).toEqual([
      'revoked',
      'expired',
      'untrusted',
      'changed',
    ]);
  });
});
