import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import type { SignInBody } from '../../../../common/schemas/auth';
import { useAuthConfig, useMe, useSessionEnded, useSignIn } from '../../../app/api/auth';
import { ApiError, errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { safeNextPath, totpCodeRules } from '../../../app/validation';
import AuthFrame from '../components/AuthFrame';
import DemoAccountsCard from '../components/DemoAccountsCard';

interface SignInValues {
  login: string;
  password: string;
  totp?: string;
}

/** Set by the session-ended handler in main.tsx when the server said the session expired. */
function sessionExpired(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'sessionExpired' in state && state.sessionExpired === true;
}

/** Part of the first load, so it stays plain: no lazy parts, few components. */
export default function SignInPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  // Sent here mid-work, or the page was loaded with a session that is over: not a first visit.
  const ended = useSessionEnded() || sessionExpired(location.state);
  const config = useAuthConfig();
  const signIn = useSignIn();
  const [form] = Form.useForm<SignInValues>();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Signing in stores the user in the cache; this redirect then takes over.
  if (me.data) return <Navigate to={next} replace />;

  const onFinish = (values: SignInValues) => {
    setError(null);
    const body: SignInBody = { login: values.login.trim(), password: values.password };
    if (needTotp && values.totp) body.totp = values.totp;
    signIn.mutate(body, {
      onError: (cause) => {
        if (cause instanceof ApiError && cause.code === 'auth.totp_required') {
          setNeedTotp(true);
          return;
        }
        setError(errorMessage(cause));
      },
    });
  };

  const demoAccounts = config.data?.demoMode ? config.data.demoAccounts : [];
  const demoCard =
    demoAccounts.length > 0 ? (
      <DemoAccountsCard
        accounts={demoAccounts}
        onPick={(account) => {
          // Without a password (not on the server's machine) the person types the one from the console.
          form.setFieldsValue({ login: account.username, password: account.password ?? '', totp: undefined });
          setNeedTotp(false);
          setError(null);
        }}
      />
    ) : null;

  return (
    <AuthFrame title={t.signIn.title} below={demoCard}>
      {ended && !error ? (
        <Alert type="warning" showIcon title={t.signIn.sessionExpired} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={t.signIn.failed} description={error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        data-enter-submits
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        disabled={signIn.isPending}
      >
        <Form.Item
          name="login"
          label={t.signIn.login}
          rules={[{ required: true, whitespace: true, message: t.signIn.loginRequired }]}
        >
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t.signIn.password}
          rules={[{ required: true, message: t.signIn.passwordRequired }]}
        >
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        {needTotp ? (
          <>
            <Alert type="info" showIcon title={t.signIn.totpHint} style={{ marginBottom: 16 }} />
            <Form.Item name="totp" label={t.signIn.totp} rules={totpCodeRules}>
              <Input
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                autoFocus
                size="large"
                style={{ letterSpacing: 4 }}
              />
            </Form.Item>
          </>
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
          {t.signIn.submit}
        </Button>
      </Form>
    </AuthFrame>
  );
}
