import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, SYSTEM, signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { readDirectoryVersion } from './organizations/organizations.repository';

describe.each(testEngines())('directory reads kept in memory stay current (%s)', (engine) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ cookie } = await signedInAs(t, 'clerk'));
  });
  afterAll(async () => t.close());

  const names = async (q: string) => {
    const res = await t.app.inject({ url: `/api/organizations?q=${encodeURIComponent(q)}`, headers: { cookie } });
    return (res.json().items as { name: string }[]).map((o) => o.name);
  };
  const treeNames = async () => {
    const res = await t.app.inject({ url: '/api/organizations/tree', headers: { cookie } });
    return (res.json().items as { name: string }[]).map((o) => o.name);
  };

  it('shows a change made through the application at once', async () => {
    const org = await makeOrganization(t, { name: 'Chi bộ Thôn Má Lầu' });
    expect(await names('ma lau')).toEqual(['Chi bộ Thôn Má Lầu']);
    expect(await treeNames()).toContain('Chi bộ Thôn Má Lầu');
    const current = await t.services.directory.findOrganizationByCode(org.code);
    await t.services.directory.updateOrganization(SYSTEM, org.id, {
      name: 'Chi bộ Thôn Má Lầu A',
      version: current?.version ?? 1,
    });
    expect(await names('ma lau')).toEqual(['Chi bộ Thôn Má Lầu A']);
    expect(await treeNames()).toContain('Chi bộ Thôn Má Lầu A');
  });

  it('shows a change written by another process straight into the database', async () => {
    await makeOrganization(t, { name: 'Chi bộ Thôn Séo Lủng' });
    expect(await names('seo lung')).toEqual(['Chi bộ Thôn Séo Lủng']);
    await sql`update organizations set name = 'Chi bộ Thôn Séo Lủng B', search_text = 'chi bo thon seo lung b' where name = 'Chi bộ Thôn Séo Lủng'`.execute(
      t.deps.database.db,
    );
    expect(await names('seo lung')).toEqual(['Chi bộ Thôn Séo Lủng B']);
    await sql`delete from organizations where name = 'Chi bộ Thôn Séo Lủng B'`.execute(t.deps.database.db);
    expect(await names('seo lung')).toEqual([]);
  });

  it('moves the version on for every directory table, and not on reads', async () => {
    const db = t.deps.database.db;
    const before = await readDirectoryVersion(db);
    await names('bat ky');
    expect(await readDirectoryVersion(db)).toBe(before);
    const org = await makeOrganization(t);
    const afterOrg = await readDirectoryVersion(db);
    expect(afterOrg).toBeGreaterThan(before);
    const person = await t.services.directory.createPerson(SYSTEM, {
      fullName: 'Vàng Thị Mai',
      memberships: [{ organizationId: org.id, isPrimary: true }],
    });
    const afterPerson = await readDirectoryVersion(db);
    expect(afterPerson).toBeGreaterThan(afterOrg);
    await t.services.directory.createGroup(SYSTEM, {
      ownerOrganizationId: org.id,
      name: 'Nhóm thử',
      members: [{ kind: 'person', id: person.id }],
    });
    expect(await readDirectoryVersion(db)).toBeGreaterThan(afterPerson);
  });
});
