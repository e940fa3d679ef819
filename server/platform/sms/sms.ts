import { normalizeVietnamMobile } from './phone';
import type { SmsProvider, SmsSendResult } from './provider';
import * as errors from './sms.errors';
import { segments as countSegments, toSmsText } from './text';

export interface SmsSenderOptions {
  provider: SmsProvider;
  /** Longest message accepted, in billed segments (each concatenated segment costs as much as a whole SMS). */
  maxSegments?: number;
}

export interface SmsSendInput {
  requestId: string;
  phone: string;
  text: string;
}

export interface SmsSent {
  /** `84xxxxxxxxx`. */
  phone: string;
  /** The text as sent: GSM-7, without diacritics. */
  text: string;
  segments: number;
  result: SmsSendResult;
}

export type SmsSender = ReturnType<typeof createSmsSender>;

/**
 * Checks and prepares a message, then hands it to the provider. Throws `DomainError`
 * `sms.invalid_phone`, `sms.empty` or `sms.too_long` before anything is sent; a
 * provider's refusal is not thrown but returned in `result` (with `retryable`) for the
 * job runner to decide.
 */
export function createSmsSender({ provider, maxSegments = 2 }: SmsSenderOptions) {
  return {
    async send(input: SmsSendInput): Promise<SmsSent> {
      const phone = normalizeVietnamMobile(input.phone);
      if (!phone) throw errors.invalidPhone(input.phone);
      const text = toSmsText(input.text);
      const segments = countSegments(text);
      if (segments === 0) throw errors.emptyText();
      if (segments > maxSegments) throw errors.tooLong(segments, maxSegments);
      const result = await provider.send({ requestId: input.requestId, phone, text });
      return { phone, text, segments, result };
    },
  };
}
