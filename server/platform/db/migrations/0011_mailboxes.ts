import type { Kysely } from 'kysely';

/**
 * Official mailboxes: one per organization and person of the directory (and per account
 * with no person), messages stored once with a copy per mailbox that holds them, their
 * attachments by hash, the user's own folders, and the delivery of each outside address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;
  const id = (name: string) => [name, 'varchar(64)'] as const;

  await db.schema
    .createTable('mailboxes')
    .addColumn(...id('id'), (c) => c.primaryKey())
    // organization | person | user (an account with no person in the directory)
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn(...id('owner_id'), (c) => c.notNull())
    .addColumn('address', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addUniqueConstraint('mailboxes_owner_uq', ['kind', 'owner_id'])
    .execute();

  await db.schema
    .createTable('mail_messages')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('thread_id'), (c) => c.notNull())
    .addColumn(...id('mailbox_id'), (c) => c.references('mailboxes.id').onDelete('set null'))
    .addColumn('from_address', 'varchar(254)', (c) => c.notNull())
    .addColumn('from_name', 'varchar(300)')
    .addColumn('subject', 'varchar(500)', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    // JSON: { to: [{ address, name }], cc: [...] } as shown to every reader.
    .addColumn('recipients', 'text', (c) => c.notNull())
    // JSON: the blind copies, shown to the sender's copy only.
    .addColumn('bcc', 'text', (c) => c.notNull())
    .addColumn('message_id', 'varchar(400)', (c) => c.notNull().unique())
    .addColumn('in_reply_to', 'varchar(400)')
    // JSON of the headers a received message came with; null for mail written here.
    .addColumn('headers', 'text')
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn(...id('created_by'), (c) => c.references('users.id').onDelete('set null'))
    .addColumn('client_key', 'varchar(80)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('sent_at'))
    .execute();
  await db.schema.createIndex('mail_messages_thread_idx').on('mail_messages').column('thread_id').execute();
  await db.schema
    .createIndex('mail_messages_client_key_uq')
    .on('mail_messages')
    .columns(['created_by', 'client_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('mail_attachments')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('message_id'), (c) => c.notNull().references('mail_messages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull().references('blobs.sha256').onDelete('restrict'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_attachments_message_idx').on('mail_attachments').column('message_id').execute();

  await db.schema
    .createTable('mail_folders')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('mailbox_id'), (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addUniqueConstraint('mail_folders_name_uq', ['mailbox_id', 'name'])
    .execute();

  // A message as one mailbox holds it: its folder, read or not, registered as a document or not.
  await db.schema
    .createTable('mail_items')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('message_id'), (c) => c.notNull().references('mail_messages.id').onDelete('cascade'))
    .addColumn(...id('mailbox_id'), (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
    // inbox | sent | drafts | archive | trash | the id of one of the mailbox's own folders
    .addColumn('folder', 'varchar(64)', (c) => c.notNull())
    .addColumn('role', 'varchar(6)', (c) => c.notNull())
    .addColumn(...time('read_at'))
    .addColumn(...id('document_id'), (c) => c.references('documents.id').onDelete('set null'))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addUniqueConstraint('mail_items_uq', ['message_id', 'mailbox_id'])
    .execute();
  await db.schema
    .createIndex('mail_items_folder_idx')
    .on('mail_items')
    .columns(['mailbox_id', 'folder', 'created_at'])
    .execute();

  await db.schema
    .createTable('mail_outbound')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('message_id'), (c) => c.notNull().references('mail_messages.id').onDelete('cascade'))
    .addColumn('address', 'varchar(254)', (c) => c.notNull())
    // queued | sent | failed
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('error', 'varchar(1000)')
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_outbound_message_idx').on('mail_outbound').column('message_id').execute();
}
