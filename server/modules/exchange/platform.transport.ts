/**
 * The client of the document exchange platform (LGSP / VXP, "Trục liên thông văn bản quốc gia").
 *
 * The REST shape follows what public material shows of the VXP service: the operations are named
 * as its SDK names them (`sendEdoc`, `getReceivedEdocList`, `getEdoc`, `updateStatus`, under
 * `/api/v1/edocs/`), and what a call is about travels in the headers it uses (`servicetype: eDoc`,
 * `messagetype: edoc | status`, `docId`, `status: done`); answers are JSON with `status: "OK"` or
 * `"FAIL"`. The SDK signs in with a system id and a secret; here that is an OAuth2 client-credentials
 * token (`POST /oauth/token`), which the provincial LGSP gateways ask for. The edXML body travels
 * as itself (`application/xml`), streamed both ways, never held whole. `Idempotency-Key` (the
 * sender's message id) makes a repeated send answer the first one's id instead of making a second.
 */

export type PlatformMessageKind = 'package' | 'status';

export interface PlatformItem {
  id: string;
  kind: PlatformMessageKind;
  /** The sending agency's national identifier (mã định danh). */
  from: string;
  size: number;
  /** ISO instant, UTC. */
  receivedAt: string;
}

export interface PlatformTransport {
  send(
    body: AsyncIterable<Uint8Array> | Uint8Array,
    meta: { kind: PlatformMessageKind; messageId: string },
  ): Promise<{ platformId: string }>;
  received(): Promise<PlatformItem[]>;
  fetchMessage(id: string): Promise<AsyncIterable<Uint8Array>>;
  acknowledge(id: string): Promise<void>;
}

export interface PlatformTransportOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  /** Longest silence on a call (no byte sent or received) before it is abandoned; 30 s unless told. */
  timeoutMs?: number;
}

export type PlatformErrorCode =
  | 'platform.unreachable'
  | 'platform.timeout'
  | 'platform.unavailable'
  | 'platform.throttled'
  | 'platform.auth_refused'
  | 'platform.token_rejected'
  | 'platform.refused'
  | 'platform.not_found'
  | 'platform.bad_response';

const MESSAGES: Record<PlatformErrorCode, string> = {
  'platform.unreachable': 'Không kết nối được với trục liên thông văn bản.',
  'platform.timeout': 'Trục liên thông văn bản không trả lời kịp.',
  'platform.unavailable': 'Trục liên thông văn bản đang gặp sự cố.',
  'platform.throttled': 'Trục liên thông văn bản đang quá tải, sẽ thử lại sau.',
  'platform.auth_refused': 'Trục liên thông văn bản từ chối mã kết nối (client id hoặc mật khẩu sai).',
  'platform.token_rejected': 'Trục liên thông văn bản không nhận phiên kết nối; sẽ thử lại với phiên mới.',
  'platform.refused': 'Trục liên thông văn bản từ chối yêu cầu.',
  'platform.not_found': 'Trục liên thông văn bản không có thông điệp này.',
  'platform.bad_response': 'Trục liên thông văn bản trả lời không đúng dạng.',
};

/** What went wrong talking to the platform; never carries the client secret or a token. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: PlatformErrorCode,
    readonly retryable: boolean,
    /** The HTTP status, when the platform answered. */
    readonly status?: number,
    /** The platform's own error code, when it gave one (`errorCode` of a FAIL answer). */
    readonly remoteCode?: string,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
  }
}

const CODE_OF_STATUS = (status: number): { code: PlatformErrorCode; retryable: boolean } => {
  if (status === 429) return { code: 'platform.throttled', retryable: true };
  if (status === 408) return { code: 'platform.timeout', retryable: true };
  if (status >= 500) return { code: 'platform.unavailable', retryable: true };
  if (status === 404 || status === 410) return { code: 'platform.not_found', retryable: false };
  return { code: 'platform.refused', retryable: false };
};

/** A token is taken again this long before the platform says it expires. */
const EARLY_MS = 60_000;

