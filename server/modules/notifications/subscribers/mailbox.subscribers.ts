import type { EventBus } from '../../../platform/events/events';
import { notify } from '../notify.service';

/** Mail that reached a mailbox: its readers are told, except the one who wrote it. */
export function subscribeToMailbox(events: EventBus) {
  events.subscribe('mail.delivered', {
    name: 'notify-readers',
    when: 'in-transaction',
    async handle(trx, { payload }) {
      for (const box of payload.mailboxes) {
        await notify(
          trx,
          box.readers.filter((u) => u !== payload.senderId),
          {
            kind: 'mail_received',
            title: `Thư mới${box.mailboxKind === 'organization' ? ` gửi ${box.mailboxName}` : ''}: ${payload.subject || '(không có tiêu đề)'}`,
            body: `Từ ${payload.fromName ?? payload.fromAddress}`,
            link: `/mailbox/${box.mailboxId}/${box.itemId}`,
            entityType: 'mail_item',
            entityId: box.itemId,
          },
          payload.deliveredAt,
        );
      }
    },
  });
}
