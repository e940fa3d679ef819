import type { Writable } from 'node:stream';

/**
 * Attachments as they travel in edXML: base64 decoded and encoded in pieces, so no attachment is
 * ever held whole, and their type read from their first bytes rather than from what the sender says.
 */

/** Decodes base64 given in arbitrary pieces; whitespace ignored; throws on anything else. */
const HAS_SPACE = /\s/;
const SPACES = /\s+/g;

/**
 * The first `length` characters (whole groups of 4, padding only at the end) decoded. Node's
 * decoder skips a character outside the alphabet rather than failing, so one is found by the
 * bytes coming out fewer than the groups promise: no second pass over the text.
 */
function decodeGroups(text: string, length: number): Buffer {
  const part = length === text.length ? text : text.slice(0, length);
  const bytes = Buffer.from(part, 'base64');
  const padding = part.endsWith('==') ? 2 : part.endsWith('=') ? 1 : 0;
  if (bytes.length !== (length / 4) * 3 - padding) throw new Error('base64: foreign character');
  return bytes;
}

export class Base64Decoder {
  private carry = '';
  private ended = false;

  /** The bytes the text adds; text after the padding, or a foreign character, is an error. */
  push(text: string): Buffer {
    // Packages built by machines mostly carry one long line: then there is nothing to take out.
    const compact = HAS_SPACE.test(text) ? text.replace(SPACES, '') : text;
    if (compact === '') return Buffer.alloc(0);
    if (this.ended) throw new Error('base64: data after the padding');
    const all = this.carry ? this.carry + compact : compact;
    const pad = all.indexOf('=');
    if (pad >= 0) {
      if (!/^={1,2}$/.test(all.slice(pad))) throw new Error('base64: misplaced padding');
      if (all.length % 4 === 0) {
        this.ended = true;
        this.carry = '';
        return decodeGroups(all, all.length);
      }
    }
    const whole = (pad >= 0 ? pad : all.length) - ((pad >= 0 ? pad : all.length) % 4);
    this.carry = all.slice(whole);
    return decodeGroups(all, whole);
  }

  /** The end of the text: what is left must be nothing or an unpadded last group of 2–3 characters. */
  end(): Buffer {
    const rest = this.carry;
    this.carry = '';
    if (rest === '') return Buffer.alloc(0);
    if (rest.includes('=') || rest.length === 1) throw new Error('base64: truncated');
    const bytes = Buffer.from(rest, 'base64');
    if (bytes.length !== rest.length - 1) throw new Error('base64: foreign character');
    return bytes;
  }
}

/** Encodes bytes given in pieces; carries the 0–2 bytes that do not make a whole group. */
export class Base64Encoder {
  private carry: Buffer = Buffer.alloc(0);

  push(bytes: Uint8Array): string {
    const all = this.carry.length ? Buffer.concat([this.carry, bytes]) : Buffer.from(bytes);
    const whole = all.length - (all.length % 3);
    this.carry = Buffer.from(all.subarray(whole));
    return all.subarray(0, whole).toString('base64');
  }

  end(): string {
    const out = this.carry.toString('base64');
    this.carry = Buffer.alloc(0);
    return out;
  }
}

export interface Kind {
  contentType: string;
  extension: string;
}

const PDF: Kind = { contentType: 'application/pdf', extension: 'pdf' };
const DOCX: Kind = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
const XLSX: Kind = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
};
const PPTX: Kind = {
  contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  extension: 'pptx',
};
const ZIP: Kind = { contentType: 'application/zip', extension: 'zip' };
const DOC: Kind = { contentType: 'application/msword', extension: 'doc' };
const XLS: Kind = { contentType: 'application/vnd.ms-excel', extension: 'xls' };
const OLE: Kind = { contentType: 'application/x-ole-storage', extension: 'doc' };
const PNG: Kind = { contentType: 'image/png', extension: 'png' };
const JPEG: Kind = { contentType: 'image/jpeg', extension: 'jpg' };

/** How many first bytes `sniff` looks at: enough for a Word or Excel archive's first entries. */
export const SNIFF_BYTES = 64 * 1024;

const starts = (head: Buffer, sig: number[]) => sig.every((b, i) => head[i] === b);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * The kind the first bytes say, or null when they say nothing the product knows. An Office archive
 * is told from a plain ZIP by its entries' names; an old Office file by its streams' names.
 */
export function sniff(head: Buffer): Kind | null {
  // Readers accept a PDF whose header comes within its first kilobyte.
  if (head.subarray(0, 1024).includes('%PDF-')) return PDF;
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (head.includes('word/')) return DOCX;
    if (head.includes('xl/')) return XLSX;
    if (head.includes('ppt/')) return PPTX;
    return ZIP;
  }
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (head.includes(utf16('WordDocument'))) return DOC;
    if (head.includes(utf16('Workbook')) || head.includes(utf16('Book'))) return XLS;
    return OLE;
  }
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (starts(head, [0xff, 0xd8, 0xff])) return JPEG;
  return null;
}

const OLE_TYPES = new Set([DOC.contentType, XLS.contentType, 'application/vnd.ms-powerpoint']);
const ZIP_TYPES = new Set([DOCX.contentType, XLSX.contentType, PPTX.contentType, ZIP.contentType]);

/** Whether what the sender declared is what the bytes are (an unclear archive or OLE file keeps its word). */
export function agrees(declared: string, kind: Kind): boolean {
  const type = (declared.split(';')[0] ?? '').trim().toLowerCase();
  if (type === kind.contentType) return true;
  if (kind === OLE) return OLE_TYPES.has(type);
  if (kind === ZIP) return ZIP_TYPES.has(type);
  if (kind === JPEG) return type === 'image/jpg' || type === 'image/pjpeg';
  return false;
}

const EXTENSIONS: Record<string, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  zip: ['zip', 'docx', 'xlsx', 'pptx'],
  doc: ['doc', 'xls', 'ppt'],
  xls: ['xls'],
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
};

/** The name with an ending that agrees with the kind (`báo cáo.doc` holding a PDF → `báo cáo.pdf`). */
export function nameFor(name: string, kind: Kind): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if ((EXTENSIONS[kind.extension] ?? [kind.extension]).includes(ext)) return name;
  const base = dot > 0 && /^[A-Za-z0-9]{1,5}$/.test(ext) ? name.slice(0, dot) : name;
  return `${base}.${kind.extension}`;
}

/**
 * Resolves once `stream` drained or closed, and leaves no listener behind: racing two `once`
 * promises would leave the loser's listeners on the stream for every write that waited, past
 * the warning limit within one attachment of a megabyte.
 */
export function drainedOrClosed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
