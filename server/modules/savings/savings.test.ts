import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import type { SavingsReport, SavingsSettings } from '../../../common/schemas/savings';
import { client, errorCode, ok, tinyPdf } from '../../test/documents';
import { makeUser, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { createMeeting, makeMeetingWorld, meetingInput } from '../../test/meetings';
import { recordSavings } from './record.service';

describe.each(testEngines())('the paper saved (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('counts pages × copies of every electronic delivery, priced as the administrator sets', async () => {
    const w = await makeMeetingWorld(t);
    // A document of 4 pages dispatched to the cell and by e-mail to one address. With no relay
    // configured the e-mail goes nowhere: only the cell's copy is one not printed.
    const { id } = ok<{ id: string }>(
      await w.specialist.api.post('/api/documents/outgoing', {
        organizationId: w.committee.id,
        typeCode: 'CV',
        summary: 'Công văn về lịch tiếp công dân',
        pageCount: 4,
        recipients: [
          { kind: 'organization', id: w.cell.id },
          { kind: 'external', name: 'Sở Nội vụ', channel: 'email', email: 'sonoivu@example.vn' },
        ],
        uploadIds: [await w.specialist.api.upload('Công văn.pdf', tinyPdf('Cong van'))],
      }),
      201,
    );
    let doc = ok<DocumentView>(
      await w.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: w.leader.id }),
    );
    doc = ok(await w.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    doc = ok(
      await w.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: w.outgoingRegister }),
    );
    ok(await w.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
    // An invitation of one page to three delegates.
    const meetingId = await createMeeting(w.clerk.api, meetingInput(w, { agenda: [] }));
    ok(await w.clerk.api.post(`/api/meetings/${meetingId}/send`, { version: 1, registerId: w.outgoingRegister }));

    const report = ok<SavingsReport>(await w.clerk.api.get('/api/savings?year=2026'));
    const kind = (k: string) => report.byKind.find((x) => x.kind === k);
    expect(kind('document')).toMatchObject({ pages: 4, copies: 1 });
    expect(kind('invitation')?.copies).toBe(3);
    const invitationPages = kind('invitation')?.pages ?? 0;
    expect(invitationPages).toBeGreaterThanOrEqual(3);
    expect(report.byMonth).toEqual([
      expect.objectContaining({ month: '2026-11', pages: 4 + invitationPages, copies: 4 }),
    ]);
    const { costPerPage, costPerCopy } = report.settings;
    expect(report.totals.money).toBe((4 + invitationPages) * costPerPage + 4 * costPerCopy);
    expect(report.byOrganization).toEqual([expect.objectContaining({ organizationId: w.committee.id })]);
    // Everything counted today: a year at this pace, judged over no less than 30 days.
    expect(report.projectedYear).toBe(Math.round((report.totals.money * 365) / 30));
    expect(report.target).toBe(200_000_000);

    // Only an administrator sets the prices; a stale form is refused.
    const settings = ok<SavingsSettings>(await w.clerk.api.get('/api/savings/settings'));
    const admin = await makeUser(t, [{ organization: w.committee, role: 'admin' }]);
    const adminCookie = await sessionFor(t, admin);
    const send = (cookie: string, body: object) =>
      t.app.inject({ method: 'PUT', url: '/api/savings/settings', headers: { cookie }, payload: body });
    const clerkCookie = await sessionFor(t, w.clerk);
    const refused = await send(clerkCookie, { costPerPage: 1000, costPerCopy: 5000, version: settings.version });
    expect(refused.statusCode).toBe(403);
    const saved = ok<SavingsSettings>(
      await send(adminCookie, { costPerPage: 1000, costPerCopy: 5000, version: settings.version }),
    );
    expect(saved).toMatchObject({ costPerPage: 1000, costPerCopy: 5000, version: settings.version + 1 });
    const stale = await send(adminCookie, { costPerPage: 1, costPerCopy: 1, version: settings.version });
    expect(errorCode(stale)).toBe('common.stale_version');
    const repriced = ok<SavingsReport>(await client(t, adminCookie).get('/api/savings?year=2026'));
    expect(repriced.totals.money).toBe((4 + invitationPages) * 1000 + 4 * 5000);
  });

  it('shows an organization only its own savings, and nothing to a delegate', async () => {
    const w = await makeMeetingWorld(t);
    // The committee sends an invitation (three copies); the cell saved two copies of four pages.
    const meetingId = await createMeeting(w.clerk.api, meetingInput(w, { agenda: [] }));
    ok(await w.clerk.api.post(`/api/meetings/${meetingId}/send`, { version: 1, registerId: w.outgoingRegister }));
    await recordSavings(
      t.deps.database.db,
      [{ organizationId: w.cell.id, kind: 'document', entityId: 'cell-document', pages: 4, copies: 2 }],
      t.clock.now(),
    );

    const cell = ok<SavingsReport>(await w.cellClerk.api.get('/api/savings?year=2026'));
    expect(cell.byOrganization).toEqual([expect.objectContaining({ organizationId: w.cell.id, pages: 8, copies: 2 })]);
    expect(cell.totals).toMatchObject({ pages: 8, copies: 2 });
    // The committee sees its own and the cell below it, and no other office's.
    const committee = ok<SavingsReport>(await w.clerk.api.get('/api/savings?year=2026'));
    expect(committee.byOrganization.map((o) => o.organizationId).sort()).toEqual([w.committee.id, w.cell.id].sort());
    expect(committee.totals.copies).toBe(2 + 3);

    const delegate = await w.delegates[0]?.api.get('/api/savings');
    expect(delegate?.statusCode).toBe(403);
  });
});
