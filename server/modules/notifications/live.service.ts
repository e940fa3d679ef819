import type { ServerResponse } from 'node:http';
import type { Database } from '../../platform/db/database';
import { countUnreadOf } from './notifications.repository';

interface Listener {
  userId: string;
  res: ServerResponse;
  last: number | null;
}

const HEARTBEAT_MS = 25_000;

/**
 * The bell's live count over server-sent events. One reader for all open connections asks
 * the database, every `everyMs`, for the unread counts of the people connected (one grouped,
 * indexed query however many are watching), and writes to those whose count changed. Reading
 * the database rather than an in-process signal means news written by any process, the job
 * runner or another web process, reaches the bell the same way.
 */
export function createLiveNotifications(database: Database, options: { everyMs?: number } = {}) {
  const db = database.db;
  const listeners = new Set<Listener>();
  let timer: NodeJS.Timeout | null = null;
  let beat: NodeJS.Timeout | null = null;
  let running = false;

  const send = (l: Listener, unread: number) => {
    l.last = unread;
    l.res.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
  };

  async function tick() {
    if (running || listeners.size === 0) return;
    running = true;
    try {
      const users = [...new Set([...listeners].map((l) => l.userId))];
      const counts = await countUnreadOf(db, users);
      for (const l of listeners) {
        const n = counts.get(l.userId) ?? 0;
        if (n !== l.last) send(l, n);
      }
    } catch {
      // The database is busy or closing: the next tick tries again.
    } finally {
      running = false;
    }
  }

  function ensureTimers() {
    if (listeners.size > 0 && !timer) {
      timer = setInterval(() => void tick(), options.everyMs ?? 2000);
      timer.unref();
      beat = setInterval(() => {
        for (const l of listeners) l.res.write(': ping\n\n');
      }, HEARTBEAT_MS);
      beat.unref();
    }
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      if (beat) clearInterval(beat);
      timer = null;
      beat = null;
    }
  }

  return {
    /** Streams one person's unread count until the connection closes. */
    open(userId: string, res: ServerResponse) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Proxies such as nginx would otherwise hold the events back.
        'x-accel-buffering': 'no',
      });
      res.write('retry: 5000\n\n');
      const listener: Listener = { userId, res, last: null };
      listeners.add(listener);
      res.on('close', () => {
        listeners.delete(listener);
        ensureTimers();
      });
      ensureTimers();
      void tick();
    },
    /** Pushes at once rather than at the next tick (after a change this process made). */
    nudge: () => void tick(),
    close() {
      for (const l of listeners) l.res.end();
      listeners.clear();
      ensureTimers();
    },
    get connections() {
      return listeners.size;
    },
  };
}
export type LiveNotifications = ReturnType<typeof createLiveNotifications>;
