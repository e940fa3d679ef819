import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, InspectionReport, ProgrammeView } from '../../../common/schemas/inspection';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { type CommissionWorld, denunciation, errorCode, makeCommission, ok } from '../../test/inspection';

describe.each(testEngines())('inspection programme and reports (%s)', (engine) => {
  let t: TestApp;
  let w: CommissionWorld;
  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await makeCommission(t);
  });
  afterAll(async () => t.close());

  const view = async (id: string) => ok<CaseView>(await w.officer.api.get(`/api/inspection/cases/${id}`));
  async function run(id: string, steps: [string, string, Record<string, unknown>?][]) {
    for (const [stage, onDate, extra] of steps) {
      const c = await view(id);
      ok(
        await w.officer.api.post(`/api/inspection/cases/${id}/stages`, { version: c.version, stage, onDate, ...extra }),
        204,
      );
    }
  }

  it('plans a year by quarter, carries out a supervision from plan to closure, and shows the progress', async () => {
    const { id: programmeId } = ok<{ id: string }>(
      await w.officer.api.post('/api/inspection/programmes', {
        organizationId: w.commission.id,
        year: 2026,
        title: 'Chương trình kiểm tra, giám sát năm 2026',
      }),
      201,
    );
    const again = await w.officer.api.post('/api/inspection/programmes', {
      organizationId: w.commission.id,
      year: 2026,
      title: 'Lần nữa',
    });
    expect(errorCode(again)).toBe('inspection.programme_exists');
    const item = (quarter: number, kind: string, title: string) =>
      w.officer.api.post(`/api/inspection/programmes/${programmeId}/items`, {
        quarter,
        kind,
        title,
        unitOrganizationId: w.cell.id,
      });
    const { id: itemId } = ok<{ id: string }>(
      await item(4, 'supervision_thematic', 'Giám sát chuyên đề việc thu nộp đảng phí'),
      201,
    );
    ok(await item(4, 'finance', 'Kiểm tra tài chính Chi bộ thôn Lũng Cú'), 201);
    ok(await item(1, 'duty_performance', 'Kiểm tra việc thực hiện nhiệm vụ của chi ủy'), 201);

    const { id } = ok<{ id: string }>(
      await w.officer.api.post('/api/inspection/cases', {
        organizationId: w.commission.id,
        kind: 'supervision_thematic',
        title: 'Giám sát chuyên đề việc thu nộp đảng phí',
        unitOrganizationId: w.cell.id,
        subjects: [{ type: 'organization', organizationId: w.cell.id }],
        openedOn: '2026-10-05',
        documentNumber: '30-KH/UBKTHU',
        programmeItemId: itemId,
      }),
      201,
    );
    const taken = await w.officer.api.post('/api/inspection/cases', {
      organizationId: w.commission.id,
      kind: 'supervision_thematic',
      title: 'Trùng',
      subjects: [{ type: 'organization', name: 'Chi bộ khác' }],
      openedOn: '2026-10-06',
      programmeItemId: itemId,
    });
    expect(errorCode(taken)).toBe('inspection.programme_item_taken');
    await run(id, [
      ['decision', '2026-10-10', { documentNumber: '31-QĐ/UBKTHU' }],
      ['report', '2026-11-10'],
      ['conclusion', '2026-11-15', { violation: false }],
      ['notification', '2026-11-18'],
      ['closure', '2026-11-20'],
    ]);
    const closed = await view(id);
    expect([closed.stage, closed.status, closed.stageDueDate, closed.overdue]).toEqual([
      'closure',
      'closed',
      null,
      false,
    ]);
    expect(closed.subjects[0]).toMatchObject({ type: 'organization', name: 'Chi bộ thôn Lũng Cú' });

    const p = ok<ProgrammeView>(
      await w.officer.api.get(`/api/inspection/programme?year=2026&organizationId=${w.commission.id}`),
    );
    expect(p.totals).toEqual({ planned: 3, started: 1, closed: 1 });
    expect(p.byQuarter.find((q) => q.quarter === 4)).toEqual({ quarter: 4, planned: 2, started: 1, closed: 1 });
    expect(p.items.find((i) => i.id === itemId)).toMatchObject({ caseId: id, caseStatus: 'closed' });
    const outside = await w.leader.api.get(`/api/inspection/programme?organizationId=${w.commission.id}`);
    expect(errorCode(outside)).toBe('inspection.forbidden');
  });

  it('counts cases by kind, subject, organization and quarter, disciplines by form, and denunciations in time', async () => {
    const { id } = ok<{ id: string }>(
      await w.officer.api.post('/api/inspection/cases', denunciation(w, '2026-08-03')),
      201,
    );
    await run(id, [
      ['decision', '2026-08-05'],
      ['report', '2026-09-01'],
      ['conclusion', '2026-09-10', { violation: true }],
    ]);
    const c = await view(id);
    await run(id, [
      [
        'discipline',
        '2026-09-15',
        {
          disciplines: c.subjects.map((s) => ({
            subjectId: s.id,
            form: s.type === 'full_member' ? 'dismissal' : 'reprimand',
            decidingBody: 'Ủy ban Kiểm tra Huyện ủy',
          })),
        },
      ],
    ]);
    // A second denunciation, received and not yet concluded.
    ok(
      await w.officer.api.post('/api/inspection/cases', {
        ...denunciation(w, '2026-11-20'),
        unitOrganizationId: undefined,
      }),
      201,
    );

    const r = ok<InspectionReport>(await w.officer.api.get('/api/inspection/reports?year=2026'));
    expect(r.totals).toMatchObject({ cases: 3, violations: 1, open: 2, closed: 1 });
    expect(r.byKind).toEqual([
      { kind: 'denunciation', cases: 2, violations: 1 },
      { kind: 'supervision_thematic', cases: 1, violations: 0 },
    ]);
    expect(new Map(r.bySubjectType.map((s) => [s.subjectType, s.subjects]))).toEqual(
      new Map([
        ['full_member', 2],
        ['probationary_member', 2],
        ['organization', 1],
      ]),
    );
    expect(r.byOrganization).toEqual([
      { organizationId: w.cell.id, organizationName: 'Chi bộ thôn Lũng Cú', cases: 2, violations: 1 },
      { organizationId: null, organizationName: 'Không gắn tổ chức', cases: 1, violations: 0 },
    ]);
    expect(r.byQuarter).toEqual([
      { quarter: 3, cases: 1, violations: 1 },
      { quarter: 4, cases: 2, violations: 0 },
    ]);
    expect(r.disciplines).toEqual(
      expect.arrayContaining([
        { form: 'dismissal', subjectType: 'full_member', count: 1 },
        { form: 'reprimand', subjectType: 'probationary_member', count: 1 },
      ]),
    );
    expect(r.denunciations).toEqual({ received: 2, handled: 1, inTime: 1 });
    expect(ok<InspectionReport>(await w.officer.api.get('/api/inspection/reports?year=2025')).totals.cases).toBe(0);

    const xlsx = await w.officer.api.get('/api/inspection/reports.xlsx?year=2026');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]?.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows).toContainEqual(['Theo loại', 'Giải quyết tố cáo', 2, 1]);
    expect(rows).toContainEqual(['Kỷ luật', 'Cách chức — Đảng viên chính thức', 1, '']);
    const pdf = await w.officer.api.get('/api/inspection/reports.pdf?year=2026');
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([
      200,
      'application/pdf',
      '%PDF-',
    ]);
  });
});
