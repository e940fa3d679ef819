import { randomBytes } from 'node:crypto';

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
  const bytes = randomBytes(16);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return time + rand;
}

/** A random secret token for cookies and links (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
