import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import { enqueue } from '../../platform/jobs/jobs';
import { parseAddress } from '../../platform/mail/address';
import { MAIL_SEND } from './compose.service';
import * as repo from './mailbox.repository';
import type { MailboxAccess } from './mailbox-access.service';
import * as mailboxes from './mailboxes.repository';
import { ensureMailboxes } from './mailboxes.service';
import { searchText } from './search-text.rules';

/** What another module sends through the mailboxes inside its own transaction. */
export interface OfficialMail {
  fromOrganizationId: string;
  to: { people: string[]; organizations: string[] };
  subject: string;
  text: string;
  /** Stored files, by hash: the message refers to them, no bytes are copied. */
  files: { sha256: string; fileName: string }[];
}

/** Mail another module's step sends to addresses outside the office, through the relay. */
export interface OutsideMail {
  fromOrganizationId: string;
  /** `key` is the caller's own name for the recipient; the answer is keyed by it. */
  to: { key: string; name: string; address: string }[];
  subject: string;
  text: string;
  files: { sha256: string; fileName: string }[];
}

/** What became of each recipient, by its key: the relay's copy to follow (one per address). */
export type OutsideCopies = Map<string, { outboundId: string; status: 'queued' | 'failed' }>;

/**
 * Mail the office sends as part of another step (an invitation with its meeting papers): one
 * message from the organization's mailbox, a copy in each recipient's Inbox, written through
 * the caller's transaction so it commits, or vanishes, with the step. The step tells people
 * itself, so no second notification is written here.
 */
export function createOfficialMail(core: MailboxAccess) {
  const { domain, now } = core;

  /** The message itself, its attachments by hash, and a copy in the sender's Sent folder and each inbox. */
  async function write(
    trx: Executor,
    from: { id: string; address: string; name: string },
    mail: { subject: string; text: string; files: { sha256: string; fileName: string }[] },
    to: { shown: { address: string; name: string | null }[]; inboxes: string[] },
  ): Promise<string> {
    const at = now();
    const hashes = [...new Set(mail.files.map((f) => f.sha256))];
    const blobs = await repo.storedFiles(trx, hashes);
    const files = mail.files.flatMap((f) => {
      const b = blobs.find((x) => x.sha256 === f.sha256);
      return b ? [{ sha256: f.sha256, fileName: f.fileName, size: Number(b.size), contentType: b.content_type }] : [];
    });
    const id = newId();
    await repo.insertMessage(trx, {
      id,
      thread_id: id,
      mailbox_id: from.id,
      from_address: from.address,
      from_name: from.name,
      subject: mail.subject.slice(0, 500),
      body_text: mail.text,
      body_html: null,
      recipients: JSON.stringify({ to: to.shown, cc: [] }),
      bcc: '[]',
      message_id: `<${id.toLowerCase()}@${domain}>`,
      in_reply_to: null,
      headers: null,
      source: 'internal',
      status: 'sent',
      size: Buffer.byteLength(mail.text) + files.reduce((n, f) => n + f.size, 0),
      search_text: searchText([mail.subject, mail.text, from.name, ...files.map((f) => f.fileName)]),
      created_by: null,
      client_key: null,
      version: 1,
      created_at: at,
      sent_at: at,
    });
    await repo.insertAttachments(trx, id, files);
    await repo.insertItemRows(trx, [
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
      ...to.inboxes.map((mailboxId) => ({
        id: newId(),
        message_id: id,
        mailbox_id: mailboxId,
        folder: 'inbox',
        role: 'to' as const,
        read_at: null,
        document_id: null,
        created_at: at,
      })),
    ]);
    return id;
  }

  async function senderOf(trx: Executor, organizationId: string) {
    // The transaction's own connection: on SQLite any other would wait for it to end.
    await ensureMailboxes(trx, domain, now());
    return (await mailboxes.mailboxesOfOwners(trx, 'organization', [organizationId]))[0];
  }

  return {
    async send(trx: Executor, mail: OfficialMail): Promise<{ messageId: string; delivered: number } | null> {
      const from = await senderOf(trx, mail.fromOrganizationId);
      if (!from) return null;
      const owners = (kind: 'person' | 'organization', ids: string[]) =>
        mailboxes.mailboxesOfOwners(trx, kind, [...new Set(ids)]);
      const boxes = [
        ...(await owners('person', mail.to.people)),
        ...(await owners('organization', mail.to.organizations)),
      ];
      const reached = boxes.filter((b, i) => b.id !== from.id && boxes.findIndex((x) => x.id === b.id) === i);
      if (reached.length === 0) return null;
      const id = await write(trx, from, mail, {
        shown: reached.map((b) => ({ address: b.address, name: b.name })),
        inboxes: reached.map((b) => b.id),
      });
      return { messageId: id, delivered: reached.length };
    },

    /**
     * Sends to outside addresses from the organization's mailbox, through the caller's
     * transaction: the message is kept in its Sent folder with the files, one relay copy per
     * address, and the `mail.send` job queued, so the relay is reached only after commit and
     * retried until it answers. An address the relay could never take is failed at once.
     */
    async sendOutside(trx: Executor, mail: OutsideMail): Promise<OutsideCopies> {
      const copies: OutsideCopies = new Map();
      const from = await senderOf(trx, mail.fromOrganizationId);
      if (!from || mail.to.length === 0) return copies;
      const to = new Map<string, { address: string; name: string; error: string | null }>();
      const addressOf = new Map<string, string>();
      for (const r of mail.to) {
        let address = r.address.trim().toLowerCase();
        let error: string | null = null;
        try {
          address = parseAddress(address);
        } catch (e) {
          error = `Địa chỉ thư không dùng được: ${(e as Error).message}`.slice(0, 1000);
        }
        if (!to.has(address)) to.set(address, { address, name: r.name, error });
        addressOf.set(r.key, address);
      }
      const id = await write(trx, from, mail, {
        shown: [...to.values()].map((r) => ({ address: r.address, name: r.name })),
        inboxes: [],
      });
      const at = now();
      const rows = [...to.values()].map((r) => ({
        id: newId(),
        message_id: id,
        address: r.address,
        status: r.error ? ('failed' as const) : ('queued' as const),
        error: r.error,
        created_at: at,
        updated_at: at,
      }));
      await repo.insertOutbound(trx, rows);
      const byAddress = new Map(rows.map((row) => [row.address, row]));
      for (const [key, address] of addressOf) {
        const row = byAddress.get(address);
        if (row) copies.set(key, { outboundId: row.id, status: row.status });
      }
      if (rows.some((r) => r.status === 'queued')) {
        await enqueue(trx, { kind: MAIL_SEND, key: `mail:${id}`, payload: { messageId: id } }, new Date(at));
      }
      return copies;
    },
  };
}
export type OfficialMailSender = ReturnType<typeof createOfficialMail>;
