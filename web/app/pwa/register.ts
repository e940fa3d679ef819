import type { ToWorker } from './names';

/**
 * Registers the service worker (dist/web/sw.js). No React, no antd: the framework-free
 * sign-in page calls it too. Only in a secure context (https, or localhost / 127.0.0.1),
 * where browsers allow service workers at all.
 */

type UpdateListener = (reload: () => void) => void;
const listeners = new Set<UpdateListener>();
let waiting: ServiceWorker | null = null;
let registration: Promise<ServiceWorkerRegistration | null> | null = null;

export function serviceWorkerSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && 'serviceWorker' in navigator;
}

/** Tells the worker waiting with a new release to take over, and reloads the page once it has. */
function reloadInto(worker: ServiceWorker) {
  return () => {
    let reloaded = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloaded) return;
      reloaded = true;
      window.location.reload();
    });
    worker.postMessage({ type: 'skip-waiting' } satisfies ToWorker);
  };
}

function announce(worker: ServiceWorker) {
  // The first worker of this browser takes over by itself: there is no older release to replace.
  if (!navigator.serviceWorker.controller) return;
  waiting = worker;
  for (const listener of listeners) listener(reloadInto(worker));
}

/**
 * A new release is installed and waits: the listener is handed the function that switches to
 * it (and reloads). Returns the unsubscribe.
 */
export function onUpdateReady(listener: UpdateListener): () => void {
  listeners.add(listener);
  if (waiting) listener(reloadInto(waiting));
  return () => listeners.delete(listener);
}

export function registerServiceWorker(
  options: { offlineSync?: boolean } = {},
): Promise<ServiceWorkerRegistration | null> {
  if (!serviceWorkerSupported()) return Promise.resolve(null);
  registration ??= navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((reg) => {
      if (reg.waiting) announce(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') announce(worker);
        });
      });
      // A phone left open for days still hears of a release when the signal comes back.
      window.addEventListener('online', () => void reg.update().catch(() => undefined));
      return reg;
    })
    .catch(() => null);
  if (options.offlineSync) void import('./offlineSync').then((sync) => sync.startOfflineSync());
  return registration;
}
