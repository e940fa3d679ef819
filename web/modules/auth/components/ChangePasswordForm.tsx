import { App, Button, Form, Input } from 'antd';
import { useChangePassword } from '../../../app/api/auth';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { confirmPasswordRules, newPasswordRules, showWeakPassword } from '../../../app/validation';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordForm() {
  const [form] = Form.useForm<ChangePasswordValues>();
  const { message } = App.useApp();
  const change = useChangePassword();

  const onFinish = ({ currentPassword, newPassword }: ChangePasswordValues) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t.account.passwordChanged);
          form.resetFields();
        },
        onError: (error) => {
          if (!showWeakPassword(form, 'newPassword', error)) message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} style={{ maxWidth: 420 }}>
      <Form.Item
        name="currentPassword"
        label={t.password.current}
        rules={[{ required: true, message: t.password.currentRequired }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t.password.new} rules={newPasswordRules} extra={t.password.hint}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t.password.confirm}
        dependencies={['newPassword']}
        rules={confirmPasswordRules('newPassword')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} disabled={change.isPending}>
        {t.account.changePasswordSubmit}
      </Button>
    </Form>
  );
}
