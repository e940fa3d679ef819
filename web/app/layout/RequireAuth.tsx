import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe, useSessionEnded } from '../api/auth';
import { errorMessage } from '../api/client';
import PageLoading from '../components/PageLoading';
import { t } from '../i18n';
import { CurrentUserContext } from './currentUser';

/** Sends people who are not signed in to the sign-in page, remembering where they were going. */
export default function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  const ended = useSessionEnded();
  if (me.isPending) return <PageLoading fullScreen />;
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
  if (!me.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const target = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace state={ended ? { sessionExpired: true } : undefined} />;
  }
  return (
    <CurrentUserContext value={me.data}>
      <Outlet />
    </CurrentUserContext>
  );
}
