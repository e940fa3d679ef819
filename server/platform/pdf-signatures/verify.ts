import {
  constants,
  createHash,
  createVerify,
  verify as cryptoVerify,
  type KeyObject,
  X509Certificate,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { chainOf, revocationOf, validAt } from './chain';
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
  /**
   * The signing time the signer's software wrote (signed attribute, else `/M`), ISO: a claim, as
   * no trusted timestamp is read yet. Validity is judged at it; revocation for a compromised key
   * whenever it happened.
   */
  signingTime: string | null;
  /** The signed bytes are those signed: the digest matches and the signature verifies with the signer's key. */
  intact: boolean;
  /** The signature covers the whole file; false when something was appended after it (a later signature, or an edit). */
  coversWholeDocument: boolean;
  /** Something was appended after this signature that no later intact signature covering the whole file vouches for. */
  changedAfterSigning: boolean;
  /** The signer's certificate chains to a root the operator installed through CAs, each valid at the signing time. */
  trusted: boolean;
  /** The signer's certificate was valid (not before, not after) at the signing time. */
  validAtSigningTime: boolean;
  /** Revoked by an installed, current CRL (a compromised key whenever, else by the signing time); null when unknown. */
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
/** Signature algorithms that name their own hash. */
const SIGNATURE_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
/** Key algorithms written as the signature algorithm: the hash is the digest algorithm's. */
const KEY_ONLY = new Set(['1.2.840.113549.1.1.1', '1.2.840.10045.2.1']);
/** Certificates one signature may carry; more is no real signature. */
const MAX_CARRIED = 20;
/** How far ahead of this server's clock a claimed signing time may be. */
const CLOCK_SKEW_MS = 5 * 60_000;

function nameField(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  const value = (found?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof value === 'string' ? value : null;
}

/** The certificate's own bytes as it came (never re-encoded: a re-encoding may not match its signature). */
function rawOf(cert: pkijs.Certificate): Buffer {
  return Buffer.from(cert.toSchema(false).toBER(false));
}

/** The digest of the signed data, the file's bytes outside the Contents gap, read in place (no copy). */
function digestOf(pdf: Buffer, [a, b, c, d]: FoundSignature['byteRange'], algorithm: string): Buffer {
  return createHash(algorithm)
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
}

/** The certificate the signer info names, among those the signature carries. */
function signerCertificateOf(certs: pkijs.Certificate[], info: pkijs.SignerInfo): pkijs.Certificate | null {
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

/** The hash and key options the signature value is checked with; null for an algorithm not known here. */
function signatureCheck(
  info: pkijs.SignerInfo,
  key: KeyObject,
  digest: string,
): {
  hash: string;
  key: KeyObject | { key: KeyObject; padding?: number; saltLength?: number; dsaEncoding?: 'der' };
} | null {
  const algorithm = info.signatureAlgorithm.algorithmId;
  if (algorithm === OID.rsaPss) {
    const params = new pkijs.RSASSAPSSParams({ schema: info.signatureAlgorithm.algorithmParams });
    const hash = DIGESTS[params.hashAlgorithm.algorithmId];
    if (!hash) return null;
    return { hash, key: { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength } };
  }
  const hash = SIGNATURE_HASHES[algorithm] ?? (KEY_ONLY.has(algorithm) ? digest : undefined);
  if (!hash) return null;
  return { hash, key: key.asymmetricKeyType === 'ec' ? { key, dsaEncoding: 'der' } : key };
}

/**
 * The CMS checks of RFC 5652 §5.4 and §5.6, by node:crypto: with signed attributes, the digest
 * of the signed ranges equals the signed `messageDigest` and the signature over the attributes
 * verifies; without them, the signature verifies over the ranges themselves. RSA PKCS #1 v1.5,
 * RSA-PSS and ECDSA.
 */
function cmsHolds(pdf: Buffer, found: FoundSignature, info: pkijs.SignerInfo, signer: X509Certificate): boolean {
  const digest = DIGESTS[info.digestAlgorithm.algorithmId];
  if (!digest) return false;
  const check = signatureCheck(info, signer.publicKey, digest);
  if (!check) return false;
  const signature = Buffer.from(info.signature.valueBlock.valueHexView);
  const attrs = info.signedAttrs;
  if (!attrs) {
    const [a, b, c, d] = found.byteRange;
    return createVerify(check.hash)
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .verify(check.key, signature);
  }
  const claimed = attrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0];
  if (!(claimed instanceof asn1js.OctetString)) return false;
  if (!digestOf(pdf, found.byteRange, digest).equals(Buffer.from(claimed.valueBlock.valueHexView))) return false;
  // What was signed is the attributes' DER with the SET tag, not the [0] IMPLICIT tag they travel under.
  const signedDer = Buffer.from(attrs.encodedValue);
  signedDer[0] = 0x31;
  return cryptoVerify(check.hash, signedDer, check.key, signature);
}

/** The time a signing-time attribute holds, or null when it holds anything else. */
function attributeTime(value: unknown): Date | null {
  if (!(value instanceof asn1js.UTCTime) && !(value instanceof asn1js.GeneralizedTime)) return null;
  const date = value.toDate();
  return Number.isNaN(date.getTime()) ? null : date;
}

async function checkOne(pdf: Buffer, found: FoundSignature, trust: TrustStore, now: Date): Promise<SignatureReport> {
  const report = blankReport(pdf, found);
  const problems = report.problems;
  report.signingTime = found.writtenTime?.toISOString() ?? null;
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(found.cms));
    if (info.contentType !== OID.signedData) throw new Error('không phải SignedData');
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    problems.push('Phần chữ ký không đọc được (không phải CMS SignedData).');
    return report;
  }
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (certs.length > MAX_CARRIED) {
    problems.push(`Chữ ký mang hơn ${MAX_CARRIED} chứng thư số; không được kiểm tra.`);
    return report;
  }
  const signerInfo = signed.signerInfos[0];
  const claimedTime =
    attributeTime(signerInfo?.signedAttrs?.attributes.find((a) => a.type === OID.signingTime)?.values[0]) ??
    found.writtenTime;
  if (claimedTime) report.signingTime = claimedTime.toISOString();

  const signerCert = signerInfo ? signerCertificateOf(certs, signerInfo) : null;
  if (!signerInfo || !signerCert) {
    problems.push('Không tìm thấy chứng thư số của người ký trong chữ ký.');
    return report;
  }
  const signer = new X509Certificate(rawOf(signerCert));
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

  let at = claimedTime ?? now;
  if (!claimedTime) problems.push('Chữ ký không ghi thời điểm ký; kiểm tra theo thời điểm hiện tại.');
  else problems.push('Thời điểm ký do phần mềm của người ký ghi, chưa có dấu thời gian tin cậy xác nhận.');
  const inFuture = at.getTime() > now.getTime() + CLOCK_SKEW_MS;
  if (inFuture) {
    problems.push('Thời điểm ký ghi trong chữ ký ở sau thời điểm hiện tại.');
    at = now;
  }
  report.validAtSigningTime = validAt(signer, at) && !inFuture;
  if (!report.validAtSigningTime)
    problems.push('Chứng thư số của người ký không còn hiệu lực (hoặc chưa có hiệu lực) tại thời điểm ký.');

  const carried = certs.map((c) => new X509Certificate(rawOf(c)));
  const { path, root } = chainOf(signer, [...carried, ...trust.intermediates], trust.roots);
  if (!root) {
    problems.push('Chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực nào được tin cậy trên máy chủ này.');
  } else if (!path.every((c) => validAt(c, at))) {
    problems.push('Một chứng thư số trong chuỗi chứng thực không có hiệu lực tại thời điểm ký.');
  } else {
    report.trusted = report.validAtSigningTime;
  }

  // Revocation: the signer's certificate by its issuer's CRL; a CA above it counts as revoked
  // when an installed CRL says so (an authority's own CRL is rarely at hand).
  let revoked: boolean | null = null;
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i] as X509Certificate;
    const state = await revocationOf(cert, path[i + 1] as X509Certificate, trust.crls, at, now, problems);
    if (i === 0) revoked = state;
    else if (state === true) revoked = true;
  }
  report.revoked = revoked;
  if (revoked === true) {
    report.trusted = false;
    problems.push('Chứng thư số đã bị thu hồi.');
  } else if (revoked === null) {
    problems.push(
      'Chưa có danh sách thu hồi (CRL) còn hạn của tổ chức cấp chứng thư số này trên máy chủ; chưa kiểm tra được việc thu hồi.',
    );
  }
  return report;
}

