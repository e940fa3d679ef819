import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select } from 'antd';
import { ROLE_LABELS, ROLES } from '../../../../common/roles';
import { t } from '../../../app/i18n';
import OrganizationSelect, { type KnownOrganization } from './OrganizationSelect';

const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** The `roles` list of a user form: one row per (organization, role) grant. */
export default function RoleGrantsField({ known = [] }: { known?: KnownOrganization[] }) {
  return (
    <Form.Item label={t.admin.users.roles} required={false}>
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} align="flex-start" wrap>
                <Form.Item
                  name={[name, 'organizationId']}
                  rules={[{ required: true, message: t.admin.users.organizationRequired }]}
                  style={{ flex: '2 1 200px', minWidth: 0, marginBottom: 0 }}
                >
                  <OrganizationSelect known={known} />
                </Form.Item>
                <Form.Item
                  name={[name, 'role']}
                  rules={[{ required: true, message: t.admin.users.roleRequired }]}
                  style={{ flex: '1 1 140px', minWidth: 0, marginBottom: 0 }}
                >
                  <Select options={roleOptions} placeholder={t.admin.users.role} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined />}
                  aria-label={t.admin.users.removeRole}
                  title={t.admin.users.removeRole}
                  onClick={() => remove(name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              {t.admin.users.addRole}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
