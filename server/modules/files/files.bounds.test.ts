import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/factories';
import { makePdf, makePdfBomb, multipart } from '../../test/files';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

/** 256 MB of zeros in one content stream, about 0.25 MB on the wire: far past any limit on reading. */
const BOMB_DECODED_BYTES = 256 * 1024 * 1024;

describe.each(testEngines())('reading the text of a hostile PDF is bounded on %s', (engine) => {
  let t: TestApp;
  let dataDir: string;
  let cookie: string;
  let bomb: Buffer;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-bounds-'));
    t = await createTestApp(engine, { env: { DATA_DIR: dataDir } });
    cookie = (await signedInAs(t, 'clerk')).cookie;
    bomb = await makePdfBomb(BOMB_DECODED_BYTES);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (fileName: string, data: Buffer, as = cookie) => {
    const body = multipart([{ fileName, data }]);
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...body.headers, cookie: as },
      payload: body.payload,
    });
    return { res, ms: Date.now() - started };
  };

  it('stores a decompression bomb without its text, quickly and in little memory, while a normal upload goes on', async () => {
    expect(bomb.length).toBeLessThan(400_000);
    // A normal upload first, for the measure of normal.
    const normal = await upload('Nghị quyết.pdf', makePdf('Nghị quyết Đảng ủy'));
    expect(normal.res.statusCode).toBe(201);

    // Someone else's upload at the same moment: one sender's files are read one at a time, so
    // the sender's own second file would wait for the bomb, however slow the machine is.
    const other = (await signedInAs(t, 'clerk')).cookie;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const [hostile, alongside] = await Promise.all([
      upload('Hồ sơ.pdf', bomb),
      upload('Tờ trình.pdf', makePdf('Tờ trình số 12'), other),
    ]).finally(() => clearInterval(sampler));

    // The hostile file is kept, without its text, and its sender is told.
    expect(hostile.res.statusCode).toBe(201);
    expect(hostile.res.json().warnings).toEqual([
      { code: 'files.text_not_read', message: expect.stringContaining('quá lớn so với giới hạn đọc') },
    ]);
    const { sha256 } = hostile.res.json();
    expect(await t.deps.files.textOf(sha256)).toBeNull();
    // The upload made alongside is read as usual.
    expect(alongside.res.statusCode).toBe(201);
    expect(alongside.res.json().warnings).toEqual([]);
    expect(await t.deps.files.textOf(alongside.res.json().sha256)).toBe('to trinh so 12');
    // Unbounded, pdf.js inflates all 256 MB (twice over while joining) and reads 20 s; bounded, it
    // stops at 32 MB. The sum covers a loaded machine's slow worker start many times over.
    expect(hostile.ms).toBeLessThan(Math.max(15_000, 20 * normal.ms));
    expect(alongside.ms).toBeLessThan(Math.max(15_000, 20 * normal.ms));
    expect((peak - before) / (1024 * 1024)).toBeLessThan(200);
    expect(t.deps.files.pdfLoad()).toEqual({ running: 0, waiting: 0 });
  }, 60_000);

  it("one sender's six hostile files in flight leave another person's upload read as usual", async () => {
    const other = (await signedInAs(t, 'clerk')).cookie;
    const hostile = Array.from({ length: 6 }, (_, i) => upload(`Hồ sơ ${i}.pdf`, bomb));
    // Let the hostile uploads reach the readers first, as an attacker's would.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const normal = await upload('Báo cáo.pdf', makePdf('Báo cáo quý 4'), other);
    expect(normal.res.statusCode).toBe(201);
    // Its text was read, not skipped because every reading was taken by the attacker.
    expect(normal.res.json().warnings).toEqual([]);
    expect(await t.deps.files.textOf(normal.res.json().sha256)).toBe('bao cao quy 4');
    for (const h of await Promise.all(hostile)) expect(h.res.statusCode).toBe(201);
    expect(t.deps.files.pdfLoad()).toEqual({ running: 0, waiting: 0 });
  }, 60_000);
});
