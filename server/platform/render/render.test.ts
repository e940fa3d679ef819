import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffFile } from '../files/content-type';
import { readZipEntries, readZipEntry } from '../files/zip';
import {
  type Block,
  type PartyDocumentLayout,
  renderPartyDocumentDocx,
  renderPartyDocumentPdf,
  vietnameseDateLine,
} from './party-document';
import { sampleInvitation, sampleSchedule } from './samples';
import { renderWeeklySchedulePdf, type WeeklyScheduleLayout } from './weekly-schedule';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-render-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ReadPdf {
  /** Each page's text, a line per text line as pdf.js reads it back. */
  pages: string[];
  /** Each page's text with all white space as single spaces, for text that wraps. */
  flat: string[];
  sizes: Array<{ width: number; height: number }>;
  info: Record<string, unknown>;
  /** The font names the file embeds, from its font dictionaries. */
  fonts: string[];
}

async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  const sizes: ReadPdf['sizes'] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    sizes.push({ width: x1 - x0, height: y1 - y0 });
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
  await doc.destroy();
  const fonts = [...bytes.toString('latin1').matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1] ?? '');
  return { pages, flat: pages.map((p) => p.replace(/\s+/g, ' ')), sizes, info, fonts };
}

const ALL_MARKS = 'ắ ằ ẳ ẵ ặ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự đ Đ Ư Ơ Ắ Ế Ộ Ữ';

