import type { EventBus } from '../../../platform/events/events';
import { recordSavings } from '../record.service';

/** A published week read in the app is one copy not printed for each person told of it. */
export function subscribeToSchedules(events: EventBus) {
  events.subscribe('schedule.published', {
    name: 'savings',
    when: 'in-transaction',
    handle: (trx, { payload: s, occurredAt }) =>
      recordSavings(
        trx,
        [
          {
            organizationId: s.organizationId,
            kind: 'schedule',
            entityId: s.scheduleId,
            pages: s.pages,
            copies: new Set(s.audience.filter(Boolean)).size,
          },
        ],
        new Date(occurredAt),
      ),
  });
}
