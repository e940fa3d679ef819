import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../common/schemas/directory-transfer';
import { browser, errorOf, multipartFile } from '../../../test/directory';
import { makeOrganization, SYSTEM, signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';
import { ensureMailboxes } from '../../mailbox/mailboxes.service';

const BOM = '\uFEFF';

describe.each(testEngines())('import and export (%s)', (engine) => {
  // A fresh directory per test: an export holds everything in it.
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => t.close());

  const upload = (cookie: string, kind: string, mode: string, fileName: string, content: Buffer | string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/directory/import?kind=${kind}&mode=${mode}`,
      ...(() => {
        const body = multipartFile(fileName, content);
        return { payload: body.payload, headers: { ...body.headers, cookie } };
      })(),
    });
  const count = async (table: 'organizations' | 'people' | 'audit_events') =>
    Number(
      (
        await t.deps.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** The tables the engine holds planner statistics for. */
  const measuredTables = async (): Promise<string[]> => {
    const hasStat1 =
      engine === 'sqlite' &&
      (await sql`select 1 from sqlite_master where name = 'sqlite_stat1'`.execute(t.deps.database.db)).rows.length > 0;
    if (engine === 'sqlite' && !hasStat1) return [];
    const { rows } =
      engine === 'sqlite'
        ? await sql<{ name: string }>`select distinct tbl as name from sqlite_stat1`.execute(t.deps.database.db)
        : await sql<{ name: string }>`select relname as name from pg_stat_user_tables
            where schemaname = current_schema() and last_analyze is not null`.execute(t.deps.database.db);
    return rows.map((r) => r.name);
  };

  it('imports a CSV that Excel wrote with a BOM and semicolons, parents defined on earlier rows', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const csv = `${BOM}Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Hòm thư\r\nHU-DV;Huyện ủy Đồng Văn;HU;Cấp ủy;${root.code};huyenuy@dongvan.vn\r\nCB-LC;"Chi bộ Thôn Lũng Cú; xã Lũng Cú";CB;chi bo;HU-DV;\r\n`;
    const res = await upload(cookie, 'organizations', 'valid_only', 'to-chuc.csv', csv);
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({
      format: 'csv',
      totalRows: 2,
      validRows: 2,
      invalidRows: 0,
      created: 2,
      updated: 0,
      committed: true,
    });
    expect(report.rows.map((r) => [r.row, r.status, r.key])).toEqual([
      [2, 'created', 'HU-DV'],
      [3, 'created', 'CB-LC'],
    ]);
    const cell = await t.services.directory.findOrganizationByCode('CB-LC');
    expect(cell).toMatchObject({ name: 'Chi bộ Thôn Lũng Cú; xã Lũng Cú', type: 'party_cell', depth: 2 });
    // A committed import is a bulk load: the planner's statistics are measured at once.
    expect(await measuredTables()).toContain('organizations');
    const search = (await browser(t, cookie).get('/api/organizations?q=lung cu')).json();
    expect(search.items.map((o: { code: string }) => o.code)).toEqual(['CB-LC']);
    const summary = await t.deps.database.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'directory.imported')
      .execute();
    expect(summary.map((s) => s.summary)).toEqual(['Nhập danh bạ tổ chức từ tệp to-chuc.csv: 2 thêm mới, 0 cập nhật']);
  });

  it('reports every bad row with the column and the reason', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const long = 'Chi bộ '.repeat(50);
    const csv = [
      'Mã,Tên,Viết tắt,Loại,Mã đơn vị cấp trên',
      `OK1,Chi bộ Tốt,CB,Chi bộ,${root.code}`,
      `BAD1,Chi bộ Sai Loại,CB,Hội đồng,${root.code}`,
      'BAD2,Chi bộ Mồ Côi,CB,Chi bộ,KHONG-CO',
      `OK1,Chi bộ Trùng Mã,CB,Chi bộ,${root.code}`,
      `BAD3,,CB,Chi bộ,${root.code}`,
      `BAD4,${long},CB,Chi bộ,${root.code}`,
      'BAD5,Chi bộ Con,CB,Chi bộ,LATER',
      `LATER,Đảng bộ Sau,ĐB,Đảng bộ cơ sở,${root.code}`,
    ].join('\n');
    const report = (await upload(cookie, 'organizations', 'preview', 'loi.csv', csv)).json() as ImportReport;
    const byRow = Object.fromEntries(report.rows.map((r) => [r.row, r]));
    expect(report).toMatchObject({ totalRows: 8, validRows: 2, invalidRows: 6, created: 0, committed: false });
    expect(byRow[2]).toMatchObject({ status: 'valid', action: 'create', errors: [] });
    expect(byRow[3]?.errors).toEqual([
      {
        column: 'Loại',
        message:
          '“Hội đồng” không phải loại tổ chức. Dùng một trong: Cấp ủy, Ban Thường vụ, Ban Chấp hành, Văn phòng, Ban xây dựng Đảng, Ủy ban Kiểm tra, Đảng bộ cơ sở, Chi bộ, Khác.',
      },
    ]);
    expect(byRow[4]?.errors).toEqual([
      {
        column: 'Mã đơn vị cấp trên',
        message: 'Không có tổ chức nào mã “KHONG-CO” trong danh bạ hay ở các dòng phía trên.',
      },
    ]);
    expect(byRow[5]?.errors).toEqual([{ column: 'Mã', message: 'Mã “OK1” đã có ở dòng 2.' }]);
    expect(byRow[6]?.errors).toEqual([{ column: 'Tên', message: 'Không được để trống.' }]);
    expect(byRow[7]?.errors).toEqual([{ column: 'Tên', message: 'Dài quá 300 ký tự.' }]);
    expect(byRow[8]?.errors[0]?.message).toBe(
      'Đơn vị cấp trên “LATER” nằm ở dòng 9, dưới dòng này. Hãy đặt dòng của đơn vị cấp trên lên trước.',
    );
    expect(byRow[9]).toMatchObject({ status: 'valid' });
    expect(report.message).toBe(
      'Kiểm tra xong: 2 dòng hợp lệ (2 thêm mới, 0 cập nhật), 6 dòng lỗi. Chưa ghi gì vào danh bạ.',
    );
  });

  it('writes nothing in preview, nothing in all_or_nothing with one bad row, and the good rows in valid_only', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const csv = `Mã,Tên,Viết tắt,Loại,Mã đơn vị cấp trên\nA1,Chi bộ A,CB,Chi bộ,${root.code}\nA2,Chi bộ B,CB,Không rõ,${root.code}\n`;
    const before = { orgs: await count('organizations'), audit: await count('audit_events') };
    const preview = (await upload(cookie, 'organizations', 'preview', 'a.csv', csv)).json() as ImportReport;
    expect(preview.rows.map((r) => r.status)).toEqual(['valid', 'rejected']);
    const strict = await upload(cookie, 'organizations', 'all_or_nothing', 'a.csv', csv);
    expect(strict.statusCode).toBe(200);
    expect(strict.json()).toMatchObject({ committed: false, created: 0, updated: 0, invalidRows: 1 });
    expect(strict.json().message).toBe('Không nhập dòng nào vì có 1 dòng lỗi. Hãy sửa các dòng lỗi rồi nhập lại.');
    expect({ orgs: await count('organizations'), audit: await count('audit_events') }).toEqual(before);

    const lenient = (await upload(cookie, 'organizations', 'valid_only', 'a.csv', csv)).json() as ImportReport;
    expect(lenient.rows.map((r) => r.status)).toEqual(['created', 'rejected']);
    expect(await count('organizations')).toBe(before.orgs + 1);
    // One entry for the new organization, one for the import.
    expect(await count('audit_events')).toBe(before.audit + 2);
  });

  it('exports the addresses mail really reaches, on the installation’s mail domain', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    await t.services.directory.createPerson(SYSTEM, {
      fullName: 'Lò Thị Hoa',
      email: 'hoa@gmail.com',
      mailbox: 'hoa.lt@tinhuy.dang.vn',
      memberships: [{ organizationId: root.id }],
    });
    const domain = t.deps.config.mail.domain;
    await ensureMailboxes(t.deps.database.db, domain, new Date().toISOString());
    const csv = (await browser(t, cookie).get('/api/directory/export?kind=people&format=csv')).body;
    const row = csv.split('\n').find((line) => line.includes('Lò Thị Hoa')) ?? '';
    expect(row).toContain(`hoa.lt@${domain}`);
    expect(row).not.toContain('tinhuy.dang.vn');
    expect(row).toContain('hoa@gmail.com');
  });

  it('exports XLSX that imports back as all updated, nothing rejected, nothing changed', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const district = await t.services.directory.createOrganization(SYSTEM, {
      parentId: root.id,
      type: 'party_committee',
      code: 'HU.DV',
      name: 'Huyện ủy Đồng Văn',
      abbreviation: 'HU',
      mailbox: 'hu@dongvan.vn',
      sortOrder: 3,
    });
    const cell = await t.services.directory.createOrganization(SYSTEM, {
      parentId: district.id,
      type: 'party_cell',
      code: '-CB1',
      name: '-Chi bộ Thôn Lũng Cú',
      abbreviation: 'CB',
    });
    await t.services.directory.createPerson(SYSTEM, {
      fullName: 'Nguyễn Văn A',
      phone: '0912345678',
      email: 'a@dongvan.vn',
      memberships: [
        { organizationId: cell.id, position: 'Bí thư' },
        { organizationId: district.id, isPrimary: true },
      ],
    });
    await t.services.directory.createPerson(SYSTEM, { fullName: 'Người không có liên lạc' });
    const api = browser(t, cookie);
    for (const kind of ['organizations', 'people'] as const) {
      const file = await api.get(`/api/directory/export?kind=${kind}&format=xlsx`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      expect(file.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      const versions = await t.deps.database.db.selectFrom(kind).select(['id', 'version']).orderBy('id').execute();
      const report = (
        await upload(cookie, kind, 'all_or_nothing', `${kind}.xlsx`, file.rawPayload)
      ).json() as ImportReport;
      expect(report.invalidRows, JSON.stringify(report.rows.filter((r) => r.errors.length))).toBe(0);
      expect(report.rows.every((r) => r.status === 'updated' && r.changes.length === 0)).toBe(true);
      expect(report.updated).toBe(versions.length);
      expect(await t.deps.database.db.selectFrom(kind).select(['id', 'version']).orderBy('id').execute()).toEqual(
        versions,
      );
    }
    // The headers a person reads, and text that Excel would otherwise run as a formula.
    const sheet = await readSheet((await api.get('/api/directory/export?kind=people&format=xlsx')).rawPayload);
    expect(sheet[0]).toEqual([
      'Họ và tên',
      'Chức vụ',
      'Điện thoại',
      'Thư điện tử',
      'Hòm thư',
      'Mã tổ chức',
      'Mã định danh',
    ]);
    expect(sheet.find((r) => r[0] === 'Nguyễn Văn A')?.slice(0, 6)).toEqual([
      'Nguyễn Văn A',
      null,
      '0912345678',
      'a@dongvan.vn',
      null,
      'HU.DV, -CB1',
    ]);
    const csv = (await api.get('/api/directory/export?kind=organizations&format=csv&delimiter=semicolon')).body;
    expect(
      csv.startsWith(
        `${BOM}Mã;Tên;Viết tắt;Loại;Mã đơn vị cấp trên;Hòm thư;Thứ tự;Mã định danh;Cách nhận;Máy chủ liên thông\r\n`,
      ),
    ).toBe(true);
    expect(csv).toContain("'-CB1;'-Chi bộ Thôn Lũng Cú;CB;Chi bộ;HU.DV;;0;;;\r\n");
  });

  it('matches people by e-mail or else phone, and reads phone numbers Excel turned into numbers', async () => {
    const { org, cookie } = await signedInAs(t, 'clerk');
    const other = await makeOrganization(t, { code: 'KHAC' });
    const existing = await t.services.directory.createPerson(SYSTEM, {
      fullName: 'Lò Văn Cũ',
      phone: '0987000111',
      memberships: [{ organizationId: org.id }],
    });
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Người');
    ws.addRow(['STT', 'Họ và tên', 'Chức vụ', 'Điện thoại', 'E-mail', 'Mã tổ chức']);
    ws.addRow([1, 'Lò Văn Cũ', 'Bí thư', 987000111, null, org.code]);
    ws.addRow([
      2,
      'Hạng Thị Mới',
      null,
      '+84 912 000 222',
      { text: 'moi@dongvan.vn', hyperlink: 'mailto:moi@dongvan.vn' },
      org.code,
    ]);
    ws.addRow([3, 'Sai Số', null, '12345', null, org.code]);
    ws.addRow([4, 'Sai Thư', null, null, 'khong-phai-thu', org.code]);
    ws.addRow([5, 'Ngoài Quyền', null, null, null, other.code]);
    ws.addRow([6, 'Trùng Thư', null, null, 'MOI@dongvan.vn', org.code]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = (await upload(cookie, 'people', 'valid_only', 'nguoi.xlsx', bytes)).json() as ImportReport;
    expect(report.rows.map((r) => [r.row, r.status, r.key])).toEqual([
      [2, 'updated', 'Lò Văn Cũ'],
      [3, 'created', 'Hạng Thị Mới'],
      [4, 'rejected', 'Sai Số'],
      [5, 'rejected', 'Sai Thư'],
      [6, 'rejected', 'Ngoài Quyền'],
      [7, 'rejected', 'Trùng Thư'],
    ]);
    expect(report.rows[0]?.changes).toEqual(['Chức vụ']);
    expect(report.rows[2]?.errors).toEqual([{ column: 'Điện thoại', message: 'Số điện thoại không hợp lệ.' }]);
    expect(report.rows[3]?.errors).toEqual([{ column: 'Thư điện tử', message: 'Địa chỉ thư không hợp lệ.' }]);
    expect(report.rows[4]?.errors).toEqual([
      { column: 'Mã tổ chức', message: 'Bạn không có quyền thêm người vào các tổ chức này.' },
    ]);
    expect(report.rows[5]?.errors).toEqual([{ column: 'Thư điện tử', message: 'Thư điện tử này đã có ở dòng 3.' }]);
    const updated = await t.services.directory.getPerson(SYSTEM, existing.id);
    expect(updated).toMatchObject({ position: 'Bí thư', phone: '84987000111', version: 2 });
    const created = (await browser(t, cookie).get('/api/people?q=hang thi moi')).json().items[0];
    expect(created).toMatchObject({
      phone: '84912000222',
      email: 'moi@dongvan.vn',
      memberships: [{ organizationId: org.id, isPrimary: true }],
    });
  });

  it('moves an organization to the parent a row names, with its whole subtree, and refuses a move under itself', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const a = await makeOrganization(t, { parent: root, code: 'A' });
    const b = await makeOrganization(t, { parent: a, code: 'B' });
    const c = await makeOrganization(t, { parent: b, code: 'C' });
    const d = await makeOrganization(t, { parent: root, code: 'D' });
    const csv = `Mã,Tên,Viết tắt,Loại,Mã đơn vị cấp trên\nB,Chi bộ B,CB,Chi bộ,D\nD,Đảng bộ D,ĐB,Đảng bộ cơ sở,C\n`;
    const report = (await upload(cookie, 'organizations', 'valid_only', 'chuyen.csv', csv)).json() as ImportReport;
    expect(report.rows.map((r) => r.status)).toEqual(['updated', 'rejected']);
    expect(report.rows[0]?.changes).toEqual(['Mã đơn vị cấp trên', 'Tên', 'Viết tắt']);
    expect(report.rows[1]?.errors).toEqual([
      // Row 2 put B, and so C, under D: D cannot now go under C.
      { column: 'Mã đơn vị cấp trên', message: `Không thể chuyển vào “C” vì đó là tổ chức trực thuộc ${d.name}.` },
    ]);
    const paths = await t.deps.database.db
      .selectFrom('organizations')
      .select(['id', 'path', 'depth'])
      .where('id', 'in', [b.id, c.id])
      .execute();
    expect(Object.fromEntries(paths.map((p) => [p.id, [p.path, p.depth]]))).toEqual({
      [b.id]: [`${d.path}${b.id}/`, 2],
      [c.id]: [`${d.path}${b.id}/${c.id}/`, 3],
    });
  });

  it('refuses files that are not CSV or XLSX, whatever their name, and people who may not import', async () => {
    const { cookie } = await signedInAs(t, 'admin');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const disguised = await upload(cookie, 'organizations', 'preview', 'danh-ba.xlsx', png);
    expect(disguised.statusCode).toBe(415);
    expect(errorOf(disguised).code).toBe('directory.import_unsupported_file');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect(errorOf(await upload(cookie, 'organizations', 'preview', 'x.xlsx', zip)).code).toBe(
      'directory.import_unsupported_file',
    );
    const missing = await upload(cookie, 'organizations', 'preview', 'x.csv', 'Tên,Loại\nChi bộ,Chi bộ\n');
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing)).toEqual({
      code: 'directory.import_missing_columns',
      message: 'Tệp thiếu cột: Mã, Viết tắt. Dòng đầu tiên phải là tên cột.',
      details: { columns: ['Mã', 'Viết tắt'] },
    });
    const specialist = await signedInAs(t, 'specialist');
    const denied = await upload(
      specialist.cookie,
      'organizations',
      'preview',
      'x.csv',
      'Mã,Tên,Viết tắt,Loại\nA,B,C,Chi bộ\n',
    );
    expect(denied.statusCode).toBe(403);
  });
});

async function readSheet(bytes: Buffer): Promise<(string | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: (string | null)[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    const cells: (string | null)[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? null : String(v));
    }
    rows.push(cells);
  });
  return rows;
}
