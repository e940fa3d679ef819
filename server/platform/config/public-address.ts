import { isIP } from 'node:net';

/**
 * How the product is reached, for what a browser allows over it: a service worker (installing
 * the app, meeting papers kept offline) runs only over https, or over http on the machine itself.
 * - `https`: everything works.
 * - `local`: http to localhost or a loopback address; works on that machine only, so phones on
 *   the network cannot install the app.
 * - `insecure`: http to any other address; no phone or computer can install the app.
 */
export type PublicAddressStatus = 'https' | 'local' | 'insecure';

export function publicAddressStatus(url: string): PublicAddressStatus {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'https:') return 'https';
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    (isIP(host) === 4 && host.startsWith('127.'));
  return loopback ? 'local' : 'insecure';
}

/** The start-up warning for an address over plain http, in the operator's language; null when none is due. */
export function publicAddressWarning(publicUrl: string | null): string | null {
  if (!publicUrl) return null;
  const status = publicAddressStatus(publicUrl);
  if (status === 'https') return null;
  if (status === 'local') {
    return `PUBLIC_URL (${publicUrl}) là địa chỉ trên chính máy chủ: chỉ máy này cài được ứng dụng; điện thoại trong mạng không cài được ứng dụng và không giữ được tài liệu họp để xem khi mất mạng. Hãy dùng địa chỉ https.`;
  }
  return `PUBLIC_URL (${publicUrl}) không dùng https: trình duyệt sẽ không cho cài ứng dụng lên điện thoại và không giữ được tài liệu họp để xem khi mất mạng. Hãy phục vụ VanPhong qua https (ví dụ đặt sau một reverse proxy có chứng chỉ) rồi đặt PUBLIC_URL=https://...`;
}
