import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser, SYSTEM, signIn } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('account administration stays within a branch (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('a branch administrator sees and manages only the accounts of their branch', async () => {
    const root = await makeOrganization(t, { name: 'Tỉnh ủy Thử' });
    const branch = await makeOrganization(t, { parent: root, name: 'Đảng ủy xã Thử' });
    const other = await makeOrganization(t, { parent: root, name: 'Đảng ủy xã Khác' });
    const branchAdmin = await makeUser(t, [{ organization: branch, role: 'admin' }]);
    const inBranch = await makeUser(t, [{ organization: branch, role: 'clerk' }]);
    const outside = await makeUser(t, [{ organization: other, role: 'clerk' }]);
    const roleless = await makeUser(t, []);
    const cookie = await signIn(t, branchAdmin);

    const list = await t.app.inject({ url: '/api/users?pageSize=200', headers: { cookie } });
    const usernames = (list.json().items as { username: string }[]).map((u) => u.username);
    expect(usernames).toEqual(expect.arrayContaining([branchAdmin.username, inBranch.username]));
    expect(usernames).not.toContain(outside.username);
    expect(usernames).not.toContain(roleless.username);

    const link = (id: string) =>
      t.app.inject({ method: 'POST', url: `/api/users/${id}/reset-link`, headers: { cookie } });
    expect((await link(inBranch.id)).statusCode).toBe(200);
    expect((await link(outside.id)).statusCode).toBe(403);
    // An account with no role belongs to no branch: only a top-level administrator may take it.
    expect((await link(roleless.id)).statusCode).toBe(403);

    const rootAdmin = await makeUser(t, [{ organization: root, role: 'admin' }]);
    const rootCookie = await signIn(t, rootAdmin);
    const rootLink = await t.app.inject({
      method: 'POST',
      url: `/api/users/${roleless.id}/reset-link`,
      headers: { cookie: rootCookie },
    });
    expect(rootLink.statusCode).toBe(200);
  });

  it('an account that must change its password can do nothing else until it does', async () => {
    const root = await makeOrganization(t);
    const user = await makeUser(t, [{ organization: root, role: 'admin' }]);
    await t.deps.database.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
    const cookie = await signIn(t, user);
    const blocked = await t.app.inject({ url: '/api/users', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.password_change_required');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json().user.mustChangePassword).toBe(
      true,
    );
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: user.password, newPassword: 'Mật khẩu của riêng tôi' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/users', headers: { cookie } })).statusCode).toBe(200);
  });

  // Nine password hashes and strength checks: slow on a busy machine.
  it('an administrator sets a temporary password: shown once, sessions ended, changed at next sign-in, audited', {
    timeout: 120_000,
  }, async () => {
    const root = await makeOrganization(t, { name: 'Huyện ủy Tạm' });
    const admin = await makeUser(t, [{ organization: root, role: 'admin' }]);
    const person = await makeUser(t, [{ organization: root, role: 'clerk' }]);
    const adminCookie = await signIn(t, admin);
    const oldSession = await signIn(t, person);
    const set = (id: string, payload: Record<string, string>, cookie = adminCookie) =>
      t.app.inject({ method: 'POST', url: `/api/users/${id}/temporary-password`, headers: { cookie }, payload });

    // Too guessable: refused, nothing changed, the old session still works.
    const weak = await set(person.id, { password: `${person.username}12345` });
    expect(weak.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: oldSession } })).statusCode).toBe(200);
    // Not an administrator of the account: refused; nor on one's own account.
    expect((await set(admin.id, {}, oldSession)).statusCode).toBe(403);
    const self = await set(admin.id, {});
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('users.temporary_password_self');

    const typed = await set(person.id, { password: 'Sóng Lô chảy mãi 1975' });
    expect(typed.statusCode).toBe(200);
    expect(typed.headers['cache-control']).toBe('no-store');
    expect(typed.json()).toEqual({ username: person.username, password: 'Sóng Lô chảy mãi 1975' });
    // Every session of the account ended.
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: oldSession } })).statusCode).toBe(401);
    // The old password no longer opens it; the temporary one does, for a password change only.
    const oldTry = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: person.username, password: person.password },
    });
    expect(oldTry.statusCode).toBe(401);
    const cookie = await signIn(t, { username: person.username, password: 'Sóng Lô chảy mãi 1975' });
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.mustChangePassword).toBe(true);
    expect((await t.app.inject({ url: '/api/users', headers: { cookie } })).json().error.code).toBe(
      'auth.password_change_required',
    );

    // Made by the server when none is typed: strong, readable, different each time.
    const made = (await set(person.id, {})).json() as { password: string };
    expect(made.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}$/);
    expect((await set(person.id, {})).json().password).not.toBe(made.password);

    const entries = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'data'])
      .where('entity_id', '=', person.id)
      .where('action', '=', 'users.temporary_password_set')
      .execute();
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(`${entry.summary} ${entry.data ?? ''}`).not.toContain('Sóng Lô');
      expect(entry.summary).toContain(person.username);
    }
  });

  it('refuses a guessable password when an administrator creates an account or sets a password', async () => {
    const root = await makeOrganization(t, { name: 'Đảng ủy xã Lũng Cú' });
    const admin = await makeUser(t, [{ organization: root, role: 'admin' }]);
    const cookie = await signIn(t, admin);
    const create = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie },
        payload: {
          username: `nguoi${password.length}${Math.random().toString(36).slice(2, 6)}`,
          fullName: 'Hoàng Thị Lan',
          password,
          roles: [{ organizationId: root.id, role: 'clerk' }],
        },
      });
    for (const weak of ['aaaaaaaaaa', 'anhyeuem123', 'Lungcu@2024', 'hoangthilan1']) {
      const res = await create(weak);
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.code).toBe('auth.weak_password');
    }
    expect((await create('Cột cờ Lũng Cú ở cực Bắc')).statusCode).toBe(201);
    // The command line's reset-password goes through the same rule.
    await expect(t.services.users.setPassword(SYSTEM, admin.username, 'password12', false)).rejects.toMatchObject({
      code: 'auth.weak_password',
    });
  });

  it('grants no role at an office outside the deployment', async () => {
    const outside = await makeOrganization(t, { name: 'Ủy ban nhân dân tỉnh Thử' });
    await t.deps.database.db
      .updateTable('organizations')
      .set({ reach: 'platform', national_id: '000.00.00.T99' })
      .where('id', '=', outside.id)
      .execute();
    await expect(
      t.services.users.create(SYSTEM, {
        username: `ngoai${Math.random().toString(36).slice(2, 8)}`,
        fullName: 'Người Ngoài',
        password: 'Cột cờ Lũng Cú ở cực Bắc',
        roles: [{ organizationId: outside.id, role: 'clerk' }],
      }),
    ).rejects.toMatchObject({ code: 'users.outside_organization' });
  });

  it('refuses a row version beyond what the database stores', async () => {
    const root = await makeOrganization(t);
    const admin = await makeUser(t, [{ organization: root, role: 'admin' }]);
    const target = await makeUser(t, [{ organization: root, role: 'clerk' }]);
    const cookie = await signIn(t, admin);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: { cookie },
      payload: { version: 4_294_967_296, fullName: 'Tên mới' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
  });
});
