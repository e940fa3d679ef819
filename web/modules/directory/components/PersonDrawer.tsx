import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Drawer, Flex, Form, Grid, Input, Row, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { DIRECTORY_LIMITS, PHONE_PATTERN, PHONE_SEPARATORS } from '../../../../common/directory';
import type { PersonView } from '../../../../common/schemas/directory';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { useSavePerson } from '../api/directory.api';
import { td } from '../directory.i18n';
import OrganizationPicker, { type KnownOrganization } from './OrganizationPicker';

interface MembershipValues {
  organizationId?: string;
  position?: string | null;
  isPrimary?: boolean;
}

interface PersonFormValues {
  fullName: string;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
  mailbox?: string | null;
  memberships?: MembershipValues[];
}

/** 84912345678 as people write it. */
export function displayPhone(phone: string | null): string {
  return phone ? `0${phone.replace(/^84/, '')}` : '';
}

const phoneRule = {
  validator: (_: unknown, value: unknown) =>
    !value || PHONE_PATTERN.test(String(value).replace(PHONE_SEPARATORS, ''))
      ? Promise.resolve()
      : Promise.reject(new Error(td.people.phoneRule)),
};
const emailRule = { type: 'email' as const, message: td.people.emailInvalid };
const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Adds a person to the directory, or edits one, with the organizations they belong to. */
export default function PersonDrawer({
  open,
  person,
  defaultOrganization,
  onClose,
}: {
  open: boolean;
  /** null to create. */
  person: PersonView | null;
  defaultOrganization?: KnownOrganization | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<PersonFormValues>();
  const save = useSavePerson();
  const known: KnownOrganization[] = [
    ...(person?.memberships.map((m) => ({ id: m.organizationId, name: m.organizationName })) ?? []),
    ...(defaultOrganization ? [defaultOrganization] : []),
  ];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      person
        ? {
            fullName: person.fullName,
            position: person.position,
            phone: displayPhone(person.phone),
            email: person.email,
            mailbox: person.mailbox,
            memberships: person.memberships.map((m) => ({
              organizationId: m.organizationId,
              position: m.position,
              isPrimary: m.isPrimary,
            })),
          }
        : { memberships: defaultOrganization ? [{ organizationId: defaultOrganization.id, isPrimary: true }] : [] },
    );
  }, [open, person, defaultOrganization, form]);

  const submit = (values: PersonFormValues) => {
    const body = {
      fullName: values.fullName.trim(),
      position: blankToNull(values.position),
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      mailbox: blankToNull(values.mailbox),
      memberships: (values.memberships ?? [])
        .filter((m): m is MembershipValues & { organizationId: string } => !!m.organizationId)
        .map((m) => ({
          organizationId: m.organizationId,
          position: blankToNull(m.position),
          isPrimary: !!m.isPrimary,
        })),
    };
    save.mutate(person ? { id: person.id, body: { ...body, version: person.version } } : { id: null, body }, {
      onSuccess: () => {
        message.success(person ? td.people.saved : td.people.created);
        onClose();
      },
      onError: (error) => message.error(errorMessage(error)),
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={person ? td.people.editTitle(person.fullName) : td.people.createTitle}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t.common.save}
          </Button>
        </Flex>
      }
    >
      <Form<PersonFormValues> form={form} layout="vertical" requiredMark="optional" onFinish={submit}>
        <Form.Item
          name="fullName"
          label={td.people.fullName}
          rules={[{ required: true, whitespace: true, message: td.people.fullNameRequired }]}
        >
          <Input maxLength={DIRECTORY_LIMITS.fullName} autoComplete="off" />
        </Form.Item>
        <Form.Item name="position" label={td.people.position}>
          <Input maxLength={DIRECTORY_LIMITS.position} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="phone" label={td.people.phone} rules={[phoneRule]}>
              <Input inputMode="tel" maxLength={DIRECTORY_LIMITS.phoneTyped} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="email" label={td.people.email} rules={[emailRule]}>
              <Input type="email" maxLength={DIRECTORY_LIMITS.email} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mailbox" label={td.people.mailbox} rules={[emailRule]}>
          <Input type="email" maxLength={DIRECTORY_LIMITS.email} />
        </Form.Item>
        <Typography.Title level={5}>{td.people.memberships}</Typography.Title>
        <Form.List name="memberships">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <div key={field.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
                  <Form.Item
                    name={[field.name, 'organizationId']}
                    rules={[{ required: true, message: td.people.organizationRequired }]}
                    style={{ marginBottom: 8 }}
                  >
                    <OrganizationPicker known={known} placeholder={td.people.organizationRequired} />
                  </Form.Item>
                  <Flex wrap gap={8} align="center">
                    <Form.Item name={[field.name, 'position']} style={{ flex: '1 1 180px', marginBottom: 0 }}>
                      <Input placeholder={td.people.membershipPosition} maxLength={DIRECTORY_LIMITS.position} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'isPrimary']}
                      valuePropName="checked"
                      style={{ marginBottom: 0 }}
                      label={td.people.primary}
                    >
                      <Switch
                        size="small"
                        onChange={(checked) => {
                          // One primary organization: turning one on turns the others off.
                          if (!checked) return;
                          const rows = form.getFieldValue('memberships') as MembershipValues[];
                          form.setFieldValue(
                            'memberships',
                            rows.map((row, i) => ({ ...row, isPrimary: i === field.name })),
                          );
                        }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={td.people.removeMembership}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ isPrimary: fields.length === 0 })}>
                {td.people.addMembership}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
