import { constants, createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type FoundSignature, findSignatures } from './find';
import type { TrustStore } from './trust';

/** One signature of a PDF as checked here, as `vanphong pdf verify` prints it. */
export interface SignatureReport {
  /** `[0, b, c, d]`: the bytes signed are `0…b` and `c…c+d`; tells one signature from another. */
  byteRange: [number, number, number, number];
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
  messageDigest: '1.2.840.113549.1.9.4',
  signedData: '1.2.840.113549.1.7.2',
  subjectKeyIdentifier: '2.5.29.14',
  rsaPss: '1.2.840.113549.1.1.10',
} as const;

/** Digest algorithms by OID, as node:crypto names them. */
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

function nameField(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  const value = (found?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof value === 'string' ? value : null;
}

function derOf(cert: pkijs.Certificate): Buffer {
  return Buffer.from(cert.toSchema(true).toBER(false));
}

function pkijsCertificate(cert: X509Certificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
}

/** The digest of the signed data, the file's bytes outside the Contents gap, read in place (no copy). */
function digestOf(pdf: Buffer, [a, b, c, d]: FoundSignature['byteRange'], algorithm: string): Buffer {
  return createHash(algorithm)
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
}

/** The certificate the signer info names, among those the signature carries. */
function signerCertificateOf(signed: pkijs.SignedData, info: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (info.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = info.sid;
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  const keyId = Buffer.from((info.sid as asn1js.OctetString).valueBlock?.valueHexView ?? []);
  return (
    certs.find((c) => {
      const ext = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
      const value = (ext?.parsedValue as asn1js.OctetString | undefined)?.valueBlock?.valueHexView;
      return value !== undefined && Buffer.from(value).equals(keyId);
    }) ?? null
  );
}

/**
 * The CMS checks of RFC 5652 §5.4 and §5.6, by node:crypto: the digest of the signed ranges
 * equals the signed `messageDigest` attribute, and the signature over the signed attributes
 * verifies with the signer's key (RSA PKCS #1 v1.5, RSA-PSS or ECDSA).
 */
function cmsHolds(pdf: Buffer, found: FoundSignature, info: pkijs.SignerInfo, signer: X509Certificate): boolean {
  const algorithm = DIGESTS[info.digestAlgorithm.algorithmId];
  const attrs = info.signedAttrs;
  if (!algorithm || !attrs) return false;
  const digest = attrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0] as
    | asn1js.OctetString
    | undefined;
  const claimed = digest?.valueBlock?.valueHexView;
  if (!claimed || !digestOf(pdf, found.byteRange, algorithm).equals(Buffer.from(claimed))) return false;
  // What was signed is the attributes' DER with the SET tag, not the [0] IMPLICIT tag they travel under.
  const signedDer = Buffer.from(attrs.encodedValue);
  signedDer[0] = 0x31;
  const signature = Buffer.from(info.signature.valueBlock.valueHexView);
  try {
    if (info.signatureAlgorithm.algorithmId === OID.rsaPss) {
      const params = new pkijs.RSASSAPSSParams({ schema: info.signatureAlgorithm.algorithmParams });
      return cryptoVerify(
        DIGESTS[params.hashAlgorithm.algorithmId] ?? 'sha1',
        signedDer,
        { key: signer.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength },
        signature,
      );
    }
    const key =
      signer.publicKey.asymmetricKeyType === 'ec'
        ? { key: signer.publicKey, dsaEncoding: 'der' as const }
        : signer.publicKey;
    return cryptoVerify(algorithm, signedDer, key, signature);
  } catch {
    return false;
  }
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
    byteRange: found.byteRange,
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

  const signerCert = signerInfo ? signerCertificateOf(signed, signerInfo) : null;
  if (!signerInfo || !signerCert) {
    problems.push('Không tìm thấy chứng thư số của người ký trong chữ ký.');
    return report;
  }
  const signer = new X509Certificate(derOf(signerCert));
  report.intact = cmsHolds(pdf, found, signerInfo, signer);
  if (!report.intact) problems.push('Chữ ký không hợp lệ: nội dung đã bị thay đổi sau khi ký, hoặc chữ ký bị hỏng.');
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
