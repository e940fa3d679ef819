import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('TRUST_PROXY', () => {
  it('refuses "true" at start, naming the variable and what to write instead', () => {
    for (const value of ['true', 'TRUE', '1', 'yes']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: .*10\.0\.0\.0\/8/);
    }
  });

  it('takes proxy addresses and CIDR ranges, and nothing else', () => {
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,::1, fd00::/8 ,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toEqual([]);
    for (const wrong of ['proxy.lan', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1', '*']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('HSTS', () => {
  it('follows the scheme of the public address', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://vanphong.huyenuy.vn' }).hsts).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://vanphong.lan' }).hsts).toBe(false);
    expect(loadConfig({}).hsts).toBe(false);
  });
});

describe('PASSWORD_HASH_COST', () => {
  it('is the production cost unless a test lowers it, and never lower with real settings', () => {
    expect(loadConfig({}).passwordHashCost).toBe(15);
    expect(loadConfig({ NODE_ENV: 'production' }).passwordHashCost).toBe(15);
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '10' }).passwordHashCost).toBe(10);
    expect(loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '17' }).passwordHashCost).toBe(17);
    for (const env of [
      { NODE_ENV: 'production', PASSWORD_HASH_COST: '10' },
      { NODE_ENV: 'development', PASSWORD_HASH_COST: '10' },
      { PASSWORD_HASH_COST: '14' },
      { NODE_ENV: 'test', PUBLIC_URL: 'https://vanphong.huyenuy.vn', PASSWORD_HASH_COST: '10' },
    ]) {
      expect(() => loadConfig(env)).toThrow(/PASSWORD_HASH_COST/);
    }
  });
});
