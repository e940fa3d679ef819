import { REPLY_SYNC_TAG } from './names';
import { refreshPapers } from './papers';
import { flushReplies, pruneReplies } from './replyQueue';

let started = false;

/** Queued replies go out and kept papers are brought up to date: now if online, and each time the signal returns. */
export function startOfflineSync(): void {
  if (started || typeof caches === 'undefined' || typeof indexedDB === 'undefined') return;
  started = true;
  const run = async () => {
    if (!navigator.onLine) return;
    await flushReplies().catch(() => undefined);
    await pruneReplies().catch(() => undefined);
    await refreshPapers().catch(() => undefined);
  };
  window.addEventListener('online', () => void run());
  void run();
}

/** Asks the worker to send the queue when the signal returns, even if the page is closed by then (Background Sync). */
export async function requestReplySync(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker?.ready;
    const sync = (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync;
    await sync?.register(REPLY_SYNC_TAG);
  } catch {
    // No Background Sync here: the `online` event and the next page load send it.
  }
}
