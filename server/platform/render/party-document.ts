import {
  documentMoment,
  nfc,
  numberLine,
  RECIPIENTS_LABEL,
  type RenderOptions,
  recipientLine,
  SIGNATURE_SPACE_PT,
  upper,
  vietnameseDateLine,
} from './document-text';
import {
  type Block,
  PARTY_MARGINS_MM,
  type PartyDocumentLayout,
  partyDocumentMarks,
  partyDocumentTitle,
} from './party-layout';
import {
  createPdf,
  drawLines,
  drawPartyHeaderAround,
  finishPdf,
  type LineBox,
  linesHeight,
  MM,
  numberPages,
  type Pdf,
  setStyle,
  type TextStyle,
  wrapText,
} from './pdf-layout';
import { drawTable } from './pdf-table';

export type { RenderOptions } from './document-text';
export { vietnameseDateLine } from './document-text';
export { renderPartyDocumentDocx } from './party-document-docx';
export type { Block, PartyDocumentLayout } from './party-layout';

const PARTY_MARGINS = {
  top: PARTY_MARGINS_MM.top * MM,
  bottom: PARTY_MARGINS_MM.bottom * MM,
  left: PARTY_MARGINS_MM.left * MM,
  right: PARTY_MARGINS_MM.right * MM,
};

const BODY: TextStyle = { style: 'regular', size: 14 };
const BODY_LINE_GAP = 2;
const PARAGRAPH_GAP = 6;
const FIRST_LINE_INDENT = 12.7 * MM;
const CLOSING_GAP = 8;

export async function renderPartyDocumentPdf(
  layout: PartyDocumentLayout,
  options: RenderOptions = {},
): Promise<Buffer> {
  return (await layOutPartyDocumentPdf(layout, options)).stamp(layout);
}

/**
 * A Party document laid out in full but for its number and date, which are written last
 * into the room kept for them: a register's number can be taken after the document is made,
 * and the making kept out of the time the register is held.
 */
export interface UnstampedPdf {
  /** Prints the number (null: `Số` and room to write it by hand) and the date, and ends the document; once. */
  stamp(numbered: Pick<PartyDocumentLayout, 'numberText' | 'date'>): Promise<Buffer>;
}

/**
 * Lays out the document; its `numberText` and `date` are not printed yet, the room for them
 * is kept for any number and any date of the same year and place (the widest month).
 */
