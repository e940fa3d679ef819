/**
 * Document number and notation formatting.
 *
 * Party documents (Hướng dẫn 36-HD/VPTW): `Số 05-NQ/HU`, number first, hyphen,
 * type code, slash, issuer abbreviation. State documents (Nghị định 30):
 * `Số: 05/QĐ-UBND`. The style lives on the register so rules can change by
 * configuration when a new guide is published.
 */
export type NumberingStyle = 'party' | 'state';

export interface DocumentNumberParts {
  style: NumberingStyle;
  number: number;
  typeCode: string;
  issuerCode: string;
  /** Minimum digits; numbers below 10 are written with a leading zero. */
  minDigits?: number;
}

export function padNumber(n: number, minDigits = 2): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Số văn bản không hợp lệ: ${n}`);
  return String(n).padStart(minDigits, '0');
}

/** The notation alone, as stored in the register: `05-NQ/HU` or `05/QĐ-UBND`. */
export function formatNotation(parts: DocumentNumberParts): string {
  const num = padNumber(parts.number, parts.minDigits);
  switch (parts.style) {
    case 'party':
      return `${num}-${parts.typeCode}/${parts.issuerCode}`;
    case 'state':
      return `${num}/${parts.typeCode}-${parts.issuerCode}`;
    default:
      return assertNever(parts.style);
  }
}

/** A register's stored style, read safely: anything but `state` numbers the Party way. */
export function numberingStyle(value: string | null | undefined): NumberingStyle {
  return value === 'state' ? 'state' : 'party';
}

/**
 * A stored notation as printed on the document and wherever people read it (the timeline,
 * the invitation): `Số 05-NQ/HU` for Party registers, `Số: 05/QĐ-UBND` for state ones.
 * The one place the printed form is made, on the server and in the web app.
 */
export function printedNumber(style: NumberingStyle, notation: string): string {
  switch (style) {
    case 'party':
      return `Số ${notation}`;
    case 'state':
      return `Số: ${notation}`;
    default:
      return assertNever(style);
  }
}

/** As printed on the document: `Số 05-NQ/HU` or `Số: 05/QĐ-UBND`. */
export function formatDocumentNumber(parts: DocumentNumberParts): string {
  return printedNumber(parts.style, formatNotation(parts));
}

const PARTY_NOTATION = /^(\d+)-([^/\s]+)\/(\S+)$/u;
const STATE_NOTATION = /^(\d+)\/([^-\s]+)-(\S+)$/u;

/** Reads a notation back into its parts, or null if it follows neither style. */
export function parseNotation(text: string): DocumentNumberParts | null {
  const trimmed = text.trim().replace(/^Số:?\s*/u, '');
  const party = PARTY_NOTATION.exec(trimmed);
  if (party?.[1] && party[2] && party[3]) {
    return { style: 'party', number: Number(party[1]), typeCode: party[2], issuerCode: party[3] };
  }
  const state = STATE_NOTATION.exec(trimmed);
  if (state?.[1] && state[2] && state[3]) {
    return { style: 'state', number: Number(state[1]), typeCode: state[2], issuerCode: state[3] };
  }
  return null;
}

/** Party document type codes from Hướng dẫn 36-HD/VPTW. */
export const PARTY_DOCUMENT_TYPES = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định, quy định',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  QC: 'Quy chế',
  TT: 'Thông tri',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  CV: 'Công văn',
  BB: 'Biên bản',
  ĐA: 'Đề án',
  PA: 'Phương án',
  GM: 'Giấy mời',
} as const;

export type PartyDocumentTypeCode = keyof typeof PARTY_DOCUMENT_TYPES;

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
