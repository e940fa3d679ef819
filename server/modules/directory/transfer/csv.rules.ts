/**
 * A small RFC 4180 reader and writer. Real files come from Excel on Windows: UTF-8 with a
 * byte-order mark, `;` between fields when Windows is set to Vietnamese, CRLF line ends,
 * quoted fields holding commas or line breaks.
 */
export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** Line of the file where the record starts, from 1. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The text of a CSV file, or null when the bytes are not UTF-8 (or UTF-16 with a byte-order mark) text. */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff)
      text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  return hasControlCharacters(text) ? null : text;
}

/** Binary files often decode as "text" full of control characters; real tables have none but tabs and line ends. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) return true;
  }
  return false;
}

/** The delimiter used in the first record: the most frequent of `,`, `;` and tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Parses CSV text into records. Quotes inside an unquoted field are kept as they are
 * (Excel writes such files); an opening quote never closed is an error.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quoted = false;
  };

  while (i < n) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else if (c === '\r' || c === '\n') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        field += '\n';
        line++;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      quoted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
    i++;
  }
  if (inQuotes) throw new CsvError(recordLine, `Dòng ${recordLine}: có dấu ngoặc kép (") mở mà không đóng.`);
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}

function quote(value: string, delimiter: Delimiter): string {
  const needs =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with a byte-order mark and CRLF line ends, as Excel expects to open it. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ','): string {
  const body = rows.map((row) => row.map((v) => quote(v, delimiter)).join(delimiter)).join('\r\n');
  return `\uFEFF${body}\r\n`;
}
