import type { FastifyRequest } from 'fastify';

/** Headers a proxy adds for the client behind it; any of them means the peer is not the person. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'via', 'x-client-ip', 'true-client-ip'];

/** 127.0.0.0/8, ::1 and 127.x written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return true;
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** `localhost`, `127.x.x.x` or `[::1]`, with or without a port. */
function isLoopbackHost(value: string): boolean {
  const host = value.startsWith('[') ? value.slice(1, value.indexOf(']')) : value.replace(/:\d+$/, '');
  return host.toLowerCase() === 'localhost' || isLoopbackAddress(host);
}

/**
 * A browser on the server's own machine, talking to it directly: the TCP peer (never a
 * forwarded address, whatever TRUST_PROXY says) is loopback, no proxy header is present,
 * and the address it asked for names the machine itself — which also keeps out a page
 * elsewhere that rebinds its own name to 127.0.0.1.
 */
export function isSameMachineCaller(request: FastifyRequest): boolean {
  if (!isLoopbackAddress(request.socket.remoteAddress)) return false;
  const headers = request.headers;
  if (FORWARDING_HEADERS.some((name) => headers[name] !== undefined)) return false;
  if (Object.keys(headers).some((name) => name.startsWith('x-forwarded-'))) return false;
  const host = headers.host;
  if (typeof host !== 'string' || !isLoopbackHost(host)) return false;
  const origin = headers.origin;
  if (origin !== undefined) {
    if (typeof origin !== 'string') return false;
    try {
      if (!isLoopbackHost(new URL(origin).host)) return false;
    } catch {
      return false;
    }
  }
  return true;
}
