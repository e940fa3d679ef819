import type { NotificationKind } from '../../../../common/meetings';
import type { Executor } from '../../../platform/db/database';
import type { EventBus } from '../../../platform/events/events';
import type { DocumentFacts } from '../../documents/documents.contract';
import { deleteNotificationsAbout } from '../notifications.repository';
import { notify } from '../notify.service';

const vnDate = (day: string | null) => (day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : 'chưa có');

/** A clerk's news of an arrival opens the delivery waiting in their own inbox, not the sender's document. */
const arrivalLink = (deliveryId: string) => `/incoming?tab=inbox&delivery=${encodeURIComponent(deliveryId)}`;

/**
 * Tells people of a step on a document, in the step's transaction: in the app at once, by
 * e-mail and SMS after commit. A secret document's news names nothing outside the app.
 */
async function tell(
  trx: Executor,
  at: string,
  d: DocumentFacts,
  userIds: Iterable<string | null>,
  kind: NotificationKind,
  what: string,
  /** The one who took the step hears nothing of it. */
  actorId?: string,
  /** Where the news leads when the reader sees the step elsewhere than on the document itself. */
  link = `/documents/${d.documentId}`,
) {
  const others = [...userIds].filter((id) => id && id !== actorId);
  const label = d.numberText ? `${d.numberText}: ${d.summary}` : d.summary;
  await notify(
    trx,
    others,
    {
      kind,
      title: `${what}: ${label}`.slice(0, 300),
      link,
      entityType: 'document',
      entityId: d.documentId,
      sensitive: d.secrecy !== 'normal',
    },
    at,
  );
}

/** The news of each step of a document, to the people it matters to. */
export function subscribeToDocuments(events: EventBus): void {
  const name = 'notifications';

  events.subscribe('document.submitted', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(
        trx,
        occurredAt,
        p,
        [p.leaderId],
        'document_assigned',
        p.direction === 'incoming' ? 'Văn bản chờ ý kiến chỉ đạo' : 'Dự thảo chờ ký duyệt',
        p.actorId,
      ),
  });

  events.subscribe('document.withdrawn', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(trx, occurredAt, p, [p.leaderId], 'document_assigned', 'Dự thảo đã được rút lại', p.actorId),
  });

  // Whoever directs the document may give it to himself too, and is told like anyone else.
  events.subscribe('document.assigned', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(trx, occurredAt, p, p.assigneeIds, 'document_assigned', 'Được giao xử lý văn bản'),
  });

  // The sender's document is not the receiver's to open: each receiving clerk's news leads to
  // their own copy (the delivery waiting in their inbox), so every clerk is told per delivery.
  events.subscribe('document.dispatched', {
    name,
    when: 'in-transaction',
    async handle(trx, { payload: p, occurredAt }) {
      await tell(trx, occurredAt, p, p.readerIds, 'document_received', 'Văn bản gửi đến đồng chí');
      for (const d of p.deliveries) {
        const link = arrivalLink(d.deliveryId);
        await tell(trx, occurredAt, p, d.clerkIds, 'document_arrived', 'Văn bản đến chờ tiếp nhận', undefined, link);
      }
    },
  });

  events.subscribe('document.arrived_from_outside', {
    name,
    when: 'in-transaction',
    async handle(trx, { payload: p, occurredAt }) {
      for (const d of p.deliveries) {
        const link = arrivalLink(d.deliveryId);
        await tell(
          trx,
          occurredAt,
          p,
          d.clerkIds,
          'document_arrived',
          'Văn bản liên thông chờ tiếp nhận',
          undefined,
          link,
        );
      }
    },
  });

  // A recalled copy already accepted is the receiver's own incoming document; one still waiting has left the inbox.
  events.subscribe('document.recalled', {
    name,
    when: 'in-transaction',
    async handle(trx, { payload: p, occurredAt }) {
      for (const d of p.deliveries) {
        const link = d.incomingDocumentId ? `/documents/${d.incomingDocumentId}` : '/incoming?tab=inbox';
        await tell(trx, occurredAt, p, d.clerkIds, 'document_recalled', 'Văn bản bị thu hồi', undefined, link);
      }
      await tell(trx, occurredAt, p, p.readerIds, 'document_recalled', 'Văn bản bị thu hồi');
    },
  });

  events.subscribe('document.reminded', {
    name,
    when: 'in-transaction',
    async handle(trx, { payload: p, occurredAt }) {
      for (const d of p.deliveries) {
        const link = arrivalLink(d.deliveryId);
        await tell(trx, occurredAt, p, d.clerkIds, 'document_arrived', 'Nhắc tiếp nhận văn bản', undefined, link);
      }
      if (p.readerIds.length > 0) {
        await tell(trx, occurredAt, p, p.readerIds, 'document_received', 'Nhắc đọc văn bản gửi đến đồng chí');
      }
    },
  });

  events.subscribe('document.resent', {
    name,
    when: 'in-transaction',
    async handle(trx, { payload: p, occurredAt }) {
      if (p.delivery) {
        const link = arrivalLink(p.delivery.deliveryId);
        await tell(trx, occurredAt, p, p.delivery.clerkIds, 'document_arrived', 'Văn bản gửi lại', undefined, link);
      }
      if (p.readerIds.length > 0) {
        await tell(trx, occurredAt, p, p.readerIds, 'document_received', 'Văn bản gửi lại đồng chí');
      }
    },
  });

  events.subscribe('document.extension_requested', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(
        trx,
        occurredAt,
        p,
        [p.leaderId],
        'document_extension_requested',
        `Xin gia hạn đến ${vnDate(p.dueDate)}`,
        p.actorId,
      ),
  });

  events.subscribe('document.extension_decided', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(
        trx,
        occurredAt,
        p,
        [p.requestedBy],
        'document_extension_decided',
        p.grantedDue ? `Được gia hạn đến ${vnDate(p.grantedDue)}` : 'Đề nghị gia hạn không được đồng ý',
        p.actorId,
      ),
  });

  events.subscribe('document.progress_reported', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(
        trx,
        occurredAt,
        p,
        [p.leaderId],
        'document_progress',
        p.percent === null ? 'Báo cáo tiến độ' : `Báo cáo tiến độ (${p.percent}%)`,
        p.actorId,
      ),
  });

  // The draft is gone: news of it would lead nowhere.
  events.subscribe('document.draft_deleted', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p }) => deleteNotificationsAbout(trx, 'document', p.documentId),
  });

  events.subscribe('document.due_tomorrow', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(trx, occurredAt, p, [p.assigneeId], 'document_due', 'Văn bản đến hạn xử lý ngày mai'),
  });

  events.subscribe('document.overdue', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p, occurredAt }) =>
      tell(trx, occurredAt, p, [p.assigneeId], 'document_overdue', 'Văn bản đã quá hạn xử lý'),
  });
}
