import { Result } from 'antd';
import { useEffect } from 'react';
import { t } from '../i18n';

const RELOADED_KEY = 'vp.toSignIn';

/**
 * The app reached /sign-in by a link of its own: the sign-in page is a separate page
 * (web/sign-in.html), so load it. Should the server answer this app again (an old
 * build without that page), say so once instead of reloading forever.
 */
export default function ToSignInPage() {
  const reloadedAlready = sessionStorage.getItem(RELOADED_KEY) === window.location.href;
  useEffect(() => {
    if (reloadedAlready) {
      sessionStorage.removeItem(RELOADED_KEY);
      return;
    }
    sessionStorage.setItem(RELOADED_KEY, window.location.href);
    window.location.reload();
  }, [reloadedAlready]);
  return reloadedAlready ? (
    <Result status="warning" title={t.signIn.title} subTitle={t.errors.unexpected(404)} />
  ) : null;
}
