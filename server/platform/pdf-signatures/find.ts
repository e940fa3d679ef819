/**
 * The signatures a PDF carries, found by their `/ByteRange`: each signature dictionary names the
 * two stretches of the file it covers, and the gap between them is its `/Contents`, the CMS
 * (PKCS #7) signature as a hexadecimal string. A signature dictionary is never compressed into
 * an object stream (its offsets must be the file's own), so reading the bytes finds every one,
 * in every revision, without parsing the document.
 */

export interface FoundSignature {
  /** `[0, b, c, d]`: bytes `0…b` and `c…c+d` are signed; `b…c` is the `/Contents` string. */
  byteRange: [number, number, number, number];
  /** The CMS SignedData, DER, without the string's zero padding. */
  cms: Buffer;
  /** `/SubFilter`: `ETSI.CAdES.detached` (PAdES), `adbe.pkcs7.detached`, … */
  subFilter: string | null;
  /** `/M`: the time the signer's software wrote, not proven by the signature itself. */
  writtenTime: Date | null;
  name: string | null;
  reason: string | null;
  location: string | null;
}

/** Why a `/ByteRange` found in the file was not taken as a signature. */
export interface SkippedSignature {
  at: number;
  reason: string;
}

const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
/** How far back from `/ByteRange` the dictionary's other entries are looked for. */
const DICTIONARY_REACH = 4096;
/**
 * Signatures taken from one file: a real document carries a handful; a file written to hold
 * thousands is read as far as this, and said to have more. Fields that are not signatures
 * (placeholders, ranges that do not fit) do not count, and at most `MAX_SKIPPED_TOLD` are told.
 */
export const MAX_SIGNATURE_FIELDS = 50;
const MAX_SKIPPED_TOLD = 20;
/** A `/Contents` string longer than this (hex digits) is no signature: real ones are a few kilobytes to tens. */
const MAX_CONTENTS_HEX = 2 * 1024 * 1024;

export function findSignatures(pdf: Buffer): { signatures: FoundSignature[]; skipped: SkippedSignature[] } {
  const signatures: FoundSignature[] = [];
  const skipped: SkippedSignature[] = [];
  const skip = (at: number, reason: string) => {
    if (skipped.length < MAX_SKIPPED_TOLD) skipped.push({ at, reason });
  };
  // One signature per Contents gap: ranges that share a gap are the same signature told twice.
  const gaps = new Set<string>();
  for (let at = pdf.indexOf('/ByteRange'); at >= 0; at = pdf.indexOf('/ByteRange', at + 10)) {
    const match = BYTE_RANGE.exec(pdf.toString('latin1', at, at + 120));
    if (!match) {
      skip(at, 'ByteRange chưa điền (chỗ dành sẵn, chưa ký)');
      continue;
    }
    const range = match.slice(1, 5).map(Number) as FoundSignature['byteRange'];
    const [a, b, c, d] = range;
    const key = range.join(' ');
    if (gaps.has(`${b} ${c}`)) continue;
    if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
      skip(at, `ByteRange [${key}] không khớp với tệp`);
      continue;
    }
    gaps.add(`${b} ${c}`);
    if (c - b - 2 > MAX_CONTENTS_HEX) {
      skip(at, 'Phần chữ ký (Contents) quá lớn để là một chữ ký');
      continue;
    }
    if (signatures.length >= MAX_SIGNATURE_FIELDS) {
      skipped.push({ at, reason: `Tệp có hơn ${MAX_SIGNATURE_FIELDS} chữ ký; các chữ ký sau không được kiểm tra` });
      break;
    }
    const hex = pdf.toString('latin1', b + 1, c - 1).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) {
      skip(at, 'Phần chữ ký (Contents) không phải chuỗi thập lục phân');
      continue;
    }
    const cms = derPrefix(Buffer.from(hex, 'hex'));
    if (!cms) {
      skip(at, 'Phần chữ ký (Contents) trống hoặc không phải dữ liệu DER');
      continue;
    }
    // The dictionary's other entries: from its object's start to the Contents string, then
    // after it to the object's end; never inside the Contents.
    const head = pdf.toString('latin1', Math.max(0, b - DICTIONARY_REACH), b);
    const tail = pdf.toString('latin1', c, Math.min(pdf.length, c + DICTIONARY_REACH));
    let opened = -1;
    for (const m of head.matchAll(/obj\s*<</g)) opened = m.index;
    const closed = tail.indexOf('endobj');
    const text = `${opened >= 0 ? head.slice(opened) : head} ${closed >= 0 ? tail.slice(0, closed) : tail}`;
    signatures.push({
      byteRange: range,
      cms,
      subFilter: /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(text)?.[1] ?? null,
      writtenTime: pdfDate(stringEntry(text, 'M')),
      name: stringEntry(text, 'Name'),
      reason: stringEntry(text, 'Reason'),
      location: stringEntry(text, 'Location'),
    });
  }
  return { signatures, skipped };
}

/** The DER element at the start of `bytes` (the rest is the string's padding), or null. */
function derPrefix(bytes: Buffer): Buffer | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1] ?? 0;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
    header = 2 + count;
  }
  return header + length <= bytes.length ? bytes.subarray(0, header + length) : null;
}

/** A literal string entry `/Key (…)` of the dictionary text, decoded (PDFDocEncoding or UTF-16BE). */
function stringEntry(text: string, key: string): string | null {
  const hex = new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]*)>`).exec(text);
  if (hex) return decodeText(Buffer.from((hex[1] ?? '').replace(/\s+/g, ''), 'hex'));
  const start = new RegExp(`/${key}\\s*\\(`).exec(text);
  if (!start) return null;
  let depth = 1;
  const bytes: number[] = [];
  for (let i = start.index + start[0].length; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c) {
      const next = text[++i] ?? '';
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0];
      if (octal) {
        bytes.push(Number.parseInt(octal, 8) & 0xff);
        i += octal.length - 1;
      } else {
        const escaped: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        if (next === '\r' || next === '\n') continue;
        bytes.push(escaped[next] ?? next.charCodeAt(0));
      }
      continue;
    }
    if (ch === 0x28) depth++;
    if (ch === 0x29 && --depth === 0) break;
    bytes.push(ch & 0xff);
  }
  return decodeText(Buffer.from(bytes));
}

/** A PDF text string's bytes: UTF-16BE after its byte order mark, UTF-8 after its own, else PDFDocEncoding (as Latin-1). */
function decodeText(raw: Buffer): string {
  if (raw[0] === 0xfe && raw[1] === 0xff) {
    // An odd last byte is no character: dropped, not thrown over.
    const units = Buffer.from(raw.subarray(2, 2 + ((raw.length - 2) & ~1)));
    return units.swap16().toString('utf16le');
  }
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return raw.subarray(3).toString('utf8');
  return raw.toString('latin1');
}

/** `D:YYYYMMDDHHmmSS+07'00'` (each part after the year optional), as an instant; null when unreadable. */
export function pdfDate(value: string | null): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value ?? '');
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
