import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUser } from '../../test/factories';
import { makeDocx, makeExeWithPdfHeader, makePdf, sampleFile } from '../../test/files';
import { createTestApp, type TestApp, testConfig, testEngines } from '../../test/harness';
import { ConfigError, loadConfig } from '../config/config';
import { DomainError } from '../http/errors';
import { cleanFileName, createFileStore, type FileStore } from './file-store';
import { contentDisposition } from './send-file';

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe.each(testEngines())('file store on %s', (engine) => {
  describe.each(['disk', 'database'] as const)('kept in %s', (storage) => {
    let t: TestApp;
    let dataDir: string;
    let store: FileStore;

    beforeEach(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-files-'));
      t = await createTestApp(engine);
      store = createFileStore({
        database: t.deps.database,
        clock: t.clock,
        config: testConfig({ DATA_DIR: dataDir, FILE_STORAGE: storage }),
      });
    });
    afterEach(async () => {
      await store.close();
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const blobs = () => t.deps.database.db.selectFrom('blobs').selectAll().execute();

    it('removes at start the staged files a killed process left, and only those', async () => {
      const tempDir = storage === 'disk' ? path.join(dataDir, 'files', 'tmp') : path.join(dataDir, 'tmp');
      fs.mkdirSync(tempDir, { recursive: true });
      const old = new Date(Date.now() - 2 * 3600_000);
      for (const name of ['left.part', 'kept.txt']) {
        fs.writeFileSync(path.join(tempDir, name), 'x');
        fs.utimesSync(path.join(tempDir, name), old, old);
      }
      // Another process may still be receiving this one.
      fs.writeFileSync(path.join(tempDir, 'fresh.part'), 'x');
      expect(await store.sweepStaged(Date.now())).toBe(1);
      expect(fs.readdirSync(tempDir).sort()).toEqual(['fresh.part', 'kept.txt']);
    });

    it('stores the same bytes once, however often they are uploaded', async () => {
      const pdf = makePdf('Nghị quyết số 05');
      const user = await makeUser(t);
      const first = await store.put(Readable.from([pdf]), { fileName: 'Nghị quyết số 05.pdf', maxBytes: 1_000_000 });
      const second = await store.put(Readable.from([pdf.subarray(0, 10), pdf.subarray(10)]), {
        fileName: 'bản sao.pdf',
        maxBytes: 1_000_000,
      });
      expect(second.sha256).toBe(first.sha256);
      expect(first).toMatchObject({
        size: pdf.length,
        contentType: 'application/pdf',
        fileName: 'Nghị quyết số 05.pdf',
      });
      const a = await store.recordUpload(user.id, first);
      const b = await store.recordUpload(user.id, second);
      expect(a.id).not.toBe(b.id);

      const rows = await blobs();
      expect(rows).toHaveLength(1);
      const onDisk = filesUnder(path.join(dataDir, 'files'));
      if (storage === 'disk') {
        expect(onDisk).toEqual([path.join(first.sha256.slice(0, 2), first.sha256)]);
        expect(rows[0]?.data).toBeNull();
      } else {
        expect(onDisk).toEqual([]);
        expect(Buffer.from(rows[0]?.data ?? []).equals(pdf)).toBe(true);
      }
      expect(store.stats().bytesWritten).toBe(pdf.length);
      expect(filesUnder(path.join(dataDir, 'tmp'))).toEqual([]);

      const opened = await store.open(first.sha256);
      expect(opened.size).toBe(pdf.length);
      expect(opened.contentType).toBe('application/pdf');
      expect(Buffer.from(await text(opened.stream), 'latin1').equals(pdf)).toBe(true);
      expect(await store.textOf(first.sha256)).toBe('nghi quyet so 05');
    });

    it('reads a PDF once: the same bytes again take what was read then, a PDF with no text is read again', async () => {
      const pdf = makePdf('Công văn gửi 500 xã');
      const scan = makePdf('');
      for (let i = 0; i < 3; i++) {
        const got = await store.put(Readable.from([pdf]), {
          fileName: `bản ${i}.pdf`,
          maxBytes: 1_000_000,
          reuseReading: true,
        });
        expect(got).toMatchObject({ contentType: 'application/pdf', fileName: `bản ${i}.pdf`, warnings: [] });
      }
      expect(store.stats().pdfReadings).toBe(1);
      expect(await store.textOf(createHash('sha256').update(pdf).digest('hex'))).toBe('cong van gui 500 xa');
      // The same bytes with junk before the header are other bytes: read, and the junk told.
      const junk = await store.receive(Readable.from([Buffer.from('junk\n'), pdf]), {
        fileName: 'lạ.pdf',
        maxBytes: 1_000_000,
        reuseReading: true,
      });
      expect(junk.warnings.map((w) => w.code)).toEqual(['files.pdf_header_moved']);
      await junk.discard();
      expect(store.stats().pdfReadings).toBe(2);
      await store.put(Readable.from([scan]), { fileName: 'scan.pdf', maxBytes: 1_000_000, reuseReading: true });
      await store.put(Readable.from([scan]), { fileName: 'scan.pdf', maxBytes: 1_000_000, reuseReading: true });
      expect(store.stats().pdfReadings).toBe(4);
      // Unless asked, the database is not asked: a stored PDF is read again.
      await store.put(Readable.from([pdf]), { fileName: 'lại.pdf', maxBytes: 1_000_000 });
      expect(store.stats().pdfReadings).toBe(5);
    });

    it('refuses a file over the limit as soon as it passes it, leaving nothing behind', async () => {
      let sent = 0;
      // An endless source: the store must stop reading, not wait for the end.
      const endless = new Readable({
        read() {
          sent += 64 * 1024;
          this.push(Buffer.alloc(64 * 1024, 0x25));
        },
      });
      expect(await refusal(store.put(endless, { fileName: 'lớn.pdf', maxBytes: 200_000 }))).toBe('files.too_large');
      expect(sent).toBeLessThan(1_000_000);
      expect(await blobs()).toEqual([]);
      expect(filesUnder(dataDir)).toEqual([]);
      expect(store.stats().bytesWritten).toBe(0);
    });

    it('refuses an empty or disguised file, leaving nothing behind', async () => {
      expect(await refusal(store.put(Readable.from([]), { fileName: 'rỗng.pdf', maxBytes: 1000 }))).toBe('files.empty');
      expect(
        await refusal(store.put(Readable.from([makeExeWithPdfHeader()]), { fileName: 'ảnh.pdf', maxBytes: 10_000 })),
      ).toBe('files.program_refused');
      expect(await blobs()).toEqual([]);
      expect(filesUnder(dataDir)).toEqual([]);
    });

    it('keeps the text of a DOCX, folded', async () => {
      const docx = makeDocx(['Đảng ủy Đồng Văn']);
      const stored = await store.put(Readable.from([docx]), { fileName: 'Báo cáo.docx', maxBytes: 1_000_000 });
      expect(await store.textOf(stored.sha256)).toBe('dang uy dong van');
    });

    it('hands uploads only to their owner, once, inside the caller transaction', async () => {
      const owner = await makeUser(t);
      const other = await makeUser(t);
      const stored = await store.put(Readable.from([sampleFile('png')]), { fileName: 'ảnh.png', maxBytes: 10_000 });
      const upload = await store.recordUpload(owner.id, stored);

      expect(await refusal(store.takeUploads(t.deps.database.db, other.id, [upload.id]))).toBe(
        'files.upload_not_found',
      );
      expect(await refusal(store.takeUploads(t.deps.database.db, owner.id, [upload.id, 'khong-co']))).toBe(
        'files.upload_not_found',
      );
      // A transaction that fails gives the upload back.
      // The upload taken inside is read out of the transaction: an assertion inside it would be
      // swallowed with the rollback.
      let takenInside: unknown = null;
      await expect(
        t.deps.database.db.transaction().execute(async (trx) => {
          takenInside = await store.takeUploads(trx, owner.id, [upload.id]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(takenInside).toEqual([upload]);
      const taken = await t.deps.database.db
        .transaction()
        .execute((trx) => store.takeUploads(trx, owner.id, [upload.id, upload.id]));
      expect(taken).toEqual([upload]);
      expect(await refusal(store.takeUploads(t.deps.database.db, owner.id, [upload.id]))).toBe(
        'files.upload_not_found',
      );
      // The bytes stay for the record that took them.
      const opened = await store.open(upload.sha256);
      expect(opened.size).toBe(upload.size);
      opened.stream.destroy();
    });

    it('answers files.not_found for bytes it does not hold', async () => {
      expect(await refusal(store.open('0'.repeat(64)))).toBe('files.not_found');
      expect(await refusal(store.open('../../etc/passwd'))).toBe('files.not_found');
    });
  });
});

describe('file names', () => {
  it('keeps a Vietnamese name and drops folders and hidden characters', () => {
    expect(cleanFileName('C:\\Users\\van thu\\Nghị quyết số 05.pdf')).toBe('Nghị quyết số 05.pdf');
    expect(cleanFileName('báo\u202Efdp.exe')).toBe('báofdp.exe');
    expect(cleanFileName('  ')).toBe('tep-khong-ten');
    const long = cleanFileName(`${'Đ'.repeat(400)}.docx`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('says the name in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('Nghị quyết số 05.pdf', true)).toBe(
      `inline; filename="Nghi quyet so 05.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%20s%E1%BB%91%2005.pdf`,
    );
    expect(contentDisposition('Đề "án" (1).docx', false)).toBe(
      `attachment; filename="De _an_ (1).docx"; filename*=UTF-8''%C4%90%E1%BB%81%20%22%C3%A1n%22%20%281%29.docx`,
    );
  });
});

describe('file settings', () => {
  it('keep files on disk with SQLite and in the database with PostgreSQL, unless told', () => {
    const sqlite = loadConfig({ DATA_DIR: '/srv/vanphong' });
    expect(sqlite.files).toEqual({
      storage: 'disk',
      dir: '/srv/vanphong/files',
      types: expect.arrayContaining(['pdf']),
    });
    expect(sqlite.files.types).toHaveLength(11);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/vp' }).files.storage).toBe('database');
    const shared = loadConfig({ DATABASE_URL: 'postgres://db/vp', FILE_STORAGE: 'disk', FILES_DIR: '/mnt/chung' });
    expect(shared.files).toMatchObject({ storage: 'disk', dir: '/mnt/chung' });
  });

  it('take a list of short type names and refuse unknown ones', () => {
    expect(loadConfig({ FILE_TYPES: ' PDF, docx,pdf ' }).files.types).toEqual(['pdf', 'docx']);
    expect(() => loadConfig({ FILE_TYPES: 'pdf,exe' })).toThrow(ConfigError);
    expect(() => loadConfig({ FILE_TYPES: ' , ' })).toThrow(ConfigError);
  });
});
