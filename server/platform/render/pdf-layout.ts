import { nfc, PARTY_NAME } from './document-text';
import { FONT_STYLES, type FontStyle, fontBytes } from './fonts';

export type Pdf = PDFKit.PDFDocument;

export const MM = 72 / 25.4;

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PdfSetup {
  landscape?: boolean;
  margins: Margins;
  title: string;
  author: string;
  createdAt: Date;
}

let pdfkit: Promise<PDFKit.PDFDocument> | null = null;

/** pdfkit takes a tenth of a second to load and only documents need it: it is loaded on first use. */
function loadPdfKit(): Promise<PDFKit.PDFDocument> {
  pdfkit ??= import('pdfkit').then((mod) => mod.default);
  return pdfkit;
}

/**
 * A4 with the shipped fonts registered under their style names. pdfkit opens
 * Helvetica unless told otherwise; the empty default font skips it, so no
 * standard font is ever loaded or embedded and the first text is set in ours.
 */
export async function createPdf(setup: PdfSetup): Promise<Pdf> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.landscape ? 'landscape' : 'portrait',
    margins: setup.margins,
    font: '',
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    // pdfkit derives the file identifier from these, so a given layout always gives the same bytes.
    info: {
      Title: nfc(setup.title),
      Author: nfc(setup.author),
      Creator: 'VanPhong',
      CreationDate: setup.createdAt,
    },
  });
  for (const style of FONT_STYLES) doc.registerFont(style, fontBytes(style));
  doc.font('regular');
  return doc;
}

/** Ends the document and gives its bytes. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface TextStyle {
  style: FontStyle;
  size: number;
}

/** Line pitch as a multiple of the font size: Word's "single" spacing for Times New Roman. */
export const LEADING = 1.15;

export function setStyle(doc: Pdf, text: TextStyle): Pdf {
  return doc.font(text.style).fontSize(text.size);
}

/**
 * Breaks text into lines no wider than `width` in the given style, at spaces
 * and at the line breaks the text holds; a word longer than a line is cut.
 * Measured here rather than by pdfkit so that table rows and the closing
 * block know their height before anything is drawn.
 */
