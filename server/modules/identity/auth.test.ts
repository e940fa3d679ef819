import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../platform/security/totp';
import { makeOrganization, makeUser, signIn } from '../../test/factories';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';

describe.each(testEngines())('sign-in and sessions (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());

  it('signs in by username or e-mail and shows who is signed in', async () => {
    const org = await makeOrganization(t, { name: 'Huyện ủy Thử' });
    const user = await makeUser(t, [{ organization: org, role: 'clerk' }], { email: 'van.thu@example.vn' });
    const byEmail = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: 'VAN.THU@example.vn', password: user.password },
    });
    expect(byEmail.statusCode).toBe(200);
    const cookie = byEmail.cookies.find((c) => c.name === 'vp_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `vp_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      username: user.username,
      roles: [{ organizationName: 'Huyện ủy Thử', role: 'clerk' }],
    });
    expect(me.json().user.sections).toContain('incoming');
    expect(me.json().user.sections).not.toContain('admin');
  });

  it('refuses a wrong password with a Vietnamese message and records it', async () => {
    const user = await makeUser(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: user.username, password: 'sai mật khẩu' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'auth.invalid_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('auth.sign_in_failed');
  });

  it('holds back an account and address after repeated failures, until the window ends by itself', async () => {
    const user = await makeUser(t);
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: user.username, password } });
    for (let i = 0; i < 5; i++) expect((await attempt('sai')).statusCode).toBe(401);
    const sixth = await attempt('sai');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('auth.throttled');
    // Even the right password is not checked while held back.
    expect((await attempt(user.password)).statusCode).toBe(429);
    clock.advance(16 * 60_000);
    expect((await attempt(user.password)).statusCode).toBe(200);
  });

  it('rotates the session at sign-in and ends it at sign-out', async () => {
    const user = await makeUser(t);
    const first = await signIn(t, user);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: first },
      payload: { login: user.username, password: user.password },
    });
    const secondCookie = `vp_session=${second.cookies.find((c) => c.name === 'vp_session')?.value}`;
    expect(secondCookie).not.toBe(first);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: first } })).statusCode).toBe(401);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: secondCookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie: secondCookie } });
    expect(after.statusCode).toBe(401);
  });

  it('expires an idle session and an over-age one', async () => {
    const user = await makeUser(t);
    const cookie = await signIn(t, user);
    clock.advance(29 * 60_000);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const idle = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('auth.session_expired');

    const cookie2 = await signIn(t, user);
    // Active every 25 minutes, never idle, yet the 12-hour limit still ends it.
    for (let i = 0; i < 29; i++) {
      clock.advance(25 * 60_000);
      const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookie2 } });
      if (i < 28) expect(res.statusCode).toBe(200);
      else expect(res.json().error.code).toBe('auth.session_expired');
    }
  });

  it('changes the password and signs out other browsers', async () => {
    const user = await makeUser(t);
    const here = await signIn(t, user);
    const elsewhere = await signIn(t, user);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: user.password, newPassword: 'ngan' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('request.invalid');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: 'không đúng', newPassword: 'Mật khẩu mới dài' },
    });
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: user.password, newPassword: 'Mật khẩu mới dài' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: here } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: elsewhere } })).statusCode).toBe(401);
    await signIn(t, { username: user.username, password: 'Mật khẩu mới dài' });
  });

  it('requires the TOTP code once two-factor is on, and refuses a replay', async () => {
    const user = await makeUser(t);
    const cookie = await signIn(t, user);
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie } });
    const { secret } = setup.json() as { secret: string };
    const code = totpCode(secret, totpStep(clock.now()));
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers: { cookie },
      payload: { code },
    });
    expect(enable.statusCode).toBe(204);
    const withoutCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: user.username, password: user.password },
    });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().error.code).toBe('auth.totp_required');
    clock.advance(30_000);
    const fresh = totpCode(secret, totpStep(clock.now()));
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: user.username, password: user.password, totp: fresh },
    });
    expect(withCode.statusCode).toBe(200);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: user.username, password: user.password, totp: fresh },
    });
    expect(replay.json().error.code).toBe('auth.totp_invalid');
  });

  it('resets a password with a one-time link', async () => {
    const root = await makeOrganization(t);
    const admin = await makeUser(t, [{ organization: root, role: 'admin' }]);
    const user = await makeUser(t, [{ organization: root, role: 'specialist' }]);
    const adminCookie = await signIn(t, admin);
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-link`,
      headers: { cookie: adminCookie },
    });
    expect(link.statusCode).toBe(200);
    const token = new URL(link.json().url).searchParams.get('token') ?? '';
    const reset = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { token, newPassword: 'Một mật khẩu hoàn toàn mới' },
      });
    expect((await reset()).statusCode).toBe(204);
    expect((await reset()).json().error.code).toBe('auth.reset_token_invalid');
    await signIn(t, { username: user.username, password: 'Một mật khẩu hoàn toàn mới' });
  });

  it('refuses a guessable new password with a Vietnamese message, on change and on reset', async () => {
    const root = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn' });
    const user = await makeUser(t, [{ organization: root, role: 'clerk' }], { username: 'thuky.mai' });
    const cookie = await signIn(t, user);
    for (const newPassword of ['aaaaaaaaaa', '1234567890', 'password12', ' '.repeat(10), 'matkhau123', 'Dongvan2024']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: user.password, newPassword },
      });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.code).toBe('auth.weak_password');
      expect(res.json().error.message).toMatch(/^Mật khẩu quá dễ đoán/);
    }
    const admin = await makeUser(t, [{ organization: root, role: 'admin' }]);
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-link`,
      headers: { cookie: await signIn(t, admin) },
    });
    const token = new URL(link.json().url).searchParams.get('token') ?? '';
    const reset = (newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, newPassword } });
    expect((await reset('thukymai2024')).json().error.code).toBe('auth.weak_password');
    // The link is still good for a strong password.
    expect((await reset('Mùa hoa tam giác mạch trên cao nguyên')).statusCode).toBe(204);
  });

  it('slows down an address that keeps failing, but not one that signs in successfully', async () => {
    const office = await Promise.all([makeUser(t), makeUser(t), makeUser(t)]);
    // Many people behind one office address sign in: no throttle.
    for (let round = 0; round < 4; round++) for (const user of office) await signIn(t, user);
    const guess = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '10.1.2.3',
        payload: { login: `khong-co-${n}`, password: 'đoán' },
      });
    for (let i = 0; i < 30; i++) expect((await guess(i)).statusCode).toBe(401);
    const blocked = await guess(31);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('auth.throttled');
    // Other addresses are not affected, and the block lifts with time.
    await signIn(t, office[0]);
    clock.advance(16 * 60_000);
    expect((await guess(32)).statusCode).toBe(401);
  });
});
