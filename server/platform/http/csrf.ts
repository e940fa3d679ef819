import type { FastifyRequest } from 'fastify';
import { DomainError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests a browser sends from another origin. Modern
 * browsers send Origin on every POST/PUT/PATCH/DELETE and Sec-Fetch-Site on
 * every request; programs that send neither (the CLI, curl) are not browsers
 * and carry no ambient cookie risk, so they pass. The session cookie is also
 * SameSite=Lax.
 */
export function checkSameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): DomainError | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return csrfError();
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  const own = `${request.protocol}://${request.host}`;
  if (origin === own || allowedOrigins.includes(origin)) return null;
  return csrfError();
}

function csrfError(): DomainError {
  return new DomainError(
    'forbidden',
    'auth.csrf_origin',
    'Yêu cầu đến từ một trang khác nên bị từ chối để bảo vệ tài khoản của bạn.',
  );
}
