import { App, Form, Input, Modal } from 'antd';
import { USER_LIMITS } from '../../../../common/users';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { newPasswordRules, showWeakPassword } from '../../../app/validation';
import { type CreateUserBody, type RoleAssignment, useCreateUser } from '../api/users.api';
import RoleGrantsField from './RoleGrantsField';

/** The server lowers the case, then allows these characters, within the schema's lengths. */
const USERNAME_PATTERN = new RegExp(`^[a-zA-Z0-9._-]{${USER_LIMITS.usernameMin},${USER_LIMITS.usernameMax}}$`);

interface CreateUserValues {
  username: string;
  email?: string;
  fullName: string;
  position?: string;
  password: string;
  roles?: RoleAssignment[];
}

export default function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateUserValues>();
  const { message } = App.useApp();
  const create = useCreateUser();

  const onFinish = (values: CreateUserValues) => {
    const body: CreateUserBody = {
      username: values.username.trim(),
      fullName: values.fullName.trim(),
      password: values.password,
      roles: values.roles ?? [],
    };
    const email = values.email?.trim();
    if (email) body.email = email;
    const position = values.position?.trim();
    if (position) body.position = position;
    create.mutate(body, {
      onSuccess: () => {
        message.success(t.admin.users.createdDone);
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        if (!showWeakPassword(form, 'password', error)) message.error(errorMessage(error));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t.admin.users.createTitle}
      okText={t.admin.users.create}
      cancelText={t.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending, disabled: create.isPending }}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} initialValues={{ roles: [] }}>
        <Form.Item
          name="fullName"
          label={t.admin.users.fullName}
          rules={[{ required: true, whitespace: true, message: t.admin.users.fullNameRequired }]}
        >
          <Input maxLength={USER_LIMITS.fullName} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t.admin.users.username}
          rules={[
            { required: true, whitespace: true, message: t.admin.users.usernameRequired },
            { pattern: USERNAME_PATTERN, message: t.admin.users.usernameRule },
          ]}
          extra={t.admin.users.usernameRule}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={USER_LIMITS.usernameMax} />
        </Form.Item>
        <Form.Item name="position" label={t.admin.users.position}>
          <Input maxLength={USER_LIMITS.position} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t.admin.users.email}
          rules={[{ type: 'email', message: t.admin.users.emailInvalid }]}
        >
          <Input type="email" autoComplete="off" maxLength={USER_LIMITS.email} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t.admin.users.initialPassword}
          rules={newPasswordRules}
          extra={t.admin.users.initialPasswordHint}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RoleGrantsField />
      </Form>
    </Modal>
  );
}
