import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { fileTypeOf } from './content-type';

export interface OpenedFile {
  stream: Readable;
  /** The whole file's size. */
  size: number;
  contentType: string;
  /** The part of the file the stream holds (both ends included), when only part was asked for. */
  range?: ByteRange;
}

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Byte ranges are answered but not announced (no `Accept-Ranges`): a download resumed or a
 * client that asks gets its part, while the browser's PDF viewer keeps fetching a file once,
 * so each opening of a meeting paper is recorded once and a service worker can keep it.
 *
 * The one byte range a `Range` header asks of a file of `size` bytes: null to send the
 * whole file (no header, several ranges, another unit, or an `If-Range` we cannot check,
 * as stored files carry no validator), 'unsatisfiable' for a range past the end.
 */
export function requestedRange(
  headers: { range?: string; 'if-range'?: string },
  size: number,
): ByteRange | 'unsatisfiable' | null {
  const header = headers.range;
  if (!header || headers['if-range'] !== undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * `Content-Disposition` with the name twice: an ASCII fallback for old clients
 * and the exact UTF-8 name per RFC 5987/6266 (`Nghị quyết số 05.pdf`).
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Answers with a stored file. The type sent is the one found in the bytes at
 * upload; the browser is told not to guess another, and only PDF and images
 * are ever shown inline.
 */
export function sendOpenedFile(
  reply: FastifyReply,
  file: OpenedFile,
  options: { fileName: string; inline?: boolean },
): FastifyReply {
  const inline = options.inline === true && fileTypeOf(file.contentType)?.inline === true;
  if (file.range) {
    reply.code(206).header('content-range', `bytes ${file.range.start}-${file.range.end}/${file.size}`);
  }
  const length = file.range ? file.range.end - file.range.start + 1 : file.size;
  return (
    reply
      .header('content-type', file.contentType)
      .header('content-length', String(length))
      .header('content-disposition', contentDisposition(options.fileName, inline))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      // A file is not a page: it may run nothing and load nothing, but the browser's own PDF
      // viewer (a plugin to Chromium) must be allowed to show it inside the app's preview frame.
      .header(
        'content-security-policy',
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'",
      )
      .send(file.stream)
  );
}
