import type { FontStyle } from './fonts';
import { drawLines, LEADING, type LineBox, type Pdf, rule, type TextStyle, wrapText } from './pdf-layout';

export interface TableColumn {
  header: string;
  /** Points. */
  width: number;
  align?: 'left' | 'center';
}

export interface TableCell {
  text: string;
  style?: FontStyle;
  strike?: boolean;
  muted?: boolean;
  /** A line after the text, never struck through: `(Hoãn)`, `(Điều chỉnh)`. */
  note?: { text: string; style: FontStyle } | null;
}

export interface TableRow {
  cells: TableCell[];
  /** Rows with the same group in a run share one first cell, printed once per page. */
  group?: string;
}

export interface TableSetup {
  x: number;
  columns: readonly TableColumn[];
  size: number;
  /** Merge the first cell of consecutive rows of one group, as the day column of a schedule. */
  spanFirstColumn?: boolean;
}

interface Line {
  text: string;
  style: FontStyle;
  strike: boolean;
  muted: boolean;
}

const PADDING = 4;
const MUTED = '#555555';

/**
 * A bordered table starting at `y` that continues on new pages, repeating
 * its header row. A row moves whole to the next page when it fits there; a
 * row taller than a page is cut between lines, so no text is ever lost.
 * Returns the y below the table on the page where it ends.
 */
export function drawTable(doc: Pdf, y: number, setup: TableSetup, rows: readonly TableRow[]): number {
  const pitch = setup.size * LEADING;
  const span = Boolean(setup.spanFirstColumn);
  const firstWidth = setup.columns[0]?.width ?? 0;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const header = setup.columns.map((column) =>
    cellLines(doc, { text: column.header, style: 'bold' }, column.width, setup.size),
  );
  const headerHeight = rowHeight(header, pitch);

  let top = y;
  let pageTop = 0;
  // Whether a spanned first cell is drawn on this page and not yet closed below.
  let groupOpen = false;
  const closeGroup = () => {
    if (groupOpen) rule(doc, setup.x, top, firstWidth);
    groupOpen = false;
  };
  const startPage = () => {
    drawRow(doc, header, top, headerHeight, setup, { header: true, firstCellTop: true });
    top += headerHeight;
    pageTop = top;
  };
  const newPage = () => {
    closeGroup();
    doc.addPage();
    top = doc.page.margins.top;
    startPage();
  };

  // A header alone at the foot of a page is no use: it goes with the first row.
  const first = rows[0]?.cells.map((c, i) => cellLines(doc, c, setup.columns[i]?.width ?? 0, setup.size)) ?? [];
  const firstHeight = Math.min(rowHeight(first, pitch), bottom() - doc.page.margins.top - headerHeight);
  if (top + headerHeight + firstHeight > bottom()) {
    doc.addPage();
    top = doc.page.margins.top;
  }
  startPage();

  rows.forEach((row, index) => {
    const continuing = span && index > 0 && rows[index - 1]?.group === row.group;
    if (span && !continuing) closeGroup();
    const label = () => cellLines(doc, firstCellOfGroup(rows, index), firstWidth, setup.size);
    let cells = row.cells.map((cell, column) =>
      column === 0 && continuing ? [] : cellLines(doc, cell, setup.columns[column]?.width ?? 0, setup.size),
    );
    for (;;) {
      if (top + rowHeight(cells, pitch) > bottom() && top > pageTop) {
        newPage();
        // The group goes on: its label is printed again at the top of the page.
        if (span && cells[0]?.length === 0) cells[0] = label();
        continue;
      }
      const fit = Math.max(1, Math.floor((bottom() - top - 2 * PADDING) / pitch));
      const part = cells.map((lines) => lines.slice(0, fit));
      const height = rowHeight(part, pitch);
      drawRow(doc, part, top, height, setup, { header: false, firstCellTop: !groupOpen });
      groupOpen = span;
      top += height;
      cells = cells.map((lines) => lines.slice(fit));
      if (cells.every((lines) => lines.length === 0)) break;
      newPage();
      if (span && cells[0]?.length === 0) cells[0] = label();
    }
  });
  closeGroup();
  return top;
}

function firstCellOfGroup(rows: readonly TableRow[], index: number): TableCell {
  let first = index;
  while (first > 0 && rows[first - 1]?.group === rows[index]?.group) first--;
  return rows[first]?.cells[0] ?? { text: '' };
}

function cellLines(doc: Pdf, cell: TableCell, width: number, size: number): Line[] {
  const inner = width - 2 * PADDING;
  const style = cell.style ?? 'regular';
  const lines: Line[] = [];
  if (cell.text !== '') {
    for (const text of wrapText(doc, cell.text, inner, { style, size })) {
      lines.push({ text, style, strike: Boolean(cell.strike), muted: Boolean(cell.muted) });
    }
  }
  if (cell.note) {
    for (const text of wrapText(doc, cell.note.text, inner, { style: cell.note.style, size })) {
      lines.push({ text, style: cell.note.style, strike: false, muted: false });
    }
  }
  return lines;
}

function rowHeight(cells: readonly Line[][], pitch: number): number {
  const most = Math.max(1, ...cells.map((lines) => lines.length));
  return most * pitch + 2 * PADDING;
}

/**
 * Cell borders: every cell is boxed, except that a spanned first cell gets
 * no top edge while its group goes on; the caller closes it below.
 */
function drawRow(
  doc: Pdf,
  cells: readonly Line[][],
  top: number,
  height: number,
  setup: TableSetup,
  edges: { header: boolean; firstCellTop: boolean },
): void {
  let x = setup.x;
  setup.columns.forEach((column, index) => {
    const box: LineBox = {
      x: x + PADDING,
      width: column.width - 2 * PADDING,
      align: edges.header ? 'center' : (column.align ?? 'left'),
    };
    const lines = cells[index] ?? [];
    // Header cells are centred both ways; body cells read from the top, like a list.
    const slack = edges.header ? height - 2 * PADDING - lines.length * setup.size * LEADING : 0;
    let y = top + PADDING + slack / 2;
    for (const line of lines) {
      const style: TextStyle = { style: line.style, size: setup.size };
      y = drawLines(doc, [line.text], y, box, style, { strike: line.strike, ...(line.muted ? { color: MUTED } : {}) });
    }
    doc.save().lineWidth(0.6);
    doc.moveTo(x, top).lineTo(x, top + height);
    doc.moveTo(x + column.width, top).lineTo(x + column.width, top + height);
    const spanned = setup.spanFirstColumn && index === 0 && !edges.header;
    if (!spanned || edges.firstCellTop) doc.moveTo(x, top).lineTo(x + column.width, top);
    if (!spanned) doc.moveTo(x, top + height).lineTo(x + column.width, top + height);
    doc.stroke().restore();
    x += column.width;
  });
}
