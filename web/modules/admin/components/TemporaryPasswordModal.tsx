import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import CopyableText from '../../../app/components/CopyableText';
import { t } from '../../../app/i18n';
import { newPasswordRules, showWeakPassword } from '../../../app/validation';
import { type UserAccount, useSetTemporaryPassword } from '../api/users.api';

interface Values {
  mode: 'generate' | 'type';
  password?: string;
}

/**
 * For a person who cannot use a reset link: a temporary password, made by the server or
 * typed, shown here once. The account must change it at its next sign-in.
 */
export default function TemporaryPasswordModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const tt = t.admin.users.temporary;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const set = useSetTemporaryPassword();
  const [result, setResult] = useState<{ username: string; password: string } | null>(null);
  const close = () => {
    setResult(null);
    set.reset();
    onClose();
  };
  const submit = (values: Values) => {
    if (!user) return;
    set.mutate(
      { id: user.id, ...(values.mode === 'type' && values.password ? { password: values.password } : {}) },
      {
        onSuccess: setResult,
        onError: (error) => {
          if (!showWeakPassword(form, 'password', error)) message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? tt.title(user.fullName) : ''}
      onCancel={close}
      destroyOnHidden
      okText={result ? t.common.close : tt.submit}
      okButtonProps={{ loading: set.isPending }}
      cancelButtonProps={result ? { style: { display: 'none' } } : {}}
      onOk={result ? close : () => form.submit()}
    >
      {result ? (
        <>
          <Typography.Paragraph>{tt.done(result.username)}</Typography.Paragraph>
          <CopyableText text={result.password} />
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={tt.onlyOnce} />
        </>
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={{ mode: 'generate' }} onFinish={submit}>
          <Typography.Paragraph type="secondary">{tt.intro}</Typography.Paragraph>
          <Form.Item name="mode" label={tt.mode}>
            <Radio.Group
              options={[
                { value: 'generate', label: tt.generate },
                { value: 'type', label: tt.type },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['mode']}>
            {({ getFieldValue }) =>
              getFieldValue('mode') === 'type' ? (
                <Form.Item name="password" label={tt.password} rules={newPasswordRules} extra={t.password.hint}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
