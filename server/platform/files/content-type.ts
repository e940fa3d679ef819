import fs from 'node:fs/promises';
import { typeMismatch, typeNotAllowed } from './files.errors';
import { readZipEntries, readZipEntry } from './zip';

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

/** What the bytes are: one of ours, or something else we can name for the message, or unknown. */
export type Sniffed = { kind: FileKind } | { kind: null; label: string | null };

/** Endings of types we recognise but never accept, so a renamed one is called what it is. */
const FOREIGN_EXTENSIONS = new Set([
  'exe',
  'dll',
  'msi',
  'bat',
  'cmd',
  'js',
  'vbs',
  'ps1',
  'zip',
  'rar',
  '7z',
  'doc',
  'xls',
  'ppt',
  'docm',
  'xlsm',
  'pptm',
  'html',
  'htm',
  'svg',
  'txt',
  'rtf',
]);

const HEAD_BYTES = 1024;
/** An ODF `mimetype` entry is a short ASCII line. */
const MIMETYPE_BYTES = 100;

/** Decides a file's type from its bytes alone: signatures, and for ZIP containers the entries inside. */
export async function sniffFile(path: string): Promise<Sniffed> {
  const file = await fs.open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await file.read(head, 0, head.length, 0);
    const simple = sniffHead(head);
    if (simple !== 'zip') return simple;
    const entries = await readZipEntries(file, size);
    if (!entries) return { kind: null, label: 'tệp nén ZIP' };
    const names = new Set(entries.map((e) => e.name));
    // Macro-enabled Office files carry code; a renamed .docm is still a .docm.
    if (entries.some((e) => e.name.toLowerCase().endsWith('vbaproject.bin'))) {
      return { kind: null, label: 'tài liệu Office có macro' };
    }
    if (names.has('[Content_Types].xml')) {
      if (names.has('word/document.xml')) return { kind: 'docx' };
      if (names.has('xl/workbook.xml')) return { kind: 'xlsx' };
      if (names.has('ppt/presentation.xml')) return { kind: 'pptx' };
    }
    const mimetype = entries.find((e) => e.name === 'mimetype');
    if (mimetype && mimetype.uncompressedSize <= MIMETYPE_BYTES) {
      const bytes = await readZipEntry(file, path, mimetype, MIMETYPE_BYTES);
      const declared = bytes?.toString('ascii').trim();
      if (declared === FILE_TYPES.odt.contentType) return { kind: 'odt' };
      if (declared === FILE_TYPES.ods.contentType) return { kind: 'ods' };
      if (declared === FILE_TYPES.odp.contentType) return { kind: 'odp' };
    }
    return { kind: null, label: 'tệp nén ZIP' };
  } finally {
    await file.close();
  }
}

function sniffHead(head: Buffer): Sniffed | 'zip' {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const ascii = (at: number, text: string) => head.toString('latin1', at, at + text.length) === text;
  // Readers accept the PDF header anywhere in the first kilobyte.
  if (head.includes('%PDF-', 0, 'latin1')) return { kind: 'pdf' };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { kind: 'png' };
  if (starts(0xff, 0xd8, 0xff)) return { kind: 'jpeg' };
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return { kind: 'gif' };
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return { kind: 'webp' };
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0x50, 0x4b, 0x05, 0x06)) return { kind: null, label: 'tệp nén ZIP' };
  if (ascii(0, 'MZ')) return { kind: null, label: 'tệp chương trình (.exe)' };
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return { kind: null, label: 'tệp chương trình' };
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return { kind: null, label: 'tài liệu Office cũ (.doc, .xls)' };
  if (ascii(0, 'Rar!')) return { kind: null, label: 'tệp nén RAR' };
  return { kind: null, label: null };
}

/** The ending of a file name, lower case, when it looks like one (`Báo cáo v2.1` has none). */
export function extensionOf(fileName: string): string | null {
  const match = /\.([a-z0-9]{1,5})$/i.exec(fileName);
  if (!match?.[1] || !/[a-z]/i.test(match[1])) return null;
  return match[1].toLowerCase();
}

/**
 * The type to store, or the refusal: content that is not allowed, or a name
 * whose ending says another type than the content (a PNG called `.pdf`, an
 * XLSX called `.docx`, a program called `.pdf`).
 */
export function acceptFileType(sniffed: Sniffed, fileName: string, allowed: readonly FileKind[]): FileType {
  const extension = extensionOf(fileName);
  const named = extension ? FILE_KINDS.find((k) => FILE_TYPES[k].extensions.includes(extension)) : undefined;
  const allowedLabels = allowed.map((k) => FILE_TYPES[k].label).join(', ');
  if (sniffed.kind === null) {
    if (named) throw typeMismatch(fileName, sniffed.label);
    throw typeNotAllowed(allowedLabels);
  }
  const type = FILE_TYPES[sniffed.kind];
  if (!allowed.includes(type.kind)) throw typeNotAllowed(allowedLabels);
  if (extension && !type.extensions.includes(extension) && (named || FOREIGN_EXTENSIONS.has(extension))) {
    throw typeMismatch(fileName, type.label);
  }
  return type;
}

/** Sniffs a file on disk and decides whether to take it. */
export async function detectFileType(path: string, fileName: string, allowed: readonly FileKind[]): Promise<FileType> {
  return acceptFileType(await sniffFile(path), fileName, allowed);
}

export function fileTypeOf(contentType: string): FileType | null {
  return FILE_KINDS.map((k) => FILE_TYPES[k]).find((t) => t.contentType === contentType) ?? null;
}
