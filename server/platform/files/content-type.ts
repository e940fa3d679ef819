import fs from 'node:fs/promises';
import { programByContent, programByName } from './programs';
import {
  bufferSource,
  readZipEntries,
  readZipEntry,
  readZipEntryBytes,
  readZipEntryHead,
  type ZipEntry,
  type ZipSource,
} from './zip';

/** The types a file may have, by short name (the names `FILE_TYPES` takes). */
export const FILE_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'png', 'jpeg', 'gif', 'webp'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface FileType {
  kind: FileKind;
  contentType: string;
  /** For people, in messages. */
  label: string;
  /** Name endings that say this type; the first is the usual one. */
  extensions: readonly string[];
  /** Shown in the browser rather than downloaded: PDF and images only. */
  inline: boolean;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

export const FILE_TYPES: Record<FileKind, FileType> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf', label: 'PDF', extensions: ['pdf'], inline: true },
  docx: {
    kind: 'docx',
    contentType: `${OOXML}.wordprocessingml.document`,
    label: 'Word (.docx)',
    extensions: ['docx'],
    inline: false,
  },
  xlsx: {
    kind: 'xlsx',
    contentType: `${OOXML}.spreadsheetml.sheet`,
    label: 'Excel (.xlsx)',
    extensions: ['xlsx'],
    inline: false,
  },
  pptx: {
    kind: 'pptx',
    contentType: `${OOXML}.presentationml.presentation`,
    label: 'PowerPoint (.pptx)',
    extensions: ['pptx'],
    inline: false,
  },
  odt: { kind: 'odt', contentType: `${ODF}.text`, label: 'văn bản ODF (.odt)', extensions: ['odt'], inline: false },
  ods: {
    kind: 'ods',
    contentType: `${ODF}.spreadsheet`,
    label: 'bảng tính ODF (.ods)',
    extensions: ['ods'],
    inline: false,
  },
  odp: {
    kind: 'odp',
    contentType: `${ODF}.presentation`,
    label: 'trình chiếu ODF (.odp)',
    extensions: ['odp'],
    inline: false,
  },
  png: { kind: 'png', contentType: 'image/png', label: 'ảnh PNG', extensions: ['png'], inline: true },
  jpeg: {
    kind: 'jpeg',
    contentType: 'image/jpeg',
    label: 'ảnh JPEG',
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    inline: true,
  },
  gif: { kind: 'gif', contentType: 'image/gif', label: 'ảnh GIF', extensions: ['gif'], inline: true },
  webp: { kind: 'webp', contentType: 'image/webp', label: 'ảnh WebP', extensions: ['webp'], inline: true },
};

/**
 * What the bytes are: one of ours (with where a PDF's header starts), or
 * something else named for the message, or a program or script.
 */
export type Sniffed = { kind: FileKind; headerAt: number } | { kind: null; label: string | null; program: boolean };

export const HEAD_BYTES = 1024;
/** An ODF `mimetype` entry is a short ASCII line. */
const MIMETYPE_BYTES = 100;

const other = (label: string | null): Sniffed => ({ kind: null, label, program: false });

/**
 * Decides a file's type from its bytes alone: programs and scripts first, by
 * their signatures; then, for anything that is also a ZIP archive (an office
 * file, or a file made to be two things at once), every entry by its name and
 * first bytes; then the signatures of the types we take.
 */
export async function sniffFile(path: string): Promise<Sniffed> {
  const file = await fs.open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await file.read(head, 0, head.length, 0);
    const program = programByContent(head, 'file');
    if (program) return { kind: null, label: program, program: true };
    const entries = await readZipEntries(file, size);
    const inside = entries
      ? await programInside(file, entries, { depth: 0, budget: { bytesLeft: NESTED_ARCHIVE_BYTES } })
      : null;
    if (inside) return { kind: null, label: inside, program: true };
    const simple = sniffHead(head);
    if (simple !== 'zip') return simple;
    if (!entries) return other('tệp nén ZIP');
    const names = new Set(entries.map((e) => e.name));
    if (names.has('[Content_Types].xml')) {
      if (names.has('word/document.xml')) return { kind: 'docx', headerAt: 0 };
      if (names.has('xl/workbook.xml')) return { kind: 'xlsx', headerAt: 0 };
      if (names.has('ppt/presentation.xml')) return { kind: 'pptx', headerAt: 0 };
    }
    const mimetype = entries.find((e) => e.name === 'mimetype');
    if (mimetype && mimetype.uncompressedSize <= MIMETYPE_BYTES) {
      const bytes = await readZipEntry(file, path, mimetype, MIMETYPE_BYTES);
      const declared = bytes?.toString('ascii').trim();
      if (declared === FILE_TYPES.odt.contentType) return { kind: 'odt', headerAt: 0 };
      if (declared === FILE_TYPES.ods.contentType) return { kind: 'ods', headerAt: 0 };
      if (declared === FILE_TYPES.odp.contentType) return { kind: 'odp', headerAt: 0 };
    }
    return other('tệp nén ZIP');
  } finally {
    await file.close();
  }
}

