import type { EventBus } from '../../../platform/events/events';
import type { Outbound } from '../outbound.service';

const name = 'exchange';

/**
 * The document steps that cross the boundary. Each is queued in the step's own transaction (a
 * message row and its durable job), so the step and what it sends commit together or not at all.
 */
export function subscribeToDocuments(events: EventBus, outbound: Outbound): void {
  events.subscribe('document.dispatched', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p }) => outbound.dispatched(trx, p.documentId, p.outsideDeliveries, p.replacesId),
  });

  // Every step our clerks take on a copy that came from outside is reported to the office that sent it.
  events.subscribe('document.delivery_moved', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p }) => outbound.statusBack(trx, p.deliveryId, p.status, p.reason, p.byName, p.at),
  });

  events.subscribe('document.recalled', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p }) =>
      outbound.recalled(
        trx,
        p.deliveries.map((d) => d.deliveryId),
        p.reason,
      ),
  });

  events.subscribe('document.outside_update', {
    name,
    when: 'in-transaction',
    handle: (trx, { payload: p }) => outbound.updated(trx, p.deliveryIds, p.reason),
  });
}
