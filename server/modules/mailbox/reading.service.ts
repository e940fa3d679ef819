import type { z } from 'zod';
import {
  type MailboxView,
  type MailItemView,
  type MailListItem,
  type MailMessage,
  type MailRecipientWrite,
  type mailListQuerySchema,
  SYSTEM_FOLDERS,
} from '../../../common/schemas/mail';
import { foldVietnamese } from '../../../common/text/fold';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as errors from './mailbox.errors';
import * as repo from './mailbox.repository';
import type { MailboxAccess } from './mailbox-access.service';
import * as mailboxes from './mailboxes.repository';

const FOLDER_NAMES: Record<(typeof SYSTEM_FOLDERS)[number], string> = {
  inbox: 'Hộp thư đến',
  sent: 'Thư đã gửi',
  drafts: 'Thư nháp',
  archive: 'Lưu trữ',
  trash: 'Thùng rác',
};

interface Shown {
  address: string;
  name: string | null;
}
const parseRecipients = (json: string) =>
  JSON.parse(json) as {
    to: Shown[];
    cc: Shown[];
    picks?: { to: MailRecipientWrite[]; cc: MailRecipientWrite[]; bcc: MailRecipientWrite[] };
  };

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 160);

export function createMailReading(core: MailboxAccess) {
  const { db, deps, now } = core;

  async function folderOf(mailboxId: string, folder: string) {
    if ((SYSTEM_FOLDERS as readonly string[]).includes(folder)) return folder;
    const own = await repo.findFolder(db, mailboxId, folder);
    if (!own) throw errors.folderNotFound();
    return own.id;
  }

  function messageView(
    m: repo.MessageRow,
    files: Awaited<ReturnType<typeof repo.attachmentsOf>>,
    own: boolean,
    itemId: string,
  ): MailMessage {
    const r = parseRecipients(m.recipients);
    return {
      itemId,
      messageId: m.id,
      subject: m.subject,
      from: { address: m.from_address, name: m.from_name },
      to: r.to,
      cc: r.cc,
      bcc: own ? (JSON.parse(m.bcc) as Shown[]) : [],
      text: m.body_text,
      html: m.body_html,
      attachments: files
        .filter((f) => f.message_id === m.id)
        .map((f) => ({ id: f.id, fileName: f.file_name, size: Number(f.size), contentType: f.content_type })),
      at: m.sent_at ?? m.created_at,
      source: m.source,
      own,
    };
  }

  /** Names for a draft's picks, so its editor shows people rather than ids. */
  async function labelsOf(picks: { to: MailRecipientWrite[]; cc: MailRecipientWrite[]; bcc: MailRecipientWrite[] }) {
    const all = [...picks.to, ...picks.cc, ...picks.bcc];
    const ids = (kind: string) => all.flatMap((r) => (r.kind === kind && 'id' in r ? [r.id] : []));
    const labels: Record<string, string> = {};
    for (const b of await mailboxes.mailboxesByIds(db, ids('mailbox')))
      labels[`mailbox:${b.id}`] = `${b.name} <${b.address}>`;
    const groups = ids('group');
    if (groups.length) {
      for (const g of await mailboxes.groupsByIds(db, groups)) labels[`group:${g.id}`] = `Nhóm: ${g.name}`;
    }
    for (const kind of ['person', 'organization'] as const) {
      const owners = ids(kind);
      if (!owners.length) continue;
      for (const b of await mailboxes.mailboxesOfOwners(db, kind, owners))
        labels[`${kind}:${b.owner_id}`] = `${b.name} <${b.address}>`;
    }
    return labels;
  }

  return {
    async mailboxes(actor: Actor): Promise<{ items: MailboxView[] }> {
      const boxes = await core.readable(actor);
      const ids = boxes.map((b) => b.id);
      const counts = await repo.folderCounts(db, ids);
      const own = await repo.foldersOf(db, ids);
      const count = (box: string, folder: string) => {
        const c = counts.find((x) => x.mailbox_id === box && x.folder === folder);
        return { unread: Number(c?.unread ?? 0), total: Number(c?.total ?? 0) };
      };
      return {
        items: boxes.map((b) => ({
          id: b.id,
          kind: b.kind,
          address: b.address,
          name: b.name,
          organizationId: b.kind === 'organization' ? b.owner_id : null,
          folders: [
            ...SYSTEM_FOLDERS.map((f) => ({ id: f, name: FOLDER_NAMES[f], ...count(b.id, f) })),
            ...own.filter((f) => f.mailbox_id === b.id).map((f) => ({ id: f.id, name: f.name, ...count(b.id, f.id) })),
          ],
        })),
      };
    },

    async list(actor: Actor, mailboxId: string, query: z.infer<typeof mailListQuerySchema>) {
      const box = await core.mailbox(actor, mailboxId);
      const folder = await folderOf(box.id, query.folder);
      const { total, rows } = await repo.listItems(db, box.id, {
        folder,
        q: query.q,
        unread: query.unread === 'true',
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      const items: MailListItem[] = rows.map((r) => ({
        id: r.id,
        messageId: r.message_id,
        threadId: r.thread_id,
        subject: r.subject,
        from: { address: r.from_address, name: r.from_name },
        to: parseRecipients(r.recipients).to,
        snippet: snippet(r.body_text),
        attachments: Number(r.attachments ?? 0),
        readAt: r.read_at,
        status: r.status,
        at: r.created_at,
        registeredDocumentId: r.document_id,
      }));
      return { items, total };
    },

    /** A message as this mailbox holds it, with its thread; opening it marks it read. */
    async view(actor: Actor, itemId: string): Promise<MailItemView> {
      const { item, box } = await core.item(actor, itemId);
      const message = await repo.findMessage(db, item.message_id);
      if (!message) throw errors.itemNotFound();
      if (!item.read_at) {
        await repo.markItemRead(db, item.id, now());
      }
      const thread = message.status === 'sent' ? await repo.threadOf(db, box.id, message.thread_id) : [];
      const files = await repo.attachmentsOf(db, [...new Set([message.id, ...thread.map((m) => m.id)])]);
      const own = item.role === 'from';
      const deliveries = own ? await repo.outboundOf(db, message.id) : [];
      const picks = parseRecipients(message.recipients).picks ?? null;
      const isDraft = message.status === 'draft';
      const actions: MailItemView['actions'] = isDraft
        ? ['edit', item.folder === 'trash' ? 'delete' : 'trash']
        : ['reply', 'forward', 'move', item.folder === 'trash' ? 'delete' : 'trash'];
      if (
        !isDraft &&
        box.kind === 'organization' &&
        !own &&
        !item.document_id &&
        files.some((f) => f.message_id === message.id)
      )
        actions.push('register');
      return {
        id: item.id,
        mailboxId: box.id,
        folder: item.folder,
        status: message.status,
        version: message.version,
        readAt: item.read_at ?? now(),
        message: messageView(message, files, own, item.id),
        thread: thread
          .filter((m) => m.id !== message.id)
          .map((m) => messageView(m, files, m.item_role === 'from', m.item_id)),
        deliveries: deliveries.map((d) => ({ address: d.address, status: d.status, error: d.error, at: d.updated_at })),
        headers: message.headers ? (JSON.parse(message.headers) as Record<string, string>) : null,
        registeredDocumentId: item.document_id,
        draft: isDraft && picks ? { ...picks, labels: await labelsOf(picks) } : null,
        actions,
      };
    },

    async mark(actor: Actor, itemId: string, read: boolean) {
      const { item } = await core.item(actor, itemId);
      await repo.updateItem(db, item.id, { read_at: read ? now() : null });
    },

    async move(actor: Actor, itemId: string, folder: string) {
      const { item, box } = await core.item(actor, itemId);
      const target = await folderOf(box.id, folder);
      const message = await repo.findMessage(db, item.message_id);
      const draft = message?.status === 'draft';
      if (draft ? !['drafts', 'trash'].includes(target) : target === 'drafts') throw errors.draftFolder();
      await repo.updateItem(db, item.id, { folder: target });
    },

    /** Deletes this mailbox's copy for good (from the bin only); the message stays for its other holders. */
    async remove(actor: Actor, itemId: string) {
      const { item, box } = await core.item(actor, itemId);
      if (item.folder !== 'trash') throw errors.trashOnly();
      await deps.transact(async ({ trx, audit }) => {
        await repo.deleteItem(trx, item);
        await audit(auditActorOf(actor), {
          action: 'mail.deleted',
          entityType: 'mail_item',
          entityId: item.id,
          summary: `Xóa hẳn một thư khỏi hộp thư ${box.address}`,
        });
      });
    },

    async attachment(actor: Actor, itemId: string, attachmentId: string) {
      const { item, box } = await core.item(actor, itemId);
      const thread = await repo.findMessage(db, item.message_id);
      const row = await repo.findThreadAttachment(db, attachmentId, box.id, thread?.thread_id ?? '');
      if (!row) throw errors.itemNotFound();
      return { sha256: row.sha256, fileName: row.file_name };
    },

    async createFolder(actor: Actor, mailboxId: string, name: string) {
      const box = await core.mailbox(actor, mailboxId);
      const clash = await repo.foldersOf(db, [box.id]);
      const folded = foldVietnamese(name);
      if (
        clash.some((f) => foldVietnamese(f.name) === folded) ||
        Object.values(FOLDER_NAMES).some((n) => foldVietnamese(n) === folded)
      )
        throw errors.folderExists();
      const id = newId();
      await repo.insertFolder(db, { id, mailbox_id: box.id, name, created_at: now() });
      return { id };
    },

    async deleteFolder(actor: Actor, mailboxId: string, folderId: string) {
      const box = await core.mailbox(actor, mailboxId);
      const folder = await folderOf(box.id, folderId);
      if ((SYSTEM_FOLDERS as readonly string[]).includes(folder)) throw errors.folderNotFound();
      const used = await repo.folderHasItems(db, box.id, folder);
      if (used) throw errors.folderNotEmpty();
      await repo.deleteFolder(db, folder);
    },

    /** Mailboxes and groups to write to, by name or address, with or without diacritics. */
    async recipients(_actor: Actor, q: string) {
      await core.sync();
      const boxes = await mailboxes.searchMailboxes(db, q, 20);
      const groups = await mailboxes.searchGroups(db, q, 10);
      return {
        items: [
          ...groups.map((g) => ({
            kind: 'group' as const,
            id: g.id,
            name: g.name,
            address: null,
            detail: String(g.members ?? 0),
          })),
          ...boxes.map((b) => ({
            kind: 'mailbox' as const,
            id: b.id,
            name: b.name,
            address: b.address,
            detail: b.kind,
          })),
        ],
      };
    },
  };
}
