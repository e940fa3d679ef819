import type { AddressInfo } from 'node:net';
import type { AddressObject, HeaderValue } from 'mailparser';
import type { Logger } from 'pino';
import type { SMTPServerAddress, SMTPServerDataStream } from 'smtp-server';
import type { Mailbox } from './address';

/** A received message, parsed. `html` is as the sender wrote it: sanitizing is the caller's. */
export interface ParsedIncoming {
  messageId: string | null;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  /** Lower-cased header names; a header given more than once is joined with new lines. */
  headers: Record<string, string>;
  envelope: { mailFrom: string | null; rcptTo: string[] };
  attachments: { filename: string; contentType: string; size: number; content: Buffer }[];
}

export interface SmtpListenerOptions {
  host: string;
  /** 0 picks a free port; the chosen one is in `listener.port`. */
  port: number;
  /** Mail is taken only for this domain (e.g. `huyenuy.vn`). */
  domain: string;
  /** Largest message accepted, announced in EHLO (SIZE) and enforced while it streams in. */
  maxBytes: number;
  acceptRecipient: (address: string) => Promise<boolean>;
  /** Store the message; the sender is answered 250 only after this resolves. */
  onMessage: (message: ParsedIncoming) => Promise<void>;
  /** Certificate and key: when given, STARTTLS is offered. */
  tls?: { key: Buffer | string; cert: Buffer | string };
  logger?: Logger;
  /** How long `close()` lets open conversations finish (default 5 s). */
  closeTimeoutMs?: number;
}

export interface SmtpListener {
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Receives mail for one domain. It listens on a loopback or closed-network address behind the
 * office's relay, so it asks for no authentication (AUTH is switched off) and relays nothing:
 * only recipients of `domain` that `acceptRecipient` knows are taken.
 */
export async function createSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const domain = options.domain.toLowerCase();
  const logger = options.logger;
  // Loaded here, not at start: a server that receives no mail does not carry the SMTP server.
  const { SMTPServer } = await import('smtp-server');

  const server = new SMTPServer({
    name: domain,
    banner: 'VanPhong',
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideSTARTTLS: !options.tls,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    closeTimeout: options.closeTimeoutMs ?? 5000,

    onRcptTo(address, _session, callback) {
      const recipient = address.address.toLowerCase();
      const at = recipient.lastIndexOf('@');
      if (at <= 0 || recipient.slice(at + 1) !== domain) {
        return callback(smtpError(550, `5.7.1 <${recipient}>: relay not permitted`));
      }
      options.acceptRecipient(recipient).then(
        (known) => callback(known ? null : smtpError(550, `5.1.1 <${recipient}>: no such recipient`)),
        (error: unknown) => {
          logger?.error({ err: error, recipient }, 'mail: recipient lookup failed');
          callback(smtpError(451, '4.3.0 recipient lookup failed, try again later'));
        },
      );
    },

    onData(stream, session, callback) {
      readLimited(stream)
        .then(async (raw) => {
          if (raw === null) {
            logger?.warn({ session: session.id, bytes: stream.byteLength }, 'mail: message over size refused');
            return callback(smtpError(552, `5.3.4 message exceeds fixed maximum size of ${options.maxBytes} bytes`));
          }
          try {
            const message = await parse(raw, session.envelope.mailFrom, session.envelope.rcptTo);
            await options.onMessage(message);
          } catch (error) {
            logger?.error({ err: error, session: session.id }, 'mail: incoming message not stored');
            return callback(smtpError(451, '4.3.0 message not stored, try again later'));
          }
          callback(null);
        })
        .catch((error: unknown) => {
          logger?.error({ err: error, session: session.id }, 'mail: incoming message not read');
          callback(smtpError(451, '4.3.0 message not read, try again later'));
        });
    },
  });
  server.on('error', (error) => logger?.error({ err: error }, 'mail: SMTP listener error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;

  return {
    host: options.host,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message's bytes, or null when it went over the limit (the rest is read and dropped). */
async function readLimited(stream: SMTPServerDataStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    if (!stream.sizeExceeded) chunks.push(chunk as Buffer);
    else chunks.length = 0;
  }
  return stream.sizeExceeded ? null : Buffer.concat(chunks);
}

async function parse(
  raw: Buffer,
  mailFrom: SMTPServerAddress | false,
  rcptTo: SMTPServerAddress[],
): Promise<ParsedIncoming> {
  // The parser (with its character sets) is loaded by the first message, not at start.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw, { skipTextToHtml: true, keepCidLinks: true });
  return {
    messageId: parsed.messageId ?? null,
    from: mailboxes(parsed.from)[0] ?? null,
    to: mailboxes(parsed.to),
    cc: mailboxes(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    date: parsed.date ?? null,
    headers: headerRecord(parsed.headers),
    envelope: { mailFrom: mailFrom ? mailFrom.address : null, rcptTo: rcptTo.map((r) => r.address) },
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? 'tep-dinh-kem',
      contentType: a.contentType,
      size: a.content.length,
      content: a.content,
    })),
  };
}

function mailboxes(value: AddressObject | AddressObject[] | undefined): Mailbox[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: Mailbox[] = [];
  const walk = (list: AddressObject['value']) => {
    for (const entry of list) {
      if (entry.group) walk(entry.group);
      else if (entry.address) out.push({ name: entry.name || null, address: entry.address });
    }
  };
  for (const object of objects) walk(object.value);
  return out;
}

function headerRecord(headers: Map<string, HeaderValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name] = headerText(value);
  return out;
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join('\n');
  if (typeof value === 'object' && value !== null) {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('value' in value && typeof value.value === 'string') {
      const params = 'params' in value && value.params ? Object.entries(value.params) : [];
      return [value.value, ...params.map(([k, v]) => `${k}=${v}`)].join('; ');
    }
  }
  return String(value);
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
