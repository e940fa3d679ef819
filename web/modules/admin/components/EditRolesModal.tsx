import { App, Form, Modal } from 'antd';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { type RoleAssignment, type UserAccount, useSetUserRoles } from '../api/users.api';
import RoleGrantsField from './RoleGrantsField';

/** Replaces the whole set of a user's grants; the server records the change in the audit log. */
export default function EditRolesModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const [form] = Form.useForm<{ roles?: RoleAssignment[] }>();
  const { message } = App.useApp();
  const setRoles = useSetUserRoles();
  const known = (user?.roles ?? []).map((grant) => ({ id: grant.organizationId, name: grant.organizationName }));

  return (
    <Modal
      open={user !== null}
      title={user ? t.admin.users.editRolesTitle(user.fullName) : ''}
      okText={t.common.save}
      cancelText={t.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: setRoles.isPending, disabled: setRoles.isPending }}
      destroyOnHidden
      width={640}
    >
      {user ? (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ roles: user.roles.map(({ organizationId, role }) => ({ organizationId, role })) }}
          onFinish={(values) =>
            setRoles.mutate(
              { id: user.id, roles: values.roles ?? [] },
              {
                onSuccess: () => {
                  message.success(t.admin.users.rolesSaved);
                  onClose();
                },
                onError: (error) => message.error(errorMessage(error)),
              },
            )
          }
        >
          <RoleGrantsField known={known} />
        </Form>
      ) : null}
    </Modal>
  );
}
