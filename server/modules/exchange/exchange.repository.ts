import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { ExchangeLinksTable, ExchangeMessagesTable } from './exchange.tables';

/** The exchange's own records: messages sent and received, and the deliveries that cross. */

export async function insertMessage(ex: Executor, row: Insertable<ExchangeMessagesTable>) {
  await ex.insertInto('exchange_messages').values(row).execute();
}

/**
 * Records a received message once per source and sender's id: false when it was already
 * recorded (the same message again), so its work is not done twice.
 */
export async function insertReceived(ex: Executor, row: Insertable<ExchangeMessagesTable>): Promise<boolean> {
  const inserted = await ex
    .insertInto('exchange_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['direction', 'source', 'remote_id']).where('remote_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findReceived(ex: Executor, source: string, remoteId: string) {
  return ex
    .selectFrom('exchange_messages')
    .selectAll()
    .where('direction', '=', 'in')
    .where('source', '=', source)
    .where('remote_id', '=', remoteId)
    .executeTakeFirst();
}

export async function findMessage(ex: Executor, id: string) {
  return ex.selectFrom('exchange_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateMessage(ex: Executor, id: string, patch: Updateable<ExchangeMessagesTable>) {
  await ex.updateTable('exchange_messages').set(patch).where('id', '=', id).execute();
}

export async function insertLinks(ex: Executor, rows: readonly Insertable<ExchangeLinksTable>[]) {
  if (rows.length > 0)
    await ex
      .insertInto('exchange_links')
      .values([...rows])
      .execute();
}

export async function findLink(ex: Executor, deliveryId: string) {
  return ex.selectFrom('exchange_links').selectAll().where('delivery_id', '=', deliveryId).executeTakeFirst();
}

/** The copies of one DocumentId on one side, for the organizations given (all when none). */
export async function linksOf(
  ex: Executor,
  side: 'in' | 'out',
  documentRef: string,
  organizationIds?: readonly string[],
) {
  let query = ex
    .selectFrom('exchange_links')
    .selectAll()
    .where('side', '=', side)
    .where('document_ref', '=', documentRef);
  if (organizationIds) {
    if (organizationIds.length === 0) return [];
    query = query.where('organization_id', 'in', [...organizationIds]);
  }
  return query.execute();
}

/** Our copies at an outside office, by the DocumentId they travel under and the office's identifier. */
export async function outLinksTo(ex: Executor, documentRef: string, remoteOrgId: string) {
  return ex
    .selectFrom('exchange_links')
    .selectAll()
    .where('side', '=', 'out')
    .where('document_ref', '=', documentRef)
    .where('remote_org_id', '=', remoteOrgId)
    .execute();
}

export async function setRecall(ex: Executor, deliveryId: string, state: string, reason: string | null) {
  await ex
    .updateTable('exchange_links')
    .set({ recall_state: state, recall_reason: reason })
    .where('delivery_id', '=', deliveryId)
    .execute();
}

/** The copy's recall request, taken once: false when someone answered it meanwhile. */
export async function answerRecall(
  ex: Executor,
  deliveryId: string,
  state: 'agreed' | 'refused',
  reason: string | null,
) {
  const result = await ex
    .updateTable('exchange_links')
    .set({ recall_state: state, recall_reason: reason })
    .where('delivery_id', '=', deliveryId)
    .where('recall_state', '=', 'requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The exchange's health for the administrator: messages by direction and state, and the latest. */
export async function messageCounts(ex: Executor) {
  return ex
    .selectFrom('exchange_messages')
    .select(['direction', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['direction', 'state'])
    .execute();
}

export async function recentMessages(ex: Executor, filter: { state?: string; limit: number }) {
  let query = ex.selectFrom('exchange_messages').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (filter.state) query = query.where('state', '=', filter.state);
  return query.limit(filter.limit).execute();
}

/** Our copies of outside documents whose recall (or update, or replacement) waits for our clerk. */
export async function pendingRecalls(ex: Executor) {
  return ex
    .selectFrom('exchange_links')
    .select(['delivery_id', 'remote_org_name', 'recall_reason'])
    .where('side', '=', 'in')
    .where('recall_state', '=', 'requested')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export async function organizationByCode(ex: Executor, code: string) {
  return ex
    .selectFrom('organizations')
    .select(['id', 'path', 'name', 'reach'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function organizationById(ex: Executor, id: string) {
  if (!id) return undefined;
  return ex.selectFrom('organizations').select(['id', 'path', 'name', 'reach']).where('id', '=', id).executeTakeFirst();
}
