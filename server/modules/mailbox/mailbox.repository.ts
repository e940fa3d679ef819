import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { MailItemsTable, MailMessagesTable } from '../../platform/db/schema';
import { matchesFolded } from '../../platform/db/search';
import { newId } from '../../platform/ids';

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

export async function insertAttachments(
  ex: Executor,
  messageId: string,
  files: { sha256: string; fileName: string; size: number; contentType: string }[],
) {
  if (files.length === 0) return;
  await ex
    .insertInto('mail_attachments')
    .values(
      files.map((f, position) => ({
        id: newId(),
        message_id: messageId,
        position,
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
