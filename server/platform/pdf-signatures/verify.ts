import { X509Certificate } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type FoundSignature, findSignatures } from './find';
import type { TrustStore } from './trust';

/** One signature of a PDF as checked here, as `vanphong pdf verify` prints it. */
export interface SignatureReport {
  /** `/SubFilter`: `ETSI.CAdES.detached` for PAdES. */
  subFilter: string | null;
  signer: { name: string | null; organization: string | null; serialNumber: string | null };
  issuer: { name: string | null; organization: string | null };
  /** The signing time the signature carries (signed attribute), else the one the PDF writes; ISO. */
  signingTime: string | null;
  /** The signed bytes are those signed: the digest matches and the signature verifies with the signer's key. */
  intact: boolean;
  /** The signature covers the whole file; false when something was appended after it (a later signature, or an edit). */
  coversWholeDocument: boolean;
  /** The signer's certificate chains to a root the operator installed, each certificate valid at the signing time. */
  trusted: boolean;
  /** The signer's certificate was valid (not before, not after) at the signing time. */
  validAtSigningTime: boolean;
  /** Revoked at or before the signing time by an installed CRL; null when no installed CRL covers it. */
  revoked: boolean | null;
  /** What is wrong or unknown, in Vietnamese, for the person reading the result. */
  problems: string[];
}

export interface PdfSignaturesReport {
  signed: boolean;
  signatures: SignatureReport[];
  /** `/ByteRange`s that were found but could not be read as a signature. */
  unreadable: string[];
}

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  signingTime: '1.2.840.113549.1.9.5',
  signedData: '1.2.840.113549.1.7.2',
} as const;

function nameField(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  const value = (found?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof value === 'string' ? value : null;
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function derOf(cert: pkijs.Certificate): Buffer {
  return Buffer.from(cert.toSchema(true).toBER(false));
}

function pkijsCertificate(cert: X509Certificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
}

/** The signed data: the file's bytes outside the Contents gap. */
function signedBytes(pdf: Buffer, [a, b, c, d]: FoundSignature['byteRange']): Buffer {
  return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
}

function validAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
}

/** Issuer → subject, each link checked by signature; ends at an installed root, or where no issuer is known. */
function chainOf(
  signer: X509Certificate,
  pool: X509Certificate[],
  roots: X509Certificate[],
): { path: X509Certificate[]; root: X509Certificate | null } {
  const path = [signer];
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    const root = roots.find((r) => current.checkIssued(r) && current.verify(r.publicKey));
    if (root) return { path: root.raw.equals(current.raw) ? path : [...path, root], root };
    const next = pool.find((p) => !p.raw.equals(current.raw) && current.checkIssued(p) && current.verify(p.publicKey));
    if (!next) break;
    path.push(next);
    current = next;
  }
  return { path, root: null };
}

/** Revoked at `at` by a CRL its issuer signed; null when no installed CRL is the issuer's. */
async function revokedAt(
  cert: X509Certificate,
  issuer: X509Certificate,
  crls: pkijs.CertificateRevocationList[],
  at: Date,
  problems: string[],
): Promise<boolean | null> {
  const issuerPk = pkijsCertificate(issuer);
  const subject = pkijsCertificate(cert);
  let covered = false;
  for (const crl of crls) {
    if (!crl.issuer.isEqual(issuerPk.subject)) continue;
    if (!(await crl.verify({ issuerCertificate: issuerPk }).catch(() => false))) continue;
    covered = true;
    if (crl.nextUpdate && crl.nextUpdate.value < at) {
      problems.push('Danh sách thu hồi (CRL) đã cài đặt cũ hơn thời điểm ký; cần nhập danh sách mới.');
    }
    const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(subject.serialNumber));
    if (entry) {
      if (entry.revocationDate.value <= at) return true;
      problems.push(`Chứng thư số bị thu hồi sau thời điểm ký (${entry.revocationDate.value.toISOString()}).`);
    }
  }
  return covered ? false : null;
}

