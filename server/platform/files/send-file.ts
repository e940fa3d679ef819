import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { fileTypeOf } from './content-type';

export interface OpenedFile {
  stream: Readable;
  size: number;
  contentType: string;
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
  return (
    reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
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
