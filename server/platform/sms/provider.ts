/**
 * What an SMS Brandname provider (eSMS, SpeedSMS, Viettel...) must do for us. Each
 * provider has its own request shape, so each gets an adapter implementing this.
 */

export interface SmsMessage {
  /** Our id for this message; a provider that supports it uses it to make retries idempotent. */
  requestId: string;
  /** National form without `+`: `84912345678` (see `normalizeVietnamMobile`). */
  phone: string;
  /** GSM-7 text, already converted (see `toSmsText`). */
  text: string;
}

export interface SmsSendResult {
  accepted: boolean;
  /** The provider's id for the message, when accepted. */
  providerId: string | null;
  /** The provider's result code, or ours: `timeout`, `network`, `http_503`, `bad_reply`. */
  code: string;
  /** Whether sending the same message again later may succeed. */
  retryable: boolean;
  /** For operators' logs; never contains credentials. */
  message: string;
}

export interface SmsDeliveryReport {
  requestId?: string;
  providerId?: string;
  status: 'delivered' | 'failed';
  code: string;
}

export interface SmsProvider {
  send(msg: SmsMessage): Promise<SmsSendResult>;
  /** Reads a delivery-report callback body; `null` when it is not a final report we understand. */
  parseReport?(body: unknown): SmsDeliveryReport | null;
}
