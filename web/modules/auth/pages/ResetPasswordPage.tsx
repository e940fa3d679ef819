import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useResetPassword } from '../../../app/api/auth';
import { ApiError, errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { confirmPasswordRules, newPasswordRules, showWeakPassword } from '../../../app/validation';
import AuthFrame from '../components/AuthFrame';

interface ResetValues {
  newPassword: string;
  confirmPassword: string;
}

/** Opened from the one-time link an administrator handed over. */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [form] = Form.useForm<ResetValues>();

  if (reset.isSuccess) {
    return (
      <AuthFrame title={t.resetPassword.title}>
        <Result
          status="success"
          title={t.resetPassword.success}
          subTitle={t.resetPassword.successHint}
          extra={
            // The sign-in page is a page of its own, outside the app.
            <a href="/sign-in">{t.resetPassword.goToSignIn}</a>
          }
        />
      </AuthFrame>
    );
  }

  if (token.length < 20) {
    return (
      <AuthFrame title={t.resetPassword.title}>
        <Alert type="error" showIcon title={t.resetPassword.missingToken} style={{ marginBottom: 16 }} />
        <a href="/sign-in">{t.resetPassword.goToSignIn}</a>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t.resetPassword.title}>
      <Typography.Paragraph>{t.resetPassword.intro}</Typography.Paragraph>
      {reset.isError && !(reset.error instanceof ApiError && reset.error.code === 'auth.weak_password') ? (
        <Alert
          type="error"
          showIcon
          title={t.resetPassword.failed}
          description={errorMessage(reset.error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<ResetValues>
        data-enter-submits
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={reset.isPending}
        onFinish={(values) =>
          reset.mutate(
            { token, newPassword: values.newPassword },
            { onError: (error) => showWeakPassword(form, 'newPassword', error) },
          )
        }
      >
        <Form.Item name="newPassword" label={t.password.new} rules={newPasswordRules} extra={t.password.hint}>
          <Input.Password autoComplete="new-password" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t.password.confirm}
          dependencies={['newPassword']}
          rules={confirmPasswordRules('newPassword')}
        >
          <Input.Password autoComplete="new-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
          {t.resetPassword.submit}
        </Button>
      </Form>
    </AuthFrame>
  );
}
