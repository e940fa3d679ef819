import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The demo's passwords are stored nowhere. Each installation has a random secret in a file
 * only the server's user may read (`DATA_DIR/demo-secret`, mode 0600); each demo password is
 * HMAC-SHA256(secret, username), so the machine that loaded the demo can say it again (on its
 * console, and to a browser on the same machine) while the database holds only scrypt hashes
 * and a check value that reveals nothing of the secret.
 */
export const DEMO_SECRET_FILE = 'demo-secret';

/** Lower-case letters and digits a person reads without confusing (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface DemoSecret {
  readonly key: Buffer;
}

function secretPath(dataDir: string): string {
  return path.join(dataDir, DEMO_SECRET_FILE);
}

function parse(text: string): DemoSecret | null {
  const hex = text.trim();
  return /^[0-9a-f]{64}$/.test(hex) ? { key: Buffer.from(hex, 'hex') } : null;
}

/** This machine's demo secret, or null when it has none (or an unreadable one). */
export function readDemoSecret(dataDir: string): DemoSecret | null {
  const file = secretPath(dataDir);
  try {
    const stat = fs.statSync(file);
    // Kept to its owner even if copied or restored with wider rights.
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The secret, made on first use; two processes starting together end with the same one. */
export function ensureDemoSecret(dataDir: string): DemoSecret {
  const existing = readDemoSecret(dataDir);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = secretPath(dataDir);
  const made = randomBytes(32).toString('hex');
  try {
    fs.writeFileSync(file, `${made}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process wrote it first (or a damaged file is there): a damaged one is replaced.
    const raced = readDemoSecret(dataDir);
    if (raced) return raced;
    fs.writeFileSync(file, `${made}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  return { key: Buffer.from(made, 'hex') };
}

/** The demo password of one account: 16 characters (about 79 bits) in four groups of four. */
export function demoPassword(secret: DemoSecret, username: string): string {
  const chars: string[] = [];
  for (let round = 0; chars.length < 16; round++) {
    const digest = createHmac('sha256', secret.key).update(`vanphong demo password\0${username}\0${round}`).digest();
    for (const byte of digest) {
      // Bytes past the last whole multiple of 31 are skipped, so every letter is equally likely.
      if (byte < 248 && chars.length < 16) chars.push(ALPHABET[byte % ALPHABET.length] as string);
    }
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Stored beside the accounts so a machine with another secret knows its derivations are wrong. */
export function demoSecretCheck(secret: DemoSecret): string {
  return createHmac('sha256', secret.key).update('vanphong demo secret check').digest('hex');
}

export function matchesCheck(secret: DemoSecret, check: string): boolean {
  const mine = Buffer.from(demoSecretCheck(secret), 'hex');
  const theirs = Buffer.from(check, 'hex');
  return mine.length === theirs.length && timingSafeEqual(mine, theirs);
}
