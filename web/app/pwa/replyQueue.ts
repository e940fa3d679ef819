import { noteReply } from './papers';

/**
 * Replies to invitations given with no signal wait here (IndexedDB), each with an id made on
 * the phone that travels as the request's `Idempotency-Key`: however often the queue sends it
 * (the answer lost, the page and the worker both flushing), the server writes it once.
 * Shared by the page and the service worker.
 */

export interface ReplyBody {
  reply: 'attending' | 'absent';
  reason?: string;
}

export interface QueuedReply {
  key: string;
  meetingId: string;
  body: ReplyBody;
  queuedAt: string;
  /** queued: waiting for the signal; sent: the server took it; failed: the server refused it (message says why). */
  state: 'queued' | 'sent' | 'failed';
  message?: string;
  doneAt?: string;
}

const DB_NAME = 'vanphong-offline';
const STORE = 'replies';
/** Pages hear through it that the queue moved (a send done by the worker or another tab). */
export const QUEUE_CHANNEL = 'vp-reply-queue';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(QUEUE_CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

export async function queuedReplies(): Promise<QueuedReply[]> {
  const all = await run('readonly', (store) => store.getAll() as IDBRequest<QueuedReply[]>);
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Queues an answer; a newer answer to the same meeting replaces one still waiting. */
export async function queueReply(meetingId: string, body: ReplyBody): Promise<QueuedReply> {
  const waiting = (await queuedReplies()).filter((r) => r.meetingId === meetingId);
  for (const old of waiting) await run('readwrite', (store) => store.delete(old.key));
  const item: QueuedReply = {
    key: `r-${crypto.randomUUID()}`,
    meetingId,
    body,
    queuedAt: new Date().toISOString(),
    state: 'queued',
  };
  await run('readwrite', (store) => store.put(item));
  announce();
  return item;
}

async function put(item: QueuedReply): Promise<void> {
  await run('readwrite', (store) => store.put(item));
}

async function sendOne(item: QueuedReply): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/meetings/${encodeURIComponent(item.meetingId)}/reply`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': item.key },
      body: JSON.stringify(item.body),
    });
  } catch {
    return; // Still no signal: it waits.
  }
  if (response.ok) {
    await put({ ...item, state: 'sent', doneAt: new Date().toISOString() });
    await noteReply(item.meetingId, {
      reply: item.body.reply,
      reason: item.body.reason ?? null,
      deputyName: null,
      repliedAt: new Date().toISOString(),
    });
    return;
  }
  // Signed out, or the server not answering: it waits for the next chance.
  if (response.status === 401 || response.status >= 500) return;
  let message = `Máy chủ không nhận trả lời (lỗi ${response.status}).`;
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // The plain message stands.
  }
  await put({ ...item, state: 'failed', message, doneAt: new Date().toISOString() });
}

/**
 * Sends every waiting reply, one flush at a time per browser (Web Locks where there are);
 * the server's idempotency makes a second flush of the same reply harmless anyway.
 */
export async function flushReplies(): Promise<void> {
  const work = async () => {
    const waiting = (await queuedReplies()).filter((r) => r.state === 'queued');
    for (const item of waiting) await sendOne(item);
    if (waiting.length > 0) announce();
  };
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    await navigator.locks.request('vp-reply-flush', work);
  } else {
    await work();
  }
}

/** A sent or refused reply is shown a day, then dropped. */
export async function pruneReplies(now = Date.now()): Promise<void> {
  for (const item of await queuedReplies()) {
    if (item.state !== 'queued' && item.doneAt && now - Date.parse(item.doneAt) > 86_400_000) {
      await run('readwrite', (store) => store.delete(item.key));
    }
  }
}

/** At sign-out, and when someone else signs in: the replies were the previous person's. */
export async function forgetReplies(): Promise<void> {
  await run('readwrite', (store) => store.clear());
  announce();
}
