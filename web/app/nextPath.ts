/** Only same-site paths may be a post-sign-in destination, never another site. */
export function safeNextPath(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === '/sign-in' || raw.startsWith('/sign-in?')) return '/';
  return raw;
}

/** Why the person is sent to sign in, said on the sign-in page. */
export type SignInReason = 'expired' | 'signed-out';

/**
 * The sign-in page is a page of its own (web/sign-in.html, no framework): the app reaches
 * it by a full navigation, carrying where the person was going and why.
 */
export function signInUrl(next: string, reason?: SignInReason): string {
  const params = new URLSearchParams();
  const target = safeNextPath(next);
  if (target !== '/') params.set('next', target);
  if (reason) params.set('reason', reason);
  const search = params.toString();
  return search ? `/sign-in?${search}` : '/sign-in';
}
