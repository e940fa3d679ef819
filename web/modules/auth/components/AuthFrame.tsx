import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useAuthConfig } from '../../../app/api/auth';
import { t } from '../../../app/i18n';

/** The centred frame of the public pages (sign-in, password reset). */
export default function AuthFrame({
  title,
  children,
  below,
}: {
  title: string;
  children: ReactNode;
  below?: ReactNode;
}) {
  const config = useAuthConfig();
  const { token } = theme.useToken();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '32px 12px' }}>
      <Flex vertical align="center" style={{ marginBottom: 24, textAlign: 'center' }}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <Typography.Title level={2} style={{ margin: '8px 0 0', color: token.colorPrimary }}>
          {t.app.name}
        </Typography.Title>
        <Typography.Text type="secondary">{t.app.tagline}</Typography.Text>
        {config.data?.organizationName ? (
          <Typography.Text strong>{config.data.organizationName}</Typography.Text>
        ) : null}
      </Flex>
      <Card title={title} style={{ width: '100%', maxWidth: 420 }}>
        {children}
      </Card>
      {below ? <div style={{ width: '100%', maxWidth: 420, marginTop: 16 }}>{below}</div> : null}
    </Flex>
  );
}
