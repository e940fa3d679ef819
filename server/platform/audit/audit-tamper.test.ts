import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser, signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { writeCheckpoint } from './audit-checkpoint';
import { auditKeyOf } from './audit-key';
import { GENESIS_HASH, keyedAuditMac, legacyAuditHash } from './audit-log';
import { verifyAuditChain } from './audit-verify';

/**
 * What someone with full write access to the database (but not the key, nor the
 * checkpoint files) can do to the trail, each done with plain SQL after dropping the
 * guarding triggers, and each found by `verify`.
 */
describe.each(testEngines())('audit trail against a database administrator (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.database.db;
  const dir = () => t.deps.config.audit.checkpointDir;
  const verify = () => verifyAuditChain(db(), { key: t.deps.auditKey, checkpointDir: dir() });
  const kinds = async () => (await verify()).problems.map((p) => p.kind);

  async function entries(n: number) {
    const org = await makeOrganization(t);
    for (let i = 0; i < n; i++) await makeUser(t, [{ organization: org, role: 'member' }]);
  }

  async function checkpoint() {
    const result = await writeCheckpoint(db(), { dir: dir(), key: t.deps.auditKey, clock: t.clock });
    expect(result.written).toBe(true);
    return result;
  }

  async function dropGuards() {
    if (t.kind === 'sqlite') {
      await sql`drop trigger audit_events_no_update`.execute(db());
      await sql`drop trigger audit_events_no_delete`.execute(db());
      await sql`drop trigger audit_head_no_delete`.execute(db());
    } else {
      await sql`drop trigger audit_events_no_change on audit_events`.execute(db());
      await sql`drop trigger audit_events_no_truncate on audit_events`.execute(db());
      await sql`drop trigger audit_head_no_delete on audit_head`.execute(db());
    }
  }

  const rows = () => db().selectFrom('audit_events').selectAll().orderBy('seq').execute();

  async function resetHead(seq: number, hash: string) {
    await sql`update audit_head set seq = ${seq}, hash = ${hash} where id = 1`.execute(db());
  }

  it('a clean trail verifies against its checkpoints', async () => {
    await entries(3);
    await checkpoint();
    await entries(2);
    await checkpoint();
    expect(await verify()).toMatchObject({ ok: true, checked: 5, checkpoints: 2, problems: [] });
  });

  it('finds the tail deleted and audit_head set back', async () => {
    await entries(4);
    await checkpoint();
    await dropGuards();
    const kept = (await rows())[1];
    await sql`delete from audit_events where seq > 2`.execute(db());
    await resetHead(2, kept?.hash ?? '');
    expect(await kinds()).toEqual(['checkpoint_missing']);
  });

  it('finds an entry edited and the chain rehashed after it', async () => {
    await entries(4);
    await checkpoint();
    await dropGuards();
    // Without the key, the only hashes one can make are unkeyed ones, or MACs with a key of one's own.
    const ownKey = auditKeyOf(randomBytes(32));
    let prev = GENESIS_HASH;
    for (const row of await rows()) {
      const edited = { ...row, seq: Number(row.seq), prev_hash: prev };
      if (edited.seq === 2) edited.summary = 'Không có gì xảy ra';
      const hash = edited.seq % 2 === 0 ? legacyAuditHash(edited) : keyedAuditMac(ownKey, edited);
      const keyId = edited.seq % 2 === 0 ? null : edited.key_id;
      await sql`update audit_events set summary = ${edited.summary}, prev_hash = ${prev}, hash = ${hash}, key_id = ${keyId}
        where seq = ${edited.seq}`.execute(db());
      prev = hash;
    }
    await resetHead(4, prev);
    const found = await kinds();
    expect(found).toContain('checkpoint_mismatch');
    expect(found).toContain('altered');
    expect(found).toContain('unkeyed');
  });

  it('finds the trail wiped and started again', async () => {
    await entries(3);
    await checkpoint();
    await dropGuards();
    await sql`delete from audit_events`.execute(db());
    await resetHead(0, GENESIS_HASH);
    expect(await verify()).toMatchObject({ ok: false, checked: 0 });
    expect(await kinds()).toEqual(['checkpoint_missing']);
    // The product writes on, on a fresh chain: the checkpointed entry is not the one there now.
    await entries(4);
    expect(await kinds()).toEqual(['checkpoint_mismatch']);
  });

  it('finds a forged entry appended, keyed or not', async () => {
    await entries(2);
    await dropGuards();
    const head = (await rows()).at(-1);
    const forged = {
      seq: 3,
      id: 'forged',
      occurred_at: t.clock.now().toISOString(),
      actor_id: null,
      actor_name: 'Quản trị',
      action: 'users.created',
      entity_type: 'user',
      entity_id: null,
      summary: 'Tạo tài khoản',
      ip: null,
      user_agent: null,
      data: null,
      search_text: 'tao tai khoan',
      prev_hash: head?.hash ?? '',
      key_id: null,
    };
    const unkeyed = legacyAuditHash(forged);
    await db()
      .insertInto('audit_events')
      .values({ ...forged, hash: unkeyed })
      .execute();
    await resetHead(3, unkeyed);
    expect(await kinds()).toEqual(['unkeyed']);

    await sql`delete from audit_events where seq = 3`.execute(db());
    const guessed = { ...forged, key_id: t.deps.auditKey.id };
    const mac = keyedAuditMac(auditKeyOf(randomBytes(32)), guessed);
    await db()
      .insertInto('audit_events')
      .values({ ...guessed, hash: mac })
      .execute();
    await resetHead(3, mac);
    expect(await kinds()).toEqual(['altered']);
  });

  it('finds an entry hidden from search', async () => {
    await entries(3);
    await dropGuards();
    await sql`update audit_events set search_text = 'khong co gi' where seq = 2`.execute(db());
    expect(await verify()).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ seq: 2, kind: 'altered' })],
    });
  });

  it(`finds the trail emptied by ${engine === 'postgres' ? 'TRUNCATE' : 'DELETE'} once the guard is dropped`, async () => {
    await entries(3);
    await checkpoint();
    await dropGuards();
    if (t.kind === 'postgres') await sql`truncate audit_events`.execute(db());
    else await sql`delete from audit_events`.execute(db());
    await sql`delete from audit_head`.execute(db());
    await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db());
    expect(await kinds()).toEqual(['checkpoint_missing']);
  });

  it('reports a checkpoint file whose MAC does not match', async () => {
    await entries(3);
    const { file } = (await checkpoint()) as { file: string };
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number };
    fs.writeFileSync(file, JSON.stringify({ ...content, seq: 2 }));
    fs.writeFileSync(path.join(dir(), 'audit-checkpoint-999-garbage.json'), 'không phải JSON');
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toEqual(['checkpoint_invalid', 'checkpoint_invalid']);
    expect(result.problems[0]?.message).toContain('mã xác thực không đúng');
    expect(result.problems[1]?.message).toContain('không đọc được');
  });

  it('answers the same over HTTP', async () => {
    await entries(3);
    await checkpoint();
    await dropGuards();
    await sql`delete from audit_events where seq = 3`.execute(db());
    const head = (await rows()).at(-1);
    await resetHead(2, head?.hash ?? '');
    const { cookie } = await signedInAs(t, 'admin');
    const res = await t.app.inject({ url: '/api/audit/verify', headers: { cookie } });
    expect(res.json()).toMatchObject({
      ok: false,
      checkpoints: 1,
      problems: [expect.objectContaining({ kind: 'checkpoint_mismatch' })],
    });
  });
});
