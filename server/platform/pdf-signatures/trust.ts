import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * What the operator trusts, installed by hand (nothing is fetched from the internet): the root
 * certificates signatures must chain to (the national roots: Ban Cơ yếu Chính phủ, the public
 * CAs), intermediate certificates a signature may leave out, and the CRLs imported from the CAs
 * for when there is no network to them. A directory with `roots/`, `intermediates/` and `crls/`,
 * each file PEM (one or more blocks) or DER.
 */
export interface TrustStore {
  roots: X509Certificate[];
  intermediates: X509Certificate[];
  crls: pkijs.CertificateRevocationList[];
  /** Files that could not be read, and why: reported, never fatal. */
  unreadable: { file: string; reason: string }[];
}

export const EMPTY_TRUST: TrustStore = { roots: [], intermediates: [], crls: [], unreadable: [] };

/** The DER blocks of a file: each PEM block of `label`, or the whole file when it is not PEM. */
export function derBlocks(bytes: Buffer, label: string): Buffer[] {
  const text = bytes.toString('latin1');
  if (!text.includes('-----BEGIN')) return [bytes];
  const blocks: Buffer[] = [];
  const pem = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  for (const m of text.matchAll(pem)) blocks.push(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
  return blocks;
}

export function parseCrl(der: Buffer): pkijs.CertificateRevocationList {
  const asn1 = asn1js.fromBER(new Uint8Array(der));
  if (asn1.offset === -1) throw new Error('không phải dữ liệu DER');
  return new pkijs.CertificateRevocationList({ schema: asn1.result });
}

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

export function loadTrustStore(dir: string): TrustStore {
  const store: TrustStore = { roots: [], intermediates: [], crls: [], unreadable: [] };
  for (const [sub, into] of [
    ['roots', store.roots],
    ['intermediates', store.intermediates],
  ] as const) {
    for (const file of filesIn(path.join(dir, sub))) {
      try {
        for (const der of derBlocks(fs.readFileSync(file), 'CERTIFICATE')) into.push(new X509Certificate(der));
      } catch (error) {
        store.unreadable.push({ file, reason: `Không đọc được chứng thư số: ${(error as Error).message}` });
      }
    }
  }
  for (const file of filesIn(path.join(dir, 'crls'))) {
    try {
      for (const der of derBlocks(fs.readFileSync(file), 'X509 CRL')) store.crls.push(parseCrl(der));
    } catch (error) {
      store.unreadable.push({ file, reason: `Không đọc được danh sách thu hồi (CRL): ${(error as Error).message}` });
    }
  }
  return store;
}
