import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/platform/db/database';
import {
  type Deployment,
  dispatchDocument,
  linkDeployments,
  paddedPdf,
  startDeployment,
  waitFor,
} from './exchange-deployment';
import { tempDataDir } from './server-process';

/**
 * `npm run bench -- exchange`: packages of about 1 MB sent from one deployment to another, both
 * the built server in its own process (SQLite each; `BENCH_ENGINE=postgres` for PostgreSQL).
 * A's committee dispatches documents to N outside organizations reached through the peer B, each
 * of them one of B's organizations by its national identifier: N packages, one per outside copy,
 * each carrying the same 1 MB PDF. Measured from the first dispatch request to B's health counting
 * the last package stored (drafting, approving and numbering the documents happen before).
 */
const QUICK = process.env.BENCH_QUICK === '1';
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? (QUICK ? 100 : 1000));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ATTACHMENT_BYTES = 1024 * 1024;
/** The most recipients one document takes. */
const PER_DOCUMENT = 500;
/**
 * Packages sent once before the measured runs, not counted: the first load after start compiles
 * the code, starts the PDF reader and fills the caches, a one-time cost shown on its own.
 */
const WARMUP = Math.min(PACKAGES, 100);
const ENGINE = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Packages the floor keeps in flight: as many as A's job runner sends at once. */
const FLOOR_CONCURRENCY = 8;
const TIMEOUT_MS = 15 * 60_000;

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1024 / 1024, 2);

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
}

/** Starts the peak anew (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
function resetPeak(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: round(sorted[0] ?? 0, 2),
    median: round(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0, 2),
    max: round(sorted.at(-1) ?? 0, 2),
  };
}
const show = (s: ReturnType<typeof spread>, unit: string) => `min ${s.min} / median ${s.median} / max ${s.max} ${unit}`;

type Health = { counts: { queued: number; sent: number; failed: number; received: number; refused: number } };
const health = (d: Deployment) => d.admin.call<Health>('GET', '/api/exchange/health');

/** N organizations of B identified nationally, and each as an outside organization in A. */
async function recipients(a: Deployment, b: Deployment, peerOfA: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i += 1) {
    const nationalId = `000.03.${String(Math.floor(i / 100) + 10)}.B${String(i % 100).padStart(2, '0')}`;
    const name = `Đảng ủy xã số ${i + 1}`;
    await b.admin.call(
      'POST',
      '/api/organizations',
      {
        parentId: b.committee.id,
        type: 'grassroots_committee',
        code: `XA${i + 1}`,
        name,
        abbreviation: 'ĐU',
        nationalId,
      },
      201,
    );
    const org = await a.admin.call<{ id: string }>(
      'POST',
      '/api/organizations',
      {
        parentId: null,
        type: 'grassroots_committee',
        code: `NGXA${i + 1}`,
        name: `${name} (máy B)`,
        abbreviation: 'ĐU',
        nationalId,
        reach: 'peer',
        peerId: peerOfA,
      },
      201,
    );
    ids.push(org.id);
  }
  console.log(
    `  ${n} tổ chức nhận ở B, mỗi tổ chức một tổ chức ngoài ở A: ${Math.round(performance.now() - started)} ms`,
  );
  return ids;
}

/**
 * The floor: the same package bytes POSTed N times to a bare Node server that writes each to
 * disk; its rate, and its memory rise over its idle RSS (what Node alone costs to take them in).
 */
