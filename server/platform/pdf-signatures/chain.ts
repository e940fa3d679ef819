import type { X509Certificate } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * Whom a signature's certificate chains to, and whether it was revoked: the path from the
 * signer to a root the operator installed, and the installed CRLs, for `verify.ts`.
 */

const BASIC_CONSTRAINTS = '2.5.29.19';
const CRL_REASON = '2.5.29.21';
/** CRL reasons after which no signature by the key can be believed, whenever it claims to have been made. */
const COMPROMISE = new Set([0, 1, 2, 10]);

function pkijsCertificate(cert: X509Certificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
}

export function validAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
}

/** The path length a CA allows below it, or undefined when it sets none. */
function pathLenOf(cert: X509Certificate): number | undefined {
  const ext = pkijsCertificate(cert).extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS);
  const value = (ext?.parsedValue as pkijs.BasicConstraints | undefined)?.pathLenConstraint;
  return typeof value === 'number' ? value : undefined;
}

/** `issuer` may have issued `subject`, `below` CAs under it on the way to the signer. */
function issued(subject: X509Certificate, issuer: X509Certificate, below: number): boolean {
  if (!subject.checkIssued(issuer) || !subject.verify(issuer.publicKey)) return false;
  // Only a CA issues certificates, within the path length it allows.
  if (!issuer.ca) return false;
  const pathLen = pathLenOf(issuer);
  return pathLen === undefined || below <= pathLen;
}

/**
 * Issuer → subject, each link checked by signature and by the issuer being a CA allowed to issue
 * that deep; ends at an installed root (or the signer installed as trusted itself), or where no
 * issuer is known.
 */
export function chainOf(
  signer: X509Certificate,
  pool: X509Certificate[],
  roots: X509Certificate[],
): { path: X509Certificate[]; root: X509Certificate | null } {
  const direct = roots.find((r) => r.raw.equals(signer.raw));
  if (direct) return { path: [signer], root: direct };
  const path = [signer];
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    const below = path.length - 1;
    const root = roots.find((r) => issued(current, r, below));
    if (root) return { path: root.raw.equals(current.raw) ? path : [...path, root], root };
    const next = pool.find((p) => !p.raw.equals(current.raw) && !path.includes(p) && issued(current, p, below));
    if (!next) break;
    path.push(next);
    current = next;
  }
  return { path, root: null };
}

/** Whether the CRL was signed by the issuer, asked once per CRL and issuer. */
const crlSignedBy = new WeakMap<pkijs.CertificateRevocationList, Map<string, Promise<boolean>>>();
function crlVerified(crl: pkijs.CertificateRevocationList, issuer: X509Certificate): Promise<boolean> {
  const byIssuer = crlSignedBy.get(crl) ?? new Map<string, Promise<boolean>>();
  crlSignedBy.set(crl, byIssuer);
  let answer = byIssuer.get(issuer.fingerprint256);
  if (!answer) {
    answer = crl.verify({ issuerCertificate: pkijsCertificate(issuer) }).catch(() => false);
    byIssuer.set(issuer.fingerprint256, answer);
  }
  return answer;
}

/**
 * Revoked by a current CRL its issuer signed: whenever it happened for a compromised key (the
 * signing time is the signer's claim), by the signing time for any other reason. Null when no
 * installed CRL of the issuer is current.
 */
export async function revocationOf(
  cert: X509Certificate,
  issuer: X509Certificate,
  crls: pkijs.CertificateRevocationList[],
  at: Date,
  now: Date,
  problems: string[],
): Promise<boolean | null> {
  const issuerName = pkijsCertificate(issuer).subject;
  const serial = pkijsCertificate(cert).serialNumber;
  let current = false;
  for (const crl of crls) {
    if (!crl.issuer.isEqual(issuerName)) continue;
    if (!(await crlVerified(crl, issuer))) continue;
    const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(serial));
    if (entry) {
      const reasonExt = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === CRL_REASON);
      const reason = (reasonExt?.parsedValue as asn1js.Enumerated | undefined)?.valueBlock?.valueDec ?? 0;
      const when = entry.revocationDate.value;
      if (COMPROMISE.has(reason) || when <= at) return true;
      problems.push(`Chứng thư số bị thu hồi sau thời điểm ký ghi trong chữ ký (${when.toISOString()}).`);
    }
    if (!crl.nextUpdate || crl.nextUpdate.value >= now) current = true;
  }
  if (!current && crls.some((crl) => crl.issuer.isEqual(issuerName))) {
    problems.push('Danh sách thu hồi (CRL) đã cài đặt đã quá hạn cập nhật; cần nhập danh sách mới.');
  }
  return current ? false : null;
}
