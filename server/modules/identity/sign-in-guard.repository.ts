import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/database';

export interface ThrottleRule {
  /** Attempts allowed in one window. */
  limit: number;
  /** Window lengths in milliseconds: the first, then one more step each time a window is used up; the last is the cap. */
  windowsMs: readonly number[];
}

export interface Reservation {
  /** Attempts in the current window, this one included: admitted while it is at most the limit. */
  attempts: number;
  windowEnds: number;
  trustedUntil: number | null;
}

const old = (column: 'attempts' | 'window_ends' | 'strikes') => sql.ref(`sign_in_throttles.${column}`);

/**
 * Counts one attempt on `key` and returns the count, in one statement, before the
 * password is checked: concurrent attempts, in this process or another, each get
 * their own number, so no more than `limit` of them are ever admitted per window.
 * A window that ends used up makes the next one longer, up to the last step; one
 * that ends unused starts the ladder again.
 */
export async function reserveAttempt(
  ex: Executor,
  key: string,
  accountId: string | null,
  now: number,
  rule: ThrottleRule,
): Promise<Reservation> {
  const at = sql<number>`cast(${now} as bigint)`;
  const top = rule.windowsMs.length - 1;
  const windowOpen = sql<boolean>`${old('window_ends')} > ${at}`;
  const nextStrikes = sql<number>`(case when ${old('attempts')} >= ${sql.lit(rule.limit)} then (case when ${old('strikes')} >= ${sql.lit(top)} then ${sql.lit(top)} else ${old('strikes')} + 1 end) else 0 end)`;
  const lengthOf = (strikes: RawBuilder<number>) =>
    sql<number>`(case ${strikes} ${sql.join(
      rule.windowsMs.slice(0, top).map((ms, i) => sql`when ${sql.lit(i)} then ${sql.lit(ms)}`),
      sql` `,
    )} else ${sql.lit(rule.windowsMs[top] ?? 0)} end)`;
  const row = await ex
    .insertInto('sign_in_throttles')
    .values({
      key,
      account_id: accountId,
      attempts: 1,
      window_ends: now + (rule.windowsMs[0] ?? 0),
      strikes: 0,
      trusted_until: null,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when ${windowOpen} then ${old('attempts')} + 1 else 1 end`,
        strikes: sql<number>`case when ${windowOpen} then ${old('strikes')} else ${nextStrikes} end`,
        window_ends: sql<number>`case when ${windowOpen} then ${old('window_ends')} else ${at} + ${lengthOf(nextStrikes)} end`,
      }),
    )
    .returning(['attempts', 'window_ends', 'trusted_until'])
    .executeTakeFirstOrThrow();
  return {
    attempts: Number(row.attempts),
    windowEnds: Number(row.window_ends),
    trustedUntil: row.trusted_until === null ? null : Number(row.trusted_until),
  };
}

/** Gives back an attempt that turned out not to be a failure. */
export async function releaseAttempt(ex: Executor, key: string): Promise<void> {
  await ex
    .updateTable('sign_in_throttles')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

/** An account and address that just signed in: its count starts over and it is trusted until `until`. */
export async function trustKey(ex: Executor, key: string, accountId: string, now: number, until: number) {
  await ex
    .insertInto('sign_in_throttles')
    .values({ key, account_id: accountId, attempts: 0, window_ends: now, strikes: 0, trusted_until: until })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ attempts: 0, window_ends: now, strikes: 0, trusted_until: until }),
    )
    .execute();
}

export async function clearAccount(ex: Executor, accountId: string): Promise<void> {
  await ex.deleteFrom('sign_in_throttles').where('account_id', '=', accountId).execute();
}

export async function findKeys(ex: Executor, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return ex
    .selectFrom('sign_in_throttles')
    .select(['key', 'account_id', 'attempts', 'window_ends'])
    .where('key', 'in', keys)
    .execute();
}

/** Windows long over and trust expired: nothing left to remember. */
export async function deleteStale(ex: Executor, before: number, now: number): Promise<number> {
  const res = await ex
    .deleteFrom('sign_in_throttles')
    .where('window_ends', '<', before)
    .where((eb) => eb.or([eb('trusted_until', 'is', null), eb('trusted_until', '<', now)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
