import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser, signIn } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';
import { up } from './0016_demo_secrets';

describe.each(testEngines())('upgrading a demo that kept its passwords in clear (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('keeps no password in the list, withdraws the published ones still in use and keeps changed ones', async () => {
    const org = await makeOrganization(t);
    const admin = await makeUser(t, [{ organization: org, role: 'admin' }], { password: 'VanPhong-123456' });
    const clerk = await makeUser(t, [{ organization: org, role: 'clerk' }], { password: 'Da-doi-mat-khau-2026' });
    await signIn(t, admin);
    // What an older version stored: the clerk has changed the password since it was published.
    const legacy = [
      { username: admin.username, password: 'VanPhong-123456', role: 'admin', label: 'Quản trị' },
      { username: clerk.username, password: 'VanPhong-654321', role: 'clerk', label: 'Văn thư' },
    ];
    const db = t.deps.database.db;
    await db
      .insertInto('app_meta')
      .values({ key: 'demo_accounts', value: JSON.stringify(legacy) })
      .execute();

    await t.deps.database.db.transaction().execute((trx) => up(trx as unknown as Kysely<unknown>));

    const list = await db.selectFrom('app_meta').select('value').where('key', '=', 'demo_accounts').executeTakeFirst();
    expect(list?.value).not.toContain('VanPhong-');
    expect(JSON.parse(list?.value ?? '[]')).toEqual([
      { username: admin.username, role: 'admin', label: 'Quản trị' },
      { username: clerk.username, role: 'clerk', label: 'Văn thư' },
    ]);
    // The published password no longer opens the account, and its sessions are gone.
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: admin.username, password: 'VanPhong-123456' },
    });
    expect(refused.statusCode).toBe(401);
    const sessions = await db.selectFrom('sessions').select('id').where('user_id', '=', admin.id).execute();
    expect(sessions).toEqual([]);
    // A password changed since then was never published: it still works.
    await signIn(t, clerk);
  });
});