async function floor(packageBytes: Buffer, n: number): Promise<{ rate: number; riseBytes: number }> {
  const dir = tempDataDir();
  // With the product's own Node flags, and warmed up as the product is before it is measured.
  const child = spawn('node', ['--max-semi-space-size=4', path.resolve('bench/bare-sink.mjs'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once('exit', (code) => reject(new Error(`bare sink exited with ${code}`)));
    });
    const post = async (count: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: FLOOR_CONCURRENCY }, async () => {
          while (next < count) {
            next += 1;
            const res = await fetch(`http://127.0.0.1:${port}/`, {
              method: 'POST',
              headers: { 'content-type': 'application/xml' },
              body: new Uint8Array(packageBytes),
            });
            if (!res.ok) throw new Error(`bare sink: ${res.status}`);
            await res.arrayBuffer();
          }
        }),
      );
    };
    await post(WARMUP);
    const pid = child.pid ?? 0;
    const idle = statusKb(pid, 'VmRSS');
    resetPeak(pid);
    const started = performance.now();
    await post(n);
    const rate = n / ((performance.now() - started) / 1000);
    return { rate, riseBytes: (statusKb(pid, 'VmHWM') - idle) * 1024 };
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Deliveries B made for packages (each a copy in one organization's inbox) and distinct (DocumentId, organization). */
async function arrivalsOnB(b: Deployment): Promise<{ deliveries: number; distinct: number }> {
  const database =
    b.engine === 'postgres'
      ? openDatabase({ kind: 'postgres', url: b.env.DATABASE_URL ?? '', poolSize: 1 })
      : openDatabase({ kind: 'sqlite', file: path.join(b.env.DATA_DIR ?? '', 'vanphong.sqlite') });
  try {
    const links = await database.db
      .selectFrom('exchange_links')
      .innerJoin('document_deliveries', 'document_deliveries.id', 'exchange_links.delivery_id')
      .select(['exchange_links.document_ref', 'exchange_links.organization_id'])
      .where('exchange_links.side', '=', 'in')
      .execute();
    const deliveries = await database.db
      .selectFrom('document_deliveries')
      .innerJoin('documents', 'documents.id', 'document_deliveries.document_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('documents.direction', '=', 'external')
      .executeTakeFirstOrThrow();
    return {
      deliveries: Number(deliveries.n),
      distinct: new Set(links.map((l) => `${l.document_ref} ${l.organization_id}`)).size,
    };
  } finally {
    await database.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  console.log(
    `Liên thông giữa hai máy chủ (${ENGINE}): ${PACKAGES} gói ~1 MB từ A sang B, ${RUNS} lần đo` +
      ' (đo từ lệnh gửi đầu tiên đến khi B lưu gói cuối cùng; soạn, duyệt, cấp số văn bản làm trước)',
  );
  const pg = ENGINE === 'postgres' ? { postgresUrl: PG_URL } : {};
  const [a, b] = await Promise.all([
    startDeployment({ engine: ENGINE, node: 'may-a', index: 1, code: 'HU', name: 'Huyện ủy Đồng Văn', ...pg }),
    startDeployment({ engine: ENGINE, node: 'may-b', index: 2, code: 'TU', name: 'Tỉnh ủy Hà Giang', ...pg }),
  ]);
  try {
    const { peerOfA } = await linkDeployments(a, b);
    const targets = await recipients(a, b, peerOfA, PACKAGES);
    const pdf = paddedPdf('Van ban lien thong do hieu nang', ATTACHMENT_BYTES);
    const rates: number[] = [];
    const rises: { a: number[]; b: number[] } = { a: [], b: [] };
    let packageBytes = Buffer.alloc(0);
    let lost = 0;
    let twice = 0;
    /** The largest package: the edXML of the first document, as A exports it. */
    let largest = 0;
    let cold = { a: 0, b: 0 };
    for (let r = -1; r < RUNS; r += 1) {
      const warmup = r < 0;
      const count = warmup ? WARMUP : PACKAGES;
      // Drafted, approved and numbered before the clock starts; only the dispatch is measured.
      const prepared: { id: string; version: number }[] = [];
      for (let i = 0; i < count; i += PER_DOCUMENT) {
        const upload = await a.specialist.upload('Công văn đo hiệu năng.pdf', pdf);
        prepared.push(
          await dispatchDocument(a, targets.slice(i, Math.min(count, i + PER_DOCUMENT)), {
            summary: `Văn bản đo hiệu năng, ${warmup ? 'khởi động' : `lần ${r + 1}`}, nhóm ${i / PER_DOCUMENT + 1}`,
            uploadIds: [upload],
            dispatch: false,
          }),
        );
      }
      if (largest === 0 && prepared[0]) {
        const res = await fetch(`${a.url}/api/documents/${prepared[0].id}/edxml`, {
          headers: { cookie: a.clerk.cookie },
        });
        packageBytes = Buffer.from(await res.arrayBuffer());
        largest = packageBytes.length;
      }
      const before = (await health(b)).counts.received;
      const pids = { a: a.server.process.pid ?? 0, b: b.server.process.pid ?? 0 };
      const idle = { a: statusKb(pids.a, 'VmRSS'), b: statusKb(pids.b, 'VmRSS') };
      resetPeak(pids.a);
      resetPeak(pids.b);
      const started = performance.now();
      for (const doc of prepared)
        await a.clerk.call('POST', `/api/documents/${doc.id}/dispatch`, { version: doc.version });
      await waitFor(
        `${count} packages on B`,
        async () => ((await health(b)).counts.received - before >= count ? true : undefined),
        TIMEOUT_MS,
        100,
      );
      const seconds = (performance.now() - started) / 1000;
      const peak = { a: statusKb(pids.a, 'VmHWM'), b: statusKb(pids.b, 'VmHWM') };
      const rise = { a: ((peak.a - idle.a) * 1024) / largest, b: ((peak.b - idle.b) * 1024) / largest };
      if (warmup) {
        cold = rise;
        console.log(
          `  khởi động (không tính): ${count} gói, ${round(count / seconds)} gói/s; RSS A ${mb(idle.a * 1024)} → đỉnh ${mb(peak.a * 1024)} MB, B ${mb(idle.b * 1024)} → đỉnh ${mb(peak.b * 1024)} MB`,
        );
      } else rates.push(PACKAGES / seconds);
      // Status 01 for every package is still on its way back; it is not part of what is measured.
      const counts = (await health(a)).counts;
      const onB = await arrivalsOnB(b);
      lost = counts.queued + counts.failed;
      twice = onB.deliveries - onB.distinct;
      if (!warmup) {
        rises.a.push(rise.a);
        rises.b.push(rise.b);
        console.log(
          `  lần ${r + 1}: ${round(PACKAGES / seconds)} gói/s (${round(seconds)} s); RSS A ${mb(idle.a * 1024)} → đỉnh ${mb(peak.a * 1024)} MB, B ${mb(idle.b * 1024)} → đỉnh ${mb(peak.b * 1024)} MB; A còn chờ/hỏng ${lost}; B nhận trùng ${twice}`,
        );
      }
      // The next run starts with A's queue empty (the status messages back included).
      await waitFor(
        'A and B idle',
        async () => {
          const [ha, hb] = await Promise.all([health(a), health(b)]);
          return ha.counts.queued === 0 && hb.counts.queued === 0 ? true : undefined;
        },
        TIMEOUT_MS,
        250,
      );
    }
    const finalA = (await health(a)).counts;
    lost = finalA.queued + finalA.failed;
    const bare = await floor(packageBytes, PACKAGES);
    const floorRate = bare.rate;
    const product = spread(rates);
    console.log(`Gói lớn nhất (edXML của văn bản, tải về từ A): ${mb(largest)} MB`);
    console.log(`Sản phẩm: ${show(product, 'gói/s')}`);
    console.log(
      `Nền (cùng ${PACKAGES} gói POST tới máy chủ Node trần chỉ ghi ra đĩa, ${FLOOR_CONCURRENCY} song song): ${round(floorRate)} gói/s; tỉ lệ sản phẩm/nền ${round(product.median / floorRate, 3)}`,
    );
    console.log(
      `RSS tăng / gói lớn nhất: A ${show(spread(rises.a), '×')}, B ${show(spread(rises.b), '×')} (mục tiêu < 3×); nền ${round(bare.riseBytes / largest, 2)}×; lần tải đầu sau khi khởi động: A ${round(cold.a, 2)}×, B ${round(cold.b, 2)}×`,
    );
    console.log(`Mất: ${lost}, nhận hai lần: ${twice} (mục tiêu 0 và 0); mục tiêu ≥ 10 gói/s`);
    return {
      bench: 'exchange',
      engine: ENGINE,
      packages: PACKAGES,
      runs: RUNS,
      attachmentBytes: pdf.length,
      largestPackageBytes: largest,
      packagesPerSecond: product,
      memoryRiseOverLargestPackage: {
        a: spread(rises.a),
        b: spread(rises.b),
        floor: round(bare.riseBytes / largest, 2),
        firstLoadAfterStart: { a: round(cold.a, 2), b: round(cold.b, 2) },
      },
      lost,
      twice,
      baseline: { packagesPerSecond: round(floorRate), ratio: round(product.median / floorRate, 3) },
    };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}
