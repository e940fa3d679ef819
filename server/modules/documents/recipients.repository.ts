import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { DocumentRecipientsTable } from './documents.tables';

/** A document's recipients as chosen, and where in the directory a dispatch lands. */

/** The names of directory entries, by id, for recipients of each kind. */
export async function directoryNames(
  ex: Executor,
  ids: { organizations: readonly string[]; people: readonly string[]; groups: readonly string[] },
) {
  const [orgs, people, groups] = await Promise.all([
    ids.organizations.length
      ? ex
          .selectFrom('organizations')
          .select(['id', 'name'])
          .where('id', 'in', [...ids.organizations])
          .execute()
      : [],
    ids.people.length
      ? ex
          .selectFrom('people')
          .select(['id', 'full_name as name'])
          .where('id', 'in', [...ids.people])
          .execute()
      : [],
    ids.groups.length
      ? ex
          .selectFrom('distribution_groups')
          .select(['id', 'name'])
          .where('id', 'in', [...ids.groups])
          .execute()
      : [],
  ]);
  return new Map<string, string>([...orgs, ...people, ...groups].map((r) => [r.id, r.name]));
}

export async function replaceRecipients(
  ex: Executor,
  documentId: string,
  rows: readonly Insertable<DocumentRecipientsTable>[],
) {
  await ex.deleteFrom('document_recipients').where('document_id', '=', documentId).execute();
  if (rows.length > 0) await insertRecipients(ex, rows);
}

export async function insertRecipients(ex: Executor, rows: readonly Insertable<DocumentRecipientsTable>[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await ex
      .insertInto('document_recipients')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function groupMembers(ex: Executor, groupIds: readonly string[]) {
  return ex
    .selectFrom('group_members')
    .select(['organization_id', 'person_id'])
    .where('group_id', 'in', [...groupIds])
    .execute();
}

/** The active accounts of these people, oldest account first. */
export async function accountsOf(ex: Executor, personIds: readonly string[]) {
  return ex
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.id', 'u.person_id')
    .select(['u.id as user_id', 'u.person_id', 'p.full_name'])
    .where('u.person_id', 'in', [...personIds])
    .where('u.disabled', '=', 0)
    .orderBy('u.created_at')
    .execute();
}

/** The organizations these people belong to, the primary one first. */
export async function membershipsOf(ex: Executor, personIds: readonly string[]) {
  return ex
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.organization_id', 'm.is_primary', 'p.full_name'])
    .where('m.person_id', 'in', [...personIds])
    .orderBy('m.is_primary', 'desc')
    .execute();
}

export async function peopleNamed(ex: Executor, ids: readonly string[]) {
  return ex
    .selectFrom('people')
    .select(['id', 'full_name'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function organizationNames(ex: Executor, ids: readonly string[]): Promise<string[]> {
  const rows = await ex
    .selectFrom('organizations')
    .select('name')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.name);
}

/** The organizations among these that have an active clerk of their own. */
export async function organizationsWithClerk(ex: Executor, orgIds: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await ex
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('g.organization_id')
      .distinct()
      .where('g.organization_id', 'in', orgIds.slice(i, i + 500))
      .where('g.role', '=', 'clerk')
      .where('u.disabled', '=', 0)
      .execute();
    for (const r of rows) found.add(r.organization_id);
  }
  return [...found];
}

/** The outside e-mail recipients of a document. */
export async function emailRecipientsOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_recipients')
    .select(['id', 'name', 'email'])
    .where('document_id', '=', documentId)
    .where('kind', '=', 'external')
    .where('channel', '=', 'email')
    .where('email', 'is not', null)
    .execute();
}

/** A document's files in the order they were added. */
export async function mailFilesOf(ex: Executor, documentId: string) {
  return ex
    .selectFrom('document_files')
    .select(['sha256', 'file_name', 'kind'])
    .where('document_id', '=', documentId)
    .orderBy('added_at')
    .execute();
}

/** Links an outside recipient to the relay's copy of the message. */
export async function linkOutbound(ex: Executor, recipientId: string, outboundId: string) {
  await ex
    .updateTable('document_recipients')
    .set({ mail_outbound_id: outboundId })
    .where('id', '=', recipientId)
    .execute();
}

/** The documents the relay's copies carried, one row per copy. */
export async function documentsOfOutbound(ex: Executor, outboundIds: readonly string[]) {
  return ex
    .selectFrom('document_recipients as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select(['d.id', 'd.organization_id', 'd.page_count', 'd.number_text', 'd.summary', 'd.secrecy'])
    .select('r.mail_outbound_id')
    .where('r.mail_outbound_id', 'in', [...outboundIds])
    .execute();
}
