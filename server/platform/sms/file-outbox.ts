import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../ids';
import type { SmsMessage, SmsProvider, SmsSendResult } from './provider';

export const OUTBOX_FILE = 'sms-outbox.jsonl';

/** One line of `sms-outbox.jsonl`. */
export interface OutboxLine {
  requestId: string;
  providerId: string;
  phone: string;
  text: string;
  at: string;
}

export interface FileOutboxOptions {
  /** Directory holding `sms-outbox.jsonl`; created when missing. */
  dir: string;
  now?: () => Date;
}

/**
 * The provider for demo and development: nothing leaves the machine, each message is
 * one JSON line in `<dir>/sms-outbox.jsonl`. A requestId already in the file is not
 * written again (the ids written before are read when the outbox starts), so a job
 * retried after a crash, or by a second process started later, sends once.
 */
export function createFileOutbox(options: FileOutboxOptions): SmsProvider & { readonly file: string } {
  const file = path.join(options.dir, OUTBOX_FILE);
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.dir, { recursive: true });
  const { seen, tornTail } = readSeen(file);
  // After a torn last line, start on a fresh line so the next message is not glued to it.
  let prefix = tornTail ? '\n' : '';
  // One write at a time, so two concurrent sends of the same id cannot both append.
  let queue: Promise<unknown> = Promise.resolve();

  async function append(msg: SmsMessage): Promise<SmsSendResult> {
    const known = seen.get(msg.requestId);
    if (known) return accepted(known, 'Đã ghi trước đó (trùng mã yêu cầu).');
    const line: OutboxLine = {
      requestId: msg.requestId,
      providerId: `outbox-${newId(now().getTime())}`,
      phone: msg.phone,
      text: msg.text,
      at: now().toISOString(),
    };
    await fsp.appendFile(file, `${prefix}${JSON.stringify(line)}\n`, 'utf8');
    prefix = '';
    seen.set(line.requestId, line.providerId);
    return accepted(line.providerId, `Đã ghi vào ${OUTBOX_FILE}.`);
  }

  return {
    file,
    send(msg) {
      const result = queue.then(() => append(msg));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

function accepted(providerId: string, message: string): SmsSendResult {
  return { accepted: true, providerId, code: 'outbox', retryable: false, message };
}

/** requestId → providerId of every line already in the file; a torn last line is skipped. */
function readSeen(file: string): { seen: Map<string, string>; tornTail: boolean } {
  const seen = new Map<string, string>();
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { seen, tornTail: false };
    throw error;
  }
  for (const raw of content.split('\n')) {
    if (!raw.trim()) continue;
    try {
      const line = JSON.parse(raw) as Partial<OutboxLine>;
      if (typeof line.requestId === 'string' && typeof line.providerId === 'string') {
        seen.set(line.requestId, line.providerId);
      }
    } catch {
      // A line cut short by a crash: its message was never acknowledged, so it may be written again.
    }
  }
  return { seen, tornTail: content.length > 0 && !content.endsWith('\n') };
}
