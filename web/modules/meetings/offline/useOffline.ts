import { useCallback, useEffect, useState } from 'react';
import { type SavedPackage, savedPackages } from '../../../app/pwa/papers';
import { QUEUE_CHANNEL, type QueuedReply, queuedReplies } from '../../../app/pwa/replyQueue';

export const offlineSupported = () =>
  typeof caches !== 'undefined' && typeof indexedDB !== 'undefined' && window.isSecureContext;

/** The meetings kept on this phone, read again when asked. */
export function useSavedPackages() {
  const [packages, setPackages] = useState<SavedPackage[] | null>(null);
  const reload = useCallback(async () => {
    if (!offlineSupported()) return setPackages([]);
    setPackages(await savedPackages().catch(() => []));
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { packages, reload };
}

/** The reply queue, kept current when the worker or another tab sends from it. */
export function useReplyQueue() {
  const [items, setItems] = useState<QueuedReply[]>([]);
  const reload = useCallback(async () => {
    if (!offlineSupported()) return;
    setItems(await queuedReplies().catch(() => []));
  }, []);
  useEffect(() => {
    void reload();
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(QUEUE_CHANNEL);
    channel.onmessage = () => void reload();
    return () => channel.close();
  }, [reload]);
  return { items, reload };
}

/** Whether the browser believes it has a network. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * Asks the worker to keep every hashed file this page has loaded, the offline reader's among
 * them, so the reader opens with no signal even if these were fetched before the worker ran.
 */
export async function keepLoadedAssets(): Promise<void> {
  await import('./OfflineReaderApp');
  const reg = await navigator.serviceWorker?.getRegistration();
  const worker = reg?.active;
  if (!worker) return;
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => new URL(name).pathname.startsWith('/assets/'));
  const channel = new MessageChannel();
  const kept = new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    setTimeout(resolve, 15_000);
  });
  worker.postMessage({ type: 'keep-assets', urls: [...new Set(urls)] }, [channel.port2]);
  await kept;
}
