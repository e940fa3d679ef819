import fs from 'node:fs/promises';
import { foldVietnamese } from '../../../common/text/fold';
import type { FileKind } from './content-type';
import { createPdfReader, type PdfReader } from './pdf-reader';
import { readZipEntries, readZipEntry } from './zip';

export interface ExtractOptions {
  /** Folded characters kept; the rest of a long file is not indexed. */
  maxChars?: number;
  /** Reads PDFs; by default one shared by this process, with the default limits. */
  pdf?: PdfReader;
}

export const MAX_TEXT_CHARS = 200_000;

/** Kinds whose text is read for full-text search. */
export const TEXT_KINDS: ReadonlySet<FileKind> = new Set(['pdf', 'docx', 'odt']);

/** The XML of a document body is rarely over a few megabytes; past this the rest is not read. */
const MAX_XML_BYTES = 32 * 1024 * 1024;

/** What is read from a document file: its folded text and its page count, when known. */
export interface DocumentContent {
  text: string | null;
  /** Exact for PDF; from the document's own statistics, or estimated from its length, for DOCX and ODT. */
  pages: number | null;
}

/** Characters of a typed A4 page at 14 pt, to estimate pages of a file that does not say. */
const CHARS_PER_PAGE = 2800;

/**
 * The text of a PDF, DOCX or ODT file, folded for search (`foldVietnamese`) and
 * capped; null when the kind has no text or none was found. Throws when the
 * file cannot be read.
 */
export async function extractText(
  filePath: string,
  kind: FileKind,
  options: ExtractOptions = {},
): Promise<string | null> {
  return (await readDocument(filePath, kind, options)).text;
}

let sharedReader: PdfReader | undefined;

/** Ends the workers of the reader shared by this process (its idle workers never keep the process alive). */
export async function closeSharedPdfReader(): Promise<void> {
  await sharedReader?.close();
}

/** The text (as `extractText`) and the page count of a document file. */
export async function readDocument(
  filePath: string,
  kind: FileKind,
  options: ExtractOptions = {},
): Promise<DocumentContent> {
  const maxChars = options.maxChars ?? MAX_TEXT_CHARS;
  switch (kind) {
    case 'pdf': {
      sharedReader ??= createPdfReader();
      const reading = await (options.pdf ?? sharedReader).read(filePath);
      if (reading.outcome === 'busy') throw new Error('every PDF reading slot is busy');
      if (reading.outcome === 'unreadable') throw new Error(`not a readable PDF: ${reading.reason}`);
      if (reading.cut) throw new Error(`PDF text not read: ${reading.cut}`);
      return foldedContent(reading.text, reading.pages, maxChars);
    }
    case 'docx':
    case 'odt':
      return readOfficeText(filePath, kind, maxChars);
    default:
      return { text: null, pages: null };
  }
}

/** The text of a DOCX or ODT, read from its XML in this thread (bounded by `MAX_XML_BYTES`). */
export async function readOfficeText(
  filePath: string,
  kind: 'docx' | 'odt',
  maxChars: number,
): Promise<DocumentContent> {
  if (kind === 'docx') {
    const text = wordprocessingText(await zipEntryText(filePath, 'word/document.xml'));
    const pages = statedPages(
      await zipEntryText(filePath, 'docProps/app.xml').catch(() => ''),
      /<Pages>(\d+)<\/Pages>/,
    );
    return foldedContent(text, pages, maxChars);
  }
  const text = odfText(await zipEntryText(filePath, 'content.xml'));
  const pages = statedPages(await zipEntryText(filePath, 'meta.xml').catch(() => ''), /meta:page-count="(\d+)"/);
  return foldedContent(text, pages, maxChars);
}

/** Folded, capped text and the page count, estimated from the text when the file does not say. */
export function foldedContent(text: string, pages: number | null, maxChars: number): DocumentContent {
  const counted = pages ?? Math.max(1, Math.ceil(text.replace(/\s+/g, ' ').length / CHARS_PER_PAGE));
  const folded = foldVietnamese(text.slice(0, maxChars * 2)).slice(0, maxChars);
  return { text: folded === '' ? null : folded, pages: counted };
}

function statedPages(xml: string, pattern: RegExp): number | null {
  const n = Number(pattern.exec(xml)?.[1] ?? 0);
  return n > 0 ? n : null;
}

async function zipEntryText(filePath: string, name: string): Promise<string> {
  const file = await fs.open(filePath, 'r');
  try {
    const entries = await readZipEntries(file, (await file.stat()).size);
    const entry = entries?.find((e) => e.name === name);
    if (!entry) throw new Error(`no ${name} in the archive`);
    const bytes = await readZipEntry(file, filePath, entry, MAX_XML_BYTES);
    if (!bytes) throw new Error(`${name} cannot be read`);
    return bytes.toString('utf8');
  } finally {
    await file.close();
  }
}

function wordprocessingText(xml: string): string {
  return xmlText(
    xml
      // Field codes and deleted revisions are not what the reader sees.
      .replace(/<w:(instrText|delText)\b[^>]*>[\s\S]*?<\/w:\1>/g, '')
      .replace(/<w:(tab|br|cr)\b[^>]*\/>/g, ' ')
      .replace(/<\/w:p>/g, '\n'),
  );
}

function odfText(xml: string): string {
  return xmlText(xml.replace(/<text:(s|tab|line-break)\b[^>]*\/>/g, ' ').replace(/<\/text:(p|h)>/g, '\n'));
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function xmlText(xml: string): string {
  return xml.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name] ?? whole;
  });
}
