import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView, DraftVersionList } from '../../../common/schemas/documents';
import { errorCode, makeOffice, ok, tinyPdf } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('a draft’s kept versions (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('keeps every save with its fields and files, refuses a stale save, and shows them to readers only', async () => {
    const o = await makeOffice(t);
    const first = await o.specialist.api.upload('du-thao-1.pdf', tinyPdf('Du thao lan 1'));
    const { id } = ok<{ id: string }>(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn về việc chuẩn bị hội nghị sơ kết',
        recipients: [{ kind: 'organization', id: o.cell.id }],
        uploadIds: [first],
      }),
      201,
    );
    let versions = ok<DraftVersionList>(await o.specialist.api.get(`/api/documents/${id}/versions`));
    expect(versions.items.map((v) => [v.number, v.savedByName])).toEqual([[1, 'Sùng Mí Chuyên Viên']]);
    expect(versions.items[0]?.mainFile?.name).toBe('du-thao-1.pdf');
    expect(versions.items[0]?.fields.recipients).toEqual(['Đảng ủy xã Lũng Cú']);

    const second = await o.specialist.api.upload('du-thao-2.pdf', tinyPdf('Du thao lan 2'));
    const doc = ok<DocumentView>(
      await o.specialist.api.patch(`/api/documents/${id}`, {
        version: 1,
        summary: 'Công văn về việc chuẩn bị hội nghị tổng kết năm',
        dueDate: null,
        uploadIds: [second],
      }),
    );
    // A save from a page that did not see the last one is refused, and keeps nothing.
    const stale = await o.specialist.api.patch(`/api/documents/${id}`, { version: 1, summary: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('common.stale_version');

    versions = ok<DraftVersionList>(await o.leader.api.get(`/api/documents/${id}/versions`));
    expect(versions.items.map((v) => v.number)).toEqual([1, 2]);
    expect(versions.items.map((v) => v.fields.summary)).toEqual([
      'Công văn về việc chuẩn bị hội nghị sơ kết',
      'Công văn về việc chuẩn bị hội nghị tổng kết năm',
    ]);
    expect(versions.items[1]?.files.map((f) => f.name)).toEqual(['du-thao-1.pdf', 'du-thao-2.pdf']);
    // Each version's files still open from the draft.
    const fileId = versions.items[1]?.files[1]?.id ?? '';
    expect((await o.leader.api.get(`/api/documents/${id}/files/${fileId}`)).statusCode).toBe(200);
    expect(doc.version).toBe(2);

    // Another organization's clerk does not learn the draft exists.
    expect((await o.cellClerk.api.get(`/api/documents/${id}/versions`)).statusCode).toBe(404);
  });
});
