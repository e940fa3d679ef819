import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { foldVietnamese } from '../../../common/text/fold';
import type { FileKind } from './content-type';
import { readZipEntries, readZipEntry } from './zip';

export interface ExtractLimits {
  /** Folded characters kept; the rest of a long file is not indexed. */
  maxChars: number;
  /** A PDF whose text takes longer is given up (its worker is stopped). */
  timeoutMs: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxChars: 200_000, timeoutMs: 20_000 };

/** Kinds whose text is read for full-text search. */
export const TEXT_KINDS: ReadonlySet<FileKind> = new Set(['pdf', 'docx', 'odt']);

/** The XML of a document body is rarely over a few megabytes; past this the rest is not read. */
const MAX_XML_BYTES = 32 * 1024 * 1024;
const MAX_PDF_PAGES = 2000;

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
 * file cannot be read: the caller logs and stores null.
 */
export async function extractText(
  filePath: string,
  kind: FileKind,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<string | null> {
  return (await readDocument(filePath, kind, limits)).text;
}

/** The text (as `extractText`) and the page count of a document file. */
export async function readDocument(
  filePath: string,
  kind: FileKind,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<DocumentContent> {
  let text: string;
  let pages: number | null = null;
  switch (kind) {
    case 'pdf': {
      const pdf = await pdfText(filePath, limits);
      text = pdf.text;
      pages = pdf.pages;
      break;
    }
    case 'docx':
      text = wordprocessingText(await zipEntryText(filePath, 'word/document.xml'));
      pages = statedPages(await zipEntryText(filePath, 'docProps/app.xml').catch(() => ''), /<Pages>(\d+)<\/Pages>/);
      break;
    case 'odt':
      text = odfText(await zipEntryText(filePath, 'content.xml'));
      pages = statedPages(await zipEntryText(filePath, 'meta.xml').catch(() => ''), /meta:page-count="(\d+)"/);
      break;
    default:
      return { text: null, pages: null };
  }
  pages ??= Math.max(1, Math.ceil(text.replace(/\s+/g, ' ').length / CHARS_PER_PAGE));
  const folded = foldVietnamese(text.slice(0, limits.maxChars * 2)).slice(0, limits.maxChars);
  return { text: folded === '' ? null : folded, pages };
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

const requireHere = createRequire(import.meta.url);

/**
 * pdf.js runs in a worker thread of its own: a hostile or huge PDF can take
 * long or use much memory, and neither may stall the server. The worker is
 * stopped at the time limit.
 */
async function pdfText(filePath: string, limits: ExtractLimits): Promise<{ text: string; pages: number }> {
  const pdfjsRoot = path.dirname(requireHere.resolve('pdfjs-dist/package.json'));
  const worker = new Worker(PDF_WORKER, {
    eval: true,
    workerData: {
      filePath,
      pdfjs: pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href,
      fonts: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
      cmaps: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
      maxChars: limits.maxChars * 2,
      maxPages: MAX_PDF_PAGES,
    },
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    stdout: true,
    stderr: true,
  });
  return new Promise<{ text: string; pages: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`PDF text extraction took longer than ${limits.timeoutMs} ms`));
    }, limits.timeoutMs);
    worker.once('message', (message: { text?: string; pages?: number; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (typeof message.text === 'string') resolve({ text: message.text, pages: message.pages ?? 1 });
      else reject(new Error(message.error ?? 'PDF text extraction failed'));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PDF text worker exited with ${code}`));
    });
  });
}

const PDF_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
(async () => {
  const { getDocument } = await import(workerData.pdfjs);
  const data = new Uint8Array(fs.readFileSync(workerData.filePath));
  const doc = await getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl: workerData.fonts,
    cMapUrl: workerData.cmaps,
    cMapPacked: true,
  }).promise;
  let text = '';
  const pages = Math.min(doc.numPages, workerData.maxPages);
  for (let n = 1; n <= pages && text.length < workerData.maxChars; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (typeof item.str === 'string') text += item.str + (item.hasEOL ? '\\n' : '');
    }
    page.cleanup();
    text += '\\n';
  }
  const numPages = doc.numPages;
  await doc.destroy();
  parentPort.postMessage({ text, pages: numPages });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;
