import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type VanPhong } from '../../app';
import * as password from '../../platform/security/password';
import { totpCode, totpStep } from '../../platform/security/totp';
import { makeOrganization, makeUser, SYSTEM, signIn } from '../../test/factories';
import { createTestApp, type TestApp, TestClock, testConfig, testEngines } from '../../test/harness';

// Every password check goes through this spy, so a test can count the scrypt runs and see their hashes.
vi.mock(import('../../platform/security/password'), async (original) => {
  const actual = await original();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifyPassword = vi.mocked(password.verifyPassword);

describe.each(testEngines())('sign-in limits (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    verifyPassword.mockClear();
  });

  let address = 0;
  /** A fresh address per test, so the per-address limit of one test does not reach the next. */
  const nextAddress = () => `10.20.${Math.floor(++address / 200)}.${address % 200}`;
  const attempt = (login: string, pass: string, from: string, extra: { totp?: string; app?: VanPhong['app'] } = {}) =>
    (extra.app ?? t.app).inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: from,
      payload: { login, password: pass, ...(extra.totp ? { totp: extra.totp } : {}) },
    });
  const statuses = (responses: { statusCode: number }[]) =>
    responses.reduce<Record<number, number>>((acc, r) => {
      acc[r.statusCode] = (acc[r.statusCode] ?? 0) + 1;
      return acc;
    }, {});
  const sessionsOf = async (userId: string) =>
    (await t.deps.database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

  it('checks exactly the allowed number of 40 concurrent wrong passwords, in two processes sharing the database', async () => {
    const user = await makeUser(t);
    const from = nextAddress();
    // A second server over the same database: the count lives there, not in a process.
    const other = await createApp({
      // Every server on one database shares the key its audit trail is keyed with.
      config: { ...testConfig(), audit: t.deps.config.audit },
      database: t.deps.database,
      clock,
      logger: pino({ level: 'silent' }),
      webRoot: null,
    });
    try {
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          attempt(user.username, `sai-${i}`, from, i % 2 === 0 ? {} : { app: other.app }),
        ),
      );
      expect(statuses(responses)).toEqual({ 401: 5, 429: 35 });
      expect(verifyPassword).toHaveBeenCalledTimes(5);
    } finally {
      await other.close();
    }
  });

  it('does not sign in a burst holding the right password once the limit is reached', async () => {
    const user = await makeUser(t);
    const from = nextAddress();
    for (let i = 0; i < 5; i++) expect((await attempt(user.username, `sai-${i}`, from)).statusCode).toBe(401);
    verifyPassword.mockClear();
    const burst = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => attempt(user.username, `lai-sai-${i}`, from)),
      attempt(user.username, user.password, from),
    ]);
    expect(statuses(burst)).toEqual({ 429: 11 });
    expect(verifyPassword).not.toHaveBeenCalled();
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it('opens one session for a TOTP code raced ten times', async () => {
    const user = await makeUser(t);
    const from = nextAddress();
    const cookie = await signIn(t, user);
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie } });
    const { secret } = setup.json() as { secret: string };
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers: { cookie },
      payload: { code: totpCode(secret, totpStep(clock.now())) },
    });
    expect(enable.statusCode).toBe(204);
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    clock.advance(30_000);
    const code = totpCode(secret, totpStep(clock.now()));
    const race = await Promise.all(
      Array.from({ length: 10 }, () => attempt(user.username, user.password, from, { totp: code })),
    );
    expect(race.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it('answers an unknown name, a wrong password and a disabled account alike, always after one scrypt', async () => {
    const root = await makeOrganization(t);
    const user = await makeUser(t, [{ organization: root, role: 'specialist' }]);
    const disabled = await makeUser(t, [{ organization: root, role: 'specialist' }]);
    await t.services.users.update(SYSTEM, disabled.id, { disabled: true });
    const from = nextAddress();

    const unknown = await attempt('khong-co-ai-ten-nay', 'đoán thử', from);
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    expect(verifyPassword).toHaveBeenLastCalledWith('đoán thử', password.DUMMY_PASSWORD_HASH);
    const wrong = await attempt(user.username, 'đoán thử', from);
    expect(verifyPassword).toHaveBeenCalledTimes(2);
    expect(verifyPassword.mock.lastCall?.[1]).not.toBe(password.DUMMY_PASSWORD_HASH);
    const off = await attempt(disabled.username, disabled.password, from);
    expect(verifyPassword).toHaveBeenCalledTimes(3);

    for (const res of [unknown, wrong, off]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'auth.invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
      });
    }
  });

  it('holds back an unknown name exactly like a real one', async () => {
    const user = await makeUser(t);
    const answers = async (login: string) => {
      const from = nextAddress();
      const seen: { status: number; body: string }[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await attempt(login, `sai-${i}`, from);
        seen.push({ status: res.statusCode, body: res.body });
      }
      return seen;
    };
    const real = await answers(user.username);
    const unknown = await answers(`khong-co-${user.username}`);
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(real);
    expect(real[5]?.body).not.toContain(user.username);
  });

  it('lets windows grow while they are used up, up to a cap, and end by themselves', async () => {
    const user = await makeUser(t);
    const from = nextAddress();
    const exhaustWindow = async () => {
      for (let i = 0; i < 5; i++) expect((await attempt(user.username, `sai-${i}`, from)).statusCode).toBe(401);
      expect((await attempt(user.username, 'sai', from)).statusCode).toBe(429);
    };
    await exhaustWindow(); // 15 minutes
    clock.advance(15 * 60_000 + 1);
    await exhaustWindow(); // now 30
    clock.advance(20 * 60_000);
    expect((await attempt(user.username, user.password, from)).statusCode).toBe(429);
    clock.advance(10 * 60_000 + 1);
    await exhaustWindow(); // now 60
    clock.advance(60 * 60_000 + 1);
    await exhaustWindow(); // still 60: the cap
    clock.advance(60 * 60_000 + 1);
    expect((await attempt(user.username, user.password, from)).statusCode).toBe(200);
  });

  it('does not let attackers elsewhere shut the owner out on an address where they signed in before', async () => {
    const user = await makeUser(t);
    const home = nextAddress();
    await attempt(user.username, user.password, home);
    // Five addresses, five guesses each: the account-wide limit (20) is used up.
    for (let a = 0; a < 5; a++) {
      const from = nextAddress();
      for (let i = 0; i < 5; i++) await attempt(user.username, `sai-${a}-${i}`, from);
    }
    expect((await attempt(user.username, user.password, nextAddress())).statusCode).toBe(429);
    expect((await attempt(user.username, user.password, home)).statusCode).toBe(200);
    // The administrator sees the account held back, and can lift it.
    const held = await t.services.users.list(SYSTEM, { q: user.username, page: 1, pageSize: 10 });
    expect(held.items[0]?.lockedUntil).not.toBeNull();
    await t.services.users.unlock(SYSTEM, user.id);
    expect((await attempt(user.username, user.password, nextAddress())).statusCode).toBe(200);
  });

  it('counts the peer address, not a forged X-Forwarded-For, when no proxy is configured', async () => {
    const peer = nextAddress();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: peer,
      headers: { 'x-forwarded-for': '198.51.100.7' },
      payload: { login: 'khong-co-ai', password: 'đoán thử' },
    });
    const keys = await t.deps.database.db
      .selectFrom('sign_in_throttles')
      .select('key')
      .where('key', 'in', [`a:${peer}`, 'a:198.51.100.7'])
      .execute();
    expect(keys.map((k) => k.key)).toEqual([`a:${peer}`]);
  });
});

describe.each(testEngines())('behind a reverse proxy (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { TRUST_PROXY: '10.0.0.1, 192.168.50.0/24' } });
  });
  afterAll(async () => t.close());

  const addressKeys = async () =>
    (await t.deps.database.db.selectFrom('sign_in_throttles').select('key').where('key', 'like', 'a:%').execute())
      .map((k) => k.key)
      .sort();

  it('believes X-Forwarded-For from a configured proxy only', async () => {
    const guess = (remoteAddress: string, forwarded: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
        payload: { login: 'khong-co-ai', password: 'đoán thử' },
      });
    await guess('203.0.113.9', '198.51.100.1');
    await guess('10.0.0.1', '198.51.100.2');
    await guess('192.168.50.7', '198.51.100.3');
    expect(await addressKeys()).toEqual(['a:198.51.100.2', 'a:198.51.100.3', 'a:203.0.113.9']);
  });
});
