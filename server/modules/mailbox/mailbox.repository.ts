import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { matchesFolded } from '../../platform/db/search';
import { newId } from '../../platform/ids';
import type { MailItemsTable, MailMessagesTable, MailOutboundTable } from './mailbox.tables';

export type MessageRow = MailMessagesTable;

export interface ItemRow {
  id: string;
  message_id: string;
  mailbox_id: string;
  folder: string;
  role: MailItemsTable['role'];
  read_at: string | null;
  document_id: string | null;
}

export async function insertMessage(ex: Executor, row: MessageRow) {
  await ex.insertInto('mail_messages').values(row).execute();
}

/** Attachments of a message, placed from `first` on (after those it already has). */
export async function insertAttachments(
  ex: Executor,
  messageId: string,
  files: { sha256: string; fileName: string; size: number; contentType: string }[],
  first = 0,
) {
  if (files.length === 0) return;
  await ex
    .insertInto('mail_attachments')
    .values(
      files.map((f, i) => ({
        id: newId(),
        message_id: messageId,
        position: first + i,
        sha256: f.sha256,
        file_name: f.fileName,
        size: f.size,
        content_type: f.contentType,
      })),
    )
    .execute();
}

/** Copies of a message in mailboxes; a mailbox that already holds it keeps its copy. Returns the new ones. */
export async function insertItems(
  ex: Executor,
  messageId: string,
  items: { mailboxId: string; folder: string; role: ItemRow['role']; readAt: string | null }[],
  at: string,
): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const item of items) {
    const id = newId();
    const r = await ex
      .insertInto('mail_items')
      .values({
        id,
        message_id: messageId,
        mailbox_id: item.mailboxId,
        folder: item.folder,
        role: item.role,
        read_at: item.readAt,
        document_id: null,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['message_id', 'mailbox_id']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) created.set(item.mailboxId, id);
  }
  return created;
}

export async function findItem(ex: Executor, itemId: string): Promise<ItemRow | undefined> {
  return ex
    .selectFrom('mail_items')
    .select(['id', 'message_id', 'mailbox_id', 'folder', 'role', 'read_at', 'document_id'])
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function findMessage(ex: Executor, id: string): Promise<MessageRow | undefined> {
  return ex.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function attachmentsOf(ex: Executor, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return ex
    .selectFrom('mail_attachments')
    .select(['id', 'message_id', 'sha256', 'file_name', 'size', 'content_type'])
    .where('message_id', 'in', messageIds)
    .orderBy('position')
    .execute();
}

/** Unread and total per folder of these mailboxes, in one grouped read. */
export async function folderCounts(ex: Executor, mailboxIds: string[]) {
  if (mailboxIds.length === 0) return [];
  return ex
    .selectFrom('mail_items')
    .select((eb) => [
      'mailbox_id',
      'folder',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(sql`case when read_at is null then 1 else 0 end`).as('unread'),
    ])
    .where('mailbox_id', 'in', mailboxIds)
    .groupBy(['mailbox_id', 'folder'])
    .execute();
}

export async function listItems(
  ex: Executor,
  mailboxId: string,
  query: { folder: string; q?: string; unread?: boolean; offset: number; limit: number },
) {
  let base = ex
    .selectFrom('mail_items as i')
    .innerJoin('mail_messages as m', 'm.id', 'i.message_id')
    .where('i.mailbox_id', '=', mailboxId);
  // A search looks through every folder but the bin; otherwise one folder.
  if (query.q?.trim()) base = base.where(matchesFolded('m.search_text', query.q)).where('i.folder', '<>', 'trash');
  else base = base.where('i.folder', '=', query.folder);
  if (query.unread) base = base.where('i.read_at', 'is', null);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'i.id',
      'i.read_at',
      'i.document_id',
      'i.created_at',
      'm.id as message_id',
      'm.thread_id',
      'm.subject',
      'm.from_address',
      'm.from_name',
      'm.recipients',
      'm.body_text',
      'm.status',
      (eb) =>
        eb
          .selectFrom('mail_attachments as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.message_id', '=', 'm.id')
          .as('attachments'),
    ])
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
  return { total: Number(count.n), rows };
}

/** The messages of a thread this mailbox holds, oldest first. */
export async function threadOf(ex: Executor, mailboxId: string, threadId: string) {
  return ex
    .selectFrom('mail_items as i')
    .innerJoin('mail_messages as m', 'm.id', 'i.message_id')
    .selectAll('m')
    .select(['i.id as item_id', 'i.role as item_role'])
    .where('i.mailbox_id', '=', mailboxId)
    .where('m.thread_id', '=', threadId)
    .where('i.folder', '<>', 'trash')
    .where('m.status', '=', 'sent')
    .orderBy('m.created_at')
    .limit(100)
    .execute();
}

