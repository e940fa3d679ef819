import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { signPdfForTest } from '../server/test/pdf-sign';
import { makeTestPki, trustDirFor } from '../server/test/pki';
import { tempDataDir } from './server-process';

/**
 * `npm run bench -- signatures`: checking the digital signatures of a 5 MB, 50-page PDF signed
 * twice (the leader's, then the organization's in an update), each run in a process of its own
 * after a warm-up on the same file and a full garbage collection, beside the floor every verifier pays: reading the file and hashing it once.
 * Prints min / median / max of the runs, the memory the check adds over the process at rest as a
 * multiple of the file (target under 3 ×), and the JSON line.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = 50;
const BYTES = 5 * 1024 * 1024;

/** A PDF of `pages` pages of text, padded to about `bytes` with a stream of random bytes. */
function largePdf(pages: number, bytes: number): Buffer {
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const content = `BT /F1 14 Tf 72 720 Td (Trang ${p + 1} - van ban do hieu nang) Tj ET`;
    const pageNum = objects.length + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${pageNum + 2} 0 R >> >> /Contents ${pageNum + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
    kids.push(`${pageNum} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  const filler = randomBytes(bytes);
  objects.push(
    Buffer.concat([Buffer.from(`<< /Length ${filler.length} >>\nstream\n`), filler, Buffer.from('\nendstream')]),
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

function spread(values: number[], digits = 1) {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (n: number) => Number(n.toFixed(digits));
  return {
    min: r(sorted[0] ?? 0),
    median: r(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0),
    max: r(sorted.at(-1) ?? 0),
  };
}

type Child = { times: number[]; idleKb: number; peakKb: number; verdict: string };
function child(mode: 'verify' | 'floor', file: string, trust: string): Child {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.resolve('bench/signatures-child.ts'), mode, file, trust, '2'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Child;
}

export async function run(): Promise<Record<string, unknown>> {
  const pki = makeTestPki();
  const dir = tempDataDir();
  try {
    const pdf = signPdfForTest(signPdfForTest(largePdf(PAGES, BYTES), pki.leader), pki.organization);
    const file = path.join(dir, 'signed.pdf');
    fs.writeFileSync(file, pdf);
    const trust = trustDirFor(pki, [pki.root], [pki.crl]);
    console.log(
      `Kiểm tra chữ ký số: PDF ${PAGES} trang, ${(pdf.length / 1024 / 1024).toFixed(2)} MB, hai chữ ký; ${RUNS} lần, mỗi lần một tiến trình (lần thứ hai được đo, sau một lần chạy nóng trên cùng tệp và một lần thu gom bộ nhớ)`,
    );
    const verify: number[] = [];
    const floor: number[] = [];
    const rises: number[] = [];
    const floorRises: number[] = [];
    let verdict = '';
    for (let i = 0; i < RUNS; i++) {
      const v = child('verify', file, trust);
      const f = child('floor', file, trust);
      verify.push(v.times.at(-1) ?? 0);
      floor.push(f.times.at(-1) ?? 0);
      rises.push(((v.peakKb - v.idleKb) * 1024) / pdf.length);
      floorRises.push(((f.peakKb - f.idleKb) * 1024) / pdf.length);
      verdict = v.verdict;
      console.log(
        `  lần ${i + 1}: kiểm tra ${v.times.map((t) => t.toFixed(0)).join(' / ')} ms, nền ${f.times.map((t) => t.toFixed(0)).join(' / ')} ms; bộ nhớ tăng ${rises.at(-1)?.toFixed(2)} × tệp (nền ${floorRises.at(-1)?.toFixed(2)} ×)`,
      );
    }
    if (verdict !== 'true/true true/true') throw new Error(`the signatures did not hold: ${verdict}`);
    const v = spread(verify);
    const f = spread(floor);
    console.log(`Kiểm tra: min ${v.min} / median ${v.median} / max ${v.max} ms (mục tiêu < 1000 ms)`);
    console.log(`Nền (đọc tệp và băm SHA-256 một lần): min ${f.min} / median ${f.median} / max ${f.max} ms`);
    const r = spread(rises, 2);
    const fr = spread(floorRises, 2);
    console.log(
      `Bộ nhớ tăng / tệp: min ${r.min} / median ${r.median} / max ${r.max} × (mục tiêu < 3 ×); nền ${fr.median} ×`,
    );
    return {
      bench: 'signatures',
      fileBytes: pdf.length,
      pages: PAGES,
      signatures: 2,
      runs: RUNS,
      verifyMs: v,
      memoryRiseOverFile: r,
      baseline: {
        readAndHashMs: f,
        memoryRiseOverFile: fr,
        ratio: Number((v.median / Math.max(f.median, 0.001)).toFixed(2)),
      },
      signing: 'not built yet',
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(pki.dir, { recursive: true, force: true });
  }
}
