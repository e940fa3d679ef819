import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

const NFD_NAME = 'Nguye\u0302\u0303n Va\u0306n D\u0323u\u031bo\u031b\u0300ng'; // "Nguyễn Văn Dường", decomposed
const NFC_NAME = NFD_NAME.normalize('NFC');

describe.each(testEngines())('text entering through HTTP is canonical (%s)', (engine) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ cookie } = await signedInAs(t, 'admin'));
  });
  afterAll(async () => t?.close());

  const expectNulRefused = (res: { statusCode: number; json(): { error: { code: string; message: string } } }) => {
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('common.invalid_text');
    expect(res.json().error.message).toMatch(/ký tự NUL/);
  };

  it('refuses a NUL in a route parameter, a query or a body with a 400', async () => {
    expectNulRefused(await t.app.inject({ url: '/api/documents/a%00b', headers: { cookie } }));
    expectNulRefused(await t.app.inject({ url: '/api/people?q=%00', headers: { cookie } }));
    expectNulRefused(await t.app.inject({ url: '/api/documents?q=s%E1%BB%91%00', headers: { cookie } }));
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"fullName":"\\u0000"}',
    });
    expectNulRefused(body);
    expect(JSON.stringify(body.json().error.details)).toContain('body.fullName');
    // A NUL in a key is no better than one in a value.
    expectNulRefused(
      await t.app.inject({
        method: 'POST',
        url: '/api/people',
        headers: { cookie, 'content-type': 'application/json' },
        payload: '{"fullName":"A","x\\u0000":1}',
      }),
    );
    expectNulRefused(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: '{"login":"admin","password":"x\\u0000"}',
      }),
    );
  });

  it('stores a lone surrogate as U+FFFD and decomposed text as NFC, as the answer shows it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ fullName: NFD_NAME, position: 'Ph\u00f3 b\u00ed th\u01b0 \ud800' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().fullName).toBe(NFC_NAME);
    const row = await t.deps.database.db
      .selectFrom('people')
      .select(['full_name', 'position', 'search_text'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe(NFC_NAME);
    expect(row.position).toBe('Phó bí thư \ufffd');
    // Found whichever form the query is typed in.
    for (const q of [NFC_NAME, NFD_NAME, 'nguyen van duong']) {
      const found = await t.app.inject({ url: `/api/people?q=${encodeURIComponent(q)}`, headers: { cookie } });
      expect(found.json().items.map((p: { id: string }) => p.id)).toContain(res.json().id);
    }
  });

  it('an anonymous sign-in with a lone surrogate is an ordinary wrong sign-in that leaves the trail verifiable', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.7.7.7',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":"\\ud800","password":"x"}',
    });
    expect(res.statusCode).toBe(401);
    const verify = await t.app.inject({ url: '/api/audit/verify', headers: { cookie } });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().ok).toBe(true);
  });

  it('a password set in decomposed form signs in when typed precomposed, and the other way round', async () => {
    const { user } = await signedInAs(t, 'member');
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.7.7.8',
      payload: { login: user.username, password: user.password },
    });
    const session = own.cookies.find((c) => c.name === 'vp_session');
    const password = 'Đồng Văn mùa hoa tam giác mạch 2026!';
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      remoteAddress: '10.7.7.8',
      headers: { cookie: `vp_session=${session?.value}` },
      payload: { currentPassword: user.password, newPassword: password.normalize('NFD') },
    });
    expect(changed.statusCode).toBeLessThan(300);
    for (const typed of [password.normalize('NFC'), password.normalize('NFD')]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '10.7.7.9',
        payload: { login: user.username, password: typed },
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('refuses input nested deeper than any form needs', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie, 'content-type': 'application/json' },
      payload: `{"fullName":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.too_deep');
  });
});
