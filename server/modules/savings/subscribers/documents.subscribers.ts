import type { Executor } from '../../../platform/db/database';
import type { EventBus } from '../../../platform/events/events';
import type { PaperFacts } from '../../documents/documents.contract';
import { pagesOfFiles, recordSavings } from '../record.service';

/** The pages of one printed copy: the document's own count, else its files'. */
const pagesOf = async (ex: Executor, p: PaperFacts) => p.pageCount ?? (await pagesOfFiles(ex, p.fileSha256s));

/** Every copy of a document delivered electronically is one not printed and carried. */
export function subscribeToDocuments(events: EventBus): void {
  // Copies to outside addresses count when the relay has taken them, not at dispatch.
  events.subscribe('document.dispatched', {
    name: 'savings',
    when: 'in-transaction',
    async handle(trx, { payload: p, occurredAt }) {
      const pages = await pagesOf(trx, p);
      await recordSavings(
        trx,
        [{ organizationId: p.organizationId, kind: 'document', entityId: p.documentId, pages, copies: p.copies }],
        new Date(occurredAt),
      );
    },
  });

  events.subscribe('document.outside_copies_delivered', {
    name: 'savings',
    when: 'in-transaction',
    async handle(trx, { payload: p, occurredAt }) {
      const pages = await pagesOf(trx, p);
      await recordSavings(
        trx,
        [{ organizationId: p.organizationId, kind: 'document', entityId: p.documentId, pages, copies: p.copies }],
        new Date(occurredAt),
      );
    },
  });
}
