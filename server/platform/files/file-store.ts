import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import type { Database, Executor } from '../db/database';
import { DomainError } from '../http/errors';
import { newId } from '../ids';
import * as errors from './files.errors';
import { type FileWarning, judgeFile } from './judge';
import { createPdfReader, DEFAULT_PDF_LIMITS, type PdfLimits, type PdfReader } from './pdf-reader';
import { type ByteRange, type OpenedFile, requestedRange, sendOpenedFile } from './send-file';
import { createSignatureChecks } from './signature-checks';
import type { DocumentContent } from './text-extract';

export { cleanFileName } from './file-name';

/** A file's bytes, stored once under their SHA-256, and the name it came with. */
export interface StoredFile {
  sha256: string;
  size: number;
  contentType: string;
  fileName: string;
}

/** A file taken in, with what its sender should be told about it (renamed, text not read). */
export interface ReceivedFile extends StoredFile {
  warnings: FileWarning[];
}

/** A file received and judged but not yet stored: `commit` stores it, `discard` forgets it. */
export interface StagedFile extends ReceivedFile {
  /** Stores the bytes; the `blobs` row is written through `executor` (a transaction) when given. */
  commit(executor?: Executor): Promise<ReceivedFile>;
  discard(): Promise<void>;
}

/** An upload: a file one account sent, waiting for a record to take it in. */
export interface Upload {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  sha256: string;
}

export interface FileStoreDeps {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'dataDir' | 'files' | 'trustDir'>;
  logger?: Logger;
  /** Bounds on reading PDFs (memory, time, how many at once); the defaults suit a small server. */
  pdfLimits?: PdfLimits;
}

const SHA256 = /^[0-9a-f]{64}$/;
/** A staged file this old is no longer being received by anyone. */
const STAGED_STALE_MS = 60 * 60_000;

