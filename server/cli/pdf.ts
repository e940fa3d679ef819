import fsp from 'node:fs/promises';
import type { Config } from '../platform/config/config';
import { loadTrustStore } from '../platform/pdf-signatures/trust';
import { verifyPdfSignatures } from '../platform/pdf-signatures/verify';

/** Exit codes of `pdf verify` (sysexits): a file that is not there, a file that is not a PDF. */
export const PDF_EXIT = { usage: 64, notPdf: 65, noInput: 66 } as const;

/**
 * `vanphong pdf verify FILE`: every digital signature in the PDF, checked against the
 * certificates and CRLs installed in `TRUST_DIR`, as one JSON line. Exits 0 whether or not the
 * file is signed or its signatures hold: the line says.
 */
export async function pdfVerify(config: Config, file: string | undefined): Promise<void> {
  if (!file) {
    process.stderr.write('Lỗi: Cần tên tệp: vanphong pdf verify TỆP.pdf\n');
    process.exit(PDF_EXIT.usage);
  }
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch {
    process.stderr.write(`Lỗi: Không đọc được tệp "${file}".\n`);
    process.exit(PDF_EXIT.noInput);
  }
  if (!bytes.subarray(0, 1024).includes('%PDF-')) {
    process.stderr.write(`Lỗi: Tệp "${file}" không phải tệp PDF.\n`);
    process.exit(PDF_EXIT.notPdf);
  }
  const trust = loadTrustStore(config.trustDir);
  const report = await verifyPdfSignatures(bytes, trust);
  for (const problem of trust.unreadable) process.stderr.write(`Cảnh báo: ${problem.file}: ${problem.reason}\n`);
  process.stdout.write(
    `${JSON.stringify({
      file,
      ...report,
      trust: { dir: config.trustDir, roots: trust.roots.length, crls: trust.crls.length },
    })}\n`,
  );
}
