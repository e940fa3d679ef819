import { createPdfWorkers } from './pdf-workers';

/**
 * Bounds on reading PDFs with pdf.js. A PDF is small on the wire and can be
 * huge inside (a 0.5 MB file can hold a 500 MB stream), so each reading is
 * bounded in memory, in time and in how many run at once.
 */
export interface PdfLimits {
  /** Characters of raw text kept (before folding). */
  maxChars: number;
  /** A reading that takes longer is stopped (its worker is terminated and replaced). */
  timeoutMs: number;
  /** The JavaScript heap of the worker; past it the worker is stopped. */
  heapMb: number;
  /**
   * The largest byte array pdf.js may make in the worker, which bounds a decoded
   * stream: pdf.js keeps a stream's decoded bytes in one growing array, outside
   * the JavaScript heap, where `heapMb` does not reach.
   */
  maxArrayBytes: number;
  /** Readings at once in this process (one sender never holds more than one of them). */
  concurrency: number;
  /** How long a file waits for a free reading before it is taken without one. */
  queueMs: number;
  /** A worker is ended after this many readings, so pdf.js's caches cannot grow without bound. */
  readingsPerWorker: number;
  /** A worker idle this long is ended, so an idle server gives its memory back. */
  idleMs: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxChars: 400_000,
  timeoutMs: 10_000,
  heapMb: 128,
  maxArrayBytes: 32 * 1024 * 1024,
  concurrency: 2,
  queueMs: 2_000,
  readingsPerWorker: 200,
  idleMs: 60_000,
};

/** Why the text of a PDF that opened was not read, or not all of it. */
export type TextCut = 'too_large' | 'timeout' | 'memory' | 'failed';

export type PdfReading =
  /** pdf.js opened the file and read its first page; `cut` when some or all of the text was not read. */
  | { outcome: 'opened'; text: string; pages: number; cut: TextCut | null }
  /** pdf.js could not open it, or could not within the limits: it is not a PDF we can vouch for. */
  | { outcome: 'unreadable'; reason: string }
  /** Every reading slot stayed busy for `queueMs`: nothing was read. */
  | { outcome: 'busy' };

export interface PdfReader {
  /**
   * `sender` names who sent the file (an account, a mail sender): one sender
   * holds at most `perSender` readings at once, so a sender with many hostile
   * files in flight keeps the other slots free for everyone else.
   */
  read(filePath: string, sender?: string): Promise<PdfReading>;
  /** Readings running and waiting now, for tests and diagnostics. */
  load(): { running: number; waiting: number };
  /** Worker threads started since the reader was made, and alive now, for tests and diagnostics. */
  workers(): { started: number; alive: number };
  /** Ends the kept workers; a reading after it starts a new one. */
  close(): Promise<void>;
}

/** Readings one sender may hold at once, whatever `concurrency` is. */
const PER_SENDER = 1;

interface Waiter {
  sender: string;
  grant: () => void;
}

/**
 * Reads PDFs with pdf.js in kept worker threads (`pdf-workers.ts`), at most
 * `concurrency` at once and at most one per sender. A file that finds no slot it may take waits
 * at most `queueMs` and is then taken without its text; a freed slot goes to
 * the longest-waiting file whose sender holds none, so one sender's hostile
 * files hold up only that sender.
 */
export function createPdfReader(limits: PdfLimits = DEFAULT_PDF_LIMITS): PdfReader {
  let running = 0;
  const bySender = new Map<string, number>();
  const waiting: Waiter[] = [];
  const workers = createPdfWorkers(limits);

  const mayStart = (sender: string) =>
    running < limits.concurrency && (bySender.get(sender) ?? 0) < Math.min(PER_SENDER, limits.concurrency);
  function start(sender: string): void {
    running++;
    bySender.set(sender, (bySender.get(sender) ?? 0) + 1);
  }

  function acquire(sender: string): Promise<boolean> {
    if (mayStart(sender)) {
      start(sender);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        sender,
        grant: () => {
          clearTimeout(timer);
          start(sender);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        const at = waiting.indexOf(waiter);
        if (at >= 0) waiting.splice(at, 1);
        resolve(false);
      }, limits.queueMs);
      waiting.push(waiter);
    });
  }

  function release(sender: string): void {
    running--;
    const held = (bySender.get(sender) ?? 1) - 1;
    if (held > 0) bySender.set(sender, held);
    else bySender.delete(sender);
    const next = waiting.findIndex((w) => mayStart(w.sender));
    if (next >= 0) waiting.splice(next, 1)[0]?.grant();
  }

  return {
    async read(filePath, sender = '') {
      if (!(await acquire(sender))) return { outcome: 'busy' };
      try {
        return await workers.read(filePath);
      } finally {
        release(sender);
      }
    },
    load: () => ({ running, waiting: waiting.length }),
    workers: () => {
      const { started, alive } = workers.stats();
      return { started, alive };
    },
    close: () => workers.close(),
  };
}
