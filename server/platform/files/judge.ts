import fs from 'node:fs/promises';
import { FILE_TYPES, type FileKind, type FileType, sniffFile } from './content-type';
import { cleanFileName, nameForType } from './file-name';
import * as errors from './files.errors';
import type { PdfReader, PdfReading } from './pdf-reader';
import { type DocumentContent, foldedContent, MAX_TEXT_CHARS, readOfficeText } from './text-extract';

/** Something the sender should know about a file that was taken: stable code, Vietnamese message. */
export interface FileWarning {
  code: 'files.renamed' | 'files.pdf_header_moved' | 'files.text_not_read';
  message: string;
}

/** A file judged fit to keep: its type from its bytes, the name to keep it under, and what was read of it. */
export interface Judgement {
  type: FileType;
  fileName: string;
  warnings: FileWarning[];
  /** Its text for search (folded) and page count; null text when none was read. */
  content: DocumentContent;
}

export interface JudgeOptions {
  /** The types this installation takes (`FILE_TYPES`). */
  allowed: readonly FileKind[];
  /** Reads PDFs (a PDF is one only when pdf.js opens it) and their text, within bounds. */
  pdf: PdfReader;
  /** Folded characters of text kept. */
  maxChars?: number;
  /** Who sent the file (an account, a mail sender): PDF reading is shared fairly between senders. */
  sender?: string;
  /**
   * What was read of the same bytes when they were first stored, if they were: a PDF whose text
   * and pages were read then is not read again (a document sent to 500 offices is read once).
   */
  known?: { pages: number | null; text: string | null };
}

/**
 * The one way a file is taken in, whoever sends it (an upload, a received
 * letter's attachment, a package from another system): its type is decided by
 * its bytes alone, never by its name or the type it claims; programs and
 * scripts are refused whatever they claim, also inside ZIP-based files; a PDF
 * is a PDF only when pdf.js opens it; the name is made to agree with the type
 * (its ending rewritten), and each correction is told in a warning.
 *
 * Throws a `DomainError` when the file is refused: `files.program_refused`,
 * `files.type_not_allowed`, `files.pdf_damaged`. No HTTP here: the caller
 * presents the warnings and errors.
 */
export async function judgeFile(filePath: string, claimedName: string, options: JudgeOptions): Promise<Judgement> {
  const given = cleanFileName(claimedName);
  const maxChars = options.maxChars ?? MAX_TEXT_CHARS;
  const sniffed = await sniffFile(filePath);
  if (sniffed.kind === null) {
    if (sniffed.program) throw errors.programRefused(given, sniffed.label ?? 'chương trình');
    throw errors.typeNotAllowed(allowedLabels(options.allowed));
  }
  if (!options.allowed.includes(sniffed.kind)) throw errors.typeNotAllowed(allowedLabels(options.allowed));
  const type = FILE_TYPES[sniffed.kind];
  const warnings: FileWarning[] = [];
  let content: DocumentContent = { text: null, pages: null };

  if (type.kind === 'pdf' && options.known?.pages != null && options.known.text !== null) {
    content = { text: options.known.text, pages: options.known.pages };
    if (sniffed.headerAt > 0) warnings.push(headerMoved(given, sniffed.headerAt));
  } else if (type.kind === 'pdf') {
    const reading = await options.pdf.read(filePath, options.sender);
    if (reading.outcome === 'unreadable') throw errors.pdfDamaged(given);
    if (reading.outcome === 'busy' && !(await hasPdfTrailer(filePath))) throw errors.pdfDamaged(given);
    if (sniffed.headerAt > 0) warnings.push(headerMoved(given, sniffed.headerAt));
    const cut = textCut(reading);
    if (cut)
      warnings.push({
        code: 'files.text_not_read',
        message: `${cut} Tệp "${given}" vẫn được lưu nhưng sẽ không tìm thấy được theo nội dung.`,
      });
    if (reading.outcome === 'opened') content = foldedContent(reading.text, reading.pages, maxChars);
  } else if (type.kind === 'docx' || type.kind === 'odt') {
    try {
      content = await readOfficeText(filePath, type.kind, maxChars);
    } catch {
      warnings.push({
        code: 'files.text_not_read',
        message: `Không đọc được nội dung chữ của tệp "${given}". Tệp vẫn được lưu nhưng sẽ không tìm thấy được theo nội dung.`,
      });
    }
  }

  const fileName = nameForType(given, type);
  if (fileName !== given) {
    warnings.unshift({
      code: 'files.renamed',
      message: `Tệp "${given}" thực chất là ${type.label}, nên đã được đổi tên thành "${fileName}" cho đúng loại tệp.`,
    });
  }
  return { type, fileName, warnings, content };
}

function headerMoved(given: string, headerAt: number): FileWarning {
  return {
    code: 'files.pdf_header_moved',
    message: `Tệp "${given}" có ${headerAt} byte lạ trước phần đầu PDF. Tệp vẫn được nhận là PDF và giữ nguyên như khi gửi; các trình đọc PDF bỏ qua phần này.`,
  };
}

function allowedLabels(allowed: readonly FileKind[]): string {
  return allowed.map((k) => FILE_TYPES[k].label).join(', ');
}

/** Why the text of a PDF was not (all) read, for the warning; null when it was. */
function textCut(reading: PdfReading): string | null {
  if (reading.outcome === 'busy') return 'Máy chủ đang bận đọc các tệp khác nên chưa đọc nội dung chữ của tệp này.';
  if (reading.outcome !== 'opened' || reading.cut === null) return null;
  switch (reading.cut) {
    case 'too_large':
      return 'Nội dung bên trong tệp PDF quá lớn so với giới hạn đọc, nên phần chữ không được đọc hết.';
    case 'timeout':
      return 'Đọc nội dung chữ của tệp PDF quá thời gian cho phép nên đã dừng.';
    case 'memory':
      return 'Đọc nội dung chữ của tệp PDF cần quá nhiều bộ nhớ nên đã dừng.';
    case 'failed':
      return 'Không đọc được nội dung chữ của tệp PDF.';
  }
}

/**
 * When every reading slot is busy, a PDF is taken on its structure alone: the
 * cross-reference pointer and end marker every PDF closes with. A truncated or
 * made-up file lacks them.
 */
async function hasPdfTrailer(filePath: string): Promise<boolean> {
  const file = await fs.open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const length = Math.min(size, 2048);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, size - length);
    const text = tail.toString('latin1');
    return /startxref\s+\d+\s+%%EOF/.test(text);
  } finally {
    await file.close();
  }
}