describe('Party documents as PDF', () => {
  it('print the invitation with its Vietnamese text intact, in the shipped font only', async () => {
    const layout = sampleInvitation();
    // Typed decomposed, as some keyboards and pasted text do: it must come back precomposed.
    layout.body.push({ kind: 'paragraph', text: `Bảng chữ: ${ALL_MARKS}`.normalize('NFD') });
    const pdf = await readPdf(await renderPartyDocumentPdf(layout));

    expect(pdf.pages).toHaveLength(1);
    const lines = pdf.pages[0]?.split('\n').map((line) => line.trim()) ?? [];
    for (const line of [
      'ĐẢNG BỘ TỈNH HÀ GIANG',
      'HUYỆN ỦY ĐỒNG VĂN',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'GIẤY MỜI',
      'Dự hội nghị Ban Thường vụ Huyện ủy',
      'KHẨN',
      'Sùng Mí Páo, Ủy viên Ban Chấp hành Đảng bộ huyện',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Hoàng Đức Thắng',
      'Nơi nhận:',
      '- Như thành phần mời,',
      '- Lưu Văn phòng Huyện ủy.',
      `Bảng chữ: ${ALL_MARKS}`,
    ]) {
      expect(lines).toContain(line);
    }
    const text = pdf.flat[0] ?? '';
    expect(text).toContain('Số 05-GM/HU');
    expect(text).toContain('Đồng Văn, ngày 25 tháng 11 năm 2026');
    expect(text).toContain('Thời gian: 07 giờ 30 phút, ngày 27/11/2026 (thứ Sáu).');
    expect(text).toContain('3. Kế hoạch chăm lo Tết cho hộ nghèo, người cao tuổi cô đơn, phụ nữ đang ẵm con nhỏ');
    expect(text).not.toMatch(/\p{M}/u);

    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) expect(font).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
    expect(pdf.info).toMatchObject({
      Title: 'GIẤY MỜI Dự hội nghị Ban Thường vụ Huyện ủy',
      Author: 'HUYỆN ỦY ĐỒNG VĂN',
      Creator: 'VanPhong',
      CreationDate: 'D:20261124170000Z',
    });
  });

  it('gives the same bytes for the same layout', async () => {
    const first = await renderPartyDocumentPdf(sampleInvitation());
    const second = await renderPartyDocumentPdf(sampleInvitation());
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).not.toMatch(/Helvetica|Times-Roman/);
  });

  it('leaves room for the number of an unnumbered document and boxes its marks', async () => {
    const layout = { ...sampleInvitation(), numberText: null, secrecyMark: 'Mật', urgencyMark: null };
    const text = (await readPdf(await renderPartyDocumentPdf(layout))).flat[0] ?? '';
    expect(text).toMatch(/Số\s+Đồng Văn, ngày 25/);
    expect(text).not.toContain('05-GM/HU');
    expect(text).toContain('MẬT');
    expect(text).not.toContain('KHẨN');
  });

  it('runs a long text over several pages, losing nothing, with numbered pages and repeated table headers', async () => {
    const paragraph = (n: number): Block => ({
      kind: 'paragraph',
      indent: true,
      text: `Đoạn ${n}: các chi bộ, đảng bộ cơ sở quán triệt, triển khai thực hiện nghiêm túc nghị quyết; định kỳ báo cáo kết quả về Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy) để theo dõi, chỉ đạo, kết thúc đoạn ${n}.`,
    });
    const rows = Array.from({ length: 40 }, (_, i) => [`${i + 1}`, `Nhiệm vụ thứ ${i + 1} của kế hoạch`, 'Quý I']);
    const layout: PartyDocumentLayout = {
      ...sampleInvitation(),
      typeName: 'Kế hoạch',
      body: [
        ...Array.from({ length: 20 }, (_, i) => paragraph(i + 1)),
        { kind: 'table', columns: ['STT', 'Nhiệm vụ', 'Thời hạn'], widths: [1, 6, 2], rows },
        ...Array.from({ length: 20 }, (_, i) => paragraph(i + 21)),
      ],
    };
    const pdf = await readPdf(await renderPartyDocumentPdf(layout));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const all = pdf.flat.join(' ');
    for (let n = 1; n <= 40; n++) {
      expect(all).toContain(`Đoạn ${n}: các chi bộ`);
      expect(all).toContain(`kết thúc đoạn ${n}.`);
      expect(all).toContain(`Nhiệm vụ thứ ${n} của kế hoạch`);
    }
    const tablePages = pdf.pages.filter((page) => page.includes('Nhiệm vụ thứ'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) expect(page).toContain('Thời hạn');
    pdf.pages.slice(1).forEach((page, i) => {
      expect(page.split('\n').map((line) => line.trim())).toContain(String(i + 2));
    });
    // The signed page carries text of the document, and the signature is whole.
    const last = pdf.flat.at(-1) ?? '';
    expect(last).toContain('kết thúc đoạn 40.');
    expect(last).toContain('PHÓ BÍ THƯ');
    expect(last).toContain('Hoàng Đức Thắng');
  });

  it('writes the date line as official documents do', () => {
    expect(vietnameseDateLine('Đồng Văn', '2026-11-25')).toBe('Đồng Văn, ngày 25 tháng 11 năm 2026');
    expect(vietnameseDateLine('Hà Giang', '2026-03-05')).toBe('Hà Giang, ngày 05 tháng 3 năm 2026');
    expect(vietnameseDateLine('Hà Giang', '2027-02-09')).toBe('Hà Giang, ngày 09 tháng 02 năm 2027');
    expect(() => vietnameseDateLine('Hà Giang', '2026-02-30')).toThrow();
  });
});

