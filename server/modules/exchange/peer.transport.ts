/**
 * Sending a signed message to another VanPhong deployment over HTTPS: the body streamed from the
 * spooled file, the signature over its digest in the headers, the answer classed as done, worth
 * trying again (network, timeout, 5xx, 429) or refused for good (another 4xx).
 */
import fs from 'node:fs';
import { type SignedFacts, signedHeaders } from './peer-signature.rules';

export class PeerSendError extends Error {
  override readonly name = 'PeerSendError';
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PeerTarget {
  url: string;
  secret: string;
}

export interface PeerAnswer {
  /** The peer had this message already (a retry after its answer was lost). */
  duplicate: boolean;
}

/** Posts the file at `file` as the message `facts` describes; resolves once the peer stored it. */
export async function sendToPeer(
  peer: PeerTarget,
  facts: SignedFacts,
  file: string,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<PeerAnswer> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(peer.url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', ...signedHeaders(peer.secret, facts) },
      body: fs.createReadStream(file) as unknown as BodyInit,
      // Without it, a redirect would keep the whole body in memory to send it again.
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new PeerSendError(
      timedOut ? 'exchange.peer_timeout' : 'exchange.peer_unreachable',
      true,
      timedOut ? 'Máy chủ nhận không trả lời kịp.' : 'Không kết nối được với máy chủ nhận.',
    );
  }
  const text = await response.text().catch(() => '');
  if (response.ok) {
    try {
      const body = JSON.parse(text) as { duplicate?: boolean };
      return { duplicate: body.duplicate === true };
    } catch {
      throw new PeerSendError(
        'exchange.peer_bad_answer',
        true,
        'Máy chủ nhận trả lời không đúng dạng.',
        response.status,
      );
    }
  }
  let detail = '';
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    detail = [body.error?.code, body.error?.message].filter(Boolean).join(': ');
  } catch {
    detail = text.slice(0, 200);
  }
  const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
  throw new PeerSendError(
    retryable ? 'exchange.peer_unavailable' : 'exchange.peer_refused',
    retryable,
    `Máy chủ nhận trả lời ${response.status}${detail ? ` (${detail})` : ''}.`.slice(0, 900),
    response.status,
  );
}
