import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * log2 of scrypt's N for new hashes: 2^15 (r=8, p=1) is OWASP's scrypt minimum, about 50 ms here,
 * run off the event loop. Only the tests lower it (`PASSWORD_HASH_COST`, refused with real settings).
 */
export const PRODUCTION_PASSWORD_HASH_COST = 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

let hashCost = PRODUCTION_PASSWORD_HASH_COST;

const dummyHashAt = (log2N: number) =>
  `scrypt$${2 ** log2N}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

/**
 * A hash to compare against when the account does not exist, so timing says nothing: at the cost
 * passwords are hashed with (`setPasswordHashCost` keeps the two in step).
 */
export let DUMMY_PASSWORD_HASH = dummyHashAt(PRODUCTION_PASSWORD_HASH_COST);

/** The cost of the hashes made from now on in this process; hashes already stored keep verifying. */
export function setPasswordHashCost(log2N: number): void {
  if (!Number.isInteger(log2N) || log2N < 1 || log2N > 20) throw new RangeError(`password hash cost ${log2N}`);
  hashCost = log2N;
  DUMMY_PASSWORD_HASH = dummyHashAt(log2N);
}

export function passwordHashCost(): number {
  return hashCost;
}

/** `scrypt$N$r$p$salt$hash`, parameters kept so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** hashCost;
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64url');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
