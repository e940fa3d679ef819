import {
  type DocumentListQuery,
  SECRECY_LABELS,
  STATUS_LABELS,
  URGENCY_LABELS,
} from '../../../common/schemas/documents';
import { loadExcel } from '../../platform/excel';
import type { Actor } from '../../platform/security/actor';
import type { DocumentsCore } from './documents.core';
import * as repo from './documents.repository';
import { visibilityOf } from './documents.service';

const MAX_ROWS = 50_000;

const vnDate = (day: string | null) => (day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '');

/** The register book (sổ đăng ký văn bản) of a filtered list, as the regulation lays it out. */
export function createRegisterBook(core: DocumentsCore) {
  return {
    async exportXlsx(actor: Actor, query: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
      const { rows } = await repo.listDocuments(
        core.db,
        core.deps.database.kind,
        visibilityOf(actor),
        { ...query, sort: query.sort === 'newest' ? 'oldest' : query.sort, page: 1, pageSize: MAX_ROWS },
        core.today(),
      );
      const incoming = query.direction === 'incoming';
      const ExcelJS = await loadExcel();
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(incoming ? 'Sổ văn bản đến' : 'Sổ văn bản đi');
      const title = incoming ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';
      sheet.addRow([title]).font = { bold: true, size: 14 };
      sheet.addRow([`Xuất ngày ${vnDate(core.today())}, ${rows.length} văn bản`]);
      sheet.addRow([]);
      const header = incoming
        ? [
            'Ngày đến',
            'Số đến',
            'Tác giả (cơ quan ban hành)',
            'Số, ký hiệu',
            'Ngày văn bản',
            'Loại',
            'Trích yếu',
            'Độ mật',
            'Độ khẩn',
            'Hạn xử lý',
            'Trạng thái',
          ]
        : [
            'Số, ký hiệu',
            'Ngày văn bản',
            'Loại',
            'Trích yếu',
            'Người ký',
            'Số bản',
            'Độ mật',
            'Độ khẩn',
            'Hạn xử lý',
            'Trạng thái',
          ];
      const head = sheet.addRow(header);
      head.font = { bold: true };
      for (const r of rows) {
        const status = STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status;
        const secrecy = SECRECY_LABELS[r.secrecy as keyof typeof SECRECY_LABELS] ?? r.secrecy;
        const urgency = URGENCY_LABELS[r.urgency as keyof typeof URGENCY_LABELS] ?? r.urgency;
        sheet.addRow(
          incoming
            ? [
                vnDate(r.arrival_date),
                r.arrival_number,
                r.issuer_name,
                r.number_text,
                vnDate(r.issue_date),
                r.type_code,
                r.summary,
                secrecy,
                urgency,
                vnDate(r.due_date),
                status,
              ]
            : [
                r.number_text ?? '',
                vnDate(r.issue_date),
                r.type_code,
                r.summary,
                r.signer_name ?? '',
                r.copies ?? '',
                secrecy,
                urgency,
                vnDate(r.due_date),
                status,
              ],
        );
      }
      sheet.columns.forEach((c, i) => {
        c.width = header[i] === 'Trích yếu' ? 60 : 16;
      });
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      return { bytes, fileName: incoming ? 'so-van-ban-den.xlsx' : 'so-van-ban-di.xlsx' };
    },
  };
}
