import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants, createInflateRaw, inflateRaw } from 'node:zlib';

/**
 * Just enough of ZIP to recognise office documents and read one entry: the
 * central directory is read with bounded reads, and an entry is inflated as a
 * stream that stops at a byte limit, so a zip bomb costs a few kilobytes.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Office files hold a few hundred entries; more is not a document. */
const MAX_ENTRIES = 5000;
const MAX_DIRECTORY_BYTES = 2 * 1024 * 1024;

/** Where an archive's bytes are read from: a file on disk, or an archive held in memory. */
export type ZipSource = Pick<FileHandle, 'read'>;

/** An archive held in memory (one found inside another), read like a file. */
export function bufferSource(bytes: Buffer): ZipSource {
  return {
    read: (async (buffer: Buffer, offset: number, length: number, position: number) => {
      const start = Math.min(position, bytes.length);
      const bytesRead = bytes.copy(buffer, offset, start, Math.min(start + length, bytes.length));
      return { bytesRead, buffer };
    }) as ZipSource['read'],
  };
}

/** The entries of a ZIP archive, or null when it is not one this reader accepts (ZIP64 included). */
export async function readZipEntries(file: ZipSource, fileSize: number): Promise<ZipEntry[] | null> {
  if (fileSize < 22) return null;
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(file, fileSize - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff || count > MAX_ENTRIES) return null;
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > fileSize) return null;
  const directory = await readAt(file, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let offset = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== ENTRY_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(offset + 28);
    const next = offset + 46 + nameLength + directory.readUInt16LE(offset + 30) + directory.readUInt16LE(offset + 32);
    if (next > directory.length) return null;
    entries.push({
      name: directory.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: directory.readUInt16LE(offset + 10),
      compressedSize: directory.readUInt32LE(offset + 20),
      uncompressedSize: directory.readUInt32LE(offset + 24),
      localHeaderOffset: directory.readUInt32LE(offset + 42),
    });
    offset = next;
  }
  return entries;
}

/**
 * The total uncompressed size an archive declares in its central directory, read before
 * anything is inflated, so a small upload cannot expand into gigabytes in memory. Null
 * when it is not an archive this reader accepts, or when an entry uses ZIP64 sizes.
 */
export async function declaredUncompressedSize(file: ZipSource, fileSize: number): Promise<number | null> {
  const entries = await readZipEntries(file, fileSize);
  if (!entries) return null;
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize === 0xffffffff) return null;
    total += entry.uncompressedSize;
  }
  return total;
}

/**
 * The first `maxBytes` of an entry, whatever size it declares. Null when the
 * entry cannot be read (unknown method, damaged data).
 */
export async function readZipEntry(
  file: FileHandle,
  path: string,
  entry: ZipEntry,
  maxBytes: number,
): Promise<Buffer | null> {
  const local = await readAt(file, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return Buffer.alloc(0);
  const end = start + entry.compressedSize - 1;
  if (entry.method === 0) return readAt(file, start, Math.min(entry.compressedSize, maxBytes));
  if (entry.method !== 8) return null;
  return inflatedHead(fs.createReadStream(path, { start, end, highWaterMark: 64 * 1024 }), maxBytes, false);
}

const inflateRawAsync = promisify(inflateRaw);

/**
 * A whole entry in memory, when it inflates to at most `maxBytes` (whatever size it
 * declares): to look inside an archive that another one carries. Null when it is
 * larger, damaged or compressed in a way this reader does not know.
 */
export async function readZipEntryBytes(file: ZipSource, entry: ZipEntry, maxBytes: number): Promise<Buffer | null> {
  const local = await readAt(file, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.method === 0) return entry.compressedSize <= maxBytes ? readAt(file, start, entry.compressedSize) : null;
  if (entry.method !== 8 || entry.compressedSize > maxBytes) return null;
  const raw = await readAt(file, start, entry.compressedSize);
  try {
    return await inflateRawAsync(raw, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}

/** Compressed bytes read to find an entry's first kilobyte: enough for any deflate block header. */
const HEAD_COMPRESSED_BYTES = 16 * 1024;

/**
 * The first bytes of an entry (at most `maxBytes`, up to a few kilobytes), to see
 * what it is; null when it cannot be read. Reads at most 16 kB of the archive.
 */
export async function readZipEntryHead(file: ZipSource, entry: ZipEntry, maxBytes: number): Promise<Buffer | null> {
  const local = await readAt(file, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = await readAt(file, start, Math.min(entry.compressedSize, HEAD_COMPRESSED_BYTES));
  if (entry.method === 0) return raw.subarray(0, maxBytes);
  if (entry.method !== 8) return null;
  return inflatedHead(raw, maxBytes, true);
}

/**
 * The first `maxBytes` a deflate stream inflates to, read from a file or from bytes in hand.
 * With `keepPartial` (a piece cut from a longer stream) what decodes before damage counts;
 * otherwise damage gives null.
 */
function inflatedHead(input: Buffer | fs.ReadStream, maxBytes: number, keepPartial: boolean): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw(keepPartial ? { finishFlush: constants.Z_SYNC_FLUSH } : {});
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (value: Buffer | null) => {
      if (settled) return;
      settled = true;
      if (!Buffer.isBuffer(input)) input.destroy();
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= maxBytes) finish(Buffer.concat(chunks).subarray(0, maxBytes));
    });
    inflate.on('end', () => finish(Buffer.concat(chunks)));
    inflate.on('error', () =>
      finish(keepPartial && chunks.length > 0 ? Buffer.concat(chunks).subarray(0, maxBytes) : null),
    );
    if (Buffer.isBuffer(input)) {
      inflate.end(input);
    } else {
      input.on('error', () => finish(null));
      input.pipe(inflate);
    }
  });
}

async function readAt(file: ZipSource, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
