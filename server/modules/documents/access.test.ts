import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { extractText } from '../../platform/files/text-extract';
import { incomingInput, makeOffice, ok, tinyPdf } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

type List = { items: { id: string; summary: string }[]; total: number };

describe.each(testEngines())('secret documents and finding documents (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('shows a secret document only to its register clerk and the people given it, and audits every look', async () => {
    const o = await makeOffice(t);
    const secretRegister = await o.register(o.clerk.api, o.committee.id, 'incoming', { secret: true });
    const file = await o.clerk.api.upload('Mat.pdf', tinyPdf('Noi dung mat'));
    const { id } = ok<{ id: string }>(
      await o.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(secretRegister, {
          secrecy: 'secret',
          summary: 'Về công tác bảo vệ chính trị nội bộ',
          uploadIds: [file],
        }),
      ),
      201,
    );
    // An ordinary document is seen by the office's leaders; a secret one is not, until it is given to them.
    expect((await o.leader.api.get(`/api/documents/${id}`)).statusCode).toBe(404);
    expect((await o.specialist.api.get(`/api/documents/${id}`)).statusCode).toBe(404);
    const ordinary = ok<{ id: string }>(
      await o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister)),
      201,
    );
    const listed = ok<List>(await o.leader.api.get('/api/documents?direction=incoming'));
    expect(listed.items.map((i) => i.id)).toContain(ordinary.id);
    expect(listed.items.map((i) => i.id)).not.toContain(id);

    let doc = ok<DocumentView>(
      await o.clerk.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
    );
    doc = ok(await o.leader.api.get(`/api/documents/${id}`));
    // A secret document goes to people, never to a unit.
    const toUnit = await o.leader.api.post(`/api/documents/${id}/direct`, {
      version: doc.version,
      direction: 'Giao Ban Tổ chức',
      lead: { kind: 'organization', id: o.cell.id },
    });
    expect(toUnit.statusCode).toBe(400);
    ok(
      await o.leader.api.post(`/api/documents/${id}/direct`, {
        version: doc.version,
        direction: 'Đồng chí Chuyên viên nghiên cứu, đề xuất.',
        lead: { kind: 'user', id: o.specialist.id },
      }),
    );
    doc = ok(await o.specialist.api.get(`/api/documents/${id}`));
    const fileId = doc.files[0]?.id;
    const download = await o.specialist.api.get(`/api/documents/${id}/files/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    // Another committee's clerk sees nothing, file included.
    expect((await o.cellClerk.api.get(`/api/documents/${id}/files/${fileId}`)).statusCode).toBe(404);

    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', id)
      .where('action', 'in', ['document.view', 'document.download'])
      .execute();
    expect(audit.filter((a) => a.action === 'document.view').map((a) => a.actor_name)).toEqual(
      expect.arrayContaining(['Lò Thị Văn Thư', 'Vàng Seo Lãnh Đạo', 'Sùng Mí Chuyên Viên']),
    );
    expect(audit.filter((a) => a.action === 'document.download').map((a) => a.actor_name)).toEqual([
      'Sùng Mí Chuyên Viên',
    ]);
  });

  it('finds documents without diacritics, by notation and by the text of attached files', async () => {
    const o = await makeOffice(t);
    const file = await o.clerk.api.upload('kh.pdf', tinyPdf('Ke hoach phong chong lu quet mua mua bao'));
    const register = (summary: string, extra: Record<string, unknown> = {}) =>
      o.clerk.api.post('/api/documents/incoming', incomingInput(o.incomingRegister, { summary, ...extra }));
    ok(await register('Đảng ủy Đồng Văn báo cáo kết quả sơ kết', { numberText: '77-BC/ĐU', typeCode: 'BC' }), 201);
    ok(await register('Về việc tổ chức hội nghị cán bộ chủ chốt'), 201);
    ok(await register('Kế hoạch năm 2027', { uploadIds: [file], numberText: '12-KH/TU', typeCode: 'KH' }), 201);
    const search = async (q: string) =>
      ok<List>(await o.clerk.api.get(`/api/documents?direction=incoming&q=${encodeURIComponent(q)}`)).items.map(
        (i) => i.summary,
      );
    expect(await search('dang uy dong van')).toEqual(['Đảng ủy Đồng Văn báo cáo kết quả sơ kết']);
    expect(await search('ĐẢNG ỦY ĐỒNG VĂN')).toEqual(['Đảng ủy Đồng Văn báo cáo kết quả sơ kết']);
    expect(await search('77-BC')).toEqual(['Đảng ủy Đồng Văn báo cáo kết quả sơ kết']);
    expect(await search('hoi nghi can bo')).toEqual(['Về việc tổ chức hội nghị cán bộ chủ chốt']);
    expect(await search('lu quet')).toEqual(['Kế hoạch năm 2027']);
    expect(await search('không có gì như thế')).toEqual([]);
    // A word still being typed is completed: "ke hoa" finds "Kế hoạch".
    expect(await search('ke hoa')).toEqual(['Kế hoạch năm 2027']);
    // A number is whole: "7" does not find 77-BC.
    expect(await search('7')).toEqual([]);

    const filtered = ok<List>(await o.clerk.api.get('/api/documents?direction=incoming&typeCode=KH'));
    expect(filtered.items.map((i) => i.summary)).toEqual(['Kế hoạch năm 2027']);
    const paged = ok<List>(await o.clerk.api.get('/api/documents?direction=incoming&pageSize=2&page=2&sort=oldest'));
    expect(paged).toMatchObject({ total: 3, items: [{ summary: 'Kế hoạch năm 2027' }] });

    const xlsx = await o.clerk.api.get('/api/documents/export.xlsx?direction=incoming');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The same book on paper, made on the server with the shipped font: the Vietnamese reads back.
    const pdf = await o.clerk.api.get(`/api/documents/export.pdf?direction=incoming&registerId=${o.incomingRegister}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const printed = path.join(os.tmpdir(), `so-den-${Date.now()}.pdf`);
    fs.writeFileSync(printed, pdf.rawPayload);
    try {
      const text = await extractText(printed, 'pdf');
      expect(text).toContain('so dang ky van ban den');
      expect(text).toContain('ke hoach nam 2027');
      expect(text).toContain('huyen uy dong van');
    } finally {
      fs.rmSync(printed, { force: true });
    }
  });

  it('answers a broad search newest first with a bounded count', async () => {
    const o = await makeOffice(t);
    const now = '2026-11-25T02:00:00.000Z';
    const rows = Array.from({ length: 1050 }, (_, i) => ({
      id: `bulk${o.committee.id.slice(-8)}${String(i).padStart(5, '0')}`,
      organization_id: o.committee.id,
      direction: 'incoming',
      status: 'done',
      register_id: o.incomingRegister,
      period: '2026',
      number: null,
      number_text: `${i + 1}-CV/TU`,
      arrival_number: i + 1,
      arrival_date: '2026-11-25',
      type_code: 'CV',
      issuer_name: 'Tỉnh ủy Hà Giang',
      issuer_organization_id: null,
      issue_date: '2026-11-20',
      summary: `Về chuyển đổi số, văn bản ${i + 1}`,
      signer_name: null,
      signer_position: null,
      page_count: null,
      copies: null,
      secrecy: 'normal',
      urgency: 'normal',
      channel: 'paper',
      due_date: null,
      document_key: null,
      delivery_id: null,
      created_by: o.clerk.id,
      leader_id: null,
      client_key: null,
      search_text: `${i + 1} cv tu ve chuyen doi so van ban ${i + 1} tinh uy ha giang`,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    const db = t.deps.database.db;
    const base = Number(
      (
        await db
          .selectFrom('documents')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );
    for (let k = 0; k < rows.length; k += 150) {
      await db
        .insertInto('documents')
        .values(rows.slice(k, k + 150).map((r, j) => (t.kind === 'sqlite' ? { ...r, seq: base + k + j + 1 } : r)))
        .execute();
    }
    const res = ok<List & { totalCapped: boolean }>(
      await o.clerk.api.get('/api/documents?direction=incoming&q=chuyen%20doi%20so&pageSize=5'),
    );
    expect(res.totalCapped).toBe(true);
    expect(res.total).toBe(1000);
    expect(res.items.map((i) => i.summary)).toEqual(
      [1050, 1049, 1048, 1047, 1046].map((n) => `Về chuyển đổi số, văn bản ${n}`),
    );
    const second = ok<List>(
      await o.clerk.api.get('/api/documents?direction=incoming&q=chuyen%20doi%20so&pageSize=5&page=2'),
    );
    expect(second.items.map((i) => i.summary)[0]).toBe('Về chuyển đổi số, văn bản 1045');
  });
});
