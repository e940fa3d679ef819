import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, browser, errorOf } from '../../../test/directory';
import { makeOrganization, signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';

describe.each(testEngines())("organizations' national identifiers (%s)", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  let serial = 0;
  const newCode = () => `ND-${++serial}-${Date.now().toString(36)}`;
  const stored = (id: string) =>
    t.deps.database.db
      .selectFrom('organizations')
      .select(['national_id', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const byCode = (code: string) =>
    t.deps.database.db.selectFrom('organizations').select('id').where('code', '=', code).execute();

  it('stores an identifier trimmed and upper-cased, shows it, and finds the organization by it', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const res = await api.post('/api/organizations', {
      parentId: root.id,
      type: 'office',
      code: newCode(),
      name: 'Văn phòng Chính phủ',
      abbreviation: 'VPCP',
      nationalId: '  000.00.00.g22 ',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().nationalId).toBe('000.00.00.G22');
    expect((await stored(res.json().id)).national_id).toBe('000.00.00.G22');
    expect((await api.get(`/api/organizations/${res.json().id}`)).json().nationalId).toBe('000.00.00.G22');
    const found = await api.get(`/api/organizations?q=${encodeURIComponent('000.00.00.g22')}`);
    expect(found.json().items.map((o: { name: string; nationalId: string }) => [o.name, o.nationalId])).toEqual([
      ['Văn phòng Chính phủ', '000.00.00.G22'],
    ]);
    // Empty means none, on create and on update.
    const none = await api.post('/api/organizations', {
      parentId: root.id,
      type: 'party_cell',
      code: newCode(),
      name: 'Chi bộ không mã',
      abbreviation: 'CB',
      nationalId: '   ',
    });
    expect(none.json().nationalId).toBeNull();
    const cleared = await api.patch(`/api/organizations/${res.json().id}`, { nationalId: '', version: 1 });
    expect(cleared.json()).toMatchObject({ nationalId: null, version: 2 });
    const [, updated] = await auditEntries(t, res.json().id);
    expect(updated?.action).toBe('directory.organization_updated');
  });

  it('refuses what is not an identifier with its own code and says what one looks like', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const bad = [
      'G22', // too few groups
      '000.00.G22',
      '000.00.00.G2222X', // a group of 6
      '000..00.G22',
      '000.00.00.G22.',
      '000.00.00 G22',
      '000.00.00.Ğ22', // not Latin
      'ß00.00.00.G22', // would upper-case into SS00
      'ABCDE.12345.ABCDE.12345.ABCDE.1234.1', // 36 characters
      '000.00.00.G22\u0000',
    ];
    for (const nationalId of bad) {
      const code = newCode();
      const res = await api.post('/api/organizations', {
        parentId: root.id,
        type: 'party_cell',
        code,
        name: 'Chi bộ sai mã',
        abbreviation: 'CB',
        nationalId,
      });
      expect(res.statusCode, nationalId).toBe(400);
      if (!nationalId.includes('\u0000')) {
        expect(errorOf(res).code, nationalId).toBe('directory.national_id_invalid');
        expect(errorOf(res).message).toContain('ví dụ 000.00.00.G22');
      }
      expect(await byCode(code)).toEqual([]);
    }
    const longest = await api.post('/api/organizations', {
      parentId: root.id,
      type: 'party_cell',
      code: newCode(),
      name: 'Chi bộ mã dài nhất',
      abbreviation: 'CB',
      nationalId: 'abcde.12345.abcde.12345.abcde.12345',
    });
    expect(longest.statusCode).toBe(201);
    expect(longest.json().nationalId).toBe('ABCDE.12345.ABCDE.12345.ABCDE.12345');
    const org = await makeOrganization(t, { parent: root, name: 'Ban Tổ chức' });
    const patch = await api.patch(`/api/organizations/${org.id}`, { nationalId: 'H10.01', version: 1 });
    expect(errorOf(patch).code).toBe('directory.national_id_invalid');
    expect(await stored(org.id)).toEqual({ national_id: null, version: 1 });
  });

  it('refuses an identifier another organization holds, 409 naming it, writing nothing', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const holder = await api.post('/api/organizations', {
      parentId: root.id,
      type: 'office',
      code: newCode(),
      name: 'Văn phòng Tỉnh ủy Hà Giang',
      abbreviation: 'VPTU',
      nationalId: 'H10.01.00.A01',
    });
    expect(holder.statusCode).toBe(201);
    const code = newCode();
    const again = await api.post('/api/organizations', {
      parentId: root.id,
      type: 'office',
      code,
      name: 'Văn phòng khác',
      abbreviation: 'VPK',
      nationalId: ' h10.01.00.a01',
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('directory.national_id_taken');
    expect(errorOf(again).message).toContain('Văn phòng Tỉnh ủy Hà Giang');
    expect(await byCode(code)).toEqual([]);

    const other = await makeOrganization(t, { parent: root, name: 'Ban Tuyên giáo' });
    const taken = await api.patch(`/api/organizations/${other.id}`, {
      name: 'Ban Tuyên giáo Tỉnh ủy',
      nationalId: 'H10.01.00.A01',
      version: 1,
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('directory.national_id_taken');
    expect(await stored(other.id)).toEqual({ national_id: null, version: 1 });
    expect(await auditEntries(t, other.id)).toEqual([]);
    // Its own identifier again is no conflict.
    const same = await api.patch(`/api/organizations/${holder.json().id}`, {
      nationalId: 'h10.01.00.a01',
      name: 'Văn phòng Tỉnh ủy',
      version: 1,
    });
    expect(same.statusCode).toBe(200);
  });

  it('lets only one of two creators racing for an identifier have it', async () => {
    const { org: root, cookie } = await signedInAs(t, 'admin');
    const api = browser(t, cookie);
    const codes = [newCode(), newCode()];
    const results = await Promise.all(
      codes.map((code) =>
        api.post('/api/organizations', {
          parentId: root.id,
          type: 'party_cell',
          code,
          name: `Chi bộ ${code}`,
          abbreviation: 'CB',
          nationalId: 'H10.01.07.B02',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.map((r) => (r.statusCode === 409 ? errorOf(r).code : 'ok')).sort()).toEqual([
      'directory.national_id_taken',
      'ok',
    ]);
    const rows = await t.deps.database.db
      .selectFrom('organizations')
      .select('code')
      .where('national_id', '=', 'H10.01.07.B02')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
