import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser, SYSTEM, signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { verifyAuditChain } from './audit-verify';

describe.each(testEngines())('audit trail (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.database.db;
  const verify = () =>
    verifyAuditChain(db(), { key: t.deps.auditKey, checkpointDir: t.deps.config.audit.checkpointDir });

  async function trailWithEntries() {
    const org = await makeOrganization(t);
    for (let i = 0; i < 4; i++) await makeUser(t, [{ organization: org, role: 'specialist' }]);
    return verify();
  }

  /** Lifts the append-only triggers, as someone with database access could. */
  async function dropGuards() {
    if (t.kind === 'sqlite') {
      await sql`drop trigger audit_events_no_update`.execute(db());
      await sql`drop trigger audit_events_no_delete`.execute(db());
    } else {
      await sql`drop trigger audit_events_no_change on audit_events`.execute(db());
    }
  }

  it('chains every entry and verifies clean', async () => {
    const result = await trailWithEntries();
    expect(result).toEqual({ ok: true, checked: 4, checkpoints: 0, problems: [] });
  });

  it('refuses updates and deletes at the database', async () => {
    await trailWithEntries();
    await expect(sql`update audit_events set summary = 'sửa' where seq = 2`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events where seq = 2`.execute(db())).rejects.toThrow(/append-only/);
  });

  it('finds an altered entry', async () => {
    await trailWithEntries();
    await dropGuards();
    await sql`update audit_events set summary = 'Không có gì xảy ra' where seq = 2`.execute(db());
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ seq: 2, kind: 'altered' })]);
  });

  it('finds a deleted entry in the middle and at the end', async () => {
    await trailWithEntries();
    await dropGuards();
    await sql`delete from audit_events where seq = 2`.execute(db());
    const middle = await verify();
    expect(middle.problems.map((p) => p.kind)).toEqual(['missing', 'broken_link']);
    await sql`delete from audit_events where seq = 4`.execute(db());
    const tail = await verify();
    expect(tail.problems.map((p) => p.kind)).toContain('head_mismatch');
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const org = await makeOrganization(t);
    await Promise.all(Array.from({ length: 12 }, () => makeUser(t, [{ organization: org, role: 'member' }])));
    expect(await verify()).toEqual({ ok: true, checked: 12, checkpoints: 0, problems: [] });
  });

  it('a failed change leaves no audit entry behind', async () => {
    const org = await makeOrganization(t);
    const taken = await makeUser(t, [{ organization: org, role: 'clerk' }]);
    const before = await verify();
    await expect(
      t.services.users.create(SYSTEM, {
        username: taken.username,
        fullName: 'Trùng tên',
        password: 'Mật khẩu đủ dài',
        mustChangePassword: false,
        roles: [],
      }),
    ).rejects.toMatchObject({ code: 'users.username_taken' });
    const after = await verify();
    expect(after.checked).toBe(before.checked);
  });

  it('lists entries for administrators of a top organization only', async () => {
    const { cookie, org } = await signedInAs(t, 'admin');
    await makeUser(t, [{ organization: org, role: 'clerk' }], { fullName: 'Lò Thị Dín' });
    const res = await t.app.inject({ url: '/api/audit?q=lo thi din', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      action: 'users.created',
      summary: expect.stringContaining('Lò Thị Dín'),
    });
    const verify = await t.app.inject({ url: '/api/audit/verify', headers: { cookie } });
    expect(verify.json().ok).toBe(true);

    const child = await makeOrganization(t, { parent: org });
    const clerk = await signedInAs(t, 'clerk', org);
    expect((await t.app.inject({ url: '/api/audit', headers: { cookie: clerk.cookie } })).statusCode).toBe(403);
    const childAdmin = await signedInAs(t, 'admin', child);
    expect((await t.app.inject({ url: '/api/audit', headers: { cookie: childAdmin.cookie } })).statusCode).toBe(403);
  });

  it('an anonymous sign-in with a lone surrogate leaves the trail verifiable', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      // The raw JSON text, escape and all, as an attacker sends it.
      payload: '{"login":"\\ud800","password":"x"}',
    });
    expect(res.statusCode).toBeLessThan(500);
    const rows = await db().selectFrom('audit_events').select(['summary', 'data']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('names with lone surrogates or decomposed accents are stored as they were MACed', async () => {
    const org = await makeOrganization(t);
    const nfd = 'Nguyễn Thị Hồng'.normalize('NFD');
    await makeUser(t, [{ organization: org, role: 'member' }], { fullName: `${nfd} \ud83d` });
    await t.services.directory.createGroup(SYSTEM, {
      ownerOrganizationId: org.id,
      name: `Nhóm \udc00 ${nfd}`,
      members: [],
    });
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
    const summaries = (await db().selectFrom('audit_events').select('summary').orderBy('seq').execute()).map(
      (r) => r.summary,
    );
    expect(summaries.join('\n')).toContain('Nguyễn Thị Hồng \ufffd'.normalize('NFC'));
    expect(
      summaries.every((text) => text === text.normalize('NFC') && !/[\ud800-\udfff](?![\udc00-\udfff])/.test(text)),
    ).toBe(true);
    // Found by search whichever way it was typed.
    const { cookie } = await signedInAs(t, 'admin', org);
    const found = await t.app.inject({
      url: `/api/audit?q=${encodeURIComponent('nguyen thi hong')}`,
      headers: { cookie },
    });
    expect(found.json().total).toBeGreaterThan(0);
  });

  it('text with a NUL between a letter and its mark, from outside HTTP, is stored as it was MACed', async () => {
    // Mail, imports and the command line reach the trail without the HTTP layer refusing a NUL.
    const name = 'Nguye\u0000\u0302\u0303n Va\u0000\u0306n'; // "Nguyễn Văn" split by NULs
    await t.deps.transact(async ({ audit }) => {
      await audit(
        { userId: null, name, ip: '127.0.0.1', userAgent: `Thư\u0000\u0301 ${name}` },
        { action: 'users.updated', entityType: 'user', entityId: null, summary: `Nhận từ ${name}`, data: { name } },
      );
    });
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
    const row = await db().selectFrom('audit_events').select(['summary', 'actor_name']).executeTakeFirstOrThrow();
    expect(row).toEqual({ summary: 'Nhận từ Nguyễn Văn', actor_name: 'Nguyễn Văn' });
  });

  it('refuses deleting the chain head and, on PostgreSQL, truncating the trail', async () => {
    await trailWithEntries();
    await expect(sql`delete from audit_head`.execute(db())).rejects.toThrow(/audit_head cannot be deleted/);
    if (t.kind === 'postgres') {
      await expect(sql`truncate audit_events`.execute(db())).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_head`.execute(db())).rejects.toThrow(/audit_head cannot be deleted/);
    } else {
      await expect(sql`delete from audit_events`.execute(db())).rejects.toThrow(/append-only/);
    }
    expect((await verify()).ok).toBe(true);
  });
});