/** A signature's report before anything of it is believed. */
function blankReport(pdf: Buffer, found: FoundSignature): SignatureReport {
  return {
    byteRange: found.byteRange,
    subFilter: found.subFilter,
    signer: { name: null, organization: null, serialNumber: null },
    issuer: { name: null, organization: null },
    signingTime: null,
    intact: false,
    coversWholeDocument: found.byteRange[2] + found.byteRange[3] === pdf.length,
    changedAfterSigning: false,
    trusted: false,
    validAtSigningTime: false,
    revoked: null,
    problems: [],
  };
}

/** A signature that could not be checked at all: nothing of it is believed. */
function unreadableReport(pdf: Buffer, found: FoundSignature): SignatureReport {
  return { ...blankReport(pdf, found), problems: ['Không kiểm tra được chữ ký này: dữ liệu chữ ký không hợp lệ.'] };
}

/** Every signature of the PDF, checked against what the operator trusts. Never throws on what the file holds. */
export async function verifyPdfSignatures(
  pdf: Buffer,
  trust: TrustStore,
  now: Date = new Date(),
): Promise<PdfSignaturesReport> {
  const { signatures, skipped } = findSignatures(pdf);
  const reports: SignatureReport[] = [];
  for (const found of signatures) {
    reports.push(await checkOne(pdf, found, trust, now).catch(() => unreadableReport(pdf, found)));
  }
  // What was appended after a signature is vouched for only by a later intact signature over the whole file.
  const wholeEnd = reports.find((r) => r.intact && r.coversWholeDocument)?.byteRange[2];
  for (const r of reports) {
    if (r.coversWholeDocument) continue;
    r.changedAfterSigning = wholeEnd === undefined || wholeEnd <= r.byteRange[2];
    r.problems.unshift(
      r.changedAfterSigning
        ? 'Tệp có nội dung thêm vào sau chữ ký này mà không chữ ký nào sau đó xác nhận.'
        : 'Tệp có thêm nội dung sau chữ ký này, được xác nhận bằng chữ ký sau.',
    );
  }
  return { signed: reports.length > 0, signatures: reports, unreadable: skipped.map((s) => s.reason) };
}
