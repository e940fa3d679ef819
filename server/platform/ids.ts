import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Opaque, time-ordered ids (26 characters, Crockford base32 in lower case):
 * 10 characters of milliseconds then 16 random ones. Ordered ids keep B-tree
 * inserts at the end of the index on both engines.
 */
export function newId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const at = take(16);
  let rand = '';
  for (let i = at; i < at + 16; i++) rand += ALPHABET[(pool[i] as number) % 32];
  return time + rand;
}

/**
 * Random bytes drawn from the system's generator a few kilobytes at a time: one call per
 * 256 ids instead of one (and a new buffer) per id. Each byte is used once.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function take(n: number): number {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const at = used;
  used += n;
  return at;
}

/** `n` random bytes (at most 4,096) as lower-case hex, from the same pool as the ids. */
export function randomHex(n: number): string {
  const at = take(n);
  return pool.toString('hex', at, at + n);
}

/** A random secret token for cookies and links (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
