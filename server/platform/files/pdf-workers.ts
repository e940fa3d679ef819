import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfLimits, PdfReading, TextCut } from './pdf-reader';

const MAX_PDF_PAGES = 2000;

export interface PdfWorkers {
  /** Reads one file in a kept worker, or a new one when none is free; the caller bounds how many at once. */
  read(filePath: string): Promise<PdfReading>;
  /** Workers started since creation, alive now, and idle among them. */
  stats(): { started: number; alive: number; idle: number };
  /** Ends every worker; a reading in hand is answered as stopped. Later readings start new ones. */
  close(): Promise<void>;
}

type WorkerMessage =
  | { opened: number }
  | { text: string; pages: number; capped: boolean }
  | { error: string; opened: boolean; capped: boolean };

interface Kept {
  worker: Worker;
  readings: number;
  idleTimer: NodeJS.Timeout | undefined;
  /** The reading in hand, told of each message and of the worker's death. */
  onMessage: ((message: WorkerMessage) => void) | null;
  onDeath: ((cut: TextCut, reason: string) => void) | null;
}

const requireHere = createRequire(import.meta.url);

/**
 * pdf.js worker threads kept between readings: loading and compiling pdf.js is
 * most of a small file's reading, so a worker that read a file cleanly waits
 * for the next one. A worker whose reading failed, hit a limit or ran out of
 * time is ended rather than reused (a hostile file may leave state behind), as
 * is one that read `readingsPerWorker` files (pdf.js's caches stay bounded) or
 * sat idle for `idleMs` (an idle server gives the memory back). An idle worker
 * never keeps the process alive.
 */
