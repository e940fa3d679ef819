/** The mailbox module's tables, added to the database type below. */

export interface MailboxesTable {
  id: string;
  kind: 'organization' | 'person' | 'user';
  owner_id: string;
  address: string;
  name: string;
  search_text: string;
  created_at: string;
}

export interface MailMessagesTable {
  id: string;
  thread_id: string;
  mailbox_id: string | null;
  from_address: string;
  from_name: string | null;
  subject: string;
  body_text: string;
  body_html: string | null;
  recipients: string;
  bcc: string;
  message_id: string;
  in_reply_to: string | null;
  headers: string | null;
  source: 'internal' | 'smtp';
  status: 'draft' | 'sent';
  size: number;
  search_text: string;
  created_by: string | null;
  client_key: string | null;
  version: number;
  created_at: string;
  sent_at: string | null;
}

export interface MailAttachmentsTable {
  id: string;
  message_id: string;
  position: number;
  sha256: string;
  file_name: string;
  size: number;
  content_type: string;
}

export interface MailFoldersTable {
  id: string;
  mailbox_id: string;
  name: string;
  created_at: string;
}

export interface MailItemsTable {
  id: string;
  message_id: string;
  mailbox_id: string;
  folder: string;
  role: 'from' | 'to' | 'cc' | 'bcc';
  read_at: string | null;
  document_id: string | null;
  created_at: string;
}

export interface MailOutboundTable {
  id: string;
  message_id: string;
  address: string;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/schema' {
  interface DB {
    mailboxes: MailboxesTable;
    mail_messages: MailMessagesTable;
    mail_attachments: MailAttachmentsTable;
    mail_folders: MailFoldersTable;
    mail_items: MailItemsTable;
    mail_outbound: MailOutboundTable;
  }
}
