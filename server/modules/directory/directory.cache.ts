import type { Executor } from '../../platform/db/database';
import { readDirectoryVersion } from './organizations/organizations.repository';

interface Entry {
  version: number;
  value: unknown;
}

/**
 * Directory reads kept in memory, each tagged with the directory version it
 * was read at. A read first asks the database for the current version (one
 * indexed row), so an entry is used only while nothing in the directory has
 * changed, whichever process changed it. Entries are read-only to callers.
 */
export function createDirectoryCache(maxEntries = 256) {
  const entries = new Map<string, Entry>();
  return {
    async read<T>(ex: Executor, key: string, load: () => Promise<T>): Promise<T> {
      const version = await readDirectoryVersion(ex);
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        // Keep recently used keys at the end, so eviction takes the oldest.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as T;
      }
      const value = await load();
      entries.set(key, { version, value });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return value;
    },
  };
}

export type DirectoryCache = ReturnType<typeof createDirectoryCache>;
