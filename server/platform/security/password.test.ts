import { afterEach, describe, expect, it, vi } from 'vitest';
import * as password from './password';
import {
  hashPassword,
  PRODUCTION_PASSWORD_HASH_COST,
  passwordHashCost,
  setPasswordHashCost,
  verifyPassword,
} from './password';

describe('password hashes', () => {
  afterEach(() => setPasswordHashCost(PRODUCTION_PASSWORD_HASH_COST));

  it('are made at the production cost unless told otherwise, like the stand-in for unknown names', async () => {
    // A fresh copy of the module: this worker's earlier test apps may have set another cost.
    vi.resetModules();
    const fresh = await import('./password');
    expect(fresh.passwordHashCost()).toBe(15);
    expect(fresh.DUMMY_PASSWORD_HASH).toMatch(/^scrypt\$32768\$8\$1\$/);
    setPasswordHashCost(PRODUCTION_PASSWORD_HASH_COST);
    expect(passwordHashCost()).toBe(15);
    const hash = await hashPassword('Mật-khẩu-dài');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(password.DUMMY_PASSWORD_HASH).toBe(
      'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(await verifyPassword('Mật-khẩu-dài', hash)).toBe(true);
  });

  it('keep verifying whatever cost made them', async () => {
    setPasswordHashCost(10);
    const cheap = await hashPassword('Mật-khẩu-rẻ');
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    setPasswordHashCost(PRODUCTION_PASSWORD_HASH_COST);
    const dear = await hashPassword('Mật-khẩu-đắt');
    expect(await verifyPassword('Mật-khẩu-rẻ', cheap)).toBe(true);
    expect(await verifyPassword('sai', cheap)).toBe(false);
    setPasswordHashCost(10);
    expect(await verifyPassword('Mật-khẩu-đắt', dear)).toBe(true);
    expect(await verifyPassword('sai', dear)).toBe(false);
  });

  it('checks an unknown name against a stand-in made at the same cost as real hashes', async () => {
    setPasswordHashCost(10);
    expect(password.DUMMY_PASSWORD_HASH).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('đoán thử', password.DUMMY_PASSWORD_HASH)).toBe(false);
    setPasswordHashCost(PRODUCTION_PASSWORD_HASH_COST);
    expect(password.DUMMY_PASSWORD_HASH).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('refuses a cost scrypt cannot take', () => {
    for (const cost of [0, 1.5, 21]) expect(() => setPasswordHashCost(cost)).toThrow(RangeError);
  });
});
