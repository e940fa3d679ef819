import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A message's bytes on disk while it is sent or read: never whole in memory. */
export interface Spooled {
  path: string;
  sha256: string;
  size: number;
  remove(): Promise<void>;
}

/**
 * Writes `source` to a temporary file under `dir`, hashing and measuring it; `tooLarge` is thrown
 * (and the file removed) once more than `maxBytes` arrived.
 */
export async function spool(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  dir: string,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Spooled> {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomBytes(12).toString('hex')}.edxml`);
  const remove = () => fsp.rm(file, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(tooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, measure, fs.createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path: file, sha256: hash.digest('hex'), size, remove };
}

/** Older than this, a spooled message belongs to no request still running (a body is read within minutes). */
export const SPOOL_STALE_MS = 60 * 60_000;

/**
 * Removes the spooled messages a process killed mid-message left behind: those not touched for
 * `SPOOL_STALE_MS`, so files of another process sharing the folder and still at work are kept.
 */
export async function sweepSpool(dir: string, nowMs: number): Promise<number> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.edxml')) continue;
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat?.isFile() || nowMs - stat.mtimeMs < SPOOL_STALE_MS) continue;
    await fsp.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