interface FailBody {
  errorCode?: unknown;
  errorDesc?: unknown;
}

async function failure(response: Response): Promise<PlatformError> {
  const { code, retryable } = CODE_OF_STATUS(response.status);
  let remote: string | undefined;
  let desc: string | undefined;
  try {
    const body = (await response.json()) as FailBody;
    if (typeof body.errorCode === 'string') remote = body.errorCode.slice(0, 100);
    if (typeof body.errorDesc === 'string') desc = body.errorDesc.slice(0, 500);
  } catch {
    // Not JSON: the status says enough.
  }
  return new PlatformError(code, retryable, response.status, remote, desc);
}

/** An abort signal that fires after `ms` without activity; `touch()` on every byte moved. */
function idleTimer(ms: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
  };
  touch();
  return {
    signal: controller.signal,
    touch,
    done: () => clearTimeout(timer),
    get timedOut() {
      return timedOut;
    },
  };
}

function networkError(error: unknown, timedOut: boolean): PlatformError {
  if (error instanceof PlatformError) return error;
  if (timedOut) return new PlatformError('platform.timeout', true);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const sysCode = (cause as { code?: unknown } | null)?.code;
  return new PlatformError(
    'platform.unreachable',
    true,
    undefined,
    undefined,
    typeof sysCode === 'string' ? sysCode : undefined,
  );
}

async function okJson(response: Response): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new PlatformError('platform.bad_response', true, response.status);
  }
  if (typeof body !== 'object' || body === null || (body as { status?: unknown }).status !== 'OK') {
    throw new PlatformError('platform.bad_response', true, response.status);
  }
  return body as Record<string, unknown>;
}

function toStream(body: AsyncIterable<Uint8Array>, touch: () => void): ReadableStream<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        touch();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // Pull one piece at a time: the sender's memory holds what the socket has not taken, no more.
    { highWaterMark: 0 },
  );
}

