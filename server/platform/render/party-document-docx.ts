import type { Paragraph, Table, TableCell } from 'docx';
import {
  documentMoment,
  nfc,
  numberLine,
  PARTY_NAME,
  RECIPIENTS_LABEL,
  type RenderOptions,
  recipientLine,
  SIGNATURE_SPACE_PT,
  upper,
  vietnameseDateLine,
} from './document-text';
import { DOCX_FONT_FAMILY } from './fonts';
import {
  type Block,
  PARTY_MARGINS_MM,
  type PartyDocumentLayout,
  partyDocumentMarks,
  partyDocumentTitle,
} from './party-layout';

type Docx = typeof import('docx');
type Alignment = typeof import('docx').AlignmentType[keyof typeof import('docx').AlignmentType];

/** Word measures pages in twentieths of a point (twips) and type in half points. */
const A4 = { width: 11906, height: 16838 };
const twips = (mm: number) => Math.round((mm * 72 * 20) / 25.4);
const MARGINS = {
  top: twips(PARTY_MARGINS_MM.top),
  bottom: twips(PARTY_MARGINS_MM.bottom),
  left: twips(PARTY_MARGINS_MM.left),
  right: twips(PARTY_MARGINS_MM.right),
};
const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const LEFT_WIDTH = Math.round(CONTENT_WIDTH * 0.45);
const RIGHT_WIDTH = CONTENT_WIDTH - LEFT_WIDTH;
const FIRST_LINE_INDENT = twips(12.7);
/** A little over single spacing, in 240ths of a line, with 6 pt after each paragraph. */
const LINE = 264;
const AFTER = 120;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
}

/**
 * The same document as the PDF, for people who edit it in Word: Word lays it
 * out itself, so the head and the foot are borderless two-column tables and
 * the type is Times New Roman, which every Word user has.
 */
export async function renderPartyDocumentDocx(
  layout: PartyDocumentLayout,
  options: RenderOptions = {},
): Promise<Buffer> {
  // docx is only needed when someone asks for a Word file: it is loaded then.
  const d: Docx = await import('docx');
  const pageNumber = new d.Paragraph({
    alignment: d.AlignmentType.CENTER,
    children: [new d.TextRun({ children: [d.PageNumber.CURRENT], size: 26 })],
  });
  const document = new d.Document({
    styles: { default: { document: { run: { font: DOCX_FONT_FAMILY, size: 28 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: A4.width, height: A4.height }, margin: MARGINS },
          // Page numbers begin on the second page, as on the printed document.
          titlePage: true,
        },
        headers: { default: new d.Header({ children: [pageNumber] }), first: new d.Header({ children: [] }) },
        children: [
          header(d, layout),
          spacer(d, 240),
          line(d, upper(layout.typeName), { bold: true, size: 15 }),
          ...(layout.summary ? [line(d, layout.summary, { bold: true })] : []),
          line(d, '-----'),
          spacer(d, AFTER),
          ...layout.body.flatMap((block) => blocks(d, block)),
          closing(d, layout),
        ],
      },
    ],
  });
  const core = coreProperties(
    partyDocumentTitle(layout),
    upper(layout.issuer),
    options.createdAt ?? documentMoment(layout.date),
  );
  return d.Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }]);
}

function run(d: Docx, text: string, style: RunStyle = {}) {
  return new d.TextRun({
    text: nfc(text),
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.underline ? { underline: {} } : {}),
    ...(style.size ? { size: style.size * 2 } : {}),
  });
}

function line(d: Docx, text: string, style: RunStyle = {}, alignment: Alignment = d.AlignmentType.CENTER): Paragraph {
  return new d.Paragraph({ alignment, spacing: { after: 0, line: LINE }, children: [run(d, text, style)] });
}

function spacer(d: Docx, after: number): Paragraph {
  return new d.Paragraph({ spacing: { after }, children: [] });
}

function cell(d: Docx, children: Paragraph[], width: number): TableCell {
  return new d.TableCell({ children, width: { size: width, type: d.WidthType.DXA } });
}

