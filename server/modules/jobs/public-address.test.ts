import { afterEach, describe, expect, it } from 'vitest';
import type { PublicAddress } from '../../../common/schemas/jobs';
import { publicAddressStatus, publicAddressWarning } from '../../platform/config/public-address';
import { signedInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';

describe('the public address, judged for installing the app', () => {
  it('takes https, and plain http on the machine itself only', () => {
    expect(publicAddressStatus('https://vanphong.huyenuy.vn')).toBe('https');
    for (const url of ['http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:8080', 'http://app.localhost']) {
      expect(publicAddressStatus(url), url).toBe('local');
    }
    for (const url of ['http://192.168.1.10:3000', 'http://vanphong.huyenuy.vn', 'http://localhost.evil.vn']) {
      expect(publicAddressStatus(url), url).toBe('insecure');
    }
  });

  it('warns at start-up in Vietnamese when the address is not https', () => {
    expect(publicAddressWarning('https://vanphong.huyenuy.vn')).toBeNull();
    expect(publicAddressWarning(null)).toBeNull();
    expect(publicAddressWarning('http://192.168.1.10:3000')).toMatch(/không dùng https.*cài ứng dụng/);
    expect(publicAddressWarning('http://localhost:3000')).toMatch(/điện thoại trong mạng không cài được/);
  });
});

describe('GET /api/admin/public-address', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  const ask = async (env: Record<string, string>, headers: Record<string, string> = {}) => {
    t = await createTestApp('sqlite', { env });
    const { cookie } = await signedInAs(t, 'admin');
    return t.app.inject({ url: '/api/admin/public-address', headers: { cookie, ...headers } });
  };

  it('tells the administrator that PUBLIC_URL over http keeps phones from installing the app', async () => {
    const res = await ask({ PUBLIC_URL: 'http://192.168.1.10:3000' });
    expect(res.statusCode).toBe(200);
    expect(res.json<PublicAddress>()).toEqual({
      url: 'http://192.168.1.10:3000',
      configured: true,
      status: 'insecure',
    });
  });

  it('is content with https', async () => {
    const res = await ask({ PUBLIC_URL: 'https://vanphong.huyenuy.vn' });
    expect(res.json<PublicAddress>()).toEqual({
      url: 'https://vanphong.huyenuy.vn',
      configured: true,
      status: 'https',
    });
  });

  it('without PUBLIC_URL, judges the address the administrator came in by', async () => {
    const local = await ask({}, { host: 'localhost:3000' });
    expect(local.json<PublicAddress>()).toEqual({ url: 'http://localhost:3000', configured: false, status: 'local' });
    await t.close();
    const lan = await ask({}, { host: '10.0.0.7:3000' });
    expect(lan.json<PublicAddress>()).toMatchObject({ url: 'http://10.0.0.7:3000', status: 'insecure' });
  });

  it('is for the system administrator only', async () => {
    t = await createTestApp('sqlite', { env: { PUBLIC_URL: 'http://192.168.1.10:3000' } });
    const { cookie } = await signedInAs(t, 'clerk');
    const res = await t.app.inject({ url: '/api/admin/public-address', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/admin/public-address' })).statusCode).toBe(401);
  });
});