export function createPlatformTransport(options: PlatformTransportOptions): PlatformTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let token: { value: string; refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const timer = idleTimer(timeoutMs);
    try {
      const basic = Buffer.from(
        `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
      ).toString('base64');
      const response = await doFetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        signal: timer.signal,
        redirect: 'error',
      });
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        const error = await failure(response);
        throw new PlatformError('platform.auth_refused', false, response.status, error.remoteCode);
      }
      if (!response.ok) throw await failure(response);
      const body = (await response.json().catch(() => null)) as {
        access_token?: unknown;
        expires_in?: unknown;
      } | null;
      if (typeof body?.access_token !== 'string' || body.access_token === '') {
        throw new PlatformError('platform.bad_response', true, response.status);
      }
      const lifeMs = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in * 1000 : 300_000;
      token = { value: body.access_token, refreshAt: Date.now() + lifeMs - Math.min(EARLY_MS, lifeMs / 10) };
      return body.access_token;
    } catch (error) {
      throw networkError(error, timer.timedOut);
    } finally {
      timer.done();
    }
  }

  /** The cached token, or one fetched now; callers at the same moment share one request. */
  function currentToken(): Promise<string> {
    if (token && Date.now() < token.refreshAt) return Promise.resolve(token.value);
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  }

  interface Call {
    method: 'GET' | 'POST';
    path: string;
    headers?: Record<string, string>;
    /** Bytes can be sent again after a refused token; a stream cannot. */
    body?: Uint8Array | AsyncIterable<Uint8Array>;
    /** Keep the idle timer running while the caller reads the body. */
    streamed?: boolean;
  }

  async function call(c: Call): Promise<{ response: Response; timer: ReturnType<typeof idleTimer> }> {
    for (let attempt = 0; ; attempt++) {
      const bearer = await currentToken();
      const timer = idleTimer(timeoutMs);
      let response: Response;
      try {
        const init: RequestInit & { duplex?: 'half' } = {
          method: c.method,
          headers: { ...c.headers, authorization: `Bearer ${bearer}`, accept: 'application/json' },
          signal: timer.signal,
          // Following redirects, fetch keeps every piece of a streamed body to send it again: a
          // 27 MB package held 30 MB more. The platform's API has no reason to redirect.
          redirect: 'error',
        };
        // A Uint8Array over a SharedArrayBuffer is not a BodyInit to TypeScript; fetch reads either.
        if (c.body instanceof Uint8Array) init.body = c.body as Uint8Array<ArrayBuffer>;
        else if (c.body) {
          init.body = toStream(c.body, timer.touch);
          init.duplex = 'half';
        }
        response = await doFetch(`${base}${c.path}`, init);
      } catch (error) {
        timer.done();
        throw networkError(error, timer.timedOut);
      }
      if (response.status === 401) {
        await response.body?.cancel().catch(() => {});
        timer.done();
        if (token?.value === bearer) token = null;
        const replayable = c.body === undefined || c.body instanceof Uint8Array;
        if (attempt === 0 && replayable) continue;
        // A stream already read cannot be sent again: the caller's retry goes with a new token.
        throw new PlatformError('platform.token_rejected', true, 401);
      }
      if (!response.ok) {
        timer.done();
        throw await failure(response);
      }
      if (!c.streamed) timer.done();
      return { response, timer };
    }
  }

  return {
    async send(body, meta) {
      const { response } = await call({
        method: 'POST',
        path: '/api/v1/edocs/sendEdoc',
        headers: {
          'content-type': 'application/xml',
          servicetype: 'eDoc',
          messagetype: meta.kind === 'package' ? 'edoc' : 'status',
          'idempotency-key': meta.messageId,
        },
        body,
      });
      const json = await okJson(response);
      if (typeof json.docId !== 'string') throw new PlatformError('platform.bad_response', true, response.status);
      return { platformId: json.docId };
    },

    async received() {
      const { response } = await call({
        method: 'GET',
        path: '/api/v1/edocs/getReceivedEdocList',
        headers: { servicetype: 'eDoc' },
      });
      const json = await okJson(response);
      if (!Array.isArray(json.data)) throw new PlatformError('platform.bad_response', true, response.status);
      return json.data.map((raw: unknown): PlatformItem => {
        const item = raw as Record<string, unknown>;
        const kind = item.messagetype === 'edoc' ? 'package' : item.messagetype === 'status' ? 'status' : null;
        if (
          typeof item.id !== 'string' ||
          !kind ||
          typeof item.from !== 'string' ||
          typeof item.size !== 'number' ||
          typeof item.receivedAt !== 'string'
        ) {
          throw new PlatformError('platform.bad_response', true, response.status);
        }
        return { id: item.id, kind, from: item.from, size: item.size, receivedAt: item.receivedAt };
      });
    },

    async fetchMessage(id) {
      const { response, timer } = await call({
        method: 'GET',
        path: '/api/v1/edocs/getEdoc',
        headers: { docid: id },
        streamed: true,
      });
      const stream = response.body;
      if (!stream) {
        timer.done();
        throw new PlatformError('platform.bad_response', true, response.status);
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      return (async function* () {
        const reader = stream.getReader();
        let size = 0;
        let finished = false;
        try {
          for (;;) {
            const next = await reader.read();
            timer.touch();
            if (next.done) break;
            size += next.value.length;
            yield next.value;
          }
          finished = true;
        } catch (error) {
          throw networkError(error, timer.timedOut);
        } finally {
          timer.done();
          // A reader that stopped early (or failed) closes the connection rather than leave it half read.
          if (!finished) await reader.cancel().catch(() => {});
          reader.releaseLock();
        }
        if (Number.isFinite(declared) && size !== declared) {
          throw new PlatformError('platform.bad_response', true, response.status, undefined, 'thiếu dữ liệu');
        }
      })();
    },

    async acknowledge(id) {
      const { response } = await call({
        method: 'POST',
        path: '/api/v1/edocs/updateStatus',
        headers: { docid: id, status: 'done' },
      });
      await okJson(response);
    },
  };
}
