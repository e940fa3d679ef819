import type { Transaction } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import type { DocumentsCore } from './documents.steps.service';
import * as recipientsRepo from './recipients.repository';

/** What dispatch needs of the mailboxes: a message to outside addresses, written and queued in its transaction. */
export interface DocumentOutsideMail {
  sendOutside(
    trx: Executor,
    mail: {
      fromOrganizationId: string;
      to: { key: string; name: string; address: string }[];
      subject: string;
      text: string;
      files: { sha256: string; fileName: string }[];
    },
  ): Promise<Map<string, { outboundId: string; status: 'queued' | 'failed' }>>;
}

/** How an outside e-mail copy stands, as the sender is shown it. */
export type OutsideStatus = 'queued' | 'retrying' | 'sent' | 'failed';

export function outsideStatusOf(outbound: { status: string; error: string | null }): OutsideStatus {
  if (outbound.status === 'sent') return 'sent';
  if (outbound.status === 'failed') return 'failed';
  // Still queued after a failed attempt: the relay will be tried again.
  return outbound.error ? 'retrying' : 'queued';
}

const dayText = (day: string | null) => (day ? day.split('-').reverse().join('/') : '');

/**
 * A dispatched document's outside e-mail recipients: one message from the organization's
 * mailbox with the document's files, queued for the relay in the dispatch transaction, and
 * each recipient linked to its copy so its delivery is shown and counted when it happens.
 */
export function createOutsideMail(core: DocumentsCore, mail: DocumentOutsideMail | null) {
  const { deps } = core;

  return {
    /** Queues the mail; answers how many recipients have a copy on its way. */
    async send(trx: Executor, row: repo.DocumentRow): Promise<number> {
      if (!mail) return 0;
      const recipients = await recipientsRepo.emailRecipientsOf(trx, row.id);
      if (recipients.length === 0) return 0;
      // Editing refuses outside e-mail on a secret document; the sending step checks again.
      if (row.secrecy !== 'normal') throw errors.secretByEmail();
      const files = await recipientsRepo.mailFilesOf(trx, row.id);
      const number = row.number_text ?? '';
      const copies = await mail.sendOutside(trx, {
        fromOrganizationId: row.organization_id,
        to: recipients.map((r) => ({ key: r.id, name: r.name, address: r.email ?? '' })),
        subject: `Văn bản số ${number}: ${row.summary}`,
        text: [
          `${row.organization_name} gửi văn bản số ${number} ngày ${dayText(row.issue_date)} về việc: ${row.summary}.`,
          'Văn bản và tài liệu kèm theo được gửi kèm thư này.',
        ].join('\n\n'),
        files: [...files.filter((f) => f.kind === 'main'), ...files.filter((f) => f.kind !== 'main')].map((f) => ({
          sha256: f.sha256,
          fileName: f.file_name,
        })),
      });
      let queued = 0;
      for (const r of recipients) {
        const copy = copies.get(r.id);
        if (!copy) continue;
        if (copy.status === 'queued') queued++;
        await recipientsRepo.linkOutbound(trx, r.id, copy.outboundId);
      }
      return queued;
    },

    /**
     * The relay took these copies: each document they carried saved one printed copy per
     * address, counted now, in the transaction that marks them sent (so once).
     */
    async delivered(trx: Executor, outboundIds: string[]): Promise<void> {
      if (outboundIds.length === 0) return;
      const rows = await recipientsRepo.documentsOfOutbound(trx, outboundIds);
      const byDocument = new Map<string, { row: (typeof rows)[number]; copies: Set<string> }>();
      for (const r of rows) {
        const entry = byDocument.get(r.id) ?? { row: r, copies: new Set<string>() };
        if (r.mail_outbound_id) entry.copies.add(r.mail_outbound_id);
        byDocument.set(r.id, entry);
      }
      // The mailboxes mark the copies sent in a transaction of their own, and tell it here.
      const tx = trx as Transaction<DB>;
      for (const [id, { row, copies }] of byDocument) {
        const files = await repo.fileHashesOf(trx, id);
        await deps.events.emit(tx, 'document.outside_copies_delivered', {
          ...core.facts(row),
          organizationId: row.organization_id,
          pageCount: row.page_count,
          fileSha256s: files,
          copies: copies.size,
        });
      }
    },
  };
}
export type OutsideMail = ReturnType<typeof createOutsideMail>;