export function wrapText(doc: Pdf, text: string, width: number, style: TextStyle): string[] {
  setStyle(doc, style);
  const lines: string[] = [];
  for (const paragraph of nfc(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (doc.widthOfString(line) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && doc.widthOfString(line.slice(0, cut)) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface LineBox {
  x: number;
  width: number;
  align: 'left' | 'center' | 'right';
}

export interface LineDecoration {
  underline?: boolean;
  strike?: boolean;
  color?: string;
}

/** Draws lines already wrapped, one pitch apart from `y`; returns the y below the last. */
export function drawLines(
  doc: Pdf,
  lines: readonly string[],
  y: number,
  box: LineBox,
  style: TextStyle,
  decoration: LineDecoration = {},
): number {
  setStyle(doc, style);
  const pitch = style.size * LEADING;
  const color = decoration.color ?? 'black';
  doc.fillColor(color).strokeColor(color);
  let top = y;
  for (const line of lines) {
    const width = doc.widthOfString(line);
    const x =
      box.align === 'center'
        ? box.x + (box.width - width) / 2
        : box.align === 'right'
          ? box.x + box.width - width
          : box.x;
    // pdfkit sets the font's ascender at y; the rest of the pitch is split above and below.
    const textTop = top + (pitch - style.size * 1.107) / 2;
    doc.text(line, x, textTop, { lineBreak: false });
    const baseline = textTop + style.size * 0.891;
    if (decoration.underline && line !== '') rule(doc, x, baseline + style.size * 0.24, width, style.size / 20);
    if (decoration.strike && line !== '') rule(doc, x, baseline - style.size * 0.28, width, style.size / 20);
    top += pitch;
  }
  doc.fillColor('black').strokeColor('black');
  return top;
}

export function rule(doc: Pdf, x: number, y: number, width: number, thickness = 0.6): void {
  doc
    .save()
    .lineWidth(thickness)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}

export function linesHeight(lines: readonly string[], style: TextStyle): number {
  return lines.length * style.size * LEADING;
}

export interface HeaderContent {
  parentIssuer?: string | null;
  issuer: string;
  /** Printed under the issuer's star, level with the date line. */
  numberLine?: string | null;
  marks?: readonly string[];
  dateLine?: string | null;
}

/**
 * The two-column head of a Party document: the issuing committee on the
 * left, the Party's name on the right, the number level with the place and
 * date. Returns the y below whichever column is longer.
 */
export function drawPartyHeader(doc: Pdf, content: HeaderContent, y: number, x: number, width: number): number {
  return partyHeader(doc, content, y, x, width, true).bottom;
}

/** The room a head keeps for its number and date line, filled last. */
export interface HeaderRoom {
  /**
   * Draws the number and the date line where the head kept them (on the page being drawn).
   * The date line may not take more lines than the one the room was kept for.
   */
  fill(doc: Pdf, numberLine: string | null, dateLine: string | null): void;
}

/**
 * The head of a Party document drawn but for its number and date line: `content.numberLine`
 * and `content.dateLine` only say how much room to keep for them (the longest they may be),
 * and the returned room draws them there, at any later time before the document ends.
 */
export function drawPartyHeaderAround(
  doc: Pdf,
  content: HeaderContent,
  y: number,
  x: number,
  width: number,
): { bottom: number; room: HeaderRoom } {
  return partyHeader(doc, content, y, x, width, false);
}

function partyHeader(
  doc: Pdf,
  content: HeaderContent,
  y: number,
  x: number,
  width: number,
  filledNow: boolean,
): { bottom: number; room: HeaderRoom } {
  const leftWidth = width * 0.45;
  const left: LineBox = { x, width: leftWidth, align: 'center' };
  const right: LineBox = { x: x + leftWidth, width: width - leftWidth, align: 'center' };
  const regular: TextStyle = { style: 'regular', size: 14 };
  const bold: TextStyle = { style: 'bold', size: 14 };
  const italic: TextStyle = { style: 'italic', size: 14 };

  let leftY = y;
  if (content.parentIssuer) {
    leftY = drawLines(doc, wrapText(doc, content.parentIssuer, leftWidth, regular), leftY, left, regular);
  }
  leftY = drawLines(doc, wrapText(doc, content.issuer, leftWidth, bold), leftY, left, bold);
  leftY = drawLines(doc, ['*'], leftY, left, regular);

  const party: TextStyle = { style: 'bold', size: 15 };
  let rightY = drawLines(doc, [PARTY_NAME], y, right, party, { underline: true });

  // The number and the date line share a line when both columns allow it.
  const numberY = Math.max(leftY, rightY + 14 * LEADING * 0.5);
  if (content.numberLine) leftY = numberY + linesHeight([content.numberLine], regular);
  const dateLines = content.dateLine ? wrapText(doc, content.dateLine, right.width, italic).length : 0;
  if (content.dateLine) rightY = numberY + dateLines * italic.size * LEADING;
  const room: HeaderRoom = {
    fill(target, numberLine, dateLine) {
      if (numberLine) drawLines(target, [numberLine], numberY, left, regular);
      if (dateLine) {
        const lines = wrapText(target, dateLine, right.width, italic);
        if (lines.length > dateLines) throw new Error('The date line is longer than the room kept for it');
        drawLines(target, lines, numberY, right, italic);
      }
    },
  };
  if (filledNow) room.fill(doc, content.numberLine ?? null, content.dateLine ?? null);
  for (const mark of content.marks ?? []) leftY = drawMark(doc, mark, leftY + 4, left);
  return { bottom: Math.max(leftY, rightY), room };
}

/** A secrecy or urgency mark, boxed like the stamp it stands for. */
function drawMark(doc: Pdf, mark: string, y: number, box: LineBox): number {
  const style: TextStyle = { style: 'bold', size: 13 };
  setStyle(doc, style);
  const width = doc.widthOfString(mark) + 12;
  const height = style.size * LEADING + 4;
  const x = box.x + (box.width - width) / 2;
  doc.save().lineWidth(1).rect(x, y, width, height).stroke().restore();
  drawLines(doc, [mark], y + 2, box, style);
  return y + height;
}

/** Page numbers from the second page on, centred in the top margin (as the rules ask). */
export function numberPages(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  const style: TextStyle = { style: 'regular', size: 13 };
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, margins } = doc.page;
    const y = (margins.top - style.size * LEADING) / 2;
    drawLines(doc, [String(i - range.start + 1)], y, { x: 0, width, align: 'center' }, style);
  }
}
