import zlib from 'node:zlib';
import { DYNAMIC_BROTLI_QUALITY } from '../server/platform/http/compression';

/**
 * What compressing an API answer costs: a 200 kB JSON list of documents (Vietnamese titles,
 * ids, dates), compressed by brotli at the server's quality for answers made per request and at
 * others, and by gzip; median milliseconds per answer (one core, synchronous) and the size sent.
 */
function sampleList(bytes: number): Buffer {
  const words =
    'nghị quyết về công tác xây dựng đảng chỉnh đốn tổ chức cơ sở năm triển khai kế hoạch kiểm tra giám sát báo cáo tổng kết phong trào thi đua chuyển đổi số cải cách hành chính đại hội chi bộ nhiệm kỳ học tập làm theo tư tưởng đạo đức phong cách hồ chí minh quy chế làm việc ban thường vụ huyện ủy xã thị trấn mặt trận đoàn thể'.split(
      ' ',
    );
  // A fixed pseudo-random sequence: varied like real titles, the same at every run.
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const items: unknown[] = [];
  let i = 0;
  while (JSON.stringify({ items }).length < bytes) {
    const title = Array.from({ length: 8 + next(10) }, () => words[next(words.length)]).join(' ');
    items.push({
      id: `01J${next(2 ** 30)
        .toString(36)
        .toUpperCase()}${next(2 ** 30)
        .toString(36)
        .toUpperCase()}`,
      number: `${next(400) + 1}-${['NQ', 'QĐ', 'CV', 'TB', 'KH', 'BC'][next(6)]}/HU`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      issuer: `${['Ban Thường vụ', 'Ban Tổ chức', 'Ủy ban Kiểm tra', 'Văn phòng'][next(4)]} Huyện ủy ${next(30)}`,
      receivedAt: new Date(Date.UTC(2026, next(12), next(28) + 1, next(10) + 7, next(60))).toISOString(),
      status: ['registered', 'assigned', 'in_progress', 'done'][next(4)],
      handler: { id: `u${next(400)}`, name: `Nguyễn ${['Văn', 'Thị'][next(2)]} ${words[next(words.length)]}` },
      unread: next(3) === 0,
    });
    i++;
  }
  return Buffer.from(JSON.stringify({ items, total: i }));
}

/** Median milliseconds of one synchronous run (the process's CPU clock ticks too coarsely for this). */
function median(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

export async function run(): Promise<Record<string, unknown>> {
  const body = sampleList(200_000);
  const figures: Record<string, unknown> = { rawBytes: body.length };
  const brotli = (quality: number) => () =>
    zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    });
  const cases: [string, () => Buffer, number][] = [
    ...[4, 5, 6].map((q): [string, () => Buffer, number] => [
      `br q${q}${q === DYNAMIC_BROTLI_QUALITY ? ' (server)' : ''}`,
      brotli(q),
      60,
    ]),
    ['br q11', brotli(11), 7],
    ['gzip 6 (server)', () => zlib.gzipSync(body, { level: 6 }), 60],
  ];
  console.log(`JSON answer: ${body.length} bytes`);
  for (const [name, compress, times] of cases) {
    const size = compress().length;
    const ms = median(() => void compress(), times);
    console.log(
      `  ${name.padEnd(18)} ${String(size).padStart(7)} bytes (${((100 * size) / body.length).toFixed(1)} %)  ${ms.toFixed(2)} ms`,
    );
    figures[name] = { bytes: size, ms: Number(ms.toFixed(2)) };
  }
  return figures;
}
