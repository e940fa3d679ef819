import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useMe, useSessionEnded } from '../api/auth';
import { errorMessage } from '../api/client';
import PageLoading from '../components/PageLoading';
import { t } from '../i18n';
import { signInUrl } from '../nextPath';
import { CurrentUserContext } from './currentUser';

/** Sends people who are not signed in to the sign-in page, remembering where they were going. */
export default function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  const ended = useSessionEnded();
  const signedOut = me.isSuccess && !me.data;
  const next = `${location.pathname}${location.search}${location.hash}`;
  useEffect(() => {
    // The sign-in page is a page of its own: reached by a full navigation.
    if (signedOut) window.location.replace(signInUrl(next, ended ? 'expired' : undefined));
  }, [signedOut, next, ended]);
  if (me.isPending || signedOut) return <PageLoading fullScreen />;
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t.pages.sessionCheckFailed}
        subTitle={errorMessage(me.error)}
        extra={
          <Button type="primary" onClick={() => me.refetch()} loading={me.isFetching}>
            {t.common.retry}
          </Button>
        }
      />
    );
  }
  return (
    <CurrentUserContext value={me.data}>
      <Outlet />
    </CurrentUserContext>
  );
}
