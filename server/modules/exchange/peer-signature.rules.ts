/**
 * How VanPhong deployments sign what they send each other: HMAC-SHA256 with the secret the two
 * share, over the sender's and receiver's node names, the message's id and kind, the time it was
 * sent, its secrecy and the SHA-256 of its bytes. A message is taken only when the signature is
 * right and its time is within the window, so a forged sender, an altered package or an old
 * message replayed later is refused; the same message again within the window is the same
 * message, which the receiver recognises by its id.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_VERSION = 'v1';
/** How far a message's time may be from the receiver's clock, either way. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

export const HEADERS = {
  node: 'x-vanphong-node',
  to: 'x-vanphong-to',
  message: 'x-vanphong-message',
  kind: 'x-vanphong-kind',
  time: 'x-vanphong-time',
  secrecy: 'x-vanphong-secrecy',
  digest: 'x-vanphong-digest',
  signature: 'x-vanphong-signature',
} as const;

export interface SignedFacts {
  /** The sender's node name. */
  node: string;
  /** The receiver's node name. */
  to: string;
  message: string;
  kind: 'package' | 'status';
  /** ISO instant. */
  time: string;
  /** `normal` or a secrecy level (a package's; a status message's is `normal`). */
  secrecy: string;
  /** SHA-256 of the body, hex. */
  digest: string;
}

const canonical = (f: SignedFacts) =>
  [SIGNATURE_VERSION, f.node, f.to, f.message, f.kind, f.time, f.secrecy, f.digest].join('\n');

export function sign(secret: string, facts: SignedFacts): string {
  return `${SIGNATURE_VERSION}=${createHmac('sha256', secret).update(canonical(facts)).digest('base64url')}`;
}

/** The headers a signed message travels with. */
export function signedHeaders(secret: string, facts: SignedFacts): Record<string, string> {
  return {
    [HEADERS.node]: facts.node,
    [HEADERS.to]: facts.to,
    [HEADERS.message]: facts.message,
    [HEADERS.kind]: facts.kind,
    [HEADERS.time]: facts.time,
    [HEADERS.secrecy]: facts.secrecy,
    [HEADERS.digest]: facts.digest,
    [HEADERS.signature]: sign(secret, facts),
  };
}

export type HeaderBag = Record<string, string | string[] | undefined>;

/** The signed facts read from request headers, or the name of the first one missing or malformed. */
export function readSignedHeaders(headers: HeaderBag): { facts: SignedFacts; signature: string } | { missing: string } {
  const one = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const node = one(HEADERS.node);
  const to = one(HEADERS.to);
  const message = one(HEADERS.message);
  const kind = one(HEADERS.kind);
  const time = one(HEADERS.time);
  const secrecy = one(HEADERS.secrecy) ?? 'normal';
  const digest = one(HEADERS.digest);
  const signature = one(HEADERS.signature);
  if (!node || node.length > 100) return { missing: HEADERS.node };
  if (!to || to.length > 100) return { missing: HEADERS.to };
  if (!message || !/^[A-Za-z0-9._:-]{1,200}$/.test(message)) return { missing: HEADERS.message };
  if (kind !== 'package' && kind !== 'status') return { missing: HEADERS.kind };
  if (!time || Number.isNaN(Date.parse(time))) return { missing: HEADERS.time };
  if (!['normal', 'confidential', 'secret', 'top_secret'].includes(secrecy)) return { missing: HEADERS.secrecy };
  if (!digest || !/^[0-9a-f]{64}$/.test(digest)) return { missing: HEADERS.digest };
  if (!signature || signature.length > 200) return { missing: HEADERS.signature };
  return { facts: { node, to, message, kind, time, secrecy, digest }, signature };
}

/** Whether the signature is the secret's over these facts (compared in constant time). */
export function signatureHolds(secret: string, facts: SignedFacts, signature: string): boolean {
  const expected = Buffer.from(sign(secret, facts));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Whether the message's time is close enough to now. */
export function timely(time: string, nowMs: number): boolean {
  return Math.abs(Date.parse(time) - nowMs) <= SIGNATURE_WINDOW_MS;
}
