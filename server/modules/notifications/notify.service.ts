import type { NotificationKind } from '../../../common/meetings';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import { enqueue } from '../../platform/jobs/jobs';
import { DELIVER } from './delivery.jobs';
import { insertNotifications } from './notifications.repository';

export interface NotificationWrite {
  /** One of the kinds listed once for the whole product; the settings page and the tests walk that list. */
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** News of something secret: e-mail and SMS will say only that there is news. */
  sensitive?: boolean;
}

/**
 * Records one notification per recipient inside the caller's transaction, so the change
 * and the news of it commit together. Duplicate recipients are notified once.
 */
export async function notify(trx: Executor, userIds: Iterable<string | null>, n: NotificationWrite, at: string) {
  const ids = [...new Set([...userIds].filter((id): id is string => !!id))];
  const when = new Date(at);
  for (let i = 0; i < ids.length; i += 200) {
    const rows = ids.slice(i, i + 200).map((user_id) => ({ user_id, id: newId(when.getTime()) }));
    await insertNotifications(
      trx,
      rows.map(({ user_id, id }) => ({
        id,
        user_id,
        kind: n.kind,
        title: n.title.slice(0, 500),
        body: n.body?.slice(0, 2000) ?? null,
        link: n.link ?? null,
        entity_type: n.entityType ?? null,
        entity_id: n.entityId ?? null,
        created_at: at,
        read_at: null,
        sensitive: n.sensitive ? 1 : 0,
      })),
    );
    // After commit, a job per person takes the news further (e-mail, SMS) as their settings say.
    for (const { id } of rows) {
      await enqueue(trx, { kind: DELIVER, key: `notify:${id}`, payload: { notificationId: id } }, when);
    }
  }
  return ids.length;
}
