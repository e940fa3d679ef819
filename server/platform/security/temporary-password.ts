import { randomInt } from 'node:crypto';

/** Letters and digits nobody misreads when a password is read out or copied from paper (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password of 12 random characters (about 69 bits) in three groups: `xxxx-xxxx-xxxx`. */
export function generateTemporaryPassword(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join(''),
  );
  return groups.join('-');
}
