import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildPackage } from './edxml.render';
import type { PackageModel } from './edxml.rules';
import { parsePackage } from './edxml-parse.rules';

const MB = 1024 * 1024;
const model: PackageModel = {
  header: {
    from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
    to: [{ organId: '000.00.01.H29', organName: 'Tỉnh ủy Hà Giang' }],
    code: { codeNumber: '12', codeNotation: 'BC-VPCP' },
    promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-12-07' },
    documentType: { type: '3', typeName: 'Báo cáo' },
    subject: 'Báo cáo tổng hợp kèm hồ sơ quét',
    signerInfo: { fullName: 'Trần Văn Bình' },
    toPlaces: [],
    otherInfo: { priority: 0 },
  },
  traces: [],
};

/** Random bytes made as they are read, hashed on the way: never held whole by the test either. */
function generated(size: number) {
  const hash = createHash('sha256');
  async function* bytes() {
    for (let left = size; left > 0; left -= 64 * 1024) {
      const piece = randomBytes(Math.min(64 * 1024, left));
      hash.update(piece);
      yield piece;
    }
  }
  return { bytes: bytes(), digest: () => hash.digest('hex') };
}

it('builds, validates and reads a package with 50 MB of attachments in bounded memory', async () => {
  const sizes = [40 * MB, 10 * MB + 1];
  const sources = sizes.map(generated);
  const xmllint = spawn('/usr/bin/xmllint', [
    '--huge',
    '--noout',
    '--schema',
    path.join(import.meta.dirname, 'edxml.xsd'),
    '-',
  ]);
  let lintErrors = '';
  xmllint.stderr.on('data', (d: Buffer) => {
    lintErrors += d.toString();
  });
  const lintDone = once(xmllint, 'close');

  const before = process.memoryUsage.rss();
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  let packageSize = 0;
  // The builder's output goes straight to the reader (and to xmllint): nothing is kept in between.
  async function* wire() {
    for await (const piece of buildPackage(
      model,
      sources.map((s, i) => ({
        contentId: `scan-${i}`,
        contentType: 'application/octet-stream',
        name: `hồ sơ ${i}.bin`,
        bytes: s.bytes,
      })),
    )) {
      packageSize += piece.length;
      if (!xmllint.stdin.write(piece)) await once(xmllint.stdin, 'drain');
      sample();
      yield piece;
    }
    xmllint.stdin.end();
  }
  const received = new Map<string, { hash: ReturnType<typeof createHash>; size: number }>();
  const parsed = await parsePackage(wire(), (d) => {
    const got = { hash: createHash('sha256'), size: 0 };
    received.set(d.contentId, got);
    return {
      write: (b) => {
        got.hash.update(b);
        got.size += b.length;
        sample();
      },
      end: () => {},
    };
  });
  sample();
  const growth = peak - before;
  console.log(
    `edXML 50 MB: package ${(packageSize / MB).toFixed(1)} MB, rss growth ${(growth / MB).toFixed(1)} MB (${(growth / packageSize).toFixed(2)} × the package)`,
  );

  await lintDone;
  expect(lintErrors).toBe('- validates\n');
  expect(parsed.corrections).toEqual([]);
  expect(parsed.attachments.map((a) => a.size)).toEqual(sizes);
  sources.forEach((s, i) => {
    const digest = s.digest();
    expect(parsed.attachments[i]?.sha256).toBe(digest);
    expect(received.get(`scan-${i}`)?.hash.digest('hex')).toBe(digest);
  });
  expect(packageSize).toBeGreaterThan(66 * MB);
  expect(growth).toBeLessThan(3 * packageSize);
});
