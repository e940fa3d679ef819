import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDocx, makeOdf, makePdf, makeZip, sampleFile } from '../../test/files';
import { closeSharedPdfReader, extractText, readDocument } from './text-extract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-text-'));
afterAll(async () => {
  await closeSharedPdfReader();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function onDisk(bytes: Buffer): string {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('text for full-text search', () => {
  it('reads Vietnamese from a PDF, folded', async () => {
    const text = await extractText(onDisk(makePdf('Nghị quyết của Đảng ủy Đồng Văn')), 'pdf');
    expect(text).toBe('nghi quyet cua dang uy dong van');
  });

  it('reads a DOCX, joining runs that split a word and keeping paragraphs apart', async () => {
    const docx = makeDocx([['Đảng ủy Đồ', 'ng Văn'], 'Quyết định số 05 & 06 <mật>']);
    expect(await extractText(onDisk(docx), 'docx')).toBe('dang uy dong van quyet dinh so 05 & 06 <mat>');
  });

  it('reads an ODT', async () => {
    expect(await extractText(onDisk(makeOdf('odt', 'Đảng ủy Đồng Văn')), 'odt')).toBe('dang uy dong van so 05');
  });

  it('keeps no more than the limit', async () => {
    const docx = makeDocx(Array.from({ length: 2000 }, () => 'Đảng ủy Đồng Văn'));
    const text = await extractText(onDisk(docx), 'docx', { maxChars: 100 });
    expect(text?.length).toBe(100);
  });

  it('counts the pages of a PDF, and estimates those of a DOCX that does not say', async () => {
    expect((await readDocument(onDisk(makePdf('Giấy mời họp')), 'pdf')).pages).toBe(1);
    const short = await readDocument(onDisk(makeDocx(['Đảng ủy Đồng Văn'])), 'docx');
    expect(short.pages).toBe(1);
    const long = await readDocument(
      onDisk(makeDocx(Array.from({ length: 400 }, () => 'Nội dung báo cáo '.repeat(4)))),
      'docx',
    );
    expect(long.pages).toBe(Math.ceil((400 * 'Nội dung báo cáo '.repeat(4).length) / 2800));
  });

  it('has nothing to say for images and spreadsheets', async () => {
    expect(await extractText(onDisk(sampleFile('png')), 'png')).toBeNull();
    expect(await extractText(onDisk(sampleFile('xlsx')), 'xlsx')).toBeNull();
  });

  it('fails, for the caller to log, on a damaged PDF or a DOCX without a body', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x41)]);
    await expect(extractText(onDisk(broken), 'pdf')).rejects.toThrow();
    const hollow = makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }]);
    await expect(extractText(onDisk(hollow), 'docx')).rejects.toThrow();
  });
});
