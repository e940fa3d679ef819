/**
 * Wording the PDF and the Word renderings share, so both print the same
 * lines (Hướng dẫn 36-HD/VPTW on the form of Party documents).
 */

import { VIETNAM_OFFSET_MS } from '../../../common/time/vietnam';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(date: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return { year, month, day };
}

/**
 * `Đồng Văn, ngày 05 tháng 3 năm 2026`: days below 10 and the months January
 * and February take a leading zero, as the rules for official documents ask,
 * so that nobody can add a digit in front afterwards.
 */
export function vietnameseDateLine(place: string, date: string): string {
  const { year, month, day } = dateParts(date);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  const prefix = place.trim() === '' ? 'ngày' : `${nfc(place.trim())}, ngày`;
  return `${prefix} ${dd} tháng ${mm} năm ${year}`;
}

/** The moment a document says it was made when the caller gives none: its date, midnight in Việt Nam. */
export function documentMoment(date: string): Date {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day) - VIETNAM_OFFSET_MS);
}

/**
 * An unnumbered document prints `Số` and room for the number to be written
 * in by hand once it is registered.
 */
export function numberLine(numberText: string | null): string {
  if (numberText && numberText.trim() !== '') return nfc(numberText.trim());
  return `Số${'\u00a0'.repeat(18)}`;
}

/** Text as the fonts hold it: precomposed letters, so `ế` is one glyph whether typed in NFC or NFD. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

export function upper(text: string): string {
  return nfc(text).toLocaleUpperCase('vi-VN');
}

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const RECIPIENTS_LABEL = 'Nơi nhận:';
export const SIGNATURE_SPACE_PT = 64;

export function recipientLine(recipient: string): string {
  const text = nfc(recipient.trim());
  return text.startsWith('-') ? text : `- ${text}`;
}

export interface RenderOptions {
  /**
   * When the document was made, for its metadata. A Party document defaults to
   * its date at midnight in Việt Nam, so the same layout gives the same bytes;
   * a schedule, which has no date, to the current time.
   */
  createdAt?: Date;
}
