import type { CellValue } from 'exceljs';
import type { FileFormat } from '../../../../common/schemas/directory-transfer';
import { loadExcel } from '../../../platform/excel';
import { bufferSource, declaredUncompressedSize } from '../../../platform/files/zip';
import * as errors from '../directory.errors';
import { CsvError, type Delimiter, decodeText, parseCsv, writeCsv } from './csv.rules';

/** A file read as rows of text cells, whatever its format. */
export interface Table {
  format: FileFormat;
  /** Non-empty rows, each with its row number in the file (the first row is 1). */
  rows: { line: number; cells: string[] }[];
}

export const MAX_IMPORT_ROWS = 20_000;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // Excel 97-2003 .xls

/** Reads an uploaded file by what its bytes are, not by its name. */
export async function readTable(bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw errors.importEmpty();
  if (startsWith(bytes, ZIP)) return { format: 'xlsx', rows: await readXlsx(bytes) };
  if (startsWith(bytes, OLE)) {
    throw errors.importUnsupportedFile(
      'Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy lưu lại thành .xlsx hoặc CSV UTF-8.',
    );
  }
  const text = decodeText(bytes);
  if (text === null) {
    throw errors.importUnsupportedFile(
      'Tệp không phải CSV (UTF-8) hay Excel .xlsx. Nếu là CSV, hãy lưu lại với kiểu “CSV UTF-8”.',
    );
  }
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw errors.importMalformed(error.message);
    throw error;
  }
  const rows = records
    .map((r) => ({ line: r.line, cells: r.fields.map(unprotect) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length > MAX_IMPORT_ROWS + 1) throw errors.importTooManyRows(MAX_IMPORT_ROWS);
  return { format: 'csv', rows };
}

/** 20,000 rows of a directory fit in a few megabytes of XML; far beyond that is a zip bomb. */
const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

async function readXlsx(bytes: Buffer): Promise<Table['rows']> {
  const declared = await declaredUncompressedSize(bufferSource(bytes), bytes.length);
  if (declared === null) throw errors.importUnsupportedFile('Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.');
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw errors.importUnsupportedFile('Tệp .xlsx giải nén ra quá lớn so với một bảng danh bạ.');
  }
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw errors.importUnsupportedFile('Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.');
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0);
  if (!sheet) throw errors.importEmpty();
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw errors.importTooManyRows(MAX_IMPORT_ROWS);
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(unprotect(cellText(row.getCell(c).value)));
    if (cells.some((v) => v.trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** The text a person sees in a cell: rich text joined, links by their text, formulas by their result. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value && value.result !== undefined ? cellText(value.result as CellValue) : '';
  }
  return '';
}

/**
 * Excel runs a cell that starts with = + - @ as a formula, so exported text that starts
 * that way is written behind an apostrophe; reading takes it off again.
 */
export function protect(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function unprotect(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export interface SheetColumn {
  header: string;
  width: number;
  /** Kept as text in Excel, so phone numbers keep their leading 0 when people type new ones. */
  text?: boolean;
}

export async function writeTable(
  format: FileFormat,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly string[])[],
  delimiter: Delimiter = ',',
): Promise<Buffer> {
  if (format === 'csv') {
    return Buffer.from(writeCsv([columns.map((c) => c.header), ...rows.map((r) => r.map(protect))], delimiter), 'utf8');
  }
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'VanPhong';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.addRows(rows.map((r) => r.map((v) => (v === '' ? null : v))));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
