import type { Transaction } from 'kysely';
import type { DraftPatch, MailRecipientWrite, MailWrite } from '../../../common/schemas/mail';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';
import { updateVersioned } from '../../platform/db/versioned';
import type { EventBus } from '../../platform/events/events';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { enqueue } from '../../platform/jobs/jobs';
import { checkSubject, parseAddress } from '../../platform/mail/address';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { UnitOfWork } from '../../platform/transactor';
import { htmlToText, sanitizeMailHtml } from './mail-html.rules';
import * as errors from './mailbox.errors';
import * as repo from './mailbox.repository';
import type { MailboxAccess } from './mailbox-access.service';
import { type MailboxRow, type Resolved, readersOf, resolveRecipients } from './mailboxes.service';
import { searchText } from './search-text.rules';

/** The job that takes a message to its outside addresses through the relay. */
export const MAIL_SEND = 'mail.send';

interface Picks {
  to: MailRecipientWrite[];
  cc: MailRecipientWrite[];
  bcc: MailRecipientWrite[];
}

/**
 * Says that a message reached these mailboxes, with who reads each: the notifications
 * module tells them. Nothing is said when no mailbox of the office was reached.
 */
export async function announceDelivery(
  events: EventBus,
  trx: Transaction<DB>,
  items: Map<string, string>,
  boxes: MailboxRow[],
  message: { id: string; subject: string; fromName: string | null; fromAddress: string },
  at: string,
  senderId: string | null,
) {
  const reached = boxes.filter((b) => items.has(b.id));
  if (reached.length === 0) return;
  const readers = await readersOf(trx, reached);
  await events.emit(trx, 'mail.delivered', {
    messageId: message.id,
    subject: message.subject,
    fromName: message.fromName,
    fromAddress: message.fromAddress,
    deliveredAt: at,
    senderId,
    mailboxes: reached.map((box) => ({
      mailboxId: box.id,
      mailboxKind: box.kind,
      mailboxName: box.name,
      itemId: items.get(box.id) as string,
      readers: readers.get(box.id) ?? [],
    })),
  });
}

