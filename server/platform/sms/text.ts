/**
 * SMS text: Vietnamese without diacritics in the GSM 03.38 alphabet (what carriers
 * expect for brandname templates, and 160 characters a message instead of 70), and
 * the segment arithmetic providers bill by.
 */

/** GSM 03.38 basic character set; each costs one septet. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table; each costs two septets (escape + character). */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Characters that NFKD leaves alone but that have a close plain form. */
const CLOSE_FORMS: Record<string, string> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '`': "'",
  '´': "'",
  '–': '-',
  '—': '-',
  '−': '-',
  '‐': '-',
  '•': '-',
  '·': '.',
  '×': 'x',
  '÷': '/',
  '°': 'o',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  œ: 'oe',
  Œ: 'OE',
};

/**
 * Makes a text sendable as one GSM-7 SMS text: drops Vietnamese (and other Latin)
 * diacritics keeping case (`Đồng Văn` → `Dong Van`), maps typographic punctuation to
 * its ASCII form, drops every other character outside GSM-7 (emoji, CJK...), and
 * collapses whitespace, line breaks included, to single spaces.
 *
 * Guarantee: the result contains only GSM-7 characters (basic or extension table),
 * so `encodingOf(toSmsText(x))` is always `gsm7`.
 */
export function toSmsText(text: string): string {
  let out = '';
  // NFKD splits letters from their marks and turns compatibility forms (… ﬁ ² fullwidth) into plain ones.
  for (const ch of text.normalize('NFKD').replace(COMBINING_MARKS, '')) {
    if (/\s/.test(ch)) {
      out += ' ';
      continue;
    }
    const mapped = CLOSE_FORMS[ch] ?? ch;
    for (const c of mapped) if (GSM_BASIC.has(c) || GSM_EXTENSION.has(c)) out += c;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

export type SmsEncoding = 'gsm7' | 'ucs2';

/** `gsm7` when every character is in the GSM-7 basic or extension table, else `ucs2`. */
export function encodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return 'ucs2';
  return 'gsm7';
}

const LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

/** Units a character costs: septets in GSM-7 (extension = 2), UTF-16 code units in UCS-2 (astral = 2). */
function cost(ch: string, encoding: SmsEncoding): number {
  if (encoding === 'ucs2') return ch.length;
  return GSM_EXTENSION.has(ch) ? 2 : 1;
}

export interface SegmentInfo {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/**
 * How a text is billed: one segment up to 160 septets (GSM-7) or 70 units (UCS-2);
 * beyond that, concatenated segments of 153 or 67, never splitting an escape
 * sequence or a surrogate pair across two segments. An empty text is 0 segments.
 */
export function measure(text: string): SegmentInfo {
  const encoding = encodingOf(text);
  const limit = LIMITS[encoding];
  let units = 0;
  for (const ch of text) units += cost(ch, encoding);
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= limit.single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const ch of text) {
    const c = cost(ch, encoding);
    if (used + c > limit.part) {
      segments += 1;
      used = 0;
    }
    used += c;
  }
  return { encoding, units, segments };
}

/** Number of segments the text is billed as. */
export function segments(text: string): number {
  return measure(text).segments;
}

const ELLIPSIS = '...';

/**
 * Shortens a text to one segment of at most `max` units, cutting at a word boundary
 * and ending with `...`; returns it unchanged when it already fits. The limit is also
 * capped by the encoding (70 for UCS-2). Meant for texts already through `toSmsText`.
 */
export function fitOneSegment(text: string, max = 160): string {
  const encoding = encodingOf(text);
  const limit = Math.min(max, LIMITS[encoding].single);
  if (measure(text).units <= limit) return text;

  const budget = limit - ELLIPSIS.length;
  if (budget <= 0) return ELLIPSIS.slice(0, Math.max(0, limit));
  let head = '';
  let used = 0;
  for (const ch of text) {
    const c = cost(ch, encoding);
    if (used + c > budget) break;
    head += ch;
    used += c;
  }
  // Cut at the last space when the break fell inside a word; a single long word is cut hard.
  const nextChar = text.slice(head.length, head.length + 1);
  if (nextChar !== ' ') {
    const lastSpace = head.lastIndexOf(' ');
    if (lastSpace > 0) head = head.slice(0, lastSpace);
  }
  return head.replace(/[\s,.;:!?-]+$/, '') + ELLIPSIS;
}
