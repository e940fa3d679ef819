import type { IncomingWrite } from '../../../common/schemas/documents';
import type { MailRegister } from '../../../common/schemas/mail';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as errors from './mailbox.errors';
import { mailboxResource } from './mailbox.policy';
import * as repo from './mailbox.repository';
import type { MailboxAccess } from './mailbox-access.service';

/** What the documents module offers for this: registering an incoming document. */
export interface IncomingRegistrar {
  registerIncoming(actor: Actor, input: IncomingWrite): Promise<{ id: string; created: boolean }>;
}

/**
 * A message to an organization's mailbox that carries a document becomes an incoming
 * document in one step: its attachments (the same stored bytes) are the document's files,
 * the channel is the mailbox, and the message keeps the link. Asking twice gives the same document.
 */
export function createMailRegistration(core: MailboxAccess, documents: IncomingRegistrar) {
  const { db, deps } = core;
  return {
    async register(
      actor: Actor,
      itemId: string,
      input: MailRegister,
    ): Promise<{ documentId: string; created: boolean }> {
      const { item, box } = await core.item(actor, itemId);
      if (!deps.authorizer.can(actor, 'register', mailboxResource(box))) throw errors.notOrganizationMailbox();
      if (item.document_id) throw errors.alreadyRegistered(item.document_id);
      const message = await repo.findMessage(db, item.message_id);
      if (message?.status !== 'sent' || item.role === 'from') throw errors.itemNotFound();
      const files = await repo.attachmentsOf(db, [message.id]);
      if (files.length === 0) throw errors.noAttachments();
      // The documents module takes files as the caller's uploads: the same bytes, offered again.
      const uploads = [];
      for (const f of files) {
        uploads.push(
          await deps.files.recordUpload(actor.userId, {
            sha256: f.sha256,
            size: Number(f.size),
            contentType: f.content_type,
            fileName: f.file_name,
          }),
        );
      }
      const result = await documents.registerIncoming(actor, {
        ...input,
        channel: 'mailbox',
        secrecy: 'normal',
        urgency: 'normal',
        uploadIds: uploads.map((u) => u.id),
        clientKey: `mail-${item.id}`,
      });
      await deps.transact(async ({ trx, audit }) => {
        await repo.updateItem(trx, item.id, { document_id: result.id, read_at: item.read_at ?? core.now() });
        await audit(auditActorOf(actor), {
          action: 'mail.registered',
          entityType: 'mail_item',
          entityId: item.id,
          summary: `Vào sổ văn bản đến từ thư "${message.subject}" của hộp thư ${box.address}`,
          data: { documentId: result.id },
        });
      });
      return { documentId: result.id, created: result.created };
    },
  };
}