export function createCompose(core: MailboxAccess) {
  const { deps, domain, now } = core;
  const limitMb = Math.round(deps.config.mail.maxBytes / 1024 / 1024);

  function bodyOf(input: { text: string; html?: string | null }) {
    const html = input.html?.trim() ? sanitizeMailHtml(input.html) : null;
    const text = input.text.trim() ? input.text : html ? htmlToText(html) : '';
    return { text, html: html || null };
  }

  async function resolve(trx: Executor, picks: Picks, required: boolean): Promise<Resolved> {
    const resolved = await resolveRecipients(trx, domain, picks, parseAddress);
    if (required && resolved.internal.length + resolved.external.length === 0) throw errors.noRecipients();
    return resolved;
  }

  /** Attachments: new uploads, plus those of a forwarded message (the same stored bytes, not a copy). */
  async function attachments(uow: UnitOfWork, actor: Actor, uploadIds: string[], forwardMessageId: string | null) {
    const uploads = await deps.files.takeUploads(uow.trx, actor.userId, uploadIds);
    const forwarded = forwardMessageId
      ? (await repo.attachmentsOf(uow.trx, [forwardMessageId])).map((a) => ({
          sha256: a.sha256,
          fileName: a.file_name,
          size: Number(a.size),
          contentType: a.content_type,
        }))
      : [];
    return [
      ...forwarded,
      ...uploads.map((u) => ({ sha256: u.sha256, fileName: u.fileName, size: u.size, contentType: u.contentType })),
    ];
  }

  /** Delivers a message now: copies in every mailbox reached, the outside addresses queued, readers told. */
  async function deliver(uow: UnitOfWork, actor: Actor, message: repo.MessageRow, box: MailboxRow, resolved: Resolved) {
    const at = message.sent_at ?? now();
    const items = await repo.insertItems(
      uow.trx,
      message.id,
      resolved.internal
        .filter((r) => r.mailbox.id !== box.id)
        .map((r) => ({ mailboxId: r.mailbox.id, folder: 'inbox', role: r.role, readAt: null })),
      at,
    );
    if (resolved.external.length > 0) {
      await repo.insertOutbound(
        uow.trx,
        resolved.external.map((e) => ({
          id: newId(),
          message_id: message.id,
          address: e.address,
          status: 'queued' as const,
          error: null,
          created_at: at,
          updated_at: at,
        })),
      );
      await enqueue(
        uow.trx,
        { kind: MAIL_SEND, key: `mail:${message.id}`, payload: { messageId: message.id } },
        new Date(at),
      );
    }
    await announceDelivery(
      deps.events,
      uow.trx,
      items,
      resolved.internal.map((r) => r.mailbox),
      { id: message.id, subject: message.subject, fromName: message.from_name, fromAddress: message.from_address },
      at,
      actor.userId,
    );
    await uow.audit(auditActorOf(actor), {
      action: 'mail.sent',
      entityType: 'mail_message',
      entityId: message.id,
      summary: `Gửi thư "${message.subject}" từ ${box.address}`,
      data: { internal: resolved.internal.length, external: resolved.external.length },
    });
  }

  function check(input: { subject: string }, size: number, sending: boolean) {
    checkSubject(input.subject);
    if (sending && !input.subject.trim()) throw errors.noSubject();
    if (size > deps.config.mail.maxBytes) throw errors.tooLarge(limitMb);
  }

  function recipientsJson(resolved: Resolved, picks: Picks | null) {
    return JSON.stringify({ to: resolved.shown.to, cc: resolved.shown.cc, ...(picks ? { picks } : {}) });
  }

  return {
    async write(actor: Actor, input: MailWrite): Promise<{ itemId: string; created: boolean }> {
      const box = await core.mailbox(actor, input.mailboxId);
      if (input.clientKey) {
        const again = await repo.findWrittenWithKey(core.db, actor.userId, input.clientKey);
        if (again) return { itemId: again.id, created: false };
      }
      const reply = input.replyToItemId ? await core.item(actor, input.replyToItemId) : null;
      const forward = input.forwardItemId ? await core.item(actor, input.forwardItemId) : null;
      const parent = reply ? await repo.findMessage(core.db, reply.item.message_id) : undefined;
      const body = bodyOf(input);
      return deps.transact(async (uow) => {
        const picks = { to: input.to, cc: input.cc, bcc: input.bcc };
        const resolved = await resolve(uow.trx, picks, !input.draft);
        const files = await attachments(uow, actor, input.uploadIds, forward?.item.message_id ?? null);
        const size =
          Buffer.byteLength(body.text) + Buffer.byteLength(body.html ?? '') + files.reduce((n, f) => n + f.size, 0);
        check(input, size, !input.draft);
        const at = now();
        const id = newId();
        const message: repo.MessageRow = {
          id,
          thread_id: parent?.thread_id ?? id,
          mailbox_id: box.id,
          from_address: box.address,
          from_name: box.kind === 'organization' ? box.name : actor.fullName,
          subject: input.subject,
          body_text: body.text,
          body_html: body.html,
          recipients: recipientsJson(resolved, input.draft ? picks : null),
          bcc: JSON.stringify(resolved.shown.bcc),
          message_id: `<${id.toLowerCase()}@${domain}>`,
          in_reply_to: parent?.message_id ?? null,
          headers: null,
          source: 'internal',
          status: input.draft ? 'draft' : 'sent',
          size,
          search_text: searchText([
            input.subject,
            body.text,
            box.name,
            box.address,
            ...[...resolved.shown.to, ...resolved.shown.cc].flatMap((s) => [s.name, s.address]),
            ...files.map((f) => f.fileName),
          ]),
          created_by: actor.userId,
          client_key: input.clientKey ?? null,
          version: 1,
          created_at: at,
          sent_at: input.draft ? null : at,
        };
        await repo.insertMessage(uow.trx, message);
        await repo.insertAttachments(uow.trx, id, files);
        const own = await repo.insertItems(
          uow.trx,
          id,
          [{ mailboxId: box.id, folder: input.draft ? 'drafts' : 'sent', role: 'from', readAt: at }],
          at,
        );
        if (!input.draft) await deliver(uow, actor, message, box, resolved);
        return { itemId: own.get(box.id) as string, created: true };
      });
    },

    /** Changes a draft; with `send`, sends it as it now stands. */
    async updateDraft(actor: Actor, itemId: string, patch: DraftPatch): Promise<{ itemId: string }> {
      const { item, box } = await core.item(actor, itemId);
      const body = bodyOf(patch);
      await deps.transact(async (uow) => {
        const message = await repo.findMessage(uow.trx, item.message_id);
        if (message?.status !== 'draft' || item.role !== 'from') throw errors.notDraft();
        if (message.version !== patch.version) throw staleVersion('Thư nháp');
        const picks = { to: patch.to, cc: patch.cc, bcc: patch.bcc };
        const resolved = await resolve(uow.trx, picks, patch.send);
        const added = await attachments(uow, actor, patch.uploadIds, null);
        const existing = await repo.attachmentsOf(uow.trx, [message.id]);
        const size =
          Buffer.byteLength(body.text) +
          Buffer.byteLength(body.html ?? '') +
          existing.reduce((n, a) => n + Number(a.size), 0) +
          added.reduce((n, f) => n + f.size, 0);
        check(patch, size, patch.send);
        await repo.insertAttachments(uow.trx, message.id, added, existing.length);
        const at = now();
        const changes = {
          subject: patch.subject,
          body_text: body.text,
          body_html: body.html,
          recipients: recipientsJson(resolved, patch.send ? null : picks),
          bcc: JSON.stringify(resolved.shown.bcc),
          size,
          status: patch.send ? ('sent' as const) : ('draft' as const),
          sent_at: patch.send ? at : null,
          created_at: patch.send ? at : message.created_at,
          search_text: searchText([
            patch.subject,
            body.text,
            box.name,
            box.address,
            ...[...resolved.shown.to, ...resolved.shown.cc].flatMap((s) => [s.name, s.address]),
            ...[...existing.map((a) => a.file_name), ...added.map((f) => f.fileName)],
          ]),
        };
        if (!(await updateVersioned(uow.trx, 'mail_messages', message.id, message.version, changes)))
          throw staleVersion('Thư nháp');
        if (patch.send) {
          await repo.updateItem(uow.trx, item.id, { folder: 'sent', created_at: at });
          await deliver(uow, actor, { ...message, ...changes, version: message.version + 1 }, box, resolved);
        }
      });
      return { itemId };
    },
  };
}
