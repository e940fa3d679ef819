import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePdfBomb } from '../../test/files';
import { createPdfReader, DEFAULT_PDF_LIMITS, type PdfLimits, type PdfReader } from './pdf-reader';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-pdf-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function onDisk(bytes: Buffer | string): string {
  const file = path.join(dir, `f${n++}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

const readers: PdfReader[] = [];
function reader(limits: Partial<PdfLimits> = {}): PdfReader {
  const made = createPdfReader({ ...DEFAULT_PDF_LIMITS, ...limits });
  readers.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

async function textOf(pdf: PdfReader, file: string, sender?: string): Promise<string | null> {
  const reading = await pdf.read(file, sender);
  return reading.outcome === 'opened' && reading.cut === null ? reading.text.trim() : null;
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('PDF readings share kept worker threads', () => {
  let bomb: string;
  beforeAll(async () => {
    // 64 MB of zeros in one stream, past a 1 MB cap on decoded bytes.
    bomb = onDisk(await makePdfBomb(64 * 1024 * 1024));
  }, 60_000);

  it('reads one file after another in the same worker', async () => {
    const pdf = reader();
    expect(await textOf(pdf, onDisk(makePdf('Nghị quyết số 05')))).toBe('Nghị quyết số 05');
    expect(await textOf(pdf, onDisk(makePdf('Tờ trình số 12')))).toBe('Tờ trình số 12');
    expect(await textOf(pdf, onDisk(makePdf('Giấy mời họp')))).toBe('Giấy mời họp');
    expect(pdf.workers()).toEqual({ started: 1, alive: 1 });
  });

  it('starts no more workers than readings at once, and reuses them', async () => {
    const pdf = reader({ concurrency: 2 });
    const files = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu'].map((word) => onDisk(makePdf(word)));
    const texts = await Promise.all(files.map((file, i) => textOf(pdf, file, `sender ${i % 3}`)));
    expect(texts).toEqual(['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu']);
    expect(pdf.workers().started).toBeLessThanOrEqual(2);
    expect(pdf.workers().alive).toBeLessThanOrEqual(2);
  });

  it('after a decompression bomb, reads the next file in a fresh worker', async () => {
    const pdf = reader({ maxArrayBytes: 1024 * 1024 });
    expect(await textOf(pdf, onDisk(makePdf('Trước')))).toBe('Trước');
    expect(await pdf.read(bomb)).toEqual({ outcome: 'opened', text: '', pages: 1, cut: 'too_large' });
    // The worker that met the bomb is not kept.
    expect(pdf.workers()).toEqual({ started: 1, alive: 0 });
    expect(await textOf(pdf, onDisk(makePdf('Sau quả bom')))).toBe('Sau quả bom');
    expect(pdf.workers()).toEqual({ started: 2, alive: 1 });
  });

  it('after a reading that ran out of time, reads the next file in a fresh worker', async () => {
    // Too short for any reading: the first one is stopped and its worker ended.
    const pdf = reader({ timeoutMs: 1 });
    expect(await pdf.read(onDisk(makePdf('Chậm')))).toMatchObject({ outcome: 'unreadable' });
    expect(pdf.workers()).toEqual({ started: 1, alive: 0 });
    const patient = reader();
    expect(await textOf(patient, onDisk(makePdf('Kịp')))).toBe('Kịp');
    expect(patient.workers()).toEqual({ started: 1, alive: 1 });
  });

  it('after a file pdf.js cannot open, reads the next one in a fresh worker', async () => {
    const pdf = reader();
    expect(await pdf.read(onDisk(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x41)])))).toMatchObject({
      outcome: 'unreadable',
    });
    expect(await textOf(pdf, onDisk(makePdf('Hợp lệ')))).toBe('Hợp lệ');
    expect(pdf.workers()).toEqual({ started: 2, alive: 1 });
  });

  it('ends a worker after its number of readings', async () => {
    const pdf = reader({ readingsPerWorker: 2 });
    for (const word of ['Một', 'Hai', 'Ba', 'Bốn', 'Năm']) expect(await textOf(pdf, onDisk(makePdf(word)))).toBe(word);
    // Readings 1–2 in the first worker, 3–4 in the second, 5 in the third.
    expect(pdf.workers()).toEqual({ started: 3, alive: 1 });
  });

  it('ends a worker left idle, and starts one again when a file comes', async () => {
    const pdf = reader({ idleMs: 150 });
    expect(await textOf(pdf, onDisk(makePdf('Sáng')))).toBe('Sáng');
    expect(pdf.workers().alive).toBe(1);
    await until(() => pdf.workers().alive === 0, 5_000);
    expect(pdf.workers()).toEqual({ started: 1, alive: 0 });
    expect(await textOf(pdf, onDisk(makePdf('Chiều')))).toBe('Chiều');
    expect(pdf.workers()).toEqual({ started: 2, alive: 1 });
  });

  it.runIf(process.platform === 'linux')(
    "reads text without loading pdf.js's rendering engine, whose threads and memory it would keep",
    () => {
      // In a process of its own: other test files in this one may load the engine for their own use.
      const file = onDisk(makePdf('Không vẽ gì'));
      const script = `
        import fs from 'node:fs';
        import { createPdfReader } from ${JSON.stringify(path.join(import.meta.dirname, 'pdf-reader.ts'))};
        const reader = createPdfReader();
        const reading = await reader.read(${JSON.stringify(file)});
        const threads = fs.readdirSync('/proc/self/task').map((t) => fs.readFileSync('/proc/self/task/' + t + '/comm', 'utf8').trim());
        await reader.close();
        console.log(JSON.stringify({ text: reading.text?.trim(), threads }));`;
      const main = path.join(dir, 'read-once.mjs');
      fs.writeFileSync(main, script);
      const out = execFileSync(process.execPath, ['--import', 'tsx', main], { encoding: 'utf8' });
      const { text, threads } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        text: string;
        threads: string[];
      };
      expect(text, out).toBe('Không vẽ gì');
      expect(threads.filter((name) => name.startsWith('tokio'))).toEqual([]);
    },
    30_000,
  );

  it('close ends the kept workers', async () => {
    const pdf = reader();
    expect(await textOf(pdf, onDisk(makePdf('Đóng')))).toBe('Đóng');
    await pdf.close();
    expect(pdf.workers()).toEqual({ started: 1, alive: 0 });
    expect(pdf.load()).toEqual({ running: 0, waiting: 0 });
  });
});
