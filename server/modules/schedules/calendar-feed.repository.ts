import type { Executor } from '../../platform/db/database';

/**
 * The live items of published weeks, on days [fromDay, toDay], that concern a person: those
 * they are attached to, their own week as a leader, and the Standing Committee's weeks of
 * organizations where they hold `leader` or `member`. `weeksFrom`: the first Monday that can
 * hold a day of the window (for the week index).
 */
export function publishedItemsOf(ex: Executor, userId: string, weeksFrom: string, fromDay: string, toDay: string) {
  return (
    ex
      .selectFrom('schedule_items as i')
      .innerJoin('schedules as s', 's.id', 'i.schedule_id')
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .leftJoin('users as u', 'u.id', 's.owner_user_id')
      .selectAll('i')
      .select(['s.week_start', 's.owner', 'o.name as organization_name', 'u.full_name as owner_name'])
      .where('s.status', '=', 'published')
      // The week index first: weeks that can hold a day of the window.
      .where('s.week_start', '>=', weeksFrom)
      .where('s.week_start', '<=', toDay)
      .where('i.day', '>=', fromDay)
      .where('i.day', '<=', toDay)
      .where('i.cancelled_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('i.id', 'in', eb.selectFrom('schedule_item_people').select('item_id').where('user_id', '=', userId)),
          eb('s.owner_user_id', '=', userId),
          eb.and([
            eb('s.owner', '=', 'standing_committee'),
            eb(
              's.organization_id',
              'in',
              eb
                .selectFrom('role_grants')
                .select('organization_id')
                .where('user_id', '=', userId)
                .where('role', 'in', ['leader', 'member']),
            ),
          ]),
        ]),
      )
      .execute()
  );
}

export const feedOf = (ex: Executor, userId: string) =>
  ex.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId).executeTakeFirst();

/** Stores a person's feed token (its hash), replacing the one before. */
export async function saveFeed(ex: Executor, userId: string, tokenHash: string, createdAt: string) {
  await ex
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: tokenHash, created_at: createdAt })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: tokenHash, created_at: createdAt }))
    .execute();
}

/** False when the person had no feed. */
export async function deleteFeed(ex: Executor, userId: string): Promise<boolean> {
  const gone = await ex.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/** The enabled account whose feed token has this hash. */
export const ownerOfToken = (ex: Executor, tokenHash: string) =>
  ex
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select('u.id')
    .where('f.token_hash', '=', tokenHash)
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
