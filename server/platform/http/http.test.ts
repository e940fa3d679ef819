import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';

describe('bad input gets a 4xx with a stable code and a Vietnamese message', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { env: { BODY_LIMIT_BYTES: '4096', PUBLIC_URL: 'https://vanphong.example.vn' } });
    ({ cookie } = await signedInAs(t, 'admin'));
  });
  afterAll(async () => t.close());

  const signIn = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  it('malformed JSON', async () => {
    const res = await signIn('{"login": "a", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'request.malformed_json',
      message: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
    });
  });

  it('missing fields, extra fields and wrong types name the field', async () => {
    const missing = await signIn(JSON.stringify({ login: 'a' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('request.invalid');
    expect(JSON.stringify(missing.json().error.details)).toContain('password');
    const extra = await signIn(JSON.stringify({ login: 'a', password: 'b', admin: true }));
    expect(extra.statusCode).toBe(400);
    const wrongType = await signIn(JSON.stringify({ login: 42, password: 'b' }));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toMatch(/không hợp lệ/);
    // Each field's own message is Vietnamese too, never the validator's English.
    const fields = [missing, extra, wrongType].flatMap(
      (r) => (r.json().error.details.fields as { message: string }[]) ?? [],
    );
    expect(fields.length).toBeGreaterThanOrEqual(3);
    for (const f of fields) expect(f.message).not.toMatch(/Invalid|expected|Unrecognized|received/);
    expect(fields.map((f) => f.message).join(' ')).toMatch(/không hợp lệ|không được nhận dạng/);
  });

  it('strings over their limits', async () => {
    const res = await signIn(JSON.stringify({ login: 'a'.repeat(300), password: 'b' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
  });

  it('bodies over the size limit', async () => {
    const res = await signIn(JSON.stringify({ login: 'a', password: 'x'.repeat(10_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
  });

  it('an unsupported content type', async () => {
    const res = await signIn('login=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('request.unsupported_media_type');
  });

  it('a malformed URL', async () => {
    const res = await t.app.inject({ url: '/api/users/%ZZ', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.bad_url');
  });

  it('unknown routes', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/khong-co', headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: 'route.not_found', message: 'Không có địa chỉ POST /api/khong-co.' });
  });

  it('a state-changing request from another origin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: 'https://evil.example.com' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf_origin');
    const fetchSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.json().error.code).toBe('auth.csrf_origin');
    // The session survived both attempts.
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('accepts the configured public origin and reads with any origin', async () => {
    const read = await t.app.inject({ url: '/api/auth/me', headers: { cookie, origin: 'https://evil.example.com' } });
    expect(read.statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/setup',
      headers: { cookie, origin: 'https://vanphong.example.vn', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