export function createPdfWorkers(limits: PdfLimits): PdfWorkers {
  const alive = new Set<Kept>();
  const idle: Kept[] = [];
  let started = 0;
  const pdfjsRoot = path.dirname(requireHere.resolve('pdfjs-dist/package.json'));
  const paths = {
    pdfjs: pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href,
    fonts: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
    cmaps: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
  };

  function spawn(): Kept {
    const worker = new Worker(PDF_WORKER, {
      eval: true,
      workerData: { ...paths, maxArrayBytes: limits.maxArrayBytes },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    // Whatever pdf.js prints is dropped, not gathered for the worker's whole life.
    worker.stdout.resume();
    worker.stderr.resume();
    const kept: Kept = { worker, readings: 0, idleTimer: undefined, onMessage: null, onDeath: null };
    started++;
    alive.add(kept);
    worker.on('message', (message: WorkerMessage) => kept.onMessage?.(message));
    worker.on('error', (error: Error & { code?: string }) => {
      void end(kept);
      kept.onDeath?.(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'timeout', error.message);
    });
    worker.on('exit', (code) => {
      void end(kept);
      kept.onDeath?.('timeout', `worker exited with ${code}`);
    });
    return kept;
  }

  function end(kept: Kept): Promise<unknown> {
    clearTimeout(kept.idleTimer);
    const at = idle.indexOf(kept);
    if (at >= 0) idle.splice(at, 1);
    if (!alive.delete(kept)) return Promise.resolve();
    return kept.worker.terminate();
  }

  function rest(kept: Kept): void {
    kept.worker.unref();
    kept.idleTimer = setTimeout(() => void end(kept), limits.idleMs);
    kept.idleTimer.unref();
    idle.push(kept);
  }

  function read(filePath: string): Promise<PdfReading> {
    // The most recently used first, so a worker beyond the load of the moment goes idle and ends.
    const kept = idle.pop() ?? spawn();
    clearTimeout(kept.idleTimer);
    kept.worker.ref();
    return new Promise<PdfReading>((resolve) => {
      let pages: number | null = null;
      const settle = (reading: PdfReading, clean: boolean) => {
        clearTimeout(timer);
        kept.onMessage = null;
        kept.onDeath = null;
        kept.readings++;
        if (clean && alive.has(kept) && kept.readings < limits.readingsPerWorker) rest(kept);
        else void end(kept);
        resolve(reading);
      };
      // Stopped early: a file that opened is still a PDF, only its text is missing.
      const stopped = (cut: TextCut, reason: string) =>
        settle(pages === null ? { outcome: 'unreadable', reason } : { outcome: 'opened', text: '', pages, cut }, false);
      const timer = setTimeout(() => stopped('timeout', `not opened within ${limits.timeoutMs} ms`), limits.timeoutMs);
      kept.onDeath = stopped;
      kept.onMessage = (message) => {
        if ('error' in message) {
          if (message.opened && pages !== null) {
            settle({ outcome: 'opened', text: '', pages, cut: message.capped ? 'too_large' : 'failed' }, false);
          } else {
            settle({ outcome: 'unreadable', reason: message.error }, false);
          }
        } else if ('text' in message) {
          const cut = message.capped ? 'too_large' : null;
          settle({ outcome: 'opened', text: message.text, pages: message.pages, cut }, cut === null);
        } else {
          pages = message.opened;
        }
      };
      kept.worker.postMessage({
        filePath,
        maxChars: limits.maxChars,
        maxPages: MAX_PDF_PAGES,
        maxArrayBytes: limits.maxArrayBytes,
      });
    });
  }

  return {
    read,
    stats: () => ({ started, alive: alive.size, idle: idle.length }),
    close: async () => {
      await Promise.all([...alive].map(end));
    },
  };
}

/**
 * The worker: loads pdf.js once, then reads one file per message. Before
 * pdf.js is loaded, the byte-array constructors and DecompressionStream it
 * uses are replaced by ones that refuse more than the job's `maxArrayBytes`:
 * pdf.js decodes a stream into one growing array (or collects a
 * DecompressionStream's chunks), so this bounds a decompression bomb where the
 * heap limit cannot (array bytes live outside the heap). `capped` is reset for
 * each job; a worker whose job was capped is ended by the reader anyway.
 */
const PDF_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let capped = false;
let maxArrayBytes = workerData.maxArrayBytes;
for (const name of ['Uint8Array', 'Uint8ClampedArray']) {
  const Base = globalThis[name];
  globalThis[name] = class extends Base {
    constructor(...args) {
      if (typeof args[0] === 'number' && args[0] > maxArrayBytes) {
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
            if (total > maxArrayBytes) {
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
// Reading text draws nothing: pdf.js's rendering engine (Skia with its own threads, tens of
// megabytes per worker) is not loaded here. pdf.js builds one matrix when it loads; a matrix
// with no operations stands in for it, so any attempt to draw fails loudly, never silently.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === '@napi-rs/canvas') throw new Error('no rendering in a text reader');
  return load.call(this, request, ...rest);
};
globalThis.DOMMatrix ??= class DOMMatrix {};
const pdfjs = import(workerData.pdfjs);
pdfjs.catch(() => {});
async function read(job, state) {
  const { getDocument } = await pdfjs;
  const data = new Uint8Array(fs.readFileSync(job.filePath));
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
  try {
    const first = await doc.getPage(1);
    state.opened = true;
    parentPort.postMessage({ opened: doc.numPages });
    let text = '';
    const pages = Math.min(doc.numPages, job.maxPages);
    for (let n = 1; n <= pages && text.length < job.maxChars && !capped; n++) {
      const page = n === 1 ? first : await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (typeof item.str === 'string') text += item.str + (item.hasEOL ? '\\n' : '');
      }
      page.cleanup();
      text += '\\n';
    }
    return { text: text.slice(0, job.maxChars), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', (job) => {
  capped = false;
  maxArrayBytes = job.maxArrayBytes;
  const state = { opened: false };
  read(job, state).then(
    (done) => parentPort.postMessage({ ...done, capped }),
    (error) => parentPort.postMessage({ error: String((error && error.message) || error), opened: state.opened, capped }),
  );
});
`;