export function createFileStore(deps: FileStoreDeps) {
  const { database, clock } = deps;
  const { storage, dir, types } = deps.config.files;
  const db = database.db;
  // On disk, temporary files sit beside the store so the final rename never crosses file systems.
  const tempDir = storage === 'disk' ? path.join(dir, 'tmp') : path.join(deps.config.dataDir, 'tmp');
  // One reader per store, so at most `concurrency` PDFs are read at once in this process.
  const pdf = createPdfReader(deps.pdfLimits ?? DEFAULT_PDF_LIMITS);
  let bytesWritten = 0;
  let pdfReadings = 0;
  const reader: PdfReader = {
    ...pdf,
    read: (filePath, sender) => {
      pdfReadings++;
      return pdf.read(filePath, sender);
    },
  };

  const pathOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);

  /**
   * Streams a file to a temporary file while hashing and measuring it, then
   * judges it (`judgeFile`): refused files throw and leave nothing behind.
   */
  async function receive(
    source: Readable,
    options: {
      fileName: string;
      maxBytes: number;
      sender?: string;
      executor?: Executor;
      /**
       * Bytes already stored with their text and pages are not read again. Asks the database, so
       * only where no transaction of this flow holds it (on SQLite the query would wait for it),
       * or with that transaction as `executor`.
       */
      reuseReading?: boolean;
    },
  ): Promise<StagedFile> {
    await fsp.mkdir(tempDir, { recursive: true });
    const temp = path.join(tempDir, `${randomBytes(12).toString('hex')}.part`);
    const remove = () => fsp.rm(temp, { force: true });
    try {
      const hash = createHash('sha256');
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > options.maxBytes) return callback(errors.tooLarge(options.maxBytes));
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      await pipeline(source, measure, fs.createWriteStream(temp, { flags: 'wx' }));
      // A multipart stream cut at its own limit ends quietly, marked truncated.
      if ((source as { truncated?: boolean }).truncated) throw errors.tooLarge(options.maxBytes);
      if (size === 0) throw errors.empty();
      const sha256 = hash.digest('hex');
      const known = options.reuseReading
        ? await (options.executor ?? db)
            .selectFrom('blobs')
            .select(['text_content as text', 'page_count as pages'])
            .where('sha256', '=', sha256)
            .executeTakeFirst()
        : undefined;
      const judged = await judgeFile(temp, options.fileName, {
        allowed: types,
        pdf: reader,
        sender: options.sender,
        known,
      });
      const staged: ReceivedFile = {
        sha256,
        size,
        contentType: judged.type.contentType,
        fileName: judged.fileName,
        warnings: judged.warnings,
      };
      let settled = false;
      return {
        ...staged,
        commit: async (executor?: Executor) => {
          if (settled) throw new Error('staged file already settled');
          settled = true;
          try {
            await store(temp, staged, judged.content, executor ?? db);
          } finally {
            await remove();
          }
          return staged;
        },
        discard: async () => {
          settled = true;
          await remove();
        },
      };
    } catch (error) {
      await remove();
      throw asUploadError(error, options.maxBytes);
    }
  }

  /** Writes the bytes and the `blobs` row, unless the same bytes are already stored. */
  async function store(temp: string, file: StoredFile, content: DocumentContent, ex: Executor): Promise<void> {
    const known = await ex.selectFrom('blobs').select(['sha256']).where('sha256', '=', file.sha256).executeTakeFirst();
    if (known && (storage === 'database' || (await exists(pathOf(file.sha256))))) return;
    let data: Buffer | null = null;
    if (storage === 'disk') {
      const target = pathOf(file.sha256);
      if (!(await exists(target))) {
        await syncFile(temp);
        await fsp.mkdir(path.dirname(target), { recursive: true });
        // Atomic: readers see the whole file or none. Two writers of one hash write the same bytes.
        await fsp.rename(temp, target);
        bytesWritten += file.size;
      }
    } else {
      data = await fsp.readFile(temp);
    }
    if (known) return;
    const result = await ex
      .insertInto('blobs')
      .values({
        sha256: file.sha256,
        size: file.size,
        content_type: file.contentType,
        data,
        text_content: content.text,
        page_count: content.pages,
        created_at: clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .executeTakeFirst();
    if (data && Number(result.numInsertedOrUpdatedRows ?? 0) > 0) bytesWritten += file.size;
  }

  /**
   * Receives and stores in one step. Inside a transaction, pass it as `executor`: on SQLite
   * the one connection is the transaction's until it ends.
   */
  async function put(
    source: Readable,
    options: { fileName: string; maxBytes: number; executor?: Executor; sender?: string; reuseReading?: boolean },
  ): Promise<ReceivedFile> {
    return (await receive(source, options)).commit(options.executor);
  }

  async function recordUpload(userId: string, stored: StoredFile): Promise<Upload> {
    const now = clock.now();
    const id = newId(now.getTime());
    await db
      .insertInto('file_uploads')
      .values({ id, sha256: stored.sha256, user_id: userId, file_name: stored.fileName, created_at: now.toISOString() })
      .execute();
    return { id, fileName: stored.fileName, size: stored.size, contentType: stored.contentType, sha256: stored.sha256 };
  }

  function selectUploads(ex: Executor) {
    return ex
      .selectFrom('file_uploads as u')
      .innerJoin('blobs as b', 'b.sha256', 'u.sha256')
      .select(['u.id', 'u.file_name as fileName', 'b.size', 'b.content_type as contentType', 'u.sha256']);
  }

  /**
   * The caller's uploads, removed from the waiting list inside the caller's
   * transaction so a record can take them in (and no other record can take
   * them again). Any id that is not the caller's upload refuses them all.
   */
  async function takeUploads(ex: Executor, userId: string, uploadIds: readonly string[]): Promise<Upload[]> {
    const ids = [...new Set(uploadIds)];
    if (ids.length === 0) return [];
    const rows = await selectUploads(ex).where('u.id', 'in', ids).where('u.user_id', '=', userId).execute();
    if (rows.length !== ids.length) throw errors.uploadNotFound();
    await ex.deleteFrom('file_uploads').where('id', 'in', ids).where('user_id', '=', userId).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) as Upload);
  }

  /** One of the caller's waiting uploads, or `files.upload_not_found`. */
  async function findUpload(userId: string, uploadId: string): Promise<Upload> {
    const row = await selectUploads(db).where('u.id', '=', uploadId).where('u.user_id', '=', userId).executeTakeFirst();
    if (!row) throw errors.uploadNotFound();
    return row;
  }

  /** A stored file, or the part `range` names of it. */
  async function open(sha256: string, range?: ByteRange): Promise<OpenedFile> {
    if (!SHA256.test(sha256)) throw errors.fileNotFound();
    const row = await db
      .selectFrom('blobs')
      .select(['size', 'content_type', 'data'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (!row) throw errors.fileNotFound();
    const size = Number(row.size);
    if (row.data) {
      const bytes = Buffer.from(row.data);
      const part = range ? bytes.subarray(range.start, range.end + 1) : bytes;
      return { stream: Readable.from([part]), size, contentType: row.content_type, range };
    }
    const handle = await fsp.open(pathOf(sha256), 'r').catch(() => null);
    if (!handle) {
      deps.logger?.error({ sha256 }, 'stored file missing from disk');
      throw errors.fileNotFound();
    }
    return { stream: handle.createReadStream(range ?? {}), size, contentType: row.content_type, range };
  }

  async function sizeOf(sha256: string): Promise<number> {
    if (!SHA256.test(sha256)) throw errors.fileNotFound();
    const row = await db.selectFrom('blobs').select('size').where('sha256', '=', sha256).executeTakeFirst();
    if (!row) throw errors.fileNotFound();
    return Number(row.size);
  }

  async function textOf(sha256: string): Promise<string | null> {
    const row = await db.selectFrom('blobs').select(['text_content']).where('sha256', '=', sha256).executeTakeFirst();
    return row?.text_content ?? null;
  }

  /**
   * Answers with a stored file. `contentType` is accepted for convenience but
   * the type sent is always the one found in the bytes at upload.
   */
  async function sendFile(
    reply: FastifyReply,
    file: { sha256: string; fileName: string; contentType?: string; inline?: boolean },
  ): Promise<FastifyReply> {
    let range: ByteRange | null = null;
    if (reply.request.headers.range) {
      const size = await sizeOf(file.sha256);
      const asked = requestedRange(reply.request.headers, size);
      if (asked === 'unsatisfiable') {
        reply.header('content-range', `bytes */${size}`);
        throw new DomainError('range', 'files.range_not_satisfiable', 'Đoạn tệp được yêu cầu nằm ngoài tệp.');
      }
      range = asked;
    }
    return sendOpenedFile(reply, await open(file.sha256, range ?? undefined), {
      fileName: file.fileName,
      inline: file.inline,
    });
  }

  return {
    storage,
    receive,
    put,
    recordUpload,
    takeUploads,
    findUpload,
    open,
    textOf,
    /** The digital signatures of a stored PDF, checked against the trust directory as it is now. */
    signaturesOf: createSignatureChecks({ trustDir: deps.config.trustDir, clock, open }),
    sendFile,
    /** Bytes this process wrote to storage (disk files or `blobs.data`), for benchmarks. */
    stats: () => ({ bytesWritten, pdfReadings }),
    /** PDF readings running and waiting, for tests. */
    pdfLoad: () => pdf.load(),
    /** Ends the PDF reader's kept workers, when the store's owner shuts down. */
    close: () => pdf.close(),
    sweepStaged,
  };

  /**
   * Once at start: staged files (`.part`) a killed process left behind, older than an hour, are
   * removed; a younger one may belong to another process still receiving it. Answers how many.
   */
  async function sweepStaged(nowMs: number): Promise<number> {
    const names = await fsp.readdir(tempDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.part')) continue;
      const file = path.join(tempDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (!stat?.isFile() || nowMs - stat.mtimeMs < STAGED_STALE_MS) continue;
      await fsp.rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }
}

export type FileStore = ReturnType<typeof createFileStore>;

function asUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof DomainError) return error;
  // @fastify/multipart's own limit, should it be reached before ours.
  if ((error as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE') return errors.tooLarge(maxBytes);
  return error;
}

async function exists(file: string): Promise<boolean> {
  return fsp.access(file).then(
    () => true,
    () => false,
  );
}

async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
