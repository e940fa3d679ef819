import { afterEach, describe, expect, it } from 'vitest';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  PRODUCTION_PASSWORD_HASH_COST,
  passwordHashCost,
  setPasswordHashCost,
  verifyPassword,
} from './password';

describe('password hashes', () => {
  afterEach(() => setPasswordHashCost(PRODUCTION_PASSWORD_HASH_COST));

  it('are made at the production cost unless told otherwise, like the stand-in for unknown names', async () => {
    expect(passwordHashCost()).toBe(15);
    const hash = await hashPassword('Mật-khẩu-dài');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(DUMMY_PASSWORD_HASH).toMatch(/^scrypt\$32768\$8\$1\$/);
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

  it('refuses a cost scrypt cannot take', () => {
    for (const cost of [0, 1.5, 21]) expect(() => setPasswordHashCost(cost)).toThrow(RangeError);
  });
});
