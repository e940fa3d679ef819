import { useEffect, useRef } from 'react';

/**
 * What a person was typing when the session ended under them (it expired, or they signed out
 * in another tab): kept in this tab's sessionStorage when the server answers 401, handed back
 * once, after they signed in again as the same person on the same page. Never a password.
 */

const STORAGE_KEY = 'vp.keptWork';
/** Work older than this is not offered back: the person has moved on. */
const MAX_AGE_MS = 12 * 60 * 60 * 1000;
const SECRET_KEY = /password|passcode|totp|secret|token/i;

interface Kept {
  userId: string;
  path: string;
  savedAt: number;
  items: Record<string, unknown>;
}

const keepers = new Map<string, () => unknown>();

/** Everything a value holds but secrets: keys that name one are dropped at every depth. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!SECRET_KEY.test(key)) out[key] = withoutSecrets(inner);
  }
  return out;
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Called by the session-ended handler before it leaves for the sign-in page. */
export function keepOpenWork(userId: string | undefined): void {
  if (!userId || keepers.size === 0) return;
  const items: Record<string, unknown> = {};
  for (const [id, snapshot] of keepers) {
    try {
      items[id] = withoutSecrets(JSON.parse(JSON.stringify(snapshot())));
    } catch {
      // A form whose values cannot be written down is simply not kept.
    }
  }
  const kept: Kept = { userId, path: currentPath(), savedAt: Date.now(), items };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or refused (private mode): nothing more can be done.
  }
}

function readKept(): Kept | null {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const kept = JSON.parse(text) as Kept;
    if (typeof kept !== 'object' || kept === null || typeof kept.items !== 'object') return null;
    return kept;
  } catch {
    return null;
  }
}

/** The work kept under `id` for this person on this page, given once and then forgotten. */
export function takeKeptWork<T>(id: string, userId: string): T | null {
  const kept = readKept();
  if (!kept) return null;
  if (kept.userId !== userId || Date.now() - kept.savedAt > MAX_AGE_MS) {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
  if (kept.path !== currentPath() || !(id in kept.items)) return null;
  const value = kept.items[id] as T;
  delete kept.items[id];
  if (Object.keys(kept.items).length === 0) sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  return value;
}

/** While the calling form is open, its values are kept if the session ends under it. */
export function useKeptWork(id: string, snapshot: () => unknown): void {
  const latest = useRef(snapshot);
  latest.current = snapshot;
  useEffect(() => {
    const read = () => latest.current();
    keepers.set(id, read);
    return () => {
      if (keepers.get(id) === read) keepers.delete(id);
    };
  }, [id]);
}
