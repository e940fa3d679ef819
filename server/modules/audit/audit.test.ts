import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit-verify';
import { ok } from '../../test/documents';
import { signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { denunciation, makeCommission } from '../../test/inspection';
import { createMeeting, makeMeetingWorld, meetingInput } from '../../test/meetings';

interface AuditPage {
  items: { action: string; summary: string; data: Record<string, unknown> | null }[];
  total: number;
}

describe.each(testEngines())('the audit log keeps secrets from its readers (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => t.close());

  it('shows no title of a secret meeting or an inspection case to an administrator, nor finds one', async () => {
    const meetingTitle = 'Hội nghị kín bàn nhân sự khóa mới';
    const w = await makeMeetingWorld(t);
    const meetingId = await createMeeting(
      w.clerk.api,
      meetingInput(w, { secrecy: 'confidential', title: meetingTitle }),
    );
    expect((await w.clerk.api.get(`/api/meetings/${meetingId}`)).statusCode).toBe(200);

    const c = await makeCommission(t);
    const { title: caseTitle } = denunciation(c);
    const caseId = ok<{ id: string }>(await c.officer.api.post('/api/inspection/cases', denunciation(c)), 201).id;
    expect((await c.officer.api.get(`/api/inspection/cases/${caseId}`)).statusCode).toBe(200);

    const { cookie } = await signedInAs(t, 'admin');
    const list = async (query: string) =>
      ok<AuditPage>(await t.app.inject({ url: `/api/audit?pageSize=200${query}`, headers: { cookie } }));
    const all = await list('');
    // The readings are in the trail, and say what happened, without what it was about.
    expect(all.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['meeting.create', 'meeting.view', 'inspection.case.create', 'inspection.case.read']),
    );
    expect(all.items.find((i) => i.action === 'meeting.view')?.summary).toBe('Xem cuộc họp mật (nội dung ẩn)');
    const shown = JSON.stringify(all.items);
    expect(shown).not.toContain(meetingTitle);
    expect(shown).not.toContain(caseTitle);
    expect(shown).not.toContain('Đơn tố cáo');
    for (const words of ['hoi nghi kin ban nhan su', 'Đơn tố cáo đồng chí trưởng thôn', 'dat dai']) {
      expect((await list(`&q=${encodeURIComponent(words)}`)).total).toBe(0);
    }
    // Those who may read them still see the titles where they belong.
    expect(ok<{ title: string }>(await w.clerk.api.get(`/api/meetings/${meetingId}`)).title).toBe(meetingTitle);
    expect(await verifyAuditChain(t.deps.database.db, { key: t.deps.auditKey, checkpointDir: null })).toMatchObject({
      ok: true,
    });
  });
});
