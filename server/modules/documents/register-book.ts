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
/** Paper is for a period's book; more than this is a spreadsheet's job. */
const MAX_PDF_ROWS = 5_000;

const vnDate = (day: string | null) => (day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '');

type BookRow = Awaited<ReturnType<typeof repo.listDocuments>>['rows'][number];

const INCOMING_COLUMNS = [
  ['Ngày đến', 0.08],
  ['Số đến', 0.05],
  ['Tác giả (cơ quan ban hành)', 0.12],
  ['Số, ký hiệu', 0.1],
  ['Ngày văn bản', 0.08],
  ['Loại', 0.04],
  ['Trích yếu', 0.23],
  ['Độ mật', 0.06],
  ['Độ khẩn', 0.06],
  ['Hạn xử lý', 0.08],
  ['Trạng thái', 0.1],
] as const;
const OUTGOING_COLUMNS = [
  ['Số, ký hiệu', 0.11],
  ['Ngày văn bản', 0.08],
  ['Loại', 0.05],
  ['Trích yếu', 0.3],
  ['Người ký', 0.12],
  ['Số bản', 0.05],
  ['Độ mật', 0.06],
  ['Độ khẩn', 0.06],
  ['Hạn xử lý', 0.08],
  ['Trạng thái', 0.09],
] as const;

/** One line of the book, as the regulation lays it out, the same in the spreadsheet and on paper. */
function bookLine(r: BookRow, incoming: boolean): (string | number | null)[] {
  const status = STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status;
  const secrecy = SECRECY_LABELS[r.secrecy as keyof typeof SECRECY_LABELS] ?? r.secrecy;
  const urgency = URGENCY_LABELS[r.urgency as keyof typeof URGENCY_LABELS] ?? r.urgency;
  return incoming
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
      ];
}

/** The register book (sổ đăng ký văn bản) of a filtered list, as a spreadsheet or printed. */
export function createRegisterBook(core: DocumentsCore) {
  const rowsOf = async (actor: Actor, query: Omit<DocumentListQuery, 'page' | 'pageSize'>, max: number) =>
    (
      await repo.listDocuments(
        core.db,
        core.deps.database.kind,
        visibilityOf(actor),
        { ...query, sort: query.sort === 'newest' ? 'oldest' : query.sort, page: 1, pageSize: max },
        core.today(),
      )
    ).rows;

  return {
    async exportXlsx(actor: Actor, query: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
      const rows = await rowsOf(actor, query, MAX_ROWS);
      const incoming = query.direction === 'incoming';
      const ExcelJS = await loadExcel();
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(incoming ? 'Sổ văn bản đến' : 'Sổ văn bản đi');
      const title = incoming ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';
      sheet.addRow([title]).font = { bold: true, size: 14 };
      sheet.addRow([`Xuất ngày ${vnDate(core.today())}, ${rows.length} văn bản`]);
      sheet.addRow([]);
      const header = (incoming ? INCOMING_COLUMNS : OUTGOING_COLUMNS).map(([h]) => h);
      const head = sheet.addRow(header);
      head.font = { bold: true };
      for (const r of rows) sheet.addRow(bookLine(r, incoming));
      sheet.columns.forEach((c, i) => {
        c.width = header[i] === 'Trích yếu' ? 60 : 16;
      });
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      return { bytes, fileName: incoming ? 'so-van-ban-den.xlsx' : 'so-van-ban-di.xlsx' };
    },

    /** The book printed on the server with the shipped font: landscape A4, the header row on every page. */
    async exportPdf(actor: Actor, query: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
      const rows = await rowsOf(actor, query, MAX_PDF_ROWS + 1);
      const incoming = query.direction === 'incoming';
      const shown = rows.slice(0, MAX_PDF_ROWS);
      const issuer = query.organizationId
        ? await core.db
            .selectFrom('organizations')
            .select('name')
            .where('id', '=', query.organizationId)
            .executeTakeFirst()
        : null;
      const { renderTableBookPdf } = await import('../../platform/render/table-book');
      const bytes = await renderTableBookPdf({
        issuer: issuer?.name ?? actor.grants[0]?.organizationName ?? '',
        title: incoming ? 'Sổ đăng ký văn bản đến' : 'Sổ đăng ký văn bản đi',
        subtitle: `In ngày ${vnDate(core.today())}, ${shown.length} văn bản${
          rows.length > MAX_PDF_ROWS ? ` (đầu tiên; lọc theo thời gian để in phần còn lại hoặc tải bảng tính)` : ''
        }`,
        columns: (incoming ? INCOMING_COLUMNS : OUTGOING_COLUMNS).map(([header, share]) => ({ header, share })),
        rows: shown.map((r) => bookLine(r, incoming).map((v) => (v === null ? '' : String(v)))),
      });
      return { bytes, fileName: incoming ? 'so-van-ban-den.pdf' : 'so-van-ban-di.pdf' };
    },
  };
}
