import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { ALLOWED_FORMS, CASE_KINDS, DISCIPLINE_FORMS, SUBJECT_TYPES } from '../common/inspection';
import type {
  InspectionCasesTable,
  InspectionDisciplinesTable,
  InspectionSubjectsTable,
} from '../server/modules/inspection/inspection.tables';
import type { DatabaseKind } from '../server/platform/db/database';
import { newId } from '../server/platform/ids';
import { makeOrganization } from '../server/test/factories';
import { createTestApp } from '../server/test/harness';
import { makeCommission } from '../server/test/inspection';

const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const UNITS = 68;
const ENGINES = (process.env.BENCH_ENGINE ?? 'sqlite,postgres').split(',');
const CHUNK = 400;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(runs: number, work: () => Promise<void>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1) ?? 0) };
}

/**
 * 50,000 cases of one commission over three years (two thirds of them this year), about 1.3
 * subjects each and a discipline for one in six: the yearly report through HTTP (every figure,
 * each one aggregate SQL), its spreadsheet, and the case list's first page with filters.
 */
async function figuresFor(kind: DatabaseKind) {
  const t = await createTestApp(kind);
  try {
    const w = await makeCommission(t);
    const units = [];
    for (let i = 0; i < UNITS; i++)
      units.push((await makeOrganization(t, { parent: w.committee, name: `Chi bộ số ${i + 1}` })).id);
    const db = t.deps.database.db;
    const at = new Date().toISOString();
    const loadStart = performance.now();
    for (let start = 0; start < CASES; start += CHUNK) {
      const cases: InspectionCasesTable[] = [];
      const subjects: InspectionSubjectsTable[] = [];
      const disciplines: InspectionDisciplinesTable[] = [];
      for (let i = start; i < Math.min(CASES, start + CHUNK); i++) {
        const id = newId();
        const year = i % 3 === 0 ? 2025 : 2026;
        const month = (i % 12) + 1;
        const opened = `${year}-${String(month).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
        const closed = i % 4 !== 0;
        const violation = closed ? (i % 3 === 0 ? 1 : 0) : null;
        const kind = CASE_KINDS[i % CASE_KINDS.length] ?? 'denunciation';
        cases.push({
          id,
          organization_id: w.commission.id,
          kind,
          title: `Vụ việc số ${i + 1}`,
          summary: null,
          unit_organization_id: units[i % UNITS] ?? null,
          programme_item_id: null,
          year,
          quarter: Math.floor((month - 1) / 3) + 1,
          opened_on: opened,
          stage: closed ? 'closure' : 'decision',
          status: closed ? 'closed' : 'open',
          stage_due_date: closed ? null : `${year}-12-20`,
          deadline: kind === 'denunciation' ? `${year}-12-31` : null,
          violation,
          concluded_on: closed ? `${year}-12-01` : null,
          closed_on: closed ? `${year}-12-15` : null,
          search_text: `vu viec so ${i + 1}`,
          created_by: w.officer.id,
          version: 1,
          created_at: at,
          updated_at: at,
        });
        for (let s = 0; s < (i % 3 === 1 ? 2 : 1); s++) {
          const type = SUBJECT_TYPES[(i + s) % SUBJECT_TYPES.length] ?? 'full_member';
          const subjectId = newId();
          subjects.push({
            id: subjectId,
            case_id: id,
            ordinal: s,
            subject_type: type,
            person_id: null,
            organization_id: null,
            name: `Đối tượng ${i + 1}.${s + 1}`,
            position: null,
          });
          if (violation === 1 && s === 0) {
            const forms = ALLOWED_FORMS[type];
            disciplines.push({
              id: newId(),
              case_id: id,
              subject_id: subjectId,
              organization_id: w.commission.id,
              year,
              subject_type: type,
              form: forms[i % forms.length] ?? DISCIPLINE_FORMS[0],
              deciding_body: 'Ủy ban Kiểm tra',
              decided_on: `${year}-12-05`,
              outcome: null,
              created_at: at,
            });
          }
        }
      }
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('inspection_cases').values(cases).execute();
        await trx.insertInto('inspection_subjects').values(subjects).execute();
        if (disciplines.length > 0) await trx.insertInto('inspection_disciplines').values(disciplines).execute();
      });
    }
    // Fresh statistics, as autovacuum (PostgreSQL) or `vanphong` maintenance would leave them.
    await sql`analyze`.execute(db);
    const loadSeconds = round((performance.now() - loadStart) / 1000);

    const get = async (url: string) => {
      const res = await w.officer.api.get(url);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const sample = (await get('/api/inspection/reports?year=2026')).json() as { totals: { cases: number } };
    const report = await timed(RUNS, async () => void (await get('/api/inspection/reports?year=2026')));
    const xlsx = await timed(
      Math.max(3, RUNS / 4),
      async () => void (await get('/api/inspection/reports.xlsx?year=2026')),
    );
    const list = await timed(RUNS, async () => void (await get('/api/inspection/cases?year=2026&kind=denunciation')));
    const overdue = await timed(RUNS, async () => void (await get('/api/inspection/cases?overdue=true')));
    const search = await timed(RUNS, async () => void (await get('/api/inspection/cases?q=vu%20viec%20so%2012345')));
    return {
      cases: CASES,
      casesInYear: sample.totals.cases,
      loadSeconds,
      reportMs: report,
      xlsxMs: xlsx,
      listMs: list,
      overdueMs: overdue,
      searchMs: search,
    };
  } finally {
    await t.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: 'inspection', targetReportMs: 500 };
  for (const engine of ENGINES) {
    if (engine === 'postgres' && !process.env.TEST_DATABASE_URL) continue;
    const f = await figuresFor(engine as DatabaseKind);
    figures[engine] = f;
    console.log(`inspection reports over ${CASES} cases, ${engine}:`, f);
  }
  return figures;
}
