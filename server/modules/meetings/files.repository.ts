import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';

/** The page counts of stored files, where known. */
export const pageCountsOf = (ex: Executor, sha256s: readonly string[]) =>
  ex
    .selectFrom('blobs')
    .select(['sha256', 'page_count'])
    .where('sha256', 'in', [...sha256s])
    .execute();

export async function insertFiles(ex: Executor, rows: readonly Insertable<DB['meeting_files']>[]) {
  if (rows.length > 0)
    await ex
      .insertInto('meeting_files')
      .values([...rows])
      .execute();
}

/** How many are invited to the meeting (people and organizations). */
export async function invitedCount(ex: Executor, meetingId: string): Promise<number> {
  const row = await ex
    .selectFrom('meeting_invitees')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const agendaItemOf = (ex: Executor, meetingId: string, itemId: string) =>
  ex
    .selectFrom('meeting_agenda_items')
    .select('id')
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();

export const fileOf = (ex: Executor, meetingId: string, fileId: string) =>
  ex
    .selectFrom('meeting_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();

/** Marks a current file replaced; false when it was replaced or withdrawn meanwhile. */
export async function supersedeFile(ex: Executor, fileId: string, at: string): Promise<boolean> {
  const done = await ex
    .updateTable('meeting_files')
    .set({ superseded_at: at })
    .where('id', '=', fileId)
    .where('superseded_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Withdraws a current file other than the invitation; its name, or undefined when there is none such. */
export const withdrawFile = (ex: Executor, meetingId: string, fileId: string, at: string) =>
  ex
    .updateTable('meeting_files')
    .set({ withdrawn_at: at })
    .where('id', '=', fileId)
    .where('meeting_id', '=', meetingId)
    .where('kind', '!=', 'invitation')
    .where('superseded_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .returning('file_name')
    .executeTakeFirst();

/** Remembers that a person opened a file: the first time stays, the last moves on. */
export async function recordOpen(ex: Executor, fileId: string, userId: string, at: string) {
  await ex
    .insertInto('meeting_file_opens')
    .values({ meeting_file_id: fileId, user_id: userId, first_opened_at: at, last_opened_at: at })
    .onConflict((oc) => oc.columns(['meeting_file_id', 'user_id']).doUpdateSet({ last_opened_at: at }))
    .execute();
}
