import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/harness';

/** Routes open to anonymous callers. Anything else must answer 401. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/auth/config',
  // Who is signed in, if anyone: answers null rather than 401, so the sign-in page logs no failure.
  'GET /api/auth/session',
  'POST /api/auth/sign-in',
  'POST /api/auth/password-reset',
  'GET /api/openapi.json',
  // A personal calendar feed: the secret in the address is the credential (phone calendars send no cookie).
  'GET /calendar/:token.ics',
  // The SMS provider's delivery reports: a shared secret in the address, checked in the handler.
  'POST /api/sms/report',
  // Another VanPhong deployment's messages: signed with the secret the two share, checked in the handler.
  'POST /api/exchange/peer',
  // The built web app: its files, and index.html for app routes (a route needing a session is sent to sign in).
  'GET /*',
]);
const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

describe('every route refuses anonymous callers unless listed as public', () => {
  let t: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>VanPhong</title>');
    t = await createTestApp('sqlite', { webRoot });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('walks the registered routes', async () => {
    const routes = t.app.registeredRoutes.filter((r) => !isDocs(r.url));
    expect(routes.length).toBeGreaterThan(20);
    const declaredPublic = routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    // A route marked public in code must also be on the reviewed list above.
    expect(declaredPublic.filter((r) => !PUBLIC_ROUTES.has(r))).toEqual([]);

    const leaks: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const url = route.url.replace(/:[^/]+/g, 'x').replace(/\*/g, 'x');
      const res = await t.app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      if (PUBLIC_ROUTES.has(key)) {
        expect(res.statusCode, key).not.toBe(401);
      } else if (res.statusCode !== 401 || res.json().error.code !== 'auth.unauthenticated') {
        leaks.push(`${key} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('serves the OpenAPI document and the browsable docs without internet assets', async () => {
    const spec = await t.app.inject({ url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/users', '/api/audit']));
    const page = await t.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/https?:\/\/(unpkg|cdn|fonts\.googleapis)/);
  });
});
