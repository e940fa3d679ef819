import {
  type DocumentListQuery,
  SECRECY_LABELS,
  STATUS_LABELS,
  URGENCY_LABELS,
} from '../../../common/schemas/documents';
import { loadExcel } from '../../platform/excel';
import type { Actor } from '../../platform/security/actor';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import type { DocumentsCore } from './documents.steps.service';
import { visibilityOf } from './read-access.repository';
import { findRegister } from './registers.repository';

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

/** Which book: one register of one organization, and the period it covers. */
export interface BookHeading {
  organizationName: string;
  registerName: string;
  period: string;
}

/** The register book (sổ đăng ký văn bản) of one register, as a spreadsheet or printed; a list over several says whose each row is. */
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

  /**
   * The register a book is printed from, one the actor may see, of the list's direction. A book
   * numbered by year covers one year: this year unless the list asks for a period.
   */
  async function bookOf(actor: Actor, query: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
    if (!query.registerId) throw errors.bookRegisterRequired();
    const register = await findRegister(core.db, query.registerId);
    const paths = actor.grants.map((g) => g.organizationPath);
    if (!register || !paths.some((p) => register.organization_path.startsWith(p))) throw errors.registerNotFound();
    if (register.direction !== query.direction) throw errors.registerWrongDirection(query.direction);
    let { from, to } = query;
    let period: string;
    if (from || to) {
      period =
        from && to
          ? `Từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}`
          : from
            ? `Từ ngày ${vnDate(from)}`
            : `Đến ngày ${vnDate(to ?? null)}`;
    } else if (register.reset === 'year') {
      const year = core.today().slice(0, 4);
      from = `${year}-01-01`;
      to = `${year}-12-31`;
      period = `Năm ${year}`;
    } else if (register.reset === 'term' && register.term_label) {
      period = `Nhiệm kỳ ${register.term_label}`;
    } else {
      period = 'Toàn bộ';
    }
    const heading: BookHeading = {
      organizationName: register.organization_name,
      registerName: register.name,
      period,
    };
    return { query: { ...query, organizationId: register.organization_id, from, to }, heading };
  }

  return {
    /** The book of one register; without one, the list as filtered, each row naming its organization and register. */
    async exportXlsx(actor: Actor, query: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
      const incoming = query.direction === 'incoming';
      const book = query.registerId ? await bookOf(actor, query) : null;
      const rows = await rowsOf(actor, book?.query ?? query, MAX_ROWS);
      const ExcelJS = await loadExcel();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(incoming ? 'Sổ văn bản đến' : 'Sổ văn bản đi');
      if (book) {
        sheet.addRow([book.heading.organizationName.toUpperCase()]).font = { bold: true };
        sheet.addRow([incoming ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI']).font = { bold: true, size: 14 };
        sheet.addRow([`${book.heading.registerName} — ${book.heading.period}`]);
      } else {
        sheet.addRow([incoming ? 'DANH SÁCH VĂN BẢN ĐẾN' : 'DANH SÁCH VĂN BẢN ĐI']).font = { bold: true, size: 14 };
      }
      sheet.addRow([`Xuất ngày ${vnDate(core.today())}, ${rows.length} văn bản`]);
      sheet.addRow([]);
      const header = [
        ...(book ? [] : ['Tổ chức', 'Sổ văn bản']),
        ...(incoming ? INCOMING_COLUMNS : OUTGOING_COLUMNS).map(([h]) => h),
      ];
      const head = sheet.addRow(header);
      head.font = { bold: true };
      for (const r of rows) {
        sheet.addRow([...(book ? [] : [r.organization_name, r.register_name ?? '']), ...bookLine(r, incoming)]);
      }
      sheet.columns.forEach((c, i) => {
        c.width = header[i] === 'Trích yếu' ? 60 : 16;
      });
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      return { bytes, fileName: incoming ? 'so-van-ban-den.xlsx' : 'so-van-ban-di.xlsx' };
    },

    /** The book printed on the server with the shipped font: landscape A4, the header row on every page. */
    async exportPdf(actor: Actor, query: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
      const book = await bookOf(actor, query);
      const rows = await rowsOf(actor, book.query, MAX_PDF_ROWS + 1);
      const incoming = query.direction === 'incoming';
      const shown = rows.slice(0, MAX_PDF_ROWS);
      const { renderTableBookPdf } = await import('../../platform/render/table-book');
      const bytes = await renderTableBookPdf({
        issuer: book.heading.organizationName,
        title: incoming ? 'Sổ đăng ký văn bản đến' : 'Sổ đăng ký văn bản đi',
        subtitle: `${book.heading.registerName} — ${book.heading.period}. In ngày ${vnDate(core.today())}, ${shown.length} văn bản${
          rows.length > MAX_PDF_ROWS ? ` (đầu tiên; lọc theo thời gian để in phần còn lại hoặc tải bảng tính)` : ''
        }`,
        columns: (incoming ? INCOMING_COLUMNS : OUTGOING_COLUMNS).map(([header, share]) => ({ header, share })),
        rows: shown.map((r) => bookLine(r, incoming).map((v) => (v === null ? '' : String(v)))),
      });
      return { bytes, fileName: incoming ? 'so-van-ban-den.pdf' : 'so-van-ban-di.pdf' };
    },
  };
}