describe('Party documents as DOCX', () => {
  async function entry(file: string, name: string): Promise<string> {
    const handle = await fs.promises.open(file, 'r');
    try {
      const entries = await readZipEntries(handle, (await handle.stat()).size);
      const found = entries?.find((e) => e.name === name);
      if (!found) throw new Error(`no ${name}`);
      return (await readZipEntry(handle, file, found, 10_000_000))?.toString('utf8') ?? '';
    } finally {
      await handle.close();
    }
  }

  it('is a Word document holding the same text, in Times New Roman on A4 with the Party margins', async () => {
    const file = path.join(dir, 'giay-moi.docx');
    const layout = sampleInvitation();
    layout.body.push({ kind: 'table', columns: ['STT', 'Tài liệu'], rows: [['1', 'Báo cáo tháng 11']] });
    fs.writeFileSync(file, await renderPartyDocumentDocx(layout));
    expect(await sniffFile(file)).toEqual({ kind: 'docx', headerAt: 0 });

    const xml = await entry(file, 'word/document.xml');
    const paragraphs = xml.split('</w:p>').map((p) => p.replace(/<[^>]+>/g, ''));
    for (const text of [
      'ĐẢNG BỘ TỈNH HÀ GIANG',
      'HUYỆN ỦY ĐỒNG VĂN',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 05-GM/HU',
      'Đồng Văn, ngày 25 tháng 11 năm 2026',
      'GIẤY MỜI',
      'Thời gian: 07 giờ 30 phút, ngày 27/11/2026 (thứ Sáu).',
      'T/M BAN THƯỜNG VỤ',
      'Hoàng Đức Thắng',
      'Nơi nhận:',
      '- Lưu Văn phòng Huyện ủy.',
      'Báo cáo tháng 11',
    ]) {
      expect(paragraphs).toContain(text);
    }
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:tblHeader');
    expect(await entry(file, 'word/styles.xml')).toContain('Times New Roman');
    const core = await entry(file, 'docProps/core.xml');
    expect(core).toContain('<dc:title>GIẤY MỜI Dự hội nghị Ban Thường vụ Huyện ủy</dc:title>');
    expect(core).toContain('2026-11-24T17:00:00Z');
  });
});

describe('the weekly schedule as PDF', () => {
  it('is a landscape table holding every row, marking changed and cancelled ones', async () => {
    const pdf = await readPdf(await renderWeeklySchedulePdf(sampleSchedule()));
    expect(pdf.pages).toHaveLength(1);
    for (const size of pdf.sizes) expect(size.width).toBeGreaterThan(size.height);
    const lines = pdf.pages[0]?.split('\n').map((line) => line.trim()) ?? [];
    for (const line of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'HUYỆN ỦY ĐỒNG VĂN', 'LỊCH CÔNG TÁC CỦA THƯỜNG TRỰC HUYỆN ỦY']) {
      expect(lines).toContain(line);
    }
    const text = pdf.flat[0] ?? '';
    for (const expected of [
      'Tuần 48 (từ ngày 23/11/2026 đến ngày 29/11/2026)',
      'Bản điều chỉnh lần 2, 26/11/2026 14:05',
      'Thứ, ngày',
      'Nội dung công việc',
      'Chuẩn bị',
      'Chào cờ đầu tuần; giao ban Thường trực Huyện ủy',
      'Trụ sở Đảng ủy xã Lũng Cú',
      'Hội nghị Ban Thường vụ Huyện ủy (theo Giấy mời số 05-GM/HU)',
      'quán triệt nghị quyết chuyên đề (Điều chỉnh)',
      'nhà văn hóa thôn Sủng Là (Hoãn)',
      'Lịch công tác có thể thay đổi',
    ]) {
      expect(text).toContain(expected);
    }
    for (const day of ['Thứ Hai', 'Thứ Tư', 'Thứ Bảy', 'Chủ nhật']) expect(text).toContain(day);
    // A day is named once, however many rows it has.
    expect(text.match(/Thứ Hai/g)).toHaveLength(1);
  });

  it('continues a long week on further pages, repeating the header row and the day', async () => {
    const layout: WeeklyScheduleLayout = sampleSchedule();
    const template = layout.days[0]?.items[0];
    if (!template) throw new Error('the sample has no item');
    layout.days = layout.days.map((day, d) => ({
      label: day.label,
      items: Array.from({ length: 8 }, (_, i) => ({
        ...template,
        time: `${7 + i}h00`,
        content: `Việc ${d + 1}.${i + 1}`,
      })),
    }));
    const pdf = await readPdf(await renderWeeklySchedulePdf(layout));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const all = pdf.flat.join(' ');
    for (let d = 1; d <= 7; d++) for (let i = 1; i <= 8; i++) expect(all).toContain(`Việc ${d}.${i}`);
    for (const page of pdf.flat) {
      expect(page).toContain('Nội dung công việc');
      // Every page says which day its first rows belong to, right under the header row.
      expect(page).toMatch(/Chuẩn bị (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật) \d{2}\/11 \d+h00/);
    }
  });
});
