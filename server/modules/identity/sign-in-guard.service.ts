import { createHash } from 'node:crypto';
import type { Config } from '../../platform/config/config';
import type { Executor } from '../../platform/db/database';
import * as repo from './sign-in-guard.repository';

/** Failed sign-ins one address may make (across every name) per window: an office shares one address. */
export const ADDRESS_LIMIT = 30;
/** The account-wide limit, across addresses, as a multiple of the per-address one. */
export const ACCOUNT_LIMIT_FACTOR = 4;
/** Each used-up window doubles the next, up to this many times the first. */
const BACK_OFF_CAP_FACTOR = 4;
/** How long an account and address that signed in stay out of reach of the account-wide limit. */
const TRUST_MS = 30 * 24 * 3_600_000;
/** Rows whose window ended this long ago are forgotten (and with them their back-off). */
const FORGET_AFTER_MS = 24 * 3_600_000;

export type Admission =
  | {
      admitted: true;
      addressKey: string;
      accountKey: string;
      pairKey: string;
      accountId: string | null;
      counted: string[];
    }
  | { admitted: false; scope: 'address' | 'account' | 'pair'; firstRefusal: boolean };

function ladder(firstMs: number): number[] {
  const steps: number[] = [];
  for (let ms = firstMs; ms < firstMs * BACK_OFF_CAP_FACTOR; ms *= 2) steps.push(ms);
  steps.push(firstMs * BACK_OFF_CAP_FACTOR);
  return steps;
}

/** Normalized as accounts are looked up, hashed so unknown names are not kept as typed. */
function nameKey(login: string): string {
  return `n:${createHash('sha256').update(login.trim().toLowerCase()).digest('hex').slice(0, 40)}`;
}

/**
 * The sign-in limits: every attempt is reserved in the database before its password
 * is checked, under three keys — the address, the account (or the unknown name, which
 * is limited exactly like a real one so the answers tell nothing), and the two together.
 * A key whose window is used up refuses until the window ends; windows grow while they
 * keep being used up and end by themselves, so nobody can lock an account for good,
 * and an account's usual address, once it signed in there, is not held back by the
 * account-wide limit an attacker elsewhere runs into.
 */
export function createSignInGuard(db: Executor, config: Config) {
  const windowsMs = ladder(config.login.lockMs);
  const rules = {
    address: { limit: ADDRESS_LIMIT, windowsMs },
    pair: { limit: config.login.maxFailures, windowsMs },
    account: { limit: config.login.maxFailures * ACCOUNT_LIMIT_FACTOR, windowsMs },
  } satisfies Record<string, repo.ThrottleRule>;

  const keysOf = (accountId: string | null, login: string, address: string) => {
    const accountKey = accountId ? `u:${accountId}` : nameKey(login);
    const ip = address.slice(0, 64);
    return { addressKey: `a:${ip}`, accountKey, pairKey: `${accountKey}@${ip}` };
  };

  return {
    rules,

    /** Reserves the attempt; the caller checks the password only if it is admitted. */
    async admit(accountId: string | null, login: string, address: string, now: number): Promise<Admission> {
      const keys = keysOf(accountId, login, address);
      const counted: string[] = [];
      const refuse = (scope: 'address' | 'account' | 'pair', r: repo.Reservation, limit: number): Admission => ({
        admitted: false,
        scope,
        firstRefusal: r.attempts === limit + 1,
      });
      const byAddress = await repo.reserveAttempt(db, keys.addressKey, null, now, rules.address);
      counted.push(keys.addressKey);
      if (byAddress.attempts > rules.address.limit) return refuse('address', byAddress, rules.address.limit);
      const byPair = await repo.reserveAttempt(db, keys.pairKey, accountId, now, rules.pair);
      counted.push(keys.pairKey);
      if (byPair.attempts > rules.pair.limit) return refuse('pair', byPair, rules.pair.limit);
      if (byPair.trustedUntil === null || byPair.trustedUntil <= now) {
        const byAccount = await repo.reserveAttempt(db, keys.accountKey, accountId, now, rules.account);
        counted.push(keys.accountKey);
        if (byAccount.attempts > rules.account.limit) return refuse('account', byAccount, rules.account.limit);
      }
      return { admitted: true, ...keys, accountId, counted };
    },

    /** The password was right (a second factor may still be asked): the attempt was no failure. */
    async release(admission: Admission & { admitted: true }): Promise<void> {
      for (const key of admission.counted) await repo.releaseAttempt(db, key);
    },

    /** Signed in: the attempt was no failure, and this account and address are trusted from now on. */
    async signedIn(admission: Admission & { admitted: true }, accountId: string, now: number): Promise<void> {
      for (const key of admission.counted) if (key !== admission.pairKey) await repo.releaseAttempt(db, key);
      await repo.trustKey(db, admission.pairKey, accountId, now, now + TRUST_MS);
    },

    /** An administrator's unlock, or a new password set: every limit on the account starts over. */
    clearAccount: (ex: Executor, accountId: string) => repo.clearAccount(ex, accountId),

    /** When each account's own limit (across addresses) refuses until, if it does now. */
    async blockedUntil(ex: Executor, accountIds: readonly string[], now: number): Promise<Map<string, number>> {
      const rows = await repo.findKeys(
        ex,
        accountIds.map((id) => `u:${id}`),
      );
      const result = new Map<string, number>();
      for (const r of rows) {
        const windowEnds = Number(r.window_ends);
        if (r.account_id && Number(r.attempts) >= rules.account.limit && windowEnds > now) {
          result.set(r.account_id, windowEnds);
        }
      }
      return result;
    },

    purge: (now: number) => repo.deleteStale(db, now - FORGET_AFTER_MS, now),
  };
}

export type SignInGuard = ReturnType<typeof createSignInGuard>;