async function checkOne(pdf: Buffer, found: FoundSignature, trust: TrustStore): Promise<SignatureReport> {
  const problems: string[] = [];
  const report: SignatureReport = {
    subFilter: found.subFilter,
    signer: { name: null, organization: null, serialNumber: null },
    issuer: { name: null, organization: null },
    signingTime: found.writtenTime?.toISOString() ?? null,
    intact: false,
    coversWholeDocument: found.byteRange[2] + found.byteRange[3] === pdf.length,
    trusted: false,
    validAtSigningTime: false,
    revoked: null,
    problems,
  };
  if (!report.coversWholeDocument) {
    problems.push('Tệp có thêm nội dung sau chữ ký này (chữ ký sau hoặc sửa đổi).');
  }
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(found.cms));
    if (info.contentType !== OID.signedData) throw new Error('không phải SignedData');
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    problems.push('Phần chữ ký không đọc được (không phải CMS SignedData).');
    return report;
  }
  const signerInfo = signed.signerInfos[0];
  const time = signerInfo?.signedAttrs?.attributes.find((a) => a.type === OID.signingTime)?.values[0] as
    | asn1js.UTCTime
    | asn1js.GeneralizedTime
    | undefined;
  const signingTime = time?.toDate() ?? found.writtenTime;
  if (signingTime) report.signingTime = signingTime.toISOString();

  let signerCert: pkijs.Certificate | null = null;
  try {
    const result = await signed.verify({
      signer: 0,
      data: toArrayBuffer(signedBytes(pdf, found.byteRange)),
      extendedMode: true,
      checkChain: false,
    });
    report.intact = result.signatureVerified === true;
    signerCert = result.signerCertificate ?? null;
  } catch (error) {
    const failed = error as Partial<pkijs.SignedDataVerifyError>;
    signerCert = failed.signerCertificate ?? null;
  }
  if (!report.intact) problems.push('Chữ ký không hợp lệ: nội dung đã bị thay đổi sau khi ký, hoặc chữ ký bị hỏng.');
  if (!signerCert) {
    problems.push('Không tìm thấy chứng thư số của người ký trong chữ ký.');
    return report;
  }
  report.signer = {
    name: nameField(signerCert.subject, OID.commonName),
    organization: nameField(signerCert.subject, OID.organization),
    serialNumber: Buffer.from(signerCert.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
  };
  report.issuer = {
    name: nameField(signerCert.issuer, OID.commonName),
    organization: nameField(signerCert.issuer, OID.organization),
  };

  const at = signingTime ?? new Date();
  if (!signingTime) problems.push('Chữ ký không ghi thời điểm ký; kiểm tra theo thời điểm hiện tại.');
  const signer = new X509Certificate(derOf(signerCert));
  report.validAtSigningTime = validAt(signer, at);
  if (!report.validAtSigningTime)
    problems.push('Chứng thư số của người ký không còn hiệu lực (hoặc chưa có hiệu lực) tại thời điểm ký.');

  const carried = (signed.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(derOf(c)));
  const { path, root } = chainOf(signer, [...carried, ...trust.intermediates], trust.roots);
  if (!root) {
    problems.push('Chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực nào được tin cậy trên máy chủ này.');
  } else if (!path.every((c) => validAt(c, at))) {
    problems.push('Một chứng thư số trong chuỗi chứng thực không có hiệu lực tại thời điểm ký.');
  } else {
    report.trusted = true;
  }

  // Revocation as of the signing time: the signer's certificate by its issuer's CRL; a CA above it
  // counts as revoked when a CRL installed says so (an authority's own CRL is rarely at hand).
  let revoked: boolean | null = null;
  for (let i = 0; i + 1 < path.length; i++) {
    const state = await revokedAt(path[i] as X509Certificate, path[i + 1] as X509Certificate, trust.crls, at, problems);
    if (i === 0) revoked = state;
    else if (state === true) revoked = true;
  }
  report.revoked = revoked;
  if (revoked === true) {
    report.trusted = false;
    problems.push('Chứng thư số đã bị thu hồi trước thời điểm ký.');
  } else if (revoked === null) {
    problems.push(
      'Chưa có danh sách thu hồi (CRL) của tổ chức cấp chứng thư số này trên máy chủ; chưa kiểm tra được việc thu hồi.',
    );
  }
  return report;
}

/** Every signature of the PDF, checked against what the operator trusts. */
export async function verifyPdfSignatures(pdf: Buffer, trust: TrustStore): Promise<PdfSignaturesReport> {
  const { signatures, skipped } = findSignatures(pdf);
  const reports: SignatureReport[] = [];
  for (const found of signatures) reports.push(await checkOne(pdf, found, trust));
  return { signed: reports.length > 0, signatures: reports, unreadable: skipped.map((s) => s.reason) };
}
