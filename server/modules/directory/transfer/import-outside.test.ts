import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../common/schemas/directory-transfer';
import { newId } from '../../../platform/ids';
import { browser, multipartFile } from '../../../test/directory';
import { signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';

const BOM = '\uFEFF';
const HEADER = 'Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Mã định danh;Cách nhận;Máy chủ liên thông';

describe.each(testEngines())('outside organizations in directory files (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => t.close());

  const upload = (cookie: string, mode: string, content: string | Buffer, name = 'to-chuc.csv') => {
    const body = multipartFile(name, content);
    return t.app.inject({
      method: 'POST',
      url: `/api/directory/import?kind=organizations&mode=${mode}`,
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
  };
  const csv = (...rows: string[]) => `${BOM}${[HEADER, ...rows].join('\r\n')}\r\n`;
  const makePeer = async (node: string, active = true) => {
    const now = t.clock.now().toISOString();
    const id = newId();
    await t.deps.database.db
      .insertInto('exchange_peers')
      .values({
        id,
        node,
        name: `VanPhong ${node}`,
        url: `https://${node}.example.vn/api/exchange/peer`,
        secret: 's'.repeat(40),
        secret_approved: 0,
        active: active ? 1 : 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  };
  const reaches = async () =>
    Object.fromEntries(
      (
        await t.deps.database.db
          .selectFrom('organizations')
          .select(['code', 'reach', 'peer_id', 'parent_id'])
          .where('reach', '!=', 'inside')
          .orderBy('code')
          .execute()
      ).map((r) => [r.code, [r.reach, r.peer_id, r.parent_id]]),
    );

  it('imports a list of outside organizations in one file, each rule reported on its column', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const laoCai = await makePeer('vp-laocai');
    await makePeer('vp-cu', false);
    const file = csv(
      'VPCP;Văn phòng Chính phủ;VPCP;Khác;;000.00.00.G22;Trục liên thông (LGSP/VXP);',
      'TU-LC;Tỉnh ủy Lào Cai;TU;Cấp ủy;;H13.01.00.A01;lien thong vanphong;vp-laocai',
      'BNV;Bộ Nội vụ;BNV;Khác;;000.00.00.G09;Trục liên thông;',
      'TRONG;Ban Tổ chức;BTC;Ban xây dựng Đảng;;H10.02.00.A01;;',
      // Refused, each on its column:
      'X1;Tổ chức lạ;X;Khác;;H10.09.00.A01;Chim bồ câu;',
      'X2;Tỉnh ủy Yên Bái;TU;Cấp ủy;;H14.01.00.A01;Liên thông VanPhong;vp-yenbai',
      'X3;Tỉnh ủy Sơn La;TU;Cấp ủy;;H15.01.00.A01;Liên thông VanPhong;vp-cu',
      'X4;Bộ Tài chính;BTC;Khác;;000.00.00.G12;Trục liên thông (LGSP/VXP);vp-laocai',
      `X5;Sở Nội vụ;SNV;Khác;${root.code};H10.20.00.A01;Trục liên thông (LGSP/VXP);`,
      'X6;Bộ Công an;BCA;Khác;;;Trục liên thông (LGSP/VXP);',
      'X7;Chi bộ dưới Bộ;CB;Chi bộ;BNV;;;',
      'X8;Tỉnh ủy Điện Biên;TU;Cấp ủy;;H16.01.00.A01;Liên thông VanPhong;',
    );
    const res = await upload(cookie, 'valid_only', file);
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report.rows.map((r) => [r.key, r.status, r.errors.map((e) => e.column)])).toEqual([
      ['VPCP', 'created', []],
      ['TU-LC', 'created', []],
      ['BNV', 'created', []],
      ['TRONG', 'created', []],
      ['X1', 'rejected', ['Cách nhận']],
      ['X2', 'rejected', ['Máy chủ liên thông']],
      ['X3', 'rejected', ['Máy chủ liên thông']],
      ['X4', 'rejected', ['Máy chủ liên thông']],
      ['X5', 'rejected', ['Mã đơn vị cấp trên']],
      ['X6', 'rejected', ['Mã định danh']],
      ['X7', 'rejected', ['Mã đơn vị cấp trên']],
      ['X8', 'rejected', ['Máy chủ liên thông']],
    ]);
    const message = (key: string) => report.rows.find((r) => r.key === key)?.errors[0]?.message ?? '';
    expect(message('X1')).toContain('Trục liên thông (LGSP/VXP)');
    expect(message('X2')).toContain('vp-yenbai');
    expect(message('X3')).toContain('tạm ngừng');
    expect(message('X4')).toContain('Liên thông VanPhong');
    expect(message('X5')).toContain('cấp cao nhất');
    expect(message('X6')).toContain('mã định danh');
    expect(message('X7')).toContain('không có tổ chức trực thuộc');
    expect(await reaches()).toEqual({
      BNV: ['platform', null, null],
      'TU-LC': ['peer', laoCai, null],
      VPCP: ['platform', null, null],
    });
  });

  it('keeps inside an organization that has people, and lets only a top-level administrator send one outside', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const office = await api.post('/api/organizations', {
      parentId: root.id,
      type: 'office',
      code: 'VP',
      name: 'Văn phòng',
      abbreviation: 'VP',
      nationalId: 'H10.01.00.A02',
    });
    await api.post('/api/people', { fullName: 'Lò Văn Thư', memberships: [{ organizationId: office.json().id }] });
    const report = (
      await upload(cookie, 'preview', csv('VP;Văn phòng;VP;Văn phòng;;H10.01.00.A02;Trục liên thông;'))
    ).json() as ImportReport;
    expect(report.rows[0]?.errors).toEqual([
      { column: 'Cách nhận', message: expect.stringContaining('1 người trong danh bạ') },
    ]);

    const far = await api.post('/api/organizations', {
      parentId: null,
      type: 'other',
      code: 'BYT',
      name: 'Bộ Y tế',
      abbreviation: 'BYT',
      nationalId: '000.00.00.G10',
      reach: 'platform',
    });
    expect(far.statusCode).toBe(201);
    const officeFixture = {
      id: office.json().id,
      path: `${root.path}${office.json().id}/`,
      code: 'VP',
      name: 'Văn phòng',
    };
    const { cookie: subAdmin } = await signedInAs(t, 'admin', officeFixture);
    const refused = (
      await upload(
        subAdmin,
        'preview',
        csv(
          'BYT;Bộ Y tế (sửa);BYT;Khác;;000.00.00.G10;Trục liên thông;',
          'BTC;Bộ Tài chính;BTC;Khác;;000.00.00.G12;Trục liên thông;',
        ),
      )
    ).json() as ImportReport;
    expect(refused.rows.map((r) => [r.status, r.errors[0]?.message])).toEqual([
      ['rejected', 'Bạn không có quyền sửa Bộ Y tế.'],
      ['rejected', 'Bạn không có quyền thêm tổ chức cấp cao nhất.'],
    ]);
  });

  it('exports the reach and the peer, and the file imports back unchanged or into an empty directory', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const peerId = await makePeer('vp-dienbien');
    for (const body of [
      {
        code: 'TU-DB',
        name: 'Tỉnh ủy Điện Biên',
        abbreviation: 'TU',
        nationalId: 'H16.01.00.A01',
        reach: 'peer',
        peerId,
      },
      {
        code: 'VPCP',
        name: 'Văn phòng Chính phủ',
        abbreviation: 'VPCP',
        nationalId: '000.00.00.G22',
        reach: 'platform',
      },
    ]) {
      expect((await api.post('/api/organizations', { parentId: null, type: 'other', ...body })).statusCode).toBe(201);
    }
    const exported = (await api.get('/api/directory/export?kind=organizations&format=csv&delimiter=semicolon')).body;
    expect(exported.split('\r\n')[0]).toBe(
      `${BOM}Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Hòm thư;Thứ tự;${HEADER.split(';').slice(5).join(';')}`,
    );
    expect(exported).toContain(';H16.01.00.A01;Liên thông VanPhong;vp-dienbien\r\n');
    expect(exported).toContain(';000.00.00.G22;Trục liên thông (LGSP/VXP);\r\n');

    const versions = await t.deps.database.db
      .selectFrom('organizations')
      .select(['id', 'version'])
      .orderBy('id')
      .execute();
    const again = (await upload(cookie, 'all_or_nothing', exported)).json() as ImportReport;
    expect(again.invalidRows, JSON.stringify(again.rows.filter((r) => r.errors.length))).toBe(0);
    expect(again.rows.every((r) => r.status === 'updated' && r.changes.length === 0)).toBe(true);
    expect(
      await t.deps.database.db.selectFrom('organizations').select(['id', 'version']).orderBy('id').execute(),
    ).toEqual(versions);

    // A peer stopped since does not make the file wrong for the organizations it already serves.
    await t.deps.database.db.updateTable('exchange_peers').set({ active: 0 }).where('id', '=', peerId).execute();
    const stopped = (await upload(cookie, 'preview', exported)).json() as ImportReport;
    expect(stopped.invalidRows).toBe(0);
    await t.deps.database.db.updateTable('exchange_peers').set({ active: 1 }).where('id', '=', peerId).execute();

    // The same file brings the outside organizations back once they are gone.
    await t.deps.database.db.deleteFrom('organizations').where('reach', '!=', 'inside').execute();
    const back = (await upload(cookie, 'all_or_nothing', exported)).json() as ImportReport;
    expect(back).toMatchObject({ invalidRows: 0, created: 2 });
    expect(await reaches()).toEqual({ 'TU-DB': ['peer', peerId, null], VPCP: ['platform', null, null] });
  });
});
