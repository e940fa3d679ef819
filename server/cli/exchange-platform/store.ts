/**
 * The stand-in platform's storage: one directory, each message body a file (`messages/<id>.edxml`),
 * what is waiting for whom in `index.json`, written to a temporary file, flushed and renamed, so a
 * crash or restart keeps either the old index or the new one and never loses a message it accepted.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';

export type StoredKind = 'package' | 'status';

export interface StoredItem {
  id: string;
  /** The id the sender was given (one per send, whatever the number of recipients). */
  sendId: string;
  kind: StoredKind;
  from: string;
  to: string;
  size: number;
  sha256: string;
  receivedAt: string;
  acknowledgedAt?: string;
}

export interface StoredSend {
  sendId: string;
  sha256: string;
}

interface Index {
  version: 1;
  items: StoredItem[];
  /** By sender agency and its message id: what a repeated send answers. */
  sends: Record<string, StoredSend>;
}

export const newId = () => randomBytes(12).toString('hex');

export async function openStore(dir: string) {
  const messages = path.join(dir, 'messages');
  const tmp = path.join(dir, 'tmp');
  const indexFile = path.join(dir, 'index.json');
  await mkdir(messages, { recursive: true });
  // Bodies being received when the platform stopped were never accepted: their sender retries.
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  let index: Index = { version: 1, items: [], sends: {} };
  try {
    index = JSON.parse(await readFile(indexFile, 'utf8')) as Index;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let writing: Promise<void> = Promise.resolve();

  async function writeIndex(): Promise<void> {
    const text = JSON.stringify(index);
    const part = path.join(tmp, `index-${newId()}.json`);
    const handle = await open(part, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(part, indexFile);
  }

  /** Writes the index after the change just made in memory; writes are kept in order. */
  const persist = () => {
    writing = writing.then(writeIndex, writeIndex);
    return writing;
  };

  const bodyFile = (sendId: string) => path.join(messages, `${sendId}.edxml`);

  return {
    tmpFile: () => path.join(tmp, `body-${newId()}`),
    bodyFile,
    send: (key: string): StoredSend | undefined => index.sends[key],
    waiting: (agency: string) => index.items.filter((i) => i.to === agency && !i.acknowledgedAt),
    item: (id: string) => index.items.find((i) => i.id === id),

    /** Takes a received body (already flushed at `tempPath`) with one item per recipient. */
    async accept(
      key: string,
      tempPath: string,
      send: StoredSend,
      items: Omit<StoredItem, 'id' | 'sendId'>[],
    ): Promise<void> {
      await rename(tempPath, bodyFile(send.sendId));
      index.sends[key] = send;
      for (const item of items) index.items.push({ ...item, id: newId(), sendId: send.sendId });
      await persist();
    },

    async acknowledge(item: StoredItem): Promise<void> {
      if (item.acknowledgedAt) return;
      item.acknowledgedAt = new Date().toISOString();
      await persist();
      const stillWaiting = index.items.some((i) => i.sendId === item.sendId && !i.acknowledgedAt);
      if (!stillWaiting) await unlink(bodyFile(item.sendId)).catch(() => {});
    },
  };
}

export type PlatformStore = Awaited<ReturnType<typeof openStore>>;