/** Bytes of archives inside an archive (an embedded workbook, a ZIP) inflated to look into them, in all. */
const NESTED_ARCHIVE_BYTES = 64 * 1024 * 1024;
/** Archives within archives looked into; deeper nesting is no office document. */
const MAX_NESTING = 3;
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

interface Inspection {
  depth: number;
  /** Shared by the whole file, so many small nested archives cannot add up to a bomb. */
  budget: { bytesLeft: number };
}

/**
 * The first program or script an archive carries, by entry name or by the entry's first
 * bytes, looking into the archives it carries in turn (a ZIP or an embedded office file
 * inside a DOCX): what cannot be looked into, because it is nested too deep or inflates to
 * too much, is refused like a program, since what it holds cannot be vouched for.
 */
async function programInside(
  file: ZipSource,
  entries: readonly ZipEntry[],
  inspection: Inspection,
): Promise<string | null> {
  for (const entry of entries) {
    const byName = programByName(entry.name);
    if (byName) return byName;
  }
  for (const entry of entries) {
    if (entry.name.endsWith('/') || (entry.uncompressedSize === 0 && entry.compressedSize === 0)) continue;
    const head = await readZipEntryHead(file, entry, HEAD_BYTES);
    const byContent = head ? programByContent(head, 'entry') : null;
    if (byContent) return byContent;
    if (head?.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
      const inner = await nestedArchive(file, entry, inspection);
      if (typeof inner === 'string') return inner;
      const found = await programInside(inner.source, inner.entries, { ...inspection, depth: inspection.depth + 1 });
      if (found) return found;
    }
  }
  return null;
}

const UNINSPECTABLE = 'tệp nén lồng bên trong không kiểm tra được (quá lớn, quá nhiều tầng hoặc hỏng)';

/** An archive carried by another, read into memory within the file's budget; a label when it cannot be. */
async function nestedArchive(
  file: ZipSource,
  entry: ZipEntry,
  inspection: Inspection,
): Promise<string | { source: ZipSource; entries: ZipEntry[] }> {
  if (inspection.depth + 1 >= MAX_NESTING) return UNINSPECTABLE;
  const bytes = await readZipEntryBytes(file, entry, inspection.budget.bytesLeft);
  if (!bytes) return UNINSPECTABLE;
  inspection.budget.bytesLeft -= bytes.length;
  const source = bufferSource(bytes);
  const entries = await readZipEntries(source, bytes.length);
  return entries ? { source, entries } : UNINSPECTABLE;
}

function sniffHead(head: Buffer): Sniffed | 'zip' {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const ascii = (at: number, text: string) => head.toString('latin1', at, at + text.length) === text;
  const ours = (kind: FileKind): Sniffed => ({ kind, headerAt: 0 });
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0x50, 0x4b, 0x05, 0x06)) return other('tệp nén ZIP');
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return ours('png');
  if (starts(0xff, 0xd8, 0xff)) return ours('jpeg');
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return ours('gif');
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return ours('webp');
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return other('tài liệu Office cũ (.doc, .xls)');
  if (ascii(0, 'Rar!')) return other('tệp nén RAR');
  if (ascii(0, '7z\xbc\xaf\x27\x1c')) return other('tệp nén 7-Zip');
  // PDF readers look for the header anywhere in the first kilobyte; whether it is a PDF, pdf.js decides.
  const pdfAt = head.indexOf('%PDF-', 0, 'latin1');
  if (pdfAt >= 0) return { kind: 'pdf', headerAt: pdfAt };
  return other(null);
}

/** The ending of a file name, lower case, when it looks like one (`Báo cáo v2.1` has none). */
export function extensionOf(fileName: string): string | null {
  const match = /\.([a-z0-9]{1,5})$/i.exec(fileName);
  if (!match?.[1] || !/[a-z]/i.test(match[1])) return null;
  return match[1].toLowerCase();
}

export function fileTypeOf(contentType: string): FileType | null {
  return FILE_KINDS.map((k) => FILE_TYPES[k]).find((t) => t.contentType === contentType) ?? null;
}