export async function layOutPartyDocumentPdf(
  layout: PartyDocumentLayout,
  options: RenderOptions = {},
): Promise<UnstampedPdf> {
  const doc = await createPdf({
    margins: PARTY_MARGINS,
    title: partyDocumentTitle(layout),
    author: upper(layout.issuer),
    createdAt: options.createdAt ?? documentMoment(layout.date),
  });
  const x = PARTY_MARGINS.left;
  const width = doc.page.width - PARTY_MARGINS.left - PARTY_MARGINS.right;
  const header = drawPartyHeaderAround(
    doc,
    {
      parentIssuer: layout.parentIssuer ? upper(layout.parentIssuer) : null,
      issuer: upper(layout.issuer),
      numberLine: numberLine(null),
      marks: partyDocumentMarks(layout),
      // Digits are all of one width: a two-digit month is the longest a date line of the year gets.
      dateLine: vietnameseDateLine(layout.place, `${layout.date.slice(0, 4)}-12-28`),
    },
    doc.page.margins.top,
    x,
    width,
  );
  let y = header.bottom;

  const centre: LineBox = { x, width, align: 'center' };
  const typeStyle: TextStyle = { style: 'bold', size: 15 };
  y = drawLines(doc, wrapText(doc, upper(layout.typeName), width, typeStyle), y + 14, centre, typeStyle);
  if (layout.summary) {
    const summaryStyle: TextStyle = { style: 'bold', size: 14 };
    y = drawLines(doc, wrapText(doc, nfc(layout.summary), width * 0.85, summaryStyle), y, centre, summaryStyle);
  }
  y = drawLines(doc, ['-----'], y, centre, BODY) + 8;

  doc.x = x;
  doc.y = y;
  const end = closing(doc, layout, x, width);
  const bottom = doc.page.height - doc.page.margins.bottom;
  layout.body.forEach((block, index) => {
    // The page that is signed must carry some of the text: when the closing
    // would go over alone, the last block goes over with it.
    const height = index === layout.body.length - 1 ? blockHeight(doc, block, width) : null;
    if (height !== null && doc.y + height <= bottom && doc.y + height + end.height > bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
    drawBlock(doc, block, x, width);
  });
  let top = doc.y + CLOSING_GAP;
  if (top + end.height - CLOSING_GAP > bottom) {
    doc.addPage();
    top = doc.page.margins.top;
  }
  doc.y = end.draw(top);
  numberPages(doc);

  let stamped = false;
  return {
    stamp(numbered) {
      if (stamped) throw new Error('A document is stamped once');
      stamped = true;
      if (!options.createdAt) doc.info.CreationDate = documentMoment(numbered.date);
      doc.switchToPage(doc.bufferedPageRange().start);
      header.room.fill(doc, numberLine(numbered.numberText), vietnameseDateLine(layout.place, numbered.date));
      return finishPdf(doc);
    },
  };
}

function paragraph(
  doc: Pdf,
  text: string,
  x: number,
  width: number,
  options: { style?: TextStyle; align?: 'left' | 'center' | 'justify'; indent?: boolean },
): void {
  setStyle(doc, options.style ?? BODY);
  doc.text(nfc(text), x, doc.y, {
    width,
    align: options.align ?? 'justify',
    indent: options.indent ? FIRST_LINE_INDENT : 0,
    lineGap: BODY_LINE_GAP,
    paragraphGap: PARAGRAPH_GAP,
  });
}

function paragraphStyle(block: Extract<Block, { kind: 'paragraph' }>): TextStyle {
  const style = block.bold ? (block.italic ? 'boldItalic' : 'bold') : block.italic ? 'italic' : 'regular';
  return { style, size: BODY.size };
}

function drawBlock(doc: Pdf, block: Block, x: number, width: number): void {
  switch (block.kind) {
    case 'paragraph': {
      paragraph(doc, block.text, x, width, {
        style: paragraphStyle(block),
        align: block.align ?? 'justify',
        indent: block.indent ?? false,
      });
      return;
    }
    case 'field': {
      // One paragraph in two fonts: `continued` runs the value on after the bold label and wraps it under it.
      setStyle(doc, { style: 'bold', size: BODY.size });
      doc.text(`${nfc(block.label.trim())} `, x, doc.y, {
        width,
        align: 'justify',
        indent: FIRST_LINE_INDENT,
        lineGap: BODY_LINE_GAP,
        continued: true,
      });
      setStyle(doc, BODY);
      doc.text(nfc(block.value), { align: 'justify', lineGap: BODY_LINE_GAP, paragraphGap: PARAGRAPH_GAP });
      return;
    }
    case 'list':
      block.items.forEach((item, index) => {
        paragraph(doc, `${index + 1}. ${item}`, x, width, { indent: true });
      });
      return;
    case 'table': {
      const weights = block.columns.map((_, i) => block.widths?.[i] ?? 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      const columns = block.columns.map((header, i) => ({
        header: nfc(header),
        width: ((weights[i] ?? 1) / total) * width,
      }));
      const rows = block.rows.map((cells) => ({ cells: columns.map((_, i) => ({ text: nfc(cells[i] ?? '') })) }));
      doc.y = drawTable(doc, doc.y + 2, { x, columns, size: 12 }, rows) + PARAGRAPH_GAP + 4;
      doc.x = x;
      return;
    }
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Recipients on the left, the signature on the right, measured before they
 * are drawn so that they stay together on one page.
 */
function closing(doc: Pdf, layout: PartyDocumentLayout, x: number, width: number) {
  const leftWidth = width * 0.45;
  const left: LineBox = { x, width: leftWidth, align: 'left' };
  const right: LineBox = { x: x + leftWidth, width: width - leftWidth, align: 'center' };
  const labelStyle: TextStyle = { style: 'boldItalic', size: 12 };
  const recipientStyle: TextStyle = { style: 'regular', size: 11 };
  const signerStyle: TextStyle = { style: 'bold', size: 14 };

  // A recipient too long for one line continues under its text, not under the dash.
  const recipients = layout.recipients.flatMap((r) =>
    wrapText(doc, recipientLine(r), leftWidth - 16, recipientStyle).map((text, i) =>
      i === 0 ? text : `\u00a0\u00a0${text}`,
    ),
  );
  const signer = layout.signer;
  const authority = signer.authority ? wrapText(doc, upper(signer.authority), right.width, signerStyle) : [];
  const position = wrapText(doc, upper(signer.position), right.width, signerStyle);
  const name = wrapText(doc, nfc(signer.name), right.width, signerStyle);
  const leftHeight =
    recipients.length > 0 ? linesHeight([RECIPIENTS_LABEL], labelStyle) + linesHeight(recipients, recipientStyle) : 0;
  const rightHeight = linesHeight([...authority, ...position, ...name], signerStyle) + SIGNATURE_SPACE_PT;

  return {
    height: CLOSING_GAP + Math.max(leftHeight, rightHeight),
    draw(top: number): number {
      let rightY = drawLines(doc, authority, top, right, signerStyle);
      rightY = drawLines(doc, position, rightY, right, signerStyle);
      rightY = drawLines(doc, name, rightY + SIGNATURE_SPACE_PT, right, signerStyle);
      let leftY = top;
      if (recipients.length > 0) {
        leftY = drawLines(doc, [RECIPIENTS_LABEL], leftY, left, labelStyle);
        leftY = drawLines(doc, recipients, leftY, left, recipientStyle);
      }
      return Math.max(leftY, rightY);
    },
  };
}

/** Height of a text block as `drawBlock` sets it; tables are not measured (they are never kept with the closing). */
function blockHeight(doc: Pdf, block: Block, width: number): number | null {
  const measure = (text: string, style: TextStyle, indent: boolean) => {
    setStyle(doc, style);
    const options = {
      width,
      indent: indent ? FIRST_LINE_INDENT : 0,
      lineGap: BODY_LINE_GAP,
      paragraphGap: PARAGRAPH_GAP,
    };
    return doc.heightOfString(nfc(text), options);
  };
  switch (block.kind) {
    case 'paragraph':
      return measure(block.text, paragraphStyle(block), block.indent ?? false);
    case 'field':
      return measure(`${block.label.trim()} ${block.value}`, { style: 'bold', size: BODY.size }, true);
    case 'list':
      return block.items.reduce((sum, item, i) => sum + measure(`${i + 1}. ${item}`, BODY, true), 0);
    case 'table':
      return null;
  }
}
