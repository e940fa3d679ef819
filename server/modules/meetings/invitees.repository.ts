import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';
import type { MeetingInviteesTable } from './meetings.tables';

export const membersOfGroups = (ex: Executor, groupIds: readonly string[]) =>
  ex
    .selectFrom('group_members')
    .select(['group_id', 'person_id', 'organization_id'])
    .where('group_id', 'in', [...groupIds])
    .execute();

export const groupsAmong = (ex: Executor, groupIds: readonly string[]) =>
  ex
    .selectFrom('distribution_groups')
    .select('id')
    .where('id', 'in', [...groupIds])
    .execute();

export const peopleAmong = (ex: Executor, ids: readonly string[]) =>
  ex
    .selectFrom('people')
    .select(['id', 'full_name', 'position'])
    .where('id', 'in', [...ids])
    .execute();

export const organizationsAmong = (ex: Executor, ids: readonly string[]) =>
  ex
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();

/** The enabled accounts of these people. */
export const accountsOfPeople = (ex: Executor, personIds: readonly string[]) =>
  ex
    .selectFrom('users')
    .select(['id', 'person_id'])
    .where('person_id', 'in', [...personIds])
    .where('disabled', '=', 0)
    .execute();

export const activeUsersAmong = (ex: Executor, ids: readonly string[]) =>
  ex
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('disabled', '=', 0)
    .execute();

export async function insertInvitees(ex: Executor, rows: readonly MeetingInviteesTable[]) {
  if (rows.length > 0)
    await ex
      .insertInto('meeting_invitees')
      .values([...rows])
      .execute();
}

export async function removeInvitees(ex: Executor, meetingId: string) {
  await ex.deleteFrom('meeting_invitees').where('meeting_id', '=', meetingId).execute();
}

/** Marks a person present, now, by whom. */
export async function markPresent(ex: Executor, inviteeId: string, at: string, by: string) {
  await ex
    .updateTable('meeting_invitees')
    .set((eb) => ({ attendance: 'present', checked_in_at: at, checked_in_by: by, version: eb('version', '+', 1) }))
    .where('id', '=', inviteeId)
    .execute();
}

export const replyKeyOf = (ex: Executor, userId: string, key: string) =>
  ex
    .selectFrom('meeting_reply_keys')
    .select('request_hash')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();

/** Claims a reply's idempotency key; false when it was claimed before (the reply is a repeat). */
export async function claimReplyKey(ex: Executor, row: Insertable<DB['meeting_reply_keys']>): Promise<boolean> {
  const claimed = await ex
    .insertInto('meeting_reply_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export const meetingStatusOf = (ex: Executor, meetingId: string) =>
  ex.selectFrom('meetings').select(['status', 'ends_at']).where('id', '=', meetingId).executeTakeFirstOrThrow();

export async function setReply(
  ex: Executor,
  inviteeId: string,
  reply: Pick<MeetingInviteesTable, 'reply' | 'reason' | 'deputy_name' | 'replied_at' | 'replied_by'>,
) {
  await ex
    .updateTable('meeting_invitees')
    .set((eb) => ({ ...reply, version: eb('version', '+', 1) }))
    .where('id', '=', inviteeId)
    .execute();
}

/** Who has not answered and was not reminded since `since`. */
export const pendingReplies = (ex: Executor, meetingId: string, since: string) =>
  ex
    .selectFrom('meeting_invitees')
    .select(['id', 'user_id', 'organization_id'])
    .where('meeting_id', '=', meetingId)
    .where('reply', '=', 'pending')
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', since)]))
    .execute();

export async function markReminded(ex: Executor, inviteeIds: readonly string[], at: string) {
  if (inviteeIds.length === 0) return;
  await ex
    .updateTable('meeting_invitees')
    .set({ reminded_at: at })
    .where('id', 'in', [...inviteeIds])
    .execute();
}

/** Those of `ids` invited to the meeting. */
export const inviteesAmong = (ex: Executor, meetingId: string, ids: readonly string[]) =>
  ex
    .selectFrom('meeting_invitees')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('id', 'in', [...ids])
    .execute();

export async function setAttendance(
  ex: Executor,
  meetingId: string,
  inviteeId: string,
  mark: Pick<MeetingInviteesTable, 'attendance' | 'checked_in_at' | 'checked_in_by'>,
) {
  await ex
    .updateTable('meeting_invitees')
    .set((eb) => ({ ...mark, version: eb('version', '+', 1) }))
    .where('id', '=', inviteeId)
    .where('meeting_id', '=', meetingId)
    .execute();
}

/** A new time asks everyone to answer again. */
export async function resetReplies(ex: Executor, meetingId: string) {
  await ex
    .updateTable('meeting_invitees')
    .set((eb) => ({
      reply: 'pending',
      reason: null,
      deputy_name: null,
      replied_at: null,
      version: eb('version', '+', 1),
    }))
    .where('meeting_id', '=', meetingId)
    .execute();
}

/** Opens the invitation's document to people invited after it was sent. */
export async function openDocumentTo(ex: Executor, documentId: string, userIds: readonly string[]) {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  await ex
    .insertInto('document_access')
    .values(users.map((user_id) => ({ document_id: documentId, user_id, reason: 'invited' })))
    .onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing())
    .execute();
}
