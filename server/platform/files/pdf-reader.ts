import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Bounds on reading PDFs with pdf.js. A PDF is small on the wire and can be
 * huge inside (a 0.5 MB file can hold a 500 MB stream), so each reading is
 * bounded in memory, in time and in how many run at once.
 */
export interface PdfLimits {
  /** Characters of raw text kept (before folding). */
  maxChars: number;
  /** A reading that takes longer is stopped (its worker is terminated). */
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
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxChars: 400_000,
  timeoutMs: 10_000,
  heapMb: 128,
  maxArrayBytes: 32 * 1024 * 1024,
  concurrency: 2,
  queueMs: 2_000,
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

const MAX_PDF_PAGES = 2000;

export interface PdfReader {
  /**
   * `sender` names who sent the file (an account, a mail sender): one sender
   * holds at most `perSender` readings at once, so a sender with many hostile
   * files in flight keeps the other slots free for everyone else.
   */
  read(filePath: string, sender?: string): Promise<PdfReading>;
  /** Readings running and waiting now, for tests and diagnostics. */
  load(): { running: number; waiting: number };
}

/** Readings one sender may hold at once, whatever `concurrency` is. */
const PER_SENDER = 1;

interface Waiter {
  sender: string;
  grant: () => void;
}

/**
 * Reads PDFs with pdf.js in a worker thread per file, at most `concurrency` at
 * once and at most one per sender. A file that finds no slot it may take waits
 * at most `queueMs` and is then taken without its text; a freed slot goes to
 * the longest-waiting file whose sender holds none, so one sender's hostile
 * files hold up only that sender.
 */
export function createPdfReader(limits: PdfLimits = DEFAULT_PDF_LIMITS): PdfReader {
  let running = 0;
  const bySender = new Map<string, number>();
  const waiting: Waiter[] = [];

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
        return await readInWorker(filePath, limits);
      } finally {
        release(sender);
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}

const requireHere = createRequire(import.meta.url);

type WorkerMessage =
  | { opened: number }
  | { text: string; pages: number; capped: boolean }
  | { error: string; opened: boolean; capped: boolean };

function readInWorker(filePath: string, limits: PdfLimits): Promise<PdfReading> {
  const pdfjsRoot = path.dirname(requireHere.resolve('pdfjs-dist/package.json'));
  const worker = new Worker(PDF_WORKER, {
    eval: true,
    workerData: {
      filePath,
      pdfjs: pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href,
      fonts: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
      cmaps: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
      maxChars: limits.maxChars,
      maxPages: MAX_PDF_PAGES,
      maxArrayBytes: limits.maxArrayBytes,
    },
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
    stdout: true,
    stderr: true,
  });
  return new Promise<PdfReading>((resolve) => {
    let pages: number | null = null;
    let settled = false;
    const finish = (reading: PdfReading) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(reading);
    };
    // Stopped early: a file that opened is still a PDF, only its text is missing.
    const stopped = (cut: TextCut, reason: string) =>
      finish(pages === null ? { outcome: 'unreadable', reason } : { outcome: 'opened', text: '', pages, cut });
    const timer = setTimeout(() => stopped('timeout', `not opened within ${limits.timeoutMs} ms`), limits.timeoutMs);
    worker.on('message', (message: WorkerMessage) => {
      if ('error' in message) {
        if (message.opened && pages !== null) {
          finish({ outcome: 'opened', text: '', pages, cut: message.capped ? 'too_large' : 'failed' });
        } else {
          finish({ outcome: 'unreadable', reason: message.error });
        }
      } else if ('text' in message) {
        finish({
          outcome: 'opened',
          text: message.text,
          pages: message.pages,
          cut: message.capped ? 'too_large' : null,
        });
      } else {
        pages = message.opened;
      }
    });
    worker.on('error', (error: Error & { code?: string }) =>
      stopped(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'timeout', error.message),
    );
    worker.on('exit', (code) => stopped('timeout', `worker exited with ${code}`));
  });
}

/**
 * The worker. Before pdf.js is loaded, the byte-array constructors and
 * DecompressionStream it uses are replaced by ones that refuse more than
 * `maxArrayBytes`: pdf.js decodes a stream into one growing array (or collects
 * a DecompressionStream's chunks), so this bounds a decompression bomb where
 * the heap limit cannot (array bytes live outside the heap).
 */
const PDF_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let capped = false;
for (const name of ['Uint8Array', 'Uint8ClampedArray']) {
  const Base = globalThis[name];
  globalThis[name] = class extends Base {
    constructor(...args) {
      if (typeof args[0] === 'number' && args[0] > workerData.maxArrayBytes) {
        capped = true;
        throw new RangeError('array over the reading limit');
      }
      super(...args);
    }
  };
}
// pdf.js inflates through DecompressionStream when there is one, collecting every chunk.
const NativeDecompression = globalThis.DecompressionStream;
if (NativeDecompression) {
  globalThis.DecompressionStream = class {
    constructor(format) {
      const inner = new NativeDecompression(format);
      let total = 0;
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(
        new TransformStream({
          transform(chunk, controller) {
            total += chunk.byteLength;
            if (total > workerData.maxArrayBytes) {
              capped = true;
              controller.error(new RangeError('stream over the reading limit'));
            } else {
              controller.enqueue(chunk);
            }
          },
        }),
      );
    }
  };
}
let opened = false;
(async () => {
  const { getDocument } = await import(workerData.pdfjs);
  const data = new Uint8Array(fs.readFileSync(workerData.filePath));
  const doc = await getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: workerData.fonts,
    cMapUrl: workerData.cmaps,
    cMapPacked: true,
  }).promise;
  const first = await doc.getPage(1);
  opened = true;
  parentPort.postMessage({ opened: doc.numPages });
  let text = '';
  const pages = Math.min(doc.numPages, workerData.maxPages);
  for (let n = 1; n <= pages && text.length < workerData.maxChars && !capped; n++) {
    const page = n === 1 ? first : await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (typeof item.str === 'string') text += item.str + (item.hasEOL ? '\\n' : '');
    }
    page.cleanup();
    text += '\\n';
  }
  const numPages = doc.numPages;
  await doc.destroy();
  parentPort.postMessage({ text: text.slice(0, workerData.maxChars), pages: numPages, capped });
})().catch((error) =>
  parentPort.postMessage({ error: String((error && error.message) || error), opened, capped }),
);
`;
