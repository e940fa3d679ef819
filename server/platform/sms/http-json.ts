import type { SmsDeliveryReport, SmsMessage, SmsProvider, SmsSendResult } from './provider';

/**
 * Result codes of an eSMS-like provider, as we assume them (check them against the
 * contract of the provider actually signed with, and pass `permanentCodes` to adjust):
 *
 * - `100` accepted, with `SMSID`.
 * - Permanent, not retried (the same request can only fail again until someone fixes
 *   the account, the template or the number): below.
 * - Everything else (`99` unknown error, `103` balance too low, codes we have never
 *   seen) is retried: a low balance is topped up, an unknown code may be transient,
 *   and the provider drops a repeated `RequestId`, so a retry never sends twice.
 */
export const DEFAULT_PERMANENT_CODES: Readonly<Record<string, string>> = {
  '101': 'ApiKey/SecretKey không đúng',
  '102': 'tài khoản nhà cung cấp bị khoá',
  '104': 'brandname chưa được đăng ký',
  '118': 'loại tin nhắn (SmsType) không hợp lệ',
  '119': 'tin quảng cáo phải gửi tối thiểu 20 số',
  '131': 'nội dung dài hơn mẫu đã đăng ký',
  '146': 'nội dung không khớp mẫu (template) đã đăng ký',
  '177': 'số điện thoại không hợp lệ',
};

export interface HttpJsonProviderOptions {
  url: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
  /** eSMS: `2` = customer-care brandname message. */
  smsType?: string;
  /** Where the provider posts delivery reports; omitted from the request when not set. */
  callbackUrl?: string;
  /** Whole request, reply included. */
  timeoutMs?: number;
  permanentCodes?: Readonly<Record<string, string>>;
  /** pino-compatible; only requestId, code and HTTP status are logged, never credentials or text. */
  logger?: { warn(obj: object, msg: string): void };
}

const ACCEPTED = '100';
const MAX_MESSAGE = 200;

/** A provider shaped like eSMS: JSON POST, reply `{ CodeResult, SMSID, ErrorMessage }`. */
export function createHttpJsonProvider(options: HttpJsonProviderOptions): SmsProvider {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const permanent = options.permanentCodes ?? DEFAULT_PERMANENT_CODES;
  const secrets = [options.apiKey, options.secretKey].filter((s) => s.length > 0);

  /** Provider text goes to logs and screens; make sure it cannot carry our credentials. */
  const scrub = (text: string) =>
    secrets.reduce((acc, secret) => acc.split(secret).join('***'), text).slice(0, MAX_MESSAGE);

  function fail(msg: SmsMessage, code: string, retryable: boolean, message: string, status?: number): SmsSendResult {
    options.logger?.warn({ requestId: msg.requestId, code, status, retryable }, 'SMS provider did not accept message');
    return { accepted: false, providerId: null, code, retryable, message: scrub(message) };
  }

  async function send(msg: SmsMessage): Promise<SmsSendResult> {
    const body: Record<string, string> = {
      ApiKey: options.apiKey,
      SecretKey: options.secretKey,
      Phone: msg.phone,
      Content: msg.text,
      Brandname: options.brandname,
      SmsType: options.smsType ?? '2',
      IsUnicode: '0',
      RequestId: msg.requestId,
    };
    if (options.callbackUrl) body.CallbackUrl = options.callbackUrl;

    let response: Response;
    let raw: string;
    try {
      response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      raw = await response.text();
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        return fail(msg, 'timeout', true, `Nhà cung cấp SMS không trả lời trong ${timeoutMs} ms.`);
      }
      // undici puts the reason (ECONNREFUSED, ENOTFOUND...) in `cause`; the URL holds no secret.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      return fail(msg, 'network', true, `Không kết nối được nhà cung cấp SMS: ${cause}`);
    }

    const status = response.status;
    if (status >= 500 || status === 408 || status === 429) {
      return fail(msg, `http_${status}`, true, `Nhà cung cấp SMS báo lỗi HTTP ${status}.`, status);
    }
    const reply = parseJsonObject(raw);
    const code = reply ? field(reply, 'CodeResult') : undefined;
    if (code === undefined) {
      // A 4xx without a result code means our request itself is wrong: sending it again will not help.
      if (status >= 400)
        return fail(msg, `http_${status}`, false, `Nhà cung cấp SMS từ chối yêu cầu (HTTP ${status}).`, status);
      return fail(msg, 'bad_reply', true, 'Nhà cung cấp SMS trả lời không đúng định dạng.', status);
    }
    const providerMessage = (reply && field(reply, 'ErrorMessage')) ?? '';
    if (code === ACCEPTED) {
      const smsId = reply ? field(reply, 'SMSID') : undefined;
      return {
        accepted: true,
        providerId: smsId ?? null,
        code,
        retryable: false,
        message: 'Nhà cung cấp đã nhận tin.',
      };
    }
    const reason = permanent[code];
    if (reason !== undefined) {
      return fail(msg, code, false, `Mã ${code}: ${reason}. ${providerMessage}`.trim(), status);
    }
    return fail(msg, code, true, `Mã ${code} chưa biết; sẽ thử lại. ${providerMessage}`.trim(), status);
  }

  return { send, parseReport: parseEsmsReport };
}

/** eSMS `SendStatus`: 1–3 are still on their way, 5 delivered, anything else a final failure. */
const PENDING_STATUSES = new Set(['1', '2', '3']);
const DELIVERED_STATUS = '5';

/**
 * Reads an eSMS-like delivery-report callback (JSON object, JSON text or a query
 * string) with `SMSID`, `RequestId` and `SendStatus`. Returns `null` for anything that
 * is not a final report naming a message. Pure: the same report twice gives the same
 * answer twice, and dropping the repeat is the caller's job.
 */
export function parseEsmsReport(body: unknown): SmsDeliveryReport | null {
  const record = toRecord(body);
  if (!record) return null;
  const status = field(record, 'SendStatus');
  const providerId = field(record, 'SMSID');
  const requestId = field(record, 'RequestId');
  if (status === undefined || (providerId === undefined && requestId === undefined)) return null;
  if (PENDING_STATUSES.has(status)) return null;
  const report: SmsDeliveryReport = { status: status === DELIVERED_STATUS ? 'delivered' : 'failed', code: status };
  if (providerId !== undefined) report.providerId = providerId;
  if (requestId !== undefined) report.requestId = requestId;
  return report;
}

function toRecord(body: unknown): Record<string, unknown> | null {
  if (typeof body === 'string') {
    const json = parseJsonObject(body);
    if (json) return json;
    if (!body.includes('=')) return null;
    return Object.fromEntries(new URLSearchParams(body));
  }
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  return null;
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A field as a non-empty string, its name matched without regard to case (providers vary: SMSID, SmsId). */
function field(record: Record<string, unknown>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() !== wanted) continue;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}