/** A layout table: two columns, no borders, as Word users lay out the head and the foot of a document. */
function twoColumns(d: Docx, rows: Array<[Paragraph[], Paragraph[]]>, cantSplit = false): Table {
  return new d.Table({
    width: { size: CONTENT_WIDTH, type: d.WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    borders: d.TableBorders.NONE,
    rows: rows.map(
      ([left, right]) =>
        new d.TableRow({ cantSplit, children: [cell(d, left, LEFT_WIDTH), cell(d, right, RIGHT_WIDTH)] }),
    ),
  });
}

/** Two rows, so that the number and the place and date share a line whatever the issuer's length. */
function header(d: Docx, layout: PartyDocumentLayout): Table {
  const issuer = [
    ...(layout.parentIssuer ? [line(d, upper(layout.parentIssuer))] : []),
    line(d, upper(layout.issuer), { bold: true }),
    line(d, '*'),
  ];
  const number = [
    line(d, numberLine(layout.numberText)),
    ...partyDocumentMarks(layout).map((mark) => line(d, mark, { bold: true, size: 13 })),
  ];
  return twoColumns(d, [
    [issuer, [line(d, PARTY_NAME, { bold: true, underline: true, size: 15 })]],
    [number, [line(d, vietnameseDateLine(layout.place, layout.date), { italics: true })]],
  ]);
}

function bodyParagraph(
  d: Docx,
  text: string,
  options: { style?: RunStyle; align?: 'left' | 'center' | 'justify'; indent?: boolean },
): Paragraph {
  const alignment =
    options.align === 'center'
      ? d.AlignmentType.CENTER
      : options.align === 'left'
        ? d.AlignmentType.LEFT
        : d.AlignmentType.JUSTIFIED;
  return new d.Paragraph({
    alignment,
    spacing: { after: AFTER, line: LINE },
    ...(options.indent ? { indent: { firstLine: FIRST_LINE_INDENT } } : {}),
    children: [run(d, text, options.style ?? {})],
  });
}

function bodyTable(d: Docx, block: Extract<Block, { kind: 'table' }>): Table {
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const weights = block.columns.map((_, i) => block.widths?.[i] ?? 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  // The header row repeats on every page the table runs onto, as in the PDF.
  const row = (texts: string[], isHeader: boolean) =>
    new d.TableRow({
      tableHeader: isHeader,
      children: widths.map((width, i) =>
        cell(
          d,
          [
            line(
              d,
              texts[i] ?? '',
              { bold: isHeader, size: 12 },
              isHeader ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
            ),
          ],
          width,
        ),
      ),
    });
  return new d.Table({
    width: { size: CONTENT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [row(block.columns, true), ...block.rows.map((cells) => row(cells, false))],
  });
}

function blocks(d: Docx, block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'paragraph':
      return [
        bodyParagraph(d, block.text, {
          style: { bold: block.bold ?? false, italics: block.italic ?? false },
          align: block.align ?? 'justify',
          indent: block.indent ?? false,
        }),
      ];
    case 'field':
      return [
        new d.Paragraph({
          alignment: d.AlignmentType.JUSTIFIED,
          spacing: { after: AFTER, line: LINE },
          indent: { firstLine: FIRST_LINE_INDENT },
          children: [run(d, `${block.label.trim()} `, { bold: true }), run(d, block.value)],
        }),
      ];
    case 'list':
      return block.items.map((item, index) => bodyParagraph(d, `${index + 1}. ${item}`, { indent: true }));
    case 'table':
      return [bodyTable(d, block), spacer(d, AFTER)];
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

/** One row that Word may not split, so the signature never lands alone on a page. */
function closing(d: Docx, layout: PartyDocumentLayout): Table {
  const left = [
    ...(layout.recipients.length > 0
      ? [line(d, RECIPIENTS_LABEL, { bold: true, italics: true, size: 12 }, d.AlignmentType.LEFT)]
      : [spacer(d, 0)]),
    ...layout.recipients.map((r) => line(d, recipientLine(r), { size: 11 }, d.AlignmentType.LEFT)),
  ];
  const signatureLines = Math.round(SIGNATURE_SPACE_PT / (14 * 1.15));
  const right = [
    ...(layout.signer.authority ? [line(d, upper(layout.signer.authority), { bold: true })] : []),
    line(d, upper(layout.signer.position), { bold: true }),
    ...Array.from({ length: signatureLines }, () => line(d, '')),
    line(d, layout.signer.name, { bold: true }),
  ];
  return twoColumns(d, [[left, right]], true);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c);

/**
 * docx stamps its own clock into the core properties; the document's date
 * is written instead, with the same title and author as the PDF.
 */
function coreProperties(title: string, author: string, createdAt: Date): string {
  const when = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:creator>${escapeXml(author)}</dc:creator>`,
    '<cp:lastModifiedBy>VanPhong</cp:lastModifiedBy>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}