export async function outboundOf(ex: Executor, messageId: string) {
  return ex
    .selectFrom('mail_outbound')
    .select(['id', 'address', 'status', 'error', 'updated_at'])
    .where('message_id', '=', messageId)
    .orderBy('address')
    .execute();
}

/** The item a writer's earlier message with this client key left in its Sent folder: a retry of the same write. */
export async function findWrittenWithKey(ex: Executor, userId: string, clientKey: string) {
  return ex
    .selectFrom('mail_messages as m')
    .innerJoin('mail_items as i', (j) => j.onRef('i.message_id', '=', 'm.id').on('i.role', '=', 'from'))
    .select('i.id')
    .where('m.created_by', '=', userId)
    .where('m.client_key', '=', clientKey)
    .executeTakeFirst();
}

/** A message by its Message-ID header. */
export async function findMessageByHeaderId(ex: Executor, headerId: string) {
  return ex
    .selectFrom('mail_messages')
    .select(['id', 'thread_id'])
    .where('message_id', '=', headerId)
    .executeTakeFirst();
}

/** Copies of a message placed as they are, without the one-per-mailbox check of insertItems. */
export async function insertItemRows(ex: Executor, rows: Insertable<MailItemsTable>[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('mail_items').values(rows).execute();
}

export async function updateItem(ex: Executor, id: string, patch: Updateable<MailItemsTable>): Promise<void> {
  await ex.updateTable('mail_items').set(patch).where('id', '=', id).execute();
}

/** Marks an item read, unless it already is. */
export async function markItemRead(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('mail_items').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
}

/** Deletes a mailbox's copy, and the message with it when no mailbox holds it any more. */
export async function deleteItem(ex: Executor, item: { id: string; message_id: string }): Promise<void> {
  await ex.deleteFrom('mail_items').where('id', '=', item.id).execute();
  const left = await ex
    .selectFrom('mail_items')
    .select('id')
    .where('message_id', '=', item.message_id)
    .executeTakeFirst();
  if (!left) await ex.deleteFrom('mail_messages').where('id', '=', item.message_id).execute();
}

/** An attachment of a message of this thread that the mailbox holds. */
export async function findThreadAttachment(ex: Executor, attachmentId: string, mailboxId: string, threadId: string) {
  return ex
    .selectFrom('mail_attachments as a')
    .innerJoin('mail_messages as m', 'm.id', 'a.message_id')
    .innerJoin('mail_items as i', 'i.message_id', 'm.id')
    .select(['a.sha256', 'a.file_name'])
    .where('a.id', '=', attachmentId)
    .where('i.mailbox_id', '=', mailboxId)
    .where('m.thread_id', '=', threadId)
    .executeTakeFirst();
}

export async function findFolder(ex: Executor, mailboxId: string, folderId: string) {
  return ex
    .selectFrom('mail_folders')
    .select('id')
    .where('id', '=', folderId)
    .where('mailbox_id', '=', mailboxId)
    .executeTakeFirst();
}

/** The folders people made in these mailboxes, by name. */
export async function foldersOf(ex: Executor, mailboxIds: string[]) {
  if (mailboxIds.length === 0) return [];
  return ex
    .selectFrom('mail_folders')
    .select(['id', 'mailbox_id', 'name'])
    .where('mailbox_id', 'in', mailboxIds)
    .orderBy('name')
    .execute();
}

export async function insertFolder(
  ex: Executor,
  row: { id: string; mailbox_id: string; name: string; created_at: string },
) {
  await ex.insertInto('mail_folders').values(row).execute();
}

export async function folderHasItems(ex: Executor, mailboxId: string, folder: string): Promise<boolean> {
  const used = await ex
    .selectFrom('mail_items')
    .select('id')
    .where('mailbox_id', '=', mailboxId)
    .where('folder', '=', folder)
    .executeTakeFirst();
  return !!used;
}

export async function deleteFolder(ex: Executor, folderId: string): Promise<void> {
  await ex.deleteFrom('mail_folders').where('id', '=', folderId).execute();
}

export async function insertOutbound(ex: Executor, rows: Insertable<MailOutboundTable>[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('mail_outbound').values(rows).execute();
}

export async function markOutbound(
  ex: Executor,
  ids: string[],
  patch: { status: MailOutboundTable['status']; error: string | null; updated_at: string },
): Promise<void> {
  if (ids.length > 0) await ex.updateTable('mail_outbound').set(patch).where('id', 'in', ids).execute();
}

/** Size and type of stored files, by hash. */
export async function storedFiles(ex: Executor, sha256s: string[]) {
  if (sha256s.length === 0) return [];
  return ex.selectFrom('blobs').select(['sha256', 'size', 'content_type']).where('sha256', 'in', sha256s).execute();
}
