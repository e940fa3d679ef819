import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../common/schemas/directory-transfer';
import { browser, multipartFile } from '../../../test/directory';
import { signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';

const BOM = '\uFEFF';

describe.each(testEngines())('national identifiers in directory files (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => t.close());

  const upload = (cookie: string, mode: string, content: string) => {
    const body = multipartFile('to-chuc.csv', content);
    return t.app.inject({
      method: 'POST',
      url: `/api/directory/import?kind=organizations&mode=${mode}`,
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
  };
  const nationalIds = async () =>
    Object.fromEntries(
      (
        await t.deps.database.db.selectFrom('organizations').select(['code', 'national_id']).orderBy('code').execute()
      ).map((r) => [r.code, r.national_id]),
    );

  it('reads the column: good identifiers stored upper case, bad and duplicate ones reported on their row', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const holder = await api.post('/api/organizations', {
      parentId: root.id,
      type: 'office',
      code: 'VPTU',
      name: 'Văn phòng Tỉnh ủy',
      abbreviation: 'VPTU',
      nationalId: 'H10.01.00.A01',
    });
    expect(holder.statusCode).toBe(201);
    const csv = [
      'Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Mã định danh',
      `HU-DV;Huyện ủy Đồng Văn;HU;Cấp ủy;${root.code}; h10.05.00.a01 `,
      `HU-MV;Huyện ủy Mèo Vạc;HU;Cấp ủy;${root.code};H10.05`,
      `HU-YM;Huyện ủy Yên Minh;HU;Cấp ủy;${root.code};H10.05.00.A01`,
      `HU-QB;Huyện ủy Quản Bạ;HU;Cấp ủy;${root.code};H10.01.00.A01`,
      `HU-BQ;Huyện ủy Bắc Quang;HU;Cấp ủy;${root.code};`,
    ].join('\r\n');
    const res = await upload(cookie, 'valid_only', `${BOM}${csv}\r\n`);
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ totalRows: 5, validRows: 2, invalidRows: 3, created: 2, committed: true });
    expect(report.rows.map((r) => [r.row, r.status, r.errors.map((e) => e.column)])).toEqual([
      [2, 'created', []],
      [3, 'rejected', ['Mã định danh']],
      [4, 'rejected', ['Mã định danh']],
      [5, 'rejected', ['Mã định danh']],
      [6, 'created', []],
    ]);
    const messages = report.rows.map((r) => r.errors[0]?.message ?? '');
    expect(messages[1]).toContain('ví dụ 000.00.00.G22');
    expect(messages[2]).toContain('đã có ở dòng 2');
    expect(messages[3]).toContain('Văn phòng Tỉnh ủy');
    expect(await nationalIds()).toMatchObject({ 'HU-DV': 'H10.05.00.A01', 'HU-BQ': null, VPTU: 'H10.01.00.A01' });
    expect(Object.keys(await nationalIds())).not.toContain('HU-MV');

    // The export writes the column, and reads back unchanged.
    const exported = (await api.get('/api/directory/export?kind=organizations&format=csv&delimiter=semicolon')).body;
    expect(exported.split('\r\n')[0]).toBe(
      `${BOM}Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Hòm thư;Thứ tự;Mã định danh;Cách nhận;Máy chủ liên thông`,
    );
    expect(exported).toMatch(/\r\nHU-DV;[^\r]*;H10\.05\.00\.A01;;\r\n/);
    const again = (await upload(cookie, 'all_or_nothing', exported)).json() as ImportReport;
    expect(again.invalidRows).toBe(0);
    expect(again.rows.every((r) => r.changes.length === 0)).toBe(true);
  });

  it('hands an identifier from one organization to another in one file, the giver first', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    await api.post('/api/organizations', {
      parentId: root.id,
      type: 'office',
      code: 'CU',
      name: 'Văn phòng cũ',
      abbreviation: 'VPC',
      nationalId: 'H10.01.00.A01',
    });
    const taker = `MOI;Văn phòng mới;VPM;Văn phòng;${root.code};H10.01.00.A01`;
    const giver = `CU;Văn phòng cũ;VPC;Văn phòng;${root.code};H10.01.00.A99`;
    const header = 'Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Mã định danh';

    // The taker before the giver: the identifier is still held when its row is read.
    const early = (
      await upload(cookie, 'all_or_nothing', `${header}\r\n${taker}\r\n${giver}\r\n`)
    ).json() as ImportReport;
    expect(early).toMatchObject({ committed: false, invalidRows: 1 });
    expect(early.rows[0]?.errors[0]?.message).toContain('Văn phòng cũ');

    const res = await upload(cookie, 'all_or_nothing', `${header}\r\n${giver}\r\n${taker}\r\n`);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ committed: true, invalidRows: 0, created: 1, updated: 1 });
    expect(report.rows[0]?.changes).toEqual(['Mã định danh']);
    expect(await nationalIds()).toMatchObject({ CU: 'H10.01.00.A99', MOI: 'H10.01.00.A01' });
  });
});
