import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { ConfigError } from '../config/config';
import { auditKeyOf } from './audit-key';
import { type AuditContext, GENESIS_HASH, legacyAuditHash, sealAuditChain } from './audit-log';
import { repairEncoding } from './audit-repair';
import { startAuditTrail } from './audit-start';
import { verifyAuditChain } from './audit-verify';

/**
 * A trail written before keys and before canonical text: entries hashed with plain
 * SHA-256, one of them over a lone surrogate that the database stored as U+FFFD.
 */
describe.each(testEngines())('audit trail from before keys (%s)', (engine) => {
  let t: TestApp;
  let ctx: AuditContext;
  beforeEach(async () => {
    t = await createTestApp(engine);
    ctx = { kind: t.deps.database.kind, clock: t.clock, key: t.deps.auditKey };
  });
  afterEach(async () => t.close());

  const db = () => t.deps.database.db;
  const verify = () =>
    verifyAuditChain(db(), { key: t.deps.auditKey, checkpointDir: t.deps.config.audit.checkpointDir });
  const kinds = async () => (await verify()).problems.map((p) => `${p.seq}:${p.kind}`);

  /** Appends as the old code did: SHA-256 over the text as sent, stored by the driver. */
  async function legacyEntries(summaries: string[]) {
    let prev = GENESIS_HASH;
    let seq = 0;
    for (const summary of summaries) {
      seq++;
      const row = {
        seq,
        id: `legacy-${seq}`,
        occurred_at: new Date(Date.UTC(2025, 0, seq)).toISOString(),
        actor_id: null,
        actor_name: null,
        action: 'auth.sign_in_failed',
        entity_type: 'user',
        entity_id: null,
        summary,
        ip: '10.0.0.9',
        user_agent: null,
        data: JSON.stringify({ login: summary }),
        prev_hash: prev,
      };
      const hash = legacyAuditHash(row);
      // Past the canonical-text plugin, as the old code wrote: the driver stores the lone surrogate.
      await db()
        .withoutPlugins()
        .insertInto('audit_events')
        .values({ ...row, hash, search_text: summary.toLowerCase(), key_id: null })
        .execute();
      prev = hash;
    }
    await sql`update audit_head set seq = ${seq}, hash = ${prev} where id = 1`.execute(db());
  }

  async function dropGuards() {
    if (t.kind === 'sqlite') await sql`drop trigger audit_events_no_update`.execute(db());
    else await sql`drop trigger audit_events_no_change on audit_events`.execute(db());
  }

  it('unkeyed entries verify once sealed, and only then', async () => {
    await legacyEntries(['Đăng nhập sai a', 'Đăng nhập sai b', 'Đăng nhập sai c']);
    expect(await kinds()).toEqual(['3:unsealed']);
    expect(await sealAuditChain(db(), ctx, false)).toEqual({ sealed: true, legacyThrough: 3 });
    // Sealing is once: a later start vouches for nothing more.
    expect((await sealAuditChain(db(), ctx, false)).sealed).toBe(false);
    await makeUser(t, [{ organization: await makeOrganization(t), role: 'member' }]);
    expect(await verify()).toMatchObject({ ok: true, checked: 5, problems: [] });
  });

  it('does not seal a trail that checkpoints show was keyed before', async () => {
    await legacyEntries(['Đăng nhập sai a']);
    expect((await sealAuditChain(db(), ctx, true)).sealed).toBe(false);
    expect(await kinds()).toEqual(['1:unsealed']);
  });

  it('reports an unkeyed entry after the seal and search text changed under it', async () => {
    await legacyEntries(['Đăng nhập sai a', 'Đăng nhập sai b']);
    await sealAuditChain(db(), ctx, false);
    await dropGuards();
    await sql`update audit_events set search_text = 'khong co gi' where seq = 1`.execute(db());
    expect(await kinds()).toEqual(['3:altered']);
    await sql`update audit_events set search_text = 'đăng nhập sai a' where seq = 1`.execute(db());
    const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const forged = {
      seq: 4,
      id: 'forged',
      occurred_at: t.clock.now().toISOString(),
      actor_id: null,
      actor_name: null,
      action: 'auth.sign_in',
      entity_type: 'user',
      entity_id: null,
      summary: 'Đăng nhập',
      ip: null,
      user_agent: null,
      data: null,
      prev_hash: head.hash,
    };
    const hash = legacyAuditHash(forged);
    await db()
      .insertInto('audit_events')
      .values({ ...forged, hash, search_text: 'dang nhap', key_id: null })
      .execute();
    await sql`update audit_head set seq = 4, hash = ${hash} where id = 1`.execute(db());
    expect(await kinds()).toEqual(['4:unkeyed']);
  });

  it('repairs a false alarm from a lone surrogate, with proof, and nothing else', async () => {
    await legacyEntries([
      'Đăng nhập không thành công với tên \ud800',
      'Đăng nhập sai b',
      'Hai ký tự \ud801 và \ud800',
      'Đăng nhập sai d',
    ]);
    await sealAuditChain(db(), ctx, false);
    expect(await kinds()).toEqual(['1:altered', '3:altered']);

    // A real edit that happens to leave a U+FFFD behind is not explained by any surrogate.
    await dropGuards();
    await sql`update audit_events set summary = ${'Đăng nhập sai \ufffd'} where seq = 2`.execute(db());
    const report = await repairEncoding(db(), ctx, 'Dòng lệnh (kiểm thử)');
    // SQLite reads a stored lone surrogate back as three U+FFFD, PostgreSQL as one.
    const width = engine === 'sqlite' ? 3 : 1;
    expect(report).toEqual({
      repaired: [
        { seq: 1, substitutions: [{ occurrence: 0, width, codeUnit: 'd800' }] },
        {
          seq: 3,
          substitutions: [
            { occurrence: 0, width, codeUnit: 'd801' },
            { occurrence: width, width, codeUnit: 'd800' },
          ],
        },
      ],
      unexplained: [2],
    });
    expect(await kinds()).toEqual(['2:altered']);
    const said = await db().selectFrom('audit_events').selectAll().where('action', '=', 'audit.repaired').execute();
    expect(said.map((r) => r.entity_id)).toEqual(['1', '3']);

    // A forged proof for the really edited entry does not make it pass.
    await db()
      .insertInto('audit_repairs')
      .values({
        seq: 2,
        substitutions: JSON.stringify([{ occurrence: 0, width, codeUnit: 'd800' }]),
        repaired_at: t.clock.now().toISOString(),
        repaired_by: 'Ai đó',
      })
      .execute();
    expect(await kinds()).toEqual(['2:altered']);
    // Running again repairs nothing twice.
    expect((await repairEncoding(db(), ctx, 'Dòng lệnh (kiểm thử)')).repaired).toEqual([]);
  });

  it('refuses to start with another key than the one the trail is keyed with', async () => {
    await makeUser(t, [{ organization: await makeOrganization(t), role: 'member' }]);
    const other = { ...t.deps.config.audit, key: randomBytes(32) };
    await expect(startAuditTrail(t.deps.database, other, t.clock, () => {})).rejects.toThrow(ConfigError);
    const same = await startAuditTrail(t.deps.database, t.deps.config.audit, t.clock, () => {});
    expect(same.id).toBe(t.deps.auditKey.id);
    expect(auditKeyOf(randomBytes(32)).id).not.toBe(same.id);
  });
});
