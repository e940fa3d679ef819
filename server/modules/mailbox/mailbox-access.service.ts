import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import type { Actor } from '../../platform/security/actor';
import * as errors from './mailbox.errors';
import { mailboxResource } from './mailbox.policy';
import { findItem, type ItemRow } from './mailbox.repository';
import { mailboxesByIds, ownersStamp } from './mailboxes.repository';
import { ensureMailboxes, type MailboxRow, mailboxesOf } from './mailboxes.service';

/** How long the list of owners without a mailbox is trusted before it is looked at again. */
const SYNC_EVERY_MS = 2000;

/** Who opens which mailbox and item, with the mailboxes kept in step with their owners. */
export function createMailboxAccess(deps: PlatformDeps) {
  const db = deps.database.db;
  const domain = deps.config.mail.domain;
  const now = () => deps.clock.now().toISOString();
  let syncedAt = 0;
  let syncedStamp: string | null = null;
  let syncing: Promise<unknown> | null = null;

  /**
   * Every owner has a mailbox: looked at again at most every two seconds, or at once when
   * `force`; either way the owners are only searched when the directory or the accounts
   * changed since the last time (one small read instead of three anti-joins on every page).
   */
  async function sync(force = false) {
    const t = Date.now();
    if (!force && t - syncedAt < SYNC_EVERY_MS) return;
    syncing ??= (async () => {
      // Read before the search: a change made meanwhile is found by the next look.
      const stamp = await ownersStamp(db);
      if (stamp !== '' && stamp === syncedStamp) return;
      await ensureMailboxes(db, domain, now());
      syncedStamp = stamp;
    })().finally(() => {
      syncing = null;
    });
    await syncing;
    syncedAt = t;
  }

  async function readable(actor: Actor): Promise<MailboxRow[]> {
    await sync(true);
    return mailboxesOf(db, actor);
  }

  /** A mailbox the actor reads; anything else is "not found", never "forbidden". */
  async function mailbox(actor: Actor, mailboxId: string): Promise<MailboxRow> {
    await sync(true);
    const [box] = await mailboxesByIds(db, [mailboxId]);
    if (!box || !deps.authorizer.can(actor, 'read', mailboxResource(box))) throw errors.mailboxNotFound();
    return box;
  }

  /** An item of a mailbox the actor reads; anything else is "not found", never "forbidden". */
  async function item(actor: Actor, itemId: string, ex: Executor = db): Promise<{ item: ItemRow; box: MailboxRow }> {
    const row = await findItem(ex, itemId);
    if (!row) throw errors.itemNotFound();
    const [box] = await mailboxesByIds(ex, [row.mailbox_id]);
    if (!box || !deps.authorizer.can(actor, 'read', mailboxResource(box))) throw errors.itemNotFound();
    return { item: row, box };
  }

  return { db, deps, domain, now, sync, readable, mailbox, item };
}
export type MailboxAccess = ReturnType<typeof createMailboxAccess>;
