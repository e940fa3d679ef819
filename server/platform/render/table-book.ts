import { nfc, type RenderOptions, upper } from './document-text';
import {
  createPdf,
  drawLines,
  drawPartyHeader,
  finishPdf,
  type LineBox,
  MM,
  numberPages,
  type TextStyle,
  wrapText,
} from './pdf-layout';
import { drawTable, type TableColumn } from './pdf-table';

/** A printed book of rows (the register book): landscape, the Party header, a title, a table over pages. */
export interface TableBookLayout {
  issuer: string;
  parentIssuer?: string | null;
  title: string;
  subtitle?: string | null;
  /** Shares of the printable width; they should add up to 1. */
  columns: ReadonlyArray<{ header: string; share: number; align?: 'center' }>;
  rows: ReadonlyArray<readonly string[]>;
}

const MARGINS = { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM };

export async function renderTableBookPdf(layout: TableBookLayout, options: RenderOptions = {}): Promise<Buffer> {
  const doc = await createPdf({
    landscape: true,
    margins: MARGINS,
    title: upper(layout.title),
    author: upper(layout.issuer),
    createdAt: options.createdAt ?? new Date(),
  });
  const x = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  let y = drawPartyHeader(
    doc,
    { parentIssuer: layout.parentIssuer ? upper(layout.parentIssuer) : null, issuer: upper(layout.issuer) },
    MARGINS.top,
    x,
    width,
  );
  const centre: LineBox = { x, width, align: 'center' };
  const title: TextStyle = { style: 'bold', size: 15 };
  y = drawLines(doc, wrapText(doc, upper(layout.title), width, title), y + 8, centre, title);
  if (layout.subtitle) {
    const sub: TextStyle = { style: 'italic', size: 12 };
    y = drawLines(doc, wrapText(doc, nfc(layout.subtitle), width, sub), y, centre, sub);
  }
  const columns: TableColumn[] = layout.columns.map((c) => ({
    header: c.header,
    width: c.share * width,
    ...(c.align ? { align: c.align } : {}),
  }));
  drawTable(
    doc,
    y + 8,
    { x, columns, size: 10 },
    layout.rows.map((cells, i) => ({ group: String(i), cells: cells.map((text) => ({ text: nfc(text) })) })),
  );
  numberPages(doc);
  return finishPdf(doc);
}
