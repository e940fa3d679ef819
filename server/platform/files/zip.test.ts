import { describe, expect, it } from 'vitest';
import { bufferSource, declaredUncompressedSize } from './zip';

/** A minimal ZIP: one central directory entry declaring `size` bytes, and the end record. */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt32LE(size, 24);
  entry.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(entry.length + name.length, 12);
  end.writeUInt32LE(0, 16);
  return Buffer.concat([entry, name, end]);
}

const declared = (bytes: Buffer) => declaredUncompressedSize(bufferSource(bytes), bytes.length);

describe('declared size of a ZIP archive', () => {
  it('sums what the central directory declares', async () => {
    expect(await declared(zipDeclaring(123_456))).toBe(123_456);
    expect(await declared(zipDeclaring(3_000_000_000))).toBe(3_000_000_000);
  });

  it('gives up on what is not a readable ZIP, and on ZIP64 sizes', async () => {
    expect(await declared(Buffer.from('không phải tệp nén'))).toBeNull();
    expect(await declared(zipDeclaring(0xffffffff))).toBeNull();
  });
});
