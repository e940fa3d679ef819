import { Readable } from 'node:stream';
import type { Executor } from '../../platform/db/database';
import type { StoredFile } from '../../platform/files/file-store';
import { newId } from '../../platform/ids';
import type { JobHandler } from '../../platform/jobs/jobs';
import type { ParsedIncoming } from '../../platform/mail/incoming';
import { MailSendError } from '../../platform/mail/mail.errors';
import type { MailSender } from '../../platform/mail/outgoing';
import { announceDelivery } from './compose.service';
import { htmlToText, sanitizeMailHtml } from './mail-html.rules';
import * as repo from './mailbox.repository';
import type { MailboxAccess } from './mailbox-access.service';
import * as mailboxes from './mailboxes.repository';
import type { MailboxRow } from './mailboxes.service';
import { searchText } from './search-text.rules';

const MAX_HEADERS_CHARS = 32_000;
const SMTP_AUDIT = { userId: null, name: 'Máy chủ nhận thư (SMTP)', ip: null, userAgent: null };

/**
 * Told, in the transaction that marks them sent, which outside copies the relay took: a
 * module whose step sent them (a dispatched document) counts them as delivered there.
 */
export type OutsideDelivered = (trx: Executor, outboundIds: string[]) => Promise<void>;

/** Mail over SMTP: what arrives is filed into its mailboxes, what goes out leaves through the relay. */
export function createMailTransport(
  core: MailboxAccess,
  mail: MailSender | null,
  delivered: OutsideDelivered | null = null,
) {
  const { db, deps, domain, now } = core;

  async function mailboxAt(address: string) {
    return mailboxes.mailboxAt(db, address.toLowerCase());
  }

  /** Sends a message to its outside addresses once; a retry after a cut connection keeps its Message-ID. */
  const send: JobHandler = async (payload, job) => {
    const { messageId } = payload as { messageId: string };
    const message = await repo.findMessage(db, messageId);
    const pending = (await repo.outboundOf(db, messageId)).filter((o) => o.status === 'queued');
    if (!message || pending.length === 0) return;
    const mark = (ids: string[], status: 'queued' | 'sent' | 'failed', error: string | null, ex: Executor = db) =>
      repo.markOutbound(ex, ids, { status, error, updated_at: now() });
    if (!mail) {
      await mark(
        pending.map((p) => p.id),
        'failed',
        'Chưa cấu hình máy chủ chuyển thư (SMTP_HOST): thư chỉ đi trong hệ thống.',
      );
      return;
    }
    const shown = JSON.parse(message.recipients) as { to: { address: string }[]; cc: { address: string }[] };
    const field = (list: { address: string }[]) => new Set(list.map((s) => s.address));
    const [to, cc] = [field(shown.to), field(shown.cc)];
    const files = await repo.attachmentsOf(db, [message.id]);
    const attachments = [];
    for (const f of files) {
      const opened = await deps.files.open(f.sha256);
      const chunks: Buffer[] = [];
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
      attachments.push({ filename: f.file_name, content: Buffer.concat(chunks), contentType: f.content_type });
    }
    try {
      const result = await mail.send({
        messageId: message.message_id,
        from: { name: message.from_name, address: message.from_address },
        to: pending.filter((p) => to.has(p.address)).map((p) => p.address),
        cc: pending.filter((p) => cc.has(p.address)).map((p) => p.address),
        bcc: pending.filter((p) => !to.has(p.address) && !cc.has(p.address)).map((p) => p.address),
        subject: message.subject,
        text: message.body_text,
        ...(message.body_html ? { html: message.body_html } : {}),
        ...(message.in_reply_to ? { inReplyTo: message.in_reply_to } : {}),
        attachments,
      });
      const rejected = new Set(result.rejected.map((a) => a.toLowerCase()));
      const sent = pending.filter((p) => !rejected.has(p.address)).map((p) => p.id);
      await deps.transact(async ({ trx }) => {
        await mark(sent, 'sent', null, trx);
        if (delivered && sent.length > 0) await delivered(trx, sent);
      });
      await mark(
        pending.filter((p) => rejected.has(p.address)).map((p) => p.id),
        'failed',
        'Máy chủ chuyển thư từ chối địa chỉ này.',
      );
    } catch (error) {
      const text = (error as Error).message.slice(0, 1000);
      // Retried while attempts remain; after the last one the copy has failed, says why, and
      // the job is dead in the administrator's queue.
      if (error instanceof MailSendError && error.retryable) {
        await mark(
          pending.map((p) => p.id),
          job.attempts < job.max_attempts ? 'queued' : 'failed',
          text,
        );
        throw error;
      }
      await mark(
        pending.map((p) => p.id),
        'failed',
        text,
      );
    }
  };

  return {
    handlers: { 'mail.send': send } as Record<string, JobHandler>,

    /** Whether mail to this address is taken (asked during the SMTP conversation, at RCPT TO). */
    async accepts(address: string): Promise<boolean> {
      if (!address.toLowerCase().endsWith(`@${domain}`)) return false;
      if (await mailboxAt(address)) return true;
      await core.sync(true);
      return !!(await mailboxAt(address));
    },

    /**
     * Files a received message into the mailboxes of its envelope recipients before the sender
     * is answered. The same Message-ID arriving again (a relay's retry) adds no second copy.
     */
    async receive(parsed: ParsedIncoming): Promise<{ messageId: string; items: number }> {
      const boxes: MailboxRow[] = [];
      for (const rcpt of new Set(parsed.envelope.rcptTo.map((r) => r.toLowerCase()))) {
        const box = await mailboxAt(rcpt);
        if (box) boxes.push(box);
      }
      const headerId = parsed.messageId?.trim() || `<${newId().toLowerCase()}@smtp.${domain}>`;
      const existing = await repo.findMessageByHeaderId(db, headerId);
      const notes: string[] = [];
      const stored: StoredFile[] = [];
      if (!existing) {
        for (const a of parsed.attachments) {
          try {
            // Judged as any upload: programs refused, the name made to agree with the bytes.
            const received = await deps.files.put(Readable.from([a.content]), {
              fileName: a.filename,
              maxBytes: deps.config.mail.maxBytes,
              sender: `mail:${(parsed.envelope.mailFrom ?? '').toLowerCase()}`,
            });
            stored.push(received);
            for (const warning of received.warnings) notes.push(`[Tệp đính kèm: ${warning.message}]`);
          } catch (error) {
            notes.push(`[Tệp đính kèm "${a.filename}" không được nhận: ${(error as Error).message}]`);
          }
        }
      }
      const html = parsed.html ? sanitizeMailHtml(parsed.html) : null;
      const text = [parsed.text.trim() || (html ? htmlToText(html) : ''), ...notes].filter(Boolean).join('\n\n');
      return deps.transact(async ({ trx, audit }) => {
        const at = now();
        let id = existing?.id;
        if (!id) {
          id = newId();
          const parent = parsed.headers['in-reply-to']
            ? await repo.findMessageByHeaderId(trx, parsed.headers['in-reply-to'].trim())
            : undefined;
          const headers = JSON.stringify(parsed.headers);
          const shown = (list: { name: string | null; address: string }[]) =>
            list.map((m) => ({ address: m.address.toLowerCase(), name: m.name }));
          const from = parsed.from ?? { name: null, address: parsed.envelope.mailFrom ?? 'khong-ro@khong-ro' };
          await repo.insertMessage(trx, {
            id,
            thread_id: parent?.thread_id ?? id,
            mailbox_id: null,
            from_address: from.address.toLowerCase(),
            from_name: from.name,
            subject: parsed.subject.slice(0, 500),
            body_text: text,
            body_html: html || null,
            recipients: JSON.stringify({ to: shown(parsed.to), cc: shown(parsed.cc) }),
            bcc: '[]',
            message_id: headerId,
            in_reply_to: parsed.headers['in-reply-to']?.trim() ?? null,
            headers:
              headers.length > MAX_HEADERS_CHARS
                ? JSON.stringify({ note: 'Phần đầu thư quá dài, không lưu.' })
                : headers,
            source: 'smtp',
            status: 'sent',
            size: Buffer.byteLength(text) + stored.reduce((n, f) => n + f.size, 0),
            search_text: searchText([parsed.subject, text, from.name, from.address, ...stored.map((f) => f.fileName)]),
            created_by: null,
            client_key: null,
            version: 1,
            created_at: at,
            sent_at: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : at,
          });
          await repo.insertAttachments(trx, id, stored);
        }
        const cc = new Set(parsed.cc.map((m) => m.address.toLowerCase()));
        const items = await repo.insertItems(
          trx,
          id,
          boxes.map((b) => ({
            mailboxId: b.id,
            folder: 'inbox',
            role: cc.has(b.address) ? ('cc' as const) : ('to' as const),
            readAt: null,
          })),
          at,
        );
        const from = parsed.from ?? { name: null, address: parsed.envelope.mailFrom ?? '' };
        await announceDelivery(
          deps.events,
          trx,
          items,
          boxes,
          { id, subject: parsed.subject, fromName: from.name, fromAddress: from.address },
          at,
          null,
        );
        if (items.size > 0) {
          await audit(SMTP_AUDIT, {
            action: 'mail.received',
            entityType: 'mail_message',
            entityId: id,
            summary: `Nhận thư từ ${from.address} qua SMTP cho ${items.size} hộp thư`,
          });
        }
        return { messageId: id, items: items.size };
      });
    },
  };
}
export type MailTransport = ReturnType<typeof createMailTransport>;
