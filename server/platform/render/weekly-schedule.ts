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
import { drawTable, type TableCell, type TableColumn, type TableRow } from './pdf-table';

export interface WeeklyScheduleItem {
  time: string;
  content: string;
  lead: string;
  attendees: string;
  place: string;
  preparers: string;
  /** Changed after the schedule was published: printed in italic and marked '(Điều chỉnh)'. */
  changed: boolean;
  /** Called off: struck through and marked '(Hoãn)'. */
  cancelled: boolean;
}

export interface WeeklyScheduleLayout {
  issuer: string; // 'HUYỆN ỦY ĐỒNG VĂN'
  parentIssuer?: string | null;
  title: string; // 'LỊCH CÔNG TÁC CỦA THƯỜNG TRỰC HUYỆN ỦY'
  weekLabel: string; // 'Tuần 48 (từ ngày 23/11/2026 đến ngày 29/11/2026)'
  revisionNote?: string | null; // e.g. 'Bản điều chỉnh lần 2, 26/11/2026 14:05'
  days: Array<{ label: string /* 'Thứ Hai 23/11' */; items: WeeklyScheduleItem[] }>;
  footer?: string | null;
}

export const CHANGED_NOTE = '(Điều chỉnh)';
export const CANCELLED_NOTE = '(Hoãn)';

/** Landscape pages leave room for seven columns; the binding edge is the left one here too. */
const MARGINS = { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM };
const TABLE_SIZE = 11;

/** Column shares of the printable width, the content column taking what the others leave. */
const COLUMNS: ReadonlyArray<{ header: string; share: number; align?: 'center' }> = [
  { header: 'Thứ, ngày', share: 0.085, align: 'center' },
  { header: 'Thời gian', share: 0.075, align: 'center' },
  { header: 'Nội dung công việc', share: 0.28 },
  { header: 'Chủ trì', share: 0.12 },
  { header: 'Thành phần', share: 0.18 },
  { header: 'Địa điểm', share: 0.13 },
  { header: 'Chuẩn bị', share: 0.13 },
];

export async function renderWeeklySchedulePdf(
  layout: WeeklyScheduleLayout,
  options: RenderOptions = {},
): Promise<Buffer> {
  const doc = await createPdf({
    landscape: true,
    margins: MARGINS,
    title: `${upper(layout.title)} ${nfc(layout.weekLabel)}`,
    author: upper(layout.issuer),
    // A schedule carries no date of its own: the caller's clock (the moment of publishing) makes output repeatable.
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
  const week: TextStyle = { style: 'bold', size: 13 };
  y = drawLines(doc, wrapText(doc, nfc(layout.weekLabel), width, week), y, centre, week);
  if (layout.revisionNote) {
    const note: TextStyle = { style: 'italic', size: 12 };
    y = drawLines(doc, wrapText(doc, nfc(layout.revisionNote), width, note), y, centre, note);
  }

  const columns: TableColumn[] = COLUMNS.map((c) => ({
    header: c.header,
    width: c.share * width,
    ...(c.align ? { align: c.align } : {}),
  }));
  y = drawTable(doc, y + 8, { x, columns, size: TABLE_SIZE, spanFirstColumn: true }, scheduleRows(layout));

  if (layout.footer) {
    const footer: TextStyle = { style: 'italic', size: 12 };
    const lines = wrapText(doc, nfc(layout.footer), width, footer);
    if (y + 6 + lines.length * footer.size * 1.15 > doc.page.height - MARGINS.bottom) {
      doc.addPage();
      y = MARGINS.top;
    }
    drawLines(doc, lines, y + 6, { x, width, align: 'left' }, footer);
  }
  numberPages(doc);
  return finishPdf(doc);
}

/** One row per item, the day named in the first row of its group; a day with nothing planned keeps one empty row. */
export function scheduleRows(layout: WeeklyScheduleLayout): TableRow[] {
  return layout.days.flatMap((day, dayIndex) => {
    const group = `${dayIndex}`;
    const dayCell: TableCell = { text: nfc(day.label), style: 'bold' };
    if (day.items.length === 0) {
      return [{ group, cells: [dayCell, ...Array.from({ length: COLUMNS.length - 1 }, () => ({ text: '' }))] }];
    }
    return day.items.map((item) => ({ group, cells: [dayCell, ...itemCells(item)] }));
  });
}

function itemCells(item: WeeklyScheduleItem): TableCell[] {
  const texts = [item.time, item.content, item.lead, item.attendees, item.place, item.preparers].map(nfc);
  if (item.cancelled) {
    return texts.map((text, i) => ({
      text,
      strike: true,
      muted: true,
      note: i === 1 ? { text: CANCELLED_NOTE, style: 'bold' as const } : null,
    }));
  }
  if (item.changed) {
    return texts.map((text, i) => ({
      text,
      style: 'italic' as const,
      note: i === 1 ? { text: CHANGED_NOTE, style: 'boldItalic' as const } : null,
    }));
  }
  return texts.map((text) => ({ text }));
}
