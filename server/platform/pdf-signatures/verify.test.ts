import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../test/files';
import { signPdfForTest } from '../../test/pdf-sign';
import { makeTestPki, type TestPki, trustDirFor } from '../../test/pki';
import { findSignatures, MAX_SIGNATURE_FIELDS, pdfDate } from './find';
import { EMPTY_TRUST, loadTrustStore, type TrustStore } from './trust';
import { verifyPdfSignatures } from './verify';

/** What poppler's pdfsig, an independent verifier, says of each signature: valid or not. */
function pdfsig(file: string): string[] {
  const out = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
  return [...out.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1] ?? '');
}

describe('digital signatures in a PDF, checked against what the operator trusts', () => {
  let pki: TestPki;
  let trust: TrustStore;
  let twice: Buffer;
  const file = (name: string, bytes: Buffer) => {
    const at = path.join(pki.dir, name);
    fs.writeFileSync(at, bytes);
    return at;
  };

  beforeAll(() => {
    pki = makeTestPki();
    trust = loadTrustStore(trustDirFor(pki, [pki.root], [pki.crl]));
    const draft = makePdf('Nghị quyết số 05-NQ/HU');
    twice = signPdfForTest(signPdfForTest(draft, pki.leader, { name: 'Nguyễn Văn Chứ' }), pki.organization, {
      name: 'Huyện ủy Đồng Văn',
    });
  }, 60_000);
  afterAll(() => fs.rmSync(pki.dir, { recursive: true, force: true }));

  it("the leader's signature, then the organization's in an update: both hold, here and in pdfsig", async () => {
    const report = await verifyPdfSignatures(twice, trust);
    expect(report.signed).toBe(true);
    expect(report.signatures).toHaveLength(2);
    const [leader, organization] = report.signatures;
    expect(leader).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      signer: { name: 'Nguyễn Văn Chứ', organization: 'Huyện ủy Đồng Văn' },
      issuer: { name: 'CA cấp dưới thử nghiệm', organization: 'Ban Cơ yếu thử nghiệm' },
      intact: true,
      coversWholeDocument: false,
      changedAfterSigning: false,
      trusted: true,
      validAtSigningTime: true,
      revoked: false,
    });
    expect(organization).toMatchObject({
      signer: { name: 'Huyện ủy Đồng Văn' },
      intact: true,
      coversWholeDocument: true,
      trusted: true,
      revoked: false,
      problems: ['Thời điểm ký do phần mềm của người ký ghi, chưa có dấu thời gian tin cậy xác nhận.'],
    });
    expect(Math.abs(Date.parse(organization?.signingTime ?? '') - Date.now())).toBeLessThan(10 * 60_000);
    expect(pdfsig(file('twice.pdf', twice))).toEqual(['Signature is Valid.', 'Signature is Valid.']);
  });

  it('one byte changed after signing breaks both signatures, here and in pdfsig', async () => {
    const changed = Buffer.from(twice);
    const at = changed.indexOf('72 720 Td');
    changed[at] = '8'.charCodeAt(0);
    const report = await verifyPdfSignatures(changed, trust);
    expect(report.signatures.map((s) => s.intact)).toEqual([false, false]);
    expect(report.signatures[1]?.problems).toContain(
      'Chữ ký không hợp lệ: nội dung đã bị thay đổi sau khi ký, hoặc chữ ký bị hỏng.',
    );
    expect(pdfsig(file('changed.pdf', changed))).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);
  });

  it('an RSA-PSS signature holds too, and breaks with one byte changed', async () => {
    const signed = signPdfForTest(makePdf('Quyết định'), pki.leader, { pss: true });
    expect((await verifyPdfSignatures(signed, trust)).signatures[0]).toMatchObject({ intact: true, trusted: true });
    const changed = Buffer.from(signed);
    changed[changed.indexOf('72 720 Td')] = '8'.charCodeAt(0);
    expect((await verifyPdfSignatures(changed, trust)).signatures[0]).toMatchObject({ intact: false });
  });

  it('a certificate of a CA the operator did not install: intact, not trusted', async () => {
    const signed = signPdfForTest(makePdf('Công văn'), pki.stranger);
    const [one] = (await verifyPdfSignatures(signed, trust)).signatures;
    expect(one).toMatchObject({ intact: true, trusted: false, revoked: null, signer: { name: 'Người lạ' } });
    expect(one?.problems).toContain(
      'Chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực nào được tin cậy trên máy chủ này.',
    );
    // Installed, the same signature is trusted.
    const both = loadTrustStore(trustDirFor(pki, [pki.root, pki.strangerRoot], []));
    expect((await verifyPdfSignatures(signed, both)).signatures[0]).toMatchObject({ trusted: true, revoked: null });
  });

  it('a revoked certificate is reported revoked and not trusted; without the CRL, revocation is unknown', async () => {
    const signed = signPdfForTest(makePdf('Tờ trình'), pki.revoked);
    const [one] = (await verifyPdfSignatures(signed, trust)).signatures;
    expect(one).toMatchObject({ intact: true, trusted: false, revoked: true });
    expect(one?.problems).toContain('Chứng thư số đã bị thu hồi.');
    const noCrl = loadTrustStore(trustDirFor(pki, [pki.root], []));
    expect((await verifyPdfSignatures(signed, noCrl)).signatures[0]).toMatchObject({ trusted: true, revoked: null });
  });

  it('something appended after the only signature is told apart from a later signature over it', async () => {
    const single = signPdfForTest(makePdf('Nghị quyết'), pki.leader);
    const appended = Buffer.concat([single, Buffer.from('\n% thêm sau khi ký\n', 'latin1')]);
    expect((await verifyPdfSignatures(appended, trust)).signatures[0]).toMatchObject({
      intact: true,
      coversWholeDocument: false,
      changedAfterSigning: true,
    });
    expect((await verifyPdfSignatures(twice, trust)).signatures.map((s) => s.changedAfterSigning)).toEqual([
      false,
      false,
    ]);
  });

  it('a certificate issued by one that is no authority is not trusted, though each signature holds', async () => {
    // The leader's own certificate (CA:false) used to issue one for a made-up minister.
    const key = path.join(pki.dir, 'forged.key');
    const csr = path.join(pki.dir, 'forged.csr');
    const cert = path.join(pki.dir, 'forged.pem');
    execFileSync('openssl', [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      csr,
      '-utf8',
      '-subj',
      '/CN=Bộ trưởng giả/O=Bộ Giả',
    ]);
    execFileSync('openssl', [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      pki.leader.cert,
      '-CAkey',
      pki.leader.key,
      '-CAcreateserial',
      '-out',
      cert,
      '-days',
      '30',
    ]);
    const chain = path.join(pki.dir, 'forged-chain.pem');
    fs.writeFileSync(chain, Buffer.concat([fs.readFileSync(pki.leader.cert), fs.readFileSync(pki.intermediate)]));
    const forged = signPdfForTest(makePdf('Quyết định giả'), { cert, key, chain });
    const [one] = (await verifyPdfSignatures(forged, trust)).signatures;
    expect(one).toMatchObject({ intact: true, trusted: false, signer: { name: 'Bộ trưởng giả' } });
  });

  it('a signature without signed attributes holds over the bytes themselves', async () => {
    const bare = signPdfForTest(makePdf('Công văn'), pki.leader, { noattr: true });
    expect((await verifyPdfSignatures(bare, trust)).signatures[0]).toMatchObject({ intact: true, trusted: true });
    const changed = Buffer.from(bare);
    changed[changed.indexOf('72 720 Td')] = '8'.charCodeAt(0);
    expect((await verifyPdfSignatures(changed, trust)).signatures[0]).toMatchObject({ intact: false });
  });

  it('a certificate expired at the signing time is reported so, and not trusted', async () => {
    const signed = signPdfForTest(makePdf('Báo cáo'), pki.expired);
    const [one] = (await verifyPdfSignatures(signed, trust)).signatures;
    expect(one).toMatchObject({ intact: true, validAtSigningTime: false, trusted: false });
  });

  it('a PDF with no signature, or with none trusted installed, says so without failing', async () => {
    expect(await verifyPdfSignatures(makePdf('Không ký'), trust)).toEqual({
      signed: false,
      signatures: [],
      unreadable: [],
    });
    expect((await verifyPdfSignatures(twice, EMPTY_TRUST)).signatures.map((s) => s.trusted)).toEqual([false, false]);
  });

  /** A PDF with `n` signature dictionaries holding DER that is not a signature, each its own gap; an odd UTF-16 name. */
  function signed(n: number, base: Buffer = makePdf('Văn bản')): Buffer {
    let out = base;
    for (let i = 0; i < n; i++) {
      const dict = `\n${100 + i} 0 obj\n<< /ByteRange [0 0000000000 0000000000 0000000000] /Contents <3003020101> /Name <FEFF41> >>\nendobj\n`;
      const start = out.length;
      out = Buffer.concat([out, Buffer.from(dict, 'latin1')]);
      const b = out.indexOf('<3003', start);
      const c = b + '<3003020101>'.length;
      const range = `/ByteRange [0 ${String(b).padStart(10, '0')} ${String(c).padStart(10, '0')} ${String(dict.length - (c - start)).padStart(10, '0')}]`;
      out.write(range, out.indexOf('/ByteRange', start), 'latin1');
    }
    return out;
  }

  it('a hostile signature field: an empty placeholder, ranges past the end, garbage instead of CMS', async () => {
    const base = makePdf('Văn bản').toString('latin1');
    const hostile = (dictionary: string) =>
      Buffer.from(base.replace('/Type /Catalog', `/Type /Catalog /X << ${dictionary} >>`), 'latin1');
    const placeholder = hostile('/ByteRange [0 /********** /********** /**********] /Contents <00>');
    expect((await verifyPdfSignatures(placeholder, trust)).unreadable).toEqual([
      'ByteRange chưa điền (chỗ dành sẵn, chưa ký)',
    ]);
    const past = hostile('/ByteRange [0 10 99999999 5] /Contents <3000>');
    expect((await verifyPdfSignatures(past, trust)).unreadable).toEqual([
      'ByteRange [0 10 99999999 5] không khớp với tệp',
    ]);
    // Thousands of placeholders are skipped, twenty of them told; they do not hide a signature after them.
    const many = signed(1, hostile('/ByteRange [0 /*] '.repeat(1000)));
    const skippedMany = await verifyPdfSignatures(many, trust);
    expect(skippedMany.unreadable).toHaveLength(20);
    expect(skippedMany.signatures).toHaveLength(1);
    // More signatures than any document carries: read as far as the limit, and said.
    const cut = await verifyPdfSignatures(signed(MAX_SIGNATURE_FIELDS + 5), trust);
    expect(cut.signatures).toHaveLength(MAX_SIGNATURE_FIELDS);
    expect(cut.unreadable).toEqual([`Tệp có hơn ${MAX_SIGNATURE_FIELDS} chữ ký; các chữ ký sau không được kiểm tra`]);
    // A well-placed Contents holding DER that is not a signature.
    const garbage = Buffer.from(base, 'latin1');
    const text = `/ByteRange [0 0000000000 0000000000 0000000000] /Contents <3003020101>`;
    const withSig = Buffer.concat([garbage, Buffer.from(`\n99 0 obj\n<< ${text} >>\nendobj\n`, 'latin1')]);
    const b = withSig.indexOf('<3003');
    const c = b + '<3003020101>'.length;
    withSig.write(
      `/ByteRange [0 ${String(b).padStart(10, '0')} ${String(c).padStart(10, '0')} ${String(withSig.length - c).padStart(10, '0')}]`,
      withSig.indexOf('/ByteRange'),
      'latin1',
    );
    const report = await verifyPdfSignatures(withSig, trust);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]?.byteRange).toEqual([0, b, c, withSig.length - c]);
    expect(report.signatures[0]).toMatchObject({ intact: false, trusted: false });
    expect(report.signatures[0]?.problems).toContain('Phần chữ ký không đọc được (không phải CMS SignedData).');
  });

  it('reads the dictionary’s own entries: the name in UTF-16, the time the software wrote', () => {
    const [found] = findSignatures(twice).signatures;
    expect(found?.name).toBe('Nguyễn Văn Chứ');
    expect(found?.subFilter).toBe('ETSI.CAdES.detached');
    expect(pdfDate("D:20261207153000+07'00'")?.toISOString()).toBe('2026-12-07T08:30:00.000Z');
    expect(pdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(pdfDate('hôm qua')).toBeNull();
  });

  it('vanphong pdf verify prints one JSON line and exits 0, signed or not; 65 for a file that is not a PDF', () => {
    const main = path.resolve('dist/server/main.mjs');
    const env = { ...process.env, DATA_DIR: pki.dir, TRUST_DIR: trustDirFor(pki, [pki.root], [pki.crl]) };
    const signed = spawnSync('node', [main, 'pdf', 'verify', file('cli.pdf', twice)], { env, encoding: 'utf8' });
    expect(signed.status).toBe(0);
    const line = JSON.parse(signed.stdout.trim()) as { signed: boolean; signatures: { trusted: boolean }[] };
    expect(line.signed).toBe(true);
    expect(line.signatures.map((s) => s.trusted)).toEqual([true, true]);
    const unsigned = spawnSync('node', [main, 'pdf', 'verify', file('plain.pdf', makePdf('x'))], {
      env,
      encoding: 'utf8',
    });
    expect(unsigned.status).toBe(0);
    expect(JSON.parse(unsigned.stdout.trim())).toMatchObject({ signed: false, signatures: [] });
    const notPdf = spawnSync('node', [main, 'pdf', 'verify', file('note.txt', Buffer.from('chào'))], {
      env,
      encoding: 'utf8',
    });
    expect(notPdf.status).toBe(65);
    expect(notPdf.stderr).toContain('không phải tệp PDF');
    expect(spawnSync('node', [main, 'pdf', 'verify', path.join(pki.dir, 'none.pdf')], { env }).status).toBe(66);
  });

  it('the test authority is real: openssl verifies the leader against the root through the intermediate', () => {
    const out = execFileSync(
      'openssl',
      ['verify', '-CAfile', pki.root, '-untrusted', pki.intermediate, pki.leader.cert],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toContain(': OK');
  });
});
