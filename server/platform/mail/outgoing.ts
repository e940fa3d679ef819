import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Config } from '../config/config';
import { assertHeaderSafe, checkSubject, type Mailbox, toMailbox } from './address';
import { invalidAddress, MailSendError, type MailSendErrorCode } from './mail.errors';

export interface MailSenderOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the relay offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** The sender, e.g. `Văn phòng Huyện ủy <vanphong@huyenuy.vn>`. */
  from: string | Mailbox;
  /** Limit for connecting, the greeting and each wait on the socket. */
  timeoutMs: number;
  /** Connections kept open to the relay (default 2). */
  maxConnections?: number;
}

export interface OutgoingAttachment {
  filename: string;
  /** A file on disk (read when sending) or the bytes themselves. */
  path?: string;
  content?: Buffer | string;
  contentType: string;
}

export interface OutgoingMail {
  /** Stable per job (`<job-key@domain>`), so a retried job is recognisable downstream. */
  messageId: string;
  /** The mailbox it is written from, when not the sender's default. */
  from?: string | Mailbox;
  to: (string | Mailbox)[];
  cc?: (string | Mailbox)[];
  bcc?: (string | Mailbox)[];
  inReplyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: OutgoingAttachment[];
  headers?: Record<string, string>;
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  response: string;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[A-Za-z0-9.-]+>$/;
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
// Headers the message's structure depends on: set only through their own fields.
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'message-id',
  'date',
  'sender',
  'reply-to',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
]);
const NETWORK_CODES = new Set(['ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'EMAXLIMIT']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ETIMEOUT']);

/** The relay of the configuration, or null when none is configured (mail then stays in the product). */
export function mailSenderFromConfig(config: Pick<Config, 'smtp' | 'mail'>): MailSender | null {
  if (!config.smtp) return null;
  return createMailSender({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.secure,
    ...(config.smtp.user ? { auth: { user: config.smtp.user, pass: config.smtp.password ?? '' } } : {}),
    from: config.mail.from,
    timeoutMs: 15_000,
  });
}

/** Sends mail through one SMTP relay over a small pool of kept-open connections. */
export function createMailSender(options: MailSenderOptions): MailSender {
  const from = toMailbox(options.from, 'from');
  const secrets = options.auth ? [options.auth.pass, options.auth.user].filter((s) => s.length > 0) : [];
  // nodemailer is loaded by the first message sent, not at start; the pool opens then too.
  let transport: Promise<Transporter<SMTPPool.SentMessageInfo>> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        pool: true,
        host: options.host,
        port: options.port,
        secure: options.secure,
        auth: options.auth,
        maxConnections: options.maxConnections ?? 2,
        maxMessages: 1000,
        connectionTimeout: options.timeoutMs,
        greetingTimeout: options.timeoutMs,
        socketTimeout: options.timeoutMs,
        // The pool is shared by every job; one message must never read another's files from a URL.
        disableUrlAccess: true,
      }),
    ));

  async function send(mail: OutgoingMail): Promise<SendResult> {
    const message = checkMail(mail);
    try {
      const info = await (await open()).sendMail({ ...message, from: message.from ?? asAddress(from) });
      return {
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        response: redact(String(info.response ?? ''), secrets),
      };
    } catch (error) {
      throw classify(error, secrets);
    }
  }

  return { send, close: () => void transport?.then((opened) => opened.close()) };
}

/** Everything checked before a connection is opened: a refused field sends nothing. */
function checkMail(mail: OutgoingMail) {
  if (!MESSAGE_ID.test(mail.messageId)) {
    assertHeaderSafe(mail.messageId, 'messageId');
    throw invalidAddress('messageId', 'Message-ID phải có dạng <khoa@ten-mien>');
  }
  const to = mail.to.map((m) => asAddress(toMailbox(m, 'to')));
  const cc = (mail.cc ?? []).map((m) => asAddress(toMailbox(m, 'cc')));
  const bcc = (mail.bcc ?? []).map((m) => asAddress(toMailbox(m, 'bcc')));
  const from = mail.from === undefined ? undefined : asAddress(toMailbox(mail.from, 'from'));
  if (to.length + cc.length + bcc.length === 0) throw invalidAddress('to', 'thư chưa có người nhận');
  if (mail.inReplyTo !== undefined && !MESSAGE_ID.test(mail.inReplyTo)) assertHeaderSafe(mail.inReplyTo, 'inReplyTo');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw invalidAddress('headers', `tên trường "${name}" không hợp lệ`);
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw invalidAddress('headers', `không được đặt trường "${name}"`);
    headers[name] = assertHeaderSafe(value, name);
  }
  const attachments = (mail.attachments ?? []).map((a) => {
    assertHeaderSafe(a.filename, 'attachments.filename');
    if (!CONTENT_TYPE.test(a.contentType)) throw invalidAddress('attachments.contentType', a.contentType);
    if ((a.path === undefined) === (a.content === undefined)) {
      throw invalidAddress('attachments', `tệp "${a.filename}" cần đúng một trong path hoặc content`);
    }
    return a.path !== undefined
      ? { filename: a.filename, path: a.path, contentType: a.contentType }
      : { filename: a.filename, content: a.content, contentType: a.contentType };
  });
  return {
    messageId: mail.messageId,
    from,
    to,
    cc,
    bcc,
    ...(mail.inReplyTo && MESSAGE_ID.test(mail.inReplyTo)
      ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] }
      : {}),
    subject: checkSubject(mail.subject),
    text: mail.text,
    html: mail.html,
    attachments,
    headers,
  };
}

const asAddress = (mailbox: Mailbox) => ({ name: mailbox.name ?? '', address: mailbox.address });

interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

function classify(error: unknown, secrets: string[]): MailSendError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const code = typeof failure.code === 'string' ? failure.code : '';
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  const response = typeof failure.response === 'string' ? redact(failure.response, secrets).slice(0, 500) : null;
  const reply = response ? `: ${response}` : '';

  const make = (errorCode: MailSendErrorCode, retryable: boolean, text: string) =>
    new MailSendError(errorCode, retryable, text, responseCode, response);

  if (responseCode !== null && responseCode >= 400 && responseCode < 500) {
    return make('mail.temporary_failure', true, `Máy chủ thư tạm thời chưa nhận thư (${responseCode})${reply}`);
  }
  if (responseCode !== null && responseCode >= 500) {
    return make('mail.permanent_failure', false, `Máy chủ thư từ chối thư (${responseCode})${reply}`);
  }
  if (TIMEOUT_CODES.has(code)) return make('mail.timeout', true, 'Máy chủ thư không trả lời kịp.');
  if (NETWORK_CODES.has(code) || isSocketError(error)) {
    return make('mail.connection_failed', true, 'Không kết nối được tới máy chủ thư.');
  }
  // Anything else (an unreadable attachment, a malformed message) fails the same way next time.
  return make('mail.send_failed', false, `Không gửi được thư (${code || 'lỗi không xác định'}).`);
}

function isSocketError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|ENOTFOUND|EAI_AGAIN)$/.test(code)
  );
}

function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
