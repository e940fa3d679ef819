import { Card, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import PageLoading from '../components/PageLoading';
import { t } from '../i18n';

const ChangePasswordForm = lazy(() => import('../../modules/auth/components/ChangePasswordForm'));

/** For an account that must change a temporary password: the one thing it can do. */
export default function ForcedPasswordChange() {
  return (
    <Card style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.layout.forcedChangeTitle}
      </Typography.Title>
      <Typography.Paragraph>{t.layout.forcedChangeIntro}</Typography.Paragraph>
      <Suspense fallback={<PageLoading />}>
        <ChangePasswordForm />
      </Suspense>
    </Card>
  );
}
