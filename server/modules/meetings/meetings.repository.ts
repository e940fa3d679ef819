import type { Insertable, UpdateObject } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';
import { updateVersioned } from '../../platform/db/versioned';
import type { MeetingEventsTable, MeetingInviteesTable } from './meetings.tables';

export async function findMeeting(ex: Executor, id: string) {
  return ex
    .selectFrom('meetings as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('documents as d', 'd.id', 'm.invitation_document_id')
    .leftJoin('registers as r', 'r.id', 'd.register_id')
    .selectAll('m')
    .select([
      'o.path as organization_path',
      'o.name as organization_name',
      'd.number_text as invitation_number',
      'r.style as invitation_style',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function agendaOf(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('meeting_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

/** Every file of the meeting, current or not, oldest first. */
export async function filesOf(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('meeting_files as f')
    .innerJoin('blobs as b', 'b.sha256', 'f.sha256')
    .selectAll('f')
    .select(['b.size', 'b.content_type'])
    .where('f.meeting_id', '=', meetingId)
    .orderBy('f.added_at')
    .orderBy('f.id')
    .execute();
}
export type MeetingFileRow = Awaited<ReturnType<typeof filesOf>>[number];

export async function inviteesOf(ex: Executor, meetingId: string): Promise<MeetingInviteesTable[]> {
  return ex
    .selectFrom('meeting_invitees')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('role', 'desc')
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
}

export async function eventsOf(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('meeting_events')
    .select(['id', 'at', 'actor_name as actorName', 'kind', 'note'])
    .where('meeting_id', '=', meetingId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function addEvent(ex: Executor, event: MeetingEventsTable) {
  await ex.insertInto('meeting_events').values(event).execute();
}

/** The invitations a user answers: their own, and those of organizations they keep or lead. */
export async function invitationsFor(ex: Executor, meetingId: string, userId: string, orgIds: readonly string[]) {
  return ex
    .selectFrom('meeting_invitees')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where((eb) =>
      orgIds.length > 0
        ? eb.or([eb('user_id', '=', userId), eb('organization_id', 'in', [...orgIds])])
        : eb('user_id', '=', userId),
    )
    .execute();
}

export async function seenAt(ex: Executor, meetingId: string, userId: string): Promise<string | null> {
  const row = await ex
    .selectFrom('meeting_views')
    .select('seen_at')
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.seen_at ?? null;
}

/** Users to tell about a meeting: invited people with an account, and the office of invited organizations. */
export async function audienceOf(ex: Executor, meetingId: string): Promise<string[]> {
  const invitees = await ex
    .selectFrom('meeting_invitees')
    .select(['user_id', 'organization_id'])
    .where('meeting_id', '=', meetingId)
    .execute();
  const users = invitees.flatMap((i) => (i.user_id ? [i.user_id] : []));
  const orgIds = invitees.flatMap((i) => (i.organization_id ? [i.organization_id] : []));
  if (orgIds.length > 0) users.push(...(await officeOf(ex, orgIds)));
  return [...new Set(users)];
}

/** The clerks and leaders of exactly these organizations, who answer for them. */
export async function officeOf(ex: Executor, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await ex
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .where('g.organization_id', 'in', [...orgIds])
    .where('g.role', 'in', ['clerk', 'leader'])
    .where('u.disabled', '=', 0)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** Columns of a meeting a change may set (the version and the time of change are set by the move). */
export type MeetingPatch = Omit<UpdateObject<DB, 'meetings'>, 'version'>;

/**
 * Moves the meeting on from the version and status the caller saw; false when either
 * changed meanwhile.
 */
export function moveMeeting(
  trx: Executor,
  row: Pick<MeetingRow, 'id' | 'status'>,
  version: number,
  patch: MeetingPatch,
): Promise<boolean> {
  return updateVersioned(trx, 'meetings', row.id, version, patch, { where: (eb) => eb('status', '=', row.status) });
}

export async function deleteAgendaItems(ex: Executor, ids: readonly string[]) {
  if (ids.length > 0)
    await ex
      .deleteFrom('meeting_agenda_items')
      .where('id', 'in', [...ids])
      .execute();
}

export async function updateAgendaItem(ex: Executor, id: string, fields: UpdateObject<DB, 'meeting_agenda_items'>) {
  await ex.updateTable('meeting_agenda_items').set(fields).where('id', '=', id).execute();
}

export async function insertAgendaItem(ex: Executor, item: Insertable<DB['meeting_agenda_items']>) {
  await ex.insertInto('meeting_agenda_items').values(item).execute();
}

export const organizationPathOf = (ex: Executor, id: string) =>
  ex.selectFrom('organizations').select(['id', 'path']).where('id', '=', id).executeTakeFirst();

/** The meeting a person created with this client key, if any: a repeat of the same create. */
export const meetingOfClientKey = (ex: Executor, userId: string, clientKey: string) =>
  ex
    .selectFrom('meetings')
    .select('id')
    .where('created_by', '=', userId)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();

export async function insertMeeting(ex: Executor, row: Insertable<DB['meetings']>) {
  await ex.insertInto('meetings').values(row).execute();
}

/** Who opened which file of the meeting, and when first. */
export const fileOpensOf = (ex: Executor, meetingId: string) =>
  ex
    .selectFrom('meeting_file_opens as fo')
    .innerJoin('meeting_files as f', 'f.id', 'fo.meeting_file_id')
    .select(['fo.meeting_file_id', 'fo.user_id', 'fo.first_opened_at'])
    .where('f.meeting_id', '=', meetingId)
    .execute();

export async function markSeen(ex: Executor, meetingId: string, userId: string, at: string) {
  await ex
    .insertInto('meeting_views')
    .values({ meeting_id: meetingId, user_id: userId, seen_at: at })
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doUpdateSet({ seen_at: at }))
    .execute();
}

/** The parent organization's name, printed above the issuer. */
export async function parentNameOf(ex: Executor, organizationId: string): Promise<string | null> {
  const parent = await ex
    .selectFrom('organizations as o')
    .innerJoin('organizations as p', 'p.id', 'o.parent_id')
    .select('p.name')
    .where('o.id', '=', organizationId)
    .executeTakeFirst();
  return parent?.name ?? null;
}

export async function setInvitationDocument(ex: Executor, meetingId: string, documentId: string) {
  await ex.updateTable('meetings').set({ invitation_document_id: documentId }).where('id', '=', meetingId).execute();
}

/** Invited meetings starting in [from, until): the ones to remind of. */
export const invitedMeetingsStarting = (ex: Executor, from: string, until: string) =>
  ex
    .selectFrom('meetings')
    .select(['id', 'organization_id', 'title', 'place', 'starts_at', 'secrecy'])
    .where('status', '=', 'invited')
    .where('starts_at', '>', from)
    .where('starts_at', '<', until)
    .execute();
