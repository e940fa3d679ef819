import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import type { MailboxCore } from './mailbox.core';
import { ensureMailboxes } from './mailbox.directory';
import * as repo from './mailbox.repository';

/** What another module sends through the mailboxes inside its own transaction. */
export interface OfficialMail {
  fromOrganizationId: string;
  to: { people: string[]; organizations: string[] };
  subject: string;
  text: string;
  /** Stored files, by hash: the message refers to them, no bytes are copied. */
  files: { sha256: string; fileName: string }[];
}

/**
 * Mail the office sends as part of another step (an invitation with its meeting papers): one
 * message from the organization's mailbox, a copy in each recipient's Inbox, written through
 * the caller's transaction so it commits, or vanishes, with the step. The step tells people
 * itself, so no second notification is written here.
 */
export function createOfficialMail(core: MailboxCore) {
  const { domain, now } = core;
  return {
    async send(trx: Executor, mail: OfficialMail): Promise<{ messageId: string; delivered: number } | null> {
      const at = now();
      // The transaction's own connection: on SQLite any other would wait for it to end.
      await ensureMailboxes(trx, domain, at);
      const from = await trx
        .selectFrom('mailboxes')
        .select(['id', 'address', 'name'])
        .where('kind', '=', 'organization')
        .where('owner_id', '=', mail.fromOrganizationId)
        .executeTakeFirst();
      if (!from) return null;
      const owners = async (kind: 'person' | 'organization', ids: string[]) =>
        ids.length === 0
          ? []
          : trx
              .selectFrom('mailboxes')
              .select(['id', 'address', 'name'])
              .where('kind', '=', kind)
              .where('owner_id', 'in', [...new Set(ids)])
              .execute();
      const boxes = [
        ...(await owners('person', mail.to.people)),
        ...(await owners('organization', mail.to.organizations)),
      ];
      const reached = boxes.filter((b, i) => b.id !== from.id && boxes.findIndex((x) => x.id === b.id) === i);
      if (reached.length === 0) return null;
      const hashes = [...new Set(mail.files.map((f) => f.sha256))];
      const blobs = hashes.length
        ? await trx
            .selectFrom('blobs')
            .select(['sha256', 'size', 'content_type'])
            .where('sha256', 'in', hashes)
            .execute()
        : [];
      const files = mail.files.flatMap((f) => {
        const b = blobs.find((x) => x.sha256 === f.sha256);
        return b ? [{ sha256: f.sha256, fileName: f.fileName, size: Number(b.size), contentType: b.content_type }] : [];
      });
      const id = newId();
      const shown = reached.map((b) => ({ address: b.address, name: b.name }));
      await repo.insertMessage(trx, {
        id,
        thread_id: id,
        mailbox_id: from.id,
        from_address: from.address,
        from_name: from.name,
        subject: mail.subject.slice(0, 500),
        body_text: mail.text,
        body_html: null,
        recipients: JSON.stringify({ to: shown, cc: [] }),
        bcc: '[]',
        message_id: `<${id.toLowerCase()}@${domain}>`,
        in_reply_to: null,
        headers: null,
        source: 'internal',
        status: 'sent',
        size: Buffer.byteLength(mail.text) + files.reduce((n, f) => n + f.size, 0),
        search_text: core.searchText([mail.subject, mail.text, from.name, ...files.map((f) => f.fileName)]),
        created_by: null,
        client_key: null,
        version: 1,
        created_at: at,
        sent_at: at,
      });
      await repo.insertAttachments(trx, id, files);
      await trx
        .insertInto('mail_items')
        .values([
          {
            id: newId(),
            message_id: id,
            mailbox_id: from.id,
            folder: 'sent',
            role: 'from',
            read_at: at,
            document_id: null,
            created_at: at,
          },
          ...reached.map((b) => ({
            id: newId(),
            message_id: id,
            mailbox_id: b.id,
            folder: 'inbox',
            role: 'to' as const,
            read_at: null,
            document_id: null,
            created_at: at,
          })),
        ])
        .execute();
      return { messageId: id, delivered: reached.length };
    },
  };
}
export type OfficialMailSender = ReturnType<typeof createOfficialMail>;
