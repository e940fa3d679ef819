import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../common/schemas/inspection';
import { makeUser, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import {
  type CommissionWorld,
  client,
  denunciation,
  errorCode,
  makeCommission,
  makeDocument,
  ok,
} from '../../test/inspection';

describe.each(testEngines())('inspection cases (%s)', (engine) => {
  let t: TestApp;
  let w: CommissionWorld;
  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await makeCommission(t);
  });
  afterAll(async () => t.close());

  const view = async (id: string, api = w.officer.api) => ok<CaseView>(await api.get(`/api/inspection/cases/${id}`));
  const open = async () =>
    ok<{ id: string }>(await w.officer.api.post('/api/inspection/cases', denunciation(w)), 201).id;
  const stage = (id: string, version: number, body: Record<string, unknown>, api = w.officer.api) =>
    api.post(`/api/inspection/cases/${id}/stages`, { version, ...body });

  it('runs a denunciation from receipt to the discipline decision, the denouncer seen only by those handling it', async () => {
    const id = await open();
    let c = await view(id);
    expect(c).toMatchObject({ kind: 'denunciation', stage: 'receipt', status: 'open', deadline: '2027-01-31' });
    expect(c.denouncer).toMatchObject({ name: 'Hoàng Văn Tố', source: 'letter' });
    expect(c.nextStages).toEqual(['decision']);

    ok(
      await stage(id, c.version, {
        stage: 'decision',
        onDate: '2026-11-05',
        documentNumber: '15-QĐ/UBKTHU',
        team: [w.colleague.id],
      }),
      204,
    );
    c = await view(id);
    ok(await stage(id, c.version, { stage: 'verification', onDate: '2026-11-20', note: 'Làm việc với 5 hộ dân' }), 204);
    ok(await stage(id, c.version + 1, { stage: 'report', onDate: '2026-12-01', documentNumber: '20-BC/ĐKT' }), 204);
    ok(await stage(id, c.version + 2, { stage: 'conclusion', onDate: '2026-12-05', violation: true }), 204);
    c = await view(id);
    const [full, probationary] = c.subjects;
    ok(
      await stage(id, c.version, {
        stage: 'discipline',
        onDate: '2026-12-10',
        documentNumber: '25-QĐ/UBKTHU',
        disciplines: [
          { subjectId: full?.id, form: 'expulsion', decidingBody: 'Ủy ban Kiểm tra Huyện ủy' },
          { subjectId: probationary?.id, form: 'warning', decidingBody: 'Chi bộ thôn Lũng Cú' },
        ],
      }),
      204,
    );
    c = await view(id);
    expect(c.stage).toBe('discipline');
    expect(c.violation).toBe(true);
    expect(c.disciplines.map((d) => [d.subjectName, d.form, d.decidingBody, d.decidedOn])).toEqual([
      ['Sùng Mí Chính Thức', 'expulsion', 'Ủy ban Kiểm tra Huyện ủy', '2026-12-10'],
      ['Lò Văn Dự Bị', 'warning', 'Chi bộ thôn Lũng Cú', '2026-12-10'],
    ]);
    expect(c.stages.map((s) => s.stage)).toEqual([
      'receipt',
      'decision',
      'verification',
      'report',
      'conclusion',
      'discipline',
    ]);

    // The team member handles the case and sees the denouncer; another commission member does not.
    expect((await view(id, w.colleague.api)).denouncer?.name).toBe('Hoàng Văn Tố');
    const third = await makeUser(t, [{ organization: w.commission, role: 'inspector' }]);
    const thirdApi = client(t, await sessionFor(t, third));
    const seen = await view(id, thirdApi);
    expect(seen.denouncer).toBeNull();
    expect(seen.denouncerHidden).toBe(true);
    expect(seen.actions).toEqual(['grant']);
    const refused = await stage(id, seen.version, { stage: 'notification', onDate: '2026-12-12' }, thirdApi);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'inspection.not_handler']);

    // Every opening of the case is in the audit trail.
    const reads = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_name', 'summary'])
      .where('entity_id', '=', id)
      .where('action', '=', 'inspection.case.read')
      .execute();
    expect(reads.length).toBe(6);
    expect(reads.some((r) => r.actor_name === third.fullName && !r.summary.includes('người tố cáo'))).toBe(true);
  });

  it('refuses a discipline form the rules do not allow for the subject, saving nothing', async () => {
    const id = await open();
    let c = await view(id);
    for (const [s, d] of [
      ['decision', '2026-11-05'],
      ['report', '2026-11-25'],
    ] as const) {
      ok(await stage(id, c.version, { stage: s, onDate: d }), 204);
      c = await view(id);
    }
    ok(await stage(id, c.version, { stage: 'conclusion', onDate: '2026-11-30', violation: true }), 204);
    c = await view(id);
    const probationary = c.subjects.find((s) => s.type === 'probationary_member');
    const full = c.subjects.find((s) => s.type === 'full_member');
    const res = await stage(id, c.version, {
      stage: 'discipline',
      onDate: '2026-12-02',
      disciplines: [
        { subjectId: full?.id, form: 'warning', decidingBody: 'Chi bộ' },
        { subjectId: probationary?.id, form: 'expulsion', decidingBody: 'Chi bộ' },
      ],
    });
    expect([res.statusCode, errorCode(res)]).toEqual([400, 'inspection.form_not_allowed']);
    expect((res.json() as { error: { message: string } }).error.message).toContain('Khai trừ');
    const after = await view(id);
    expect([after.version, after.stage, after.disciplines.length]).toEqual([c.version, 'conclusion', 0]);

    const dissolve = await stage(id, c.version, {
      stage: 'discipline',
      onDate: '2026-12-02',
      disciplines: [{ subjectId: full?.id, form: 'dissolution', decidingBody: 'Chi bộ' }],
    });
    expect(errorCode(dissolve)).toBe('inspection.form_not_allowed');
  });

  it('keeps stages in order: no report before the decision, no conclusion without a report, no discipline without a violation', async () => {
    const id = await open();
    const c = await view(id);
    const early = await stage(id, c.version, { stage: 'report', onDate: '2026-11-10' });
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'inspection.stage_out_of_order']);
    ok(await stage(id, c.version, { stage: 'decision', onDate: '2026-11-05' }), 204);
    const noReport = await stage(id, c.version + 1, { stage: 'conclusion', onDate: '2026-11-20', violation: true });
    expect([noReport.statusCode, errorCode(noReport)]).toEqual([409, 'inspection.report_required']);
    const back = await stage(id, c.version + 1, { stage: 'decision', onDate: '2026-11-06' });
    expect(errorCode(back)).toBe('inspection.stage_out_of_order');
    const earlier = await stage(id, c.version + 1, { stage: 'report', onDate: '2026-11-01' });
    expect(errorCode(earlier)).toBe('inspection.date_before_previous');
    ok(await stage(id, c.version + 1, { stage: 'report', onDate: '2026-11-21' }), 204);
    ok(await stage(id, c.version + 2, { stage: 'conclusion', onDate: '2026-11-22', violation: false }), 204);
    const none = await stage(id, c.version + 3, {
      stage: 'discipline',
      onDate: '2026-11-23',
      disciplines: [{ subjectId: c.subjects[0]?.id, form: 'reprimand', decidingBody: 'Chi bộ' }],
    });
    expect([none.statusCode, errorCode(none)]).toEqual([409, 'inspection.no_violation']);
    // Someone else moved the case on meanwhile.
    const stale = await stage(id, c.version, { stage: 'closure', onDate: '2026-11-30' });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'common.stale_version']);
    ok(await stage(id, c.version + 3, { stage: 'closure', onDate: '2026-11-30' }), 204);
    const closed = await view(id);
    expect([closed.status, closed.nextStages, closed.actions]).toEqual(['closed', [], ['grant']]);
    const more = await stage(id, closed.version, { stage: 'notification', onDate: '2026-12-01' });
    expect(errorCode(more)).toBe('inspection.closed');
  });

  it('refuses anyone outside the commission unless given the case, and lists only what one may see', async () => {
    const id = await open();
    const outside = await w.leader.api.get(`/api/inspection/cases/${id}`);
    expect([outside.statusCode, errorCode(outside)]).toEqual([403, 'inspection.forbidden']);
    expect((outside.json() as { error: { message: string } }).error.message).toMatch(/Ủy ban Kiểm tra/);
    const create = await w.leader.api.post('/api/inspection/cases', denunciation(w));
    expect([create.statusCode, errorCode(create)]).toEqual([403, 'inspection.forbidden']);
    expect(ok<{ total: number }>(await w.leader.api.get('/api/inspection/cases')).total).toBe(0);
    const report = await w.leader.api.get('/api/inspection/reports?year=2026');
    expect(report.statusCode).toBe(403);

    ok(await w.officer.api.post(`/api/inspection/cases/${id}/access`, { userId: w.leader.id, role: 'reader' }), 204);
    const given = await view(id, w.leader.api);
    expect([given.denouncer, given.actions]).toEqual([null, []]);
    const list = ok<{ items: { id: string }[] }>(await w.leader.api.get('/api/inspection/cases'));
    expect(list.items.map((i) => i.id)).toEqual([id]);
    ok(await w.officer.api.post(`/api/inspection/cases/${id}/access`, { userId: w.leader.id, role: 'handler' }), 204);
    expect((await view(id, w.leader.api)).denouncer?.name).toBe('Hoàng Văn Tố');
  });

  it('links a document the officer may read, and refuses one that is missing or not theirs to read', async () => {
    const id = await open();
    const readable = await makeDocument(t, w.committee, w.leader.id, [w.officer.id]);
    const hidden = await makeDocument(t, w.committee, w.leader.id);
    ok(
      await w.officer.api.post(`/api/inspection/cases/${id}/documents`, { documentId: readable, role: 'letter' }),
      204,
    );
    const twice = await w.officer.api.post(`/api/inspection/cases/${id}/documents`, {
      documentId: readable,
      role: 'letter',
    });
    expect(errorCode(twice)).toBe('inspection.document_linked');
    for (const documentId of [hidden, 'no-such-document']) {
      const res = await w.officer.api.post(`/api/inspection/cases/${id}/documents`, { documentId, role: 'letter' });
      expect([res.statusCode, errorCode(res)]).toEqual([400, 'inspection.document_not_found']);
    }
    const c = await view(id);
    expect(c.documents.map((d) => [d.documentId, d.role, d.numberText])).toEqual([
      [readable, 'letter', '12-QĐ/UBKTHU'],
    ]);
    const res = await stage(id, c.version, { stage: 'decision', onDate: '2026-11-05', documentId: hidden });
    expect(errorCode(res)).toBe('inspection.document_not_found');
    expect((await view(id)).stage).toBe('receipt');
  });

  it('finds cases by words without diacritics, by kind, organization, year and overdue', async () => {
    const id = await open();
    const found = async (query: string) =>
      ok<{ items: { id: string; overdue: boolean }[] }>(await w.officer.api.get(`/api/inspection/cases?${query}`))
        .items;
    expect((await found('q=dat dai truong thon')).map((i) => i.id)).toContain(id);
    expect((await found('q=Sung Mi')).map((i) => i.id)).toContain(id);
    expect(await found('q=khong co gi nhu vay')).toEqual([]);
    expect((await found(`kind=denunciation&unitOrganizationId=${w.cell.id}&year=2026`)).map((i) => i.id)).toContain(id);
    expect(await found('kind=finance')).toEqual([]);
    expect(await found('year=2025')).toEqual([]);
    // The test clock stands at 25/11/2026: a receipt of 02/11 should have been decided by 12/11.
    const overdue = await found('overdue=true');
    expect(overdue.find((i) => i.id === id)?.overdue).toBe(true);
  });
});
