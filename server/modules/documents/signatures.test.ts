import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PdfSignatures } from '../../../common/schemas/files';
import { errorCode, incomingInput, makeOffice, ok } from '../../test/documents';
import { makeDocx, makePdf } from '../../test/files';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { signPdfForTest } from '../../test/pdf-sign';
import { makeTestPki, type TestPki, trustDirFor } from '../../test/pki';

describe.each(testEngines())('the signatures of a document’s files, as its readers see them, on %s', (engine) => {
  let pki: TestPki;
  let signed: Buffer;
  beforeAll(() => {
    pki = makeTestPki();
    signed = signPdfForTest(signPdfForTest(makePdf('Công văn số 12-CV/TU'), pki.leader), pki.organization);
  }, 60_000);
  afterAll(() => fs.rmSync(pki.dir, { recursive: true, force: true }));

  let t: TestApp;
  let trustDir: string;
  let clock: TestClock;
  let office: Awaited<ReturnType<typeof makeOffice>>;
  beforeEach(async () => {
    trustDir = trustDirFor(pki, [pki.root], [pki.crl]);
    clock = new TestClock();
    t = await createTestApp(engine, { clock, env: { TRUST_DIR: trustDir } });
    office = await makeOffice(t);
  });
  afterEach(async () => {
    await t.close();
  });

  /** Registers an incoming document with one file; its id and the file's id. */
  async function registered(fileName: string, bytes: Buffer) {
    const uploadId = await office.clerk.api.upload(fileName, bytes);
    const { id } = ok<{ id: string }>(
      await office.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(office.incomingRegister, { uploadIds: [uploadId] }),
      ),
      201,
    );
    const view = ok<{ files: { id: string }[] }>(await office.clerk.api.get(`/api/documents/${id}`));
    return { id, fileId: view.files[0]?.id ?? '' };
  }

  it('a PDF signed by the leader and the organization: both signatures hold and are trusted', async () => {
    const { id, fileId } = await registered('Công văn 12.pdf', signed);
    const report = ok<PdfSignatures>(await office.clerk.api.get(`/api/documents/${id}/files/${fileId}/signatures`));
    expect(report.signed).toBe(true);
    expect(report.signatures.map((s) => [s.signer.name, s.intact, s.trusted, s.revoked])).toEqual([
      ['Nguyễn Văn Chứ', true, true, false],
      ['Huyện ủy Đồng Văn', true, true, false],
    ]);
    expect(Date.parse(report.checkedAt)).not.toBeNaN();
    // Asked again later, by several readers at once: the check kept answers them all.
    clock.advance(60_000);
    const again = await Promise.all(
      [1, 2, 3].map(async () =>
        ok<PdfSignatures>(await office.clerk.api.get(`/api/documents/${id}/files/${fileId}/signatures`)),
      ),
    );
    expect(again.map((r) => r.checkedAt)).toEqual([report.checkedAt, report.checkedAt, report.checkedAt]);
  });

  it('a PDF changed after signing is reported broken; a file that is not a PDF has no signature', async () => {
    const changed = Buffer.from(signed);
    changed[changed.indexOf('72 720 Td')] = '8'.charCodeAt(0);
    const bad = await registered('Đã sửa.pdf', changed);
    const report = ok<PdfSignatures>(
      await office.clerk.api.get(`/api/documents/${bad.id}/files/${bad.fileId}/signatures`),
    );
    expect(report.signatures.map((s) => s.intact)).toEqual([false, false]);
    const docx = await registered('Dự thảo.docx', makeDocx(['Dự thảo']));
    expect(
      ok<PdfSignatures>(await office.clerk.api.get(`/api/documents/${docx.id}/files/${docx.fileId}/signatures`)),
    ).toMatchObject({ signed: false, signatures: [] });
  });

  it('only the document’s readers may ask', async () => {
    const { id, fileId } = await registered('Công văn 13.pdf', signed);
    const res = await office.cellClerk.api.get(`/api/documents/${id}/files/${fileId}/signatures`);
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('documents.not_found');
  });

  it('a root the operator installs later is trusted from the next check, without a restart', async () => {
    const strange = signPdfForTest(makePdf('Thư mời'), pki.stranger);
    const { id, fileId } = await registered('Thư mời.pdf', strange);
    const url = `/api/documents/${id}/files/${fileId}/signatures`;
    expect(ok<PdfSignatures>(await office.clerk.api.get(url)).signatures[0]?.trusted).toBe(false);
    fs.copyFileSync(pki.strangerRoot, path.join(trustDir, 'roots', 'stranger.pem'));
    expect(ok<PdfSignatures>(await office.clerk.api.get(url)).signatures[0]?.trusted).toBe(true);
  });
});
