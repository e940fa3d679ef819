import { describe, expect, it } from 'vitest';
import { CsvError, decodeText, detectDelimiter, parseCsv, writeCsv } from './csv.rules';

describe('CSV', () => {
  it('reads what Excel on Windows writes: BOM, semicolons, CRLF', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Mã;Tên;Viết tắt\r\nCB01;Chi bộ Thôn Lũng Cú;CB\r\n', 'utf8'),
    ]);
    const text = decodeText(bytes);
    expect(text).not.toBeNull();
    expect(detectDelimiter(text as string)).toBe(';');
    const records = parseCsv(text as string);
    expect(records).toEqual([
      { line: 1, fields: ['Mã', 'Tên', 'Viết tắt'] },
      { line: 2, fields: ['CB01', 'Chi bộ Thôn Lũng Cú', 'CB'] },
    ]);
    // The mark is gone from the first header, so "Mã" matches its column.
    expect(records[0]?.fields[0]?.charCodeAt(0)).toBe('M'.charCodeAt(0));
  });

  it('keeps delimiters, quotes and line breaks inside quoted fields, and counts lines as the file does', () => {
    const records = parseCsv('a,b\n"x, ""y""","dòng 1\ndòng 2"\nlast,row\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'dòng 1\ndòng 2'] },
      { line: 4, fields: ['last', 'row'] },
    ]);
  });

  it('reads a last record without a line end, and empty fields', () => {
    expect(parseCsv('a,,c\r\n,,')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['', '', ''] },
    ]);
  });

  it('prefers the delimiter of the header line, ignoring those inside quotes', () => {
    expect(detectDelimiter('"a;b";"c;d",e\n')).toBe(',');
    expect(detectDelimiter('Họ và tên;Chức vụ;Điện thoại\n1,2,3,4\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });

  it('refuses an unterminated quote with the line it starts on', () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow('Dòng 2');
  });

  it('decodes UTF-16 with a byte-order mark and refuses binary or non-UTF-8 bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã\tTên\n', 'utf16le')]);
    expect(decodeText(utf16)).toBe('Mã\tTên\n');
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    // "Đồng" in Windows-1258-like single bytes is not valid UTF-8.
    expect(decodeText(Buffer.from([0xd0, 0xf4, 0x6e, 0x67]))).toBeNull();
  });

  it('writes what it reads back, quoting only where needed', () => {
    const rows = [
      ['Mã', 'Tên'],
      ['CB.01', 'Chi bộ "Thôn" 1, xã Lũng Cú'],
      ['x', ' có khoảng trắng '],
      ['y', 'hai\ndòng'],
    ];
    const text = writeCsv(rows, ';');
    expect(text.startsWith('\uFEFFMã;Tên\r\n')).toBe(true);
    expect(text).toContain('CB.01;"Chi bộ ""Thôn"" 1, xã Lũng Cú"\r\n');
    expect(text).toContain('x;" có khoảng trắng "\r\n');
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
    expect(parseCsv(writeCsv(rows, ',')).map((r) => r.fields)).toEqual(rows);
  });
});
