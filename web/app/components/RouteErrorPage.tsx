import { Button, Result } from 'antd';
import { useRouteError } from 'react-router-dom';
import { t } from '../i18n';

/** Shown when a page cannot render, most often because its code could not be downloaded. */
export default function RouteErrorPage() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Result
      status="error"
      title={t.pages.routeError.title}
      subTitle={t.pages.routeError.subtitle}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t.common.reload}
        </Button>
      }
    />
  );
}
