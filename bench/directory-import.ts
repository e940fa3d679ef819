import { performance } from 'node:perf_hooks';
import { makeOrganization, makeUser, signIn } from '../server/test/factories';
import { createTestApp } from '../server/test/harness';

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
/** SQLite unless TEST_DATABASE_URL names a PostgreSQL database to run on. */
const ENGINE = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

function multipart(fileName: string, content: string) {
  const boundary = '----vanphongbench';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(`\uFEFF${content}`, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A 5,000-row organization file (50 communes of 99 Party cells each) and a 5,000-row
 * people file imported over HTTP in-process (SQLite in a temporary file, or PostgreSQL), then the
 * same files again (every row an unchanged update), the tree and the exports.
 */
export async function run(): Promise<Record<string, unknown>> {
  const t = await createTestApp(ENGINE);
  try {
    const root = await makeOrganization(t, { name: 'Tỉnh ủy Thử', code: 'TU' });
    const cookie = await signIn(t, await makeUser(t, [{ organization: root, role: 'admin' }]));
    const communes = Math.ceil(ROWS / 100);
    const orgLines = ['Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Hòm thư'];
    for (let c = 0; c < communes && orgLines.length <= ROWS; c++) {
      orgLines.push(`X${c};Đảng ủy xã Số ${c};ĐU;Đảng bộ cơ sở;TU;dangbo${c}@example.vn`);
      for (let k = 0; k < 99 && orgLines.length <= ROWS; k++)
        orgLines.push(`X${c}.CB${k};Chi bộ Thôn ${k} xã ${c};CB;Chi bộ;X${c};`);
    }
    const peopleLines = ['Họ và tên;Chức vụ;Điện thoại;Thư điện tử;Mã tổ chức'];
    for (let i = 0; i < ROWS; i++) {
      const c = i % communes;
      peopleLines.push(
        `Nguyễn Văn Thử ${i};Bí thư Chi bộ;09${String(10_000_000 + i).slice(-8)};nguoi${i}@example.vn;X${c}.CB${i % 99}`,
      );
    }
    const timed = async (label: string, kind: string, mode: string, lines: string[]) => {
      const started = performance.now();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/directory/import?kind=${kind}&mode=${mode}`,
        ...(() => {
          const m = multipart(`${kind}.csv`, lines.join('\r\n'));
          return { payload: m.payload, headers: { ...m.headers, cookie } };
        })(),
      });
      const ms = performance.now() - started;
      const report = res.json() as { validRows: number; invalidRows: number; created: number; updated: number };
      console.log(
        `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  valid ${report.validRows}, rejected ${report.invalidRows}, created ${report.created}, updated ${report.updated}`,
      );
      return Math.round(ms);
    };
    const get = async (label: string, url: string) => {
      const started = performance.now();
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - started;
      console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${res.rawPayload.length} bytes`);
      return Math.round(ms);
    };
    console.log(
      `\ndirectory import: ${orgLines.length - 1} organizations, ${peopleLines.length - 1} people, ${ENGINE}`,
    );
    const figures = {
      organizationsPreviewMs: await timed('organizations preview', 'organizations', 'preview', orgLines),
      organizationsImportMs: await timed('organizations import (valid_only)', 'organizations', 'valid_only', orgLines),
      organizationsReimportMs: await timed('organizations re-import', 'organizations', 'valid_only', orgLines),
      peopleImportMs: await timed('people import (valid_only)', 'people', 'valid_only', peopleLines),
      peopleReimportMs: await timed('people re-import', 'people', 'valid_only', peopleLines),
      treeMs: await get('GET /api/organizations/tree', '/api/organizations/tree'),
      exportPeopleXlsxMs: await get('export people xlsx', '/api/directory/export?kind=people&format=xlsx'),
      exportOrganizationsCsvMs: await get(
        'export organizations csv',
        '/api/directory/export?kind=organizations&format=csv',
      ),
    };
    return { bench: 'directory-import', engine: ENGINE, rows: ROWS, ...figures };
  } finally {
    await t.close();
  }
}

// `npx tsx bench/directory-import.ts` runs it alone.
if (process.argv[1]?.endsWith('directory-import.ts')) {
  console.log(JSON.stringify(await run()));
}
