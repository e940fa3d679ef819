import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/factories';
import {
  makeDocx,
  makeDocxCarrying,
  makeExe,
  makeExeWithPdfHeader,
  makeHta,
  makeJar,
  makePdf,
  multipart,
  type Part,
  sampleFile,
} from '../../test/files';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

describe.each(testEngines())('POST /api/files on %s', (engine) => {
  let t: TestApp;
  let dataDir: string;
  let cookie: string;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-upload-'));
    t = await createTestApp(engine, { env: { DATA_DIR: dataDir, UPLOAD_LIMIT_BYTES: '4096' } });
    cookie = (await signedInAs(t, 'clerk')).cookie;
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (parts: Part[], who = cookie) => {
    const body = multipart(parts);
    return t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...body.headers, cookie: who },
      payload: body.payload,
    });
  };
  const nothingStored = async () => {
    expect(await t.deps.database.db.selectFrom('blobs').select('sha256').execute()).toEqual([]);
    expect(await t.deps.database.db.selectFrom('file_uploads').select('id').execute()).toEqual([]);
    expect(filesUnder(dataDir)).toEqual([]);
  };

  it('takes one file and answers with the upload; the sender can fetch it back', async () => {
    const pdf = makePdf('Nghị quyết');
    const res = await upload([{ fileName: 'Nghị quyết số 05.pdf', data: pdf }]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      fileName: 'Nghị quyết số 05.pdf',
      size: pdf.length,
      contentType: 'application/pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      warnings: [],
    });

    const got = await t.app.inject({ url: `/api/files/${body.id}?inline=1`, headers: { cookie } });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(pdf.length));
    expect(got.headers['content-disposition']).toBe(
      `inline; filename="Nghi quyet so 05.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%20s%E1%BB%91%2005.pdf`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('private, no-store');
    // The app's page policy forbids plugins; a file answers with its own, letting the PDF viewer in.
    expect(got.headers['content-security-policy']).toContain("object-src 'self'");
    expect(got.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('never shows an office document inline', async () => {
    const res = await upload([{ fileName: 'Báo cáo.docx', data: makeDocx(['Báo cáo']) }]);
    const got = await t.app.inject({ url: `/api/files/${res.json().id}?inline=1`, headers: { cookie } });
    expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    expect(got.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('keeps the same bytes once for two uploads', async () => {
    const png = sampleFile('png');
    const a = await upload([{ fileName: 'ảnh.png', data: png }]);
    const b = await upload([{ fileName: 'ảnh 2.png', data: png }]);
    expect(a.json().id).not.toBe(b.json().id);
    expect(await t.deps.database.db.selectFrom('blobs').select('sha256').execute()).toHaveLength(1);
    expect(await t.deps.database.db.selectFrom('file_uploads').select('id').execute()).toHaveLength(2);
  });

  it("does not show one person's upload to another", async () => {
    const res = await upload([{ fileName: 'ảnh.png', data: sampleFile('png') }]);
    const other = (await signedInAs(t, 'clerk')).cookie;
    const got = await t.app.inject({ url: `/api/files/${res.json().id}`, headers: { cookie: other } });
    expect(got.statusCode).toBe(404);
    expect(got.json().error.code).toBe('files.upload_not_found');
  });

  it('refuses anonymous senders', async () => {
    const body = multipart([{ fileName: 'a.pdf', data: makePdf('x') }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', ...body });
    expect(res.statusCode).toBe(401);
    await nothingStored();
  });

  it.each([
    ['a program with a PDF header named invoice.scr', [{ fileName: 'invoice.scr', data: makeExeWithPdfHeader() }]],
    ['a web page with a PDF header named page.hta', [{ fileName: 'page.hta', data: makeHta() }]],
    ['a Java archive', [{ fileName: 'app.jar', data: makeJar(), contentType: 'application/pdf' }]],
    ['a DOCX carrying a program', [{ fileName: 'Báo cáo.docx', data: makeDocxCarrying('word/embeddings/a.exe') }]],
    ['a program named .pdf', [{ fileName: 'Công văn.pdf', data: makeExe(), contentType: 'application/pdf' }]],
  ] as [string, Part[]][])('refuses %s as a program and stores nothing', async (_what, parts) => {
    const res = await upload(parts);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('files.program_refused');
    expect(res.json().error.message).toMatch(/không nhận chương trình/);
    await nothingStored();
  });

  it('refuses a file that starts like a PDF but does not open as one', async () => {
    const res = await upload([
      { fileName: 'hỏng.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 65)]) },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('files.pdf_damaged');
    await nothingStored();
  });

  it('keeps a DOCX named app.jar as app.docx, tells the sender, and offers it for download as app.docx', async () => {
    const res = await upload([
      { fileName: 'app.jar', data: makeDocx(['Báo cáo']), contentType: 'application/java-archive' },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: 'app.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      warnings: [{ code: 'files.renamed', message: expect.stringContaining('đã được đổi tên thành "app.docx"') }],
    });
    const got = await t.app.inject({ url: `/api/files/${res.json().id}`, headers: { cookie } });
    expect(got.headers['content-disposition']).toBe(`attachment; filename="app.docx"; filename*=UTF-8''app.docx`);
  });

  it('keeps a PNG named .pdf under its real ending', async () => {
    const res = await upload([{ fileName: 'Công văn.pdf', data: sampleFile('png') }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('Công văn.png');
    expect(res.json().contentType).toBe('image/png');
  });

  it.each([
    ['a program', [{ fileName: 'setup.exe', data: makeExe() }], 415, 'files.program_refused'],
    ['an empty file', [{ fileName: 'rỗng.pdf', data: '' }], 400, 'files.empty'],
    [
      'a file over the limit',
      [{ fileName: 'lớn.pdf', data: Buffer.concat([makePdf('x'), Buffer.alloc(5000)]) }],
      413,
      'files.too_large',
    ],
    ['no file', [{ data: 'chỉ có ghi chú' }], 400, 'files.no_file'],
    [
      'two files',
      [
        { fileName: 'a.pdf', data: makePdf('a') },
        { fileName: 'b.pdf', data: makePdf('b') },
      ],
      400,
      'files.too_many',
    ],
  ] as [string, Part[], number, string][])('refuses %s and stores nothing', async (_what, parts, status, code) => {
    const res = await upload(parts);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/[ệốạảờ]/);
    await nothingStored();
  });

  it('refuses a request that is not multipart', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie }, payload: { file: 'x' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('files.not_multipart');
    await nothingStored();
  });
});
