import type { Executor } from './db/database';

/**
 * Claims a reminder's key inside the caller's transaction: true the first time, false ever
 * after (in this process or another), so a reminder goes out once however often the
 * scheduler runs.
 */
export async function claimReminder(trx: Executor, key: string, at: string): Promise<boolean> {
  const done = await trx
    .insertInto('reminders_sent')
    .values({ key: key.slice(0, 200), sent_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0) > 0;
}
