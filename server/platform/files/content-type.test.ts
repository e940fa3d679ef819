import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeExe, makeZip, sampleFile } from '../../test/files';
import { DomainError } from '../http/errors';
import { extensionOf, FILE_KINDS, FILE_TYPES, type FileKind, sniffFile } from './content-type';
import { judgeFile } from './judge';
import { createPdfReader } from './pdf-reader';
import { readZipEntries, readZipEntry } from './zip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-sniff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function onDisk(bytes: Buffer): string {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, bytes);
  return file;
}

const pdf = createPdfReader();
afterAll(() => pdf.close());
const judge = (file: string, name: string, allowed: readonly FileKind[] = FILE_KINDS) =>
  judgeFile(file, name, { allowed, pdf });

async function refusal(bytes: Buffer, fileName: string, allowed: readonly FileKind[] = FILE_KINDS) {
  const error = await judge(onDisk(bytes), fileName, allowed).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return { code: (error as DomainError).code, status: (error as DomainError).status };
}

describe('a file type is decided by content', () => {
  it.each(FILE_KINDS)('recognises %s from its bytes, whatever its name', async (kind) => {
    const file = onDisk(sampleFile(kind));
    expect(await sniffFile(file)).toEqual({ kind, headerAt: 0 });
    const named = `Tài liệu.${FILE_TYPES[kind].extensions[0]}`;
    const judged = await judge(file, named);
    expect(judged.type.contentType).toBe(FILE_TYPES[kind].contentType);
    expect(judged.fileName).toBe(named);
    expect(judged.warnings.filter((w) => w.code === 'files.renamed')).toEqual([]);
    // No ending at all: the content decides, and the name is given its ending.
    const bare = await judge(file, 'Tài liệu không đuôi');
    expect(bare.type.kind).toBe(kind);
    expect(bare.fileName).toBe(`Tài liệu không đuôi.${FILE_TYPES[kind].extensions[0]}`);
  });

  it('takes .jpg and .JPEG alike', async () => {
    const file = onDisk(sampleFile('jpeg'));
    expect((await judge(file, 'ảnh.JPG')).fileName).toBe('ảnh.JPG');
    expect((await judge(file, 'ảnh.jpeg')).fileName).toBe('ảnh.jpeg');
  });

  it('renames a PNG named .pdf and an XLSX named .docx to what they are', async () => {
    expect((await judge(onDisk(sampleFile('png')), 'Công văn.pdf')).fileName).toBe('Công văn.png');
    expect((await judge(onDisk(sampleFile('xlsx')), 'Báo cáo.docx')).fileName).toBe('Báo cáo.xlsx');
    expect((await judge(onDisk(sampleFile('pdf')), 'Báo cáo.v2')).fileName).toBe('Báo cáo.v2.pdf');
  });

  it('refuses programs as programs, and plain archives, old Office files and text as not allowed', async () => {
    const program = { code: 'files.program_refused', status: 415 };
    const notAllowed = { code: 'files.type_not_allowed', status: 415 };
    expect(await refusal(makeExe(), 'setup.exe')).toEqual(program);
    expect(await refusal(makeExe(), 'Nghị quyết.pdf')).toEqual(program);
    expect(await refusal(makeZip([{ name: 'a.txt', data: 'x' }]), 'a.zip')).toEqual(notAllowed);
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100)]);
    expect(await refusal(ole, 'cu.doc')).toEqual(notAllowed);
    const macro = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
      { name: 'word/vbaProject.bin', data: 'code' },
    ]);
    expect(await refusal(macro, 'hop.docm')).toEqual(program);
    expect(await refusal(Buffer.from('chỉ là chữ'), 'ghi chú.txt')).toEqual(notAllowed);
    // A mimetype entry that claims something else is not ODF.
    const fake = makeZip([{ name: 'mimetype', data: 'application/x-fake', stored: true }]);
    expect(await refusal(fake, 'gia.odt')).toEqual(notAllowed);
  });

  it('accepts only the configured types', async () => {
    expect(await refusal(sampleFile('docx'), 'a.docx', ['pdf'])).toEqual({
      code: 'files.type_not_allowed',
      status: 415,
    });
    expect((await judge(onDisk(sampleFile('pdf')), 'a.pdf', ['pdf'])).type.kind).toBe('pdf');
  });

  it('reads an ending only when it looks like one', () => {
    expect(extensionOf('Nghị quyết số 05.PDF')).toBe('pdf');
    expect(extensionOf('Báo cáo v2.1')).toBeNull();
    expect(extensionOf('Quyết định')).toBeNull();
  });
});

describe('zip reading is bounded', () => {
  it('reads no more of an entry than asked, however much it would inflate to', async () => {
    // 64 MB of zeros deflate to about 64 kB.
    const bomb = makeZip([{ name: 'word/document.xml', data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const file = onDisk(bomb);
    const handle = await fs.promises.open(file, 'r');
    try {
      const entries = await readZipEntries(handle, bomb.length);
      expect(entries?.[0]?.uncompressedSize).toBe(64 * 1024 * 1024);
      const entry = entries?.[0];
      if (!entry) throw new Error('no entry');
      const bytes = await readZipEntry(handle, file, entry, 1024 * 1024);
      expect(bytes?.length).toBe(1024 * 1024);
    } finally {
      await handle.close();
    }
  });

  it('gives up on an archive with a damaged directory', async () => {
    const zip = makeZip([{ name: 'a', data: 'b' }]);
    zip.writeUInt32LE(0, zip.length - 22 + 16); // directory offset now points at the local header
    const file = onDisk(zip);
    const handle = await fs.promises.open(file, 'r');
    try {
      expect(await readZipEntries(handle, zip.length)).toBeNull();
    } finally {
      await handle.close();
    }
  });
});
