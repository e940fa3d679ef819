import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useId } from 'react';
import {
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  type OrganizationType,
  type OrganizationView,
} from '../../../../common/schemas/directory';
import { t } from '../../../app/i18n';
import { td } from '../directory.i18n';
import OrganizationPicker from './OrganizationPicker';

export interface OrganizationFormValues {
  name: string;
  code: string;
  abbreviation: string;
  type: OrganizationType;
  mailbox?: string | null;
  sortOrder?: number | null;
  parentId?: string | null;
}

const TYPE_OPTIONS = ORGANIZATION_TYPES.map((value) => ({ value, label: ORGANIZATION_TYPE_LABELS[value] }));

/** The same limits as organizationWriteSchema, checked before the request. */
const rules = {
  name: [
    { required: true, whitespace: true, message: td.organizations.nameRequired },
    { max: 300, message: td.organizations.nameTooLong },
  ],
  code: [
    { required: true, whitespace: true, message: td.organizations.codeRequired },
    { max: 40, pattern: /^[\p{L}\p{N}._-]+$/u, message: td.organizations.codeRule },
  ],
  abbreviation: [
    { required: true, whitespace: true, message: td.organizations.abbreviationRequired },
    { max: 20, pattern: /^[\p{L}\p{N}]+$/u, message: td.organizations.abbreviationRule },
  ],
  type: [{ required: true, message: td.organizations.typeRequired }],
  mailbox: [{ type: 'email' as const, message: td.people.emailInvalid }],
};

/**
 * Creates an organization under a fixed parent, or edits one (its parent included, which moves it).
 * Give it a `key` that changes with the organization's version to start again from saved values.
 */
export default function OrganizationForm({
  organization,
  saving,
  onSubmit,
  onCancel,
}: {
  /** null to create. */
  organization: OrganizationView | null;
  saving: boolean;
  onSubmit: (values: OrganizationFormValues) => void;
  onCancel?: () => void;
}) {
  const [form] = Form.useForm<OrganizationFormValues>();
  // The page's own edit form and the "add below" dialog are open together: each form's
  // field ids carry their own prefix, so no id (and no label's `for`) is there twice.
  const formName = `vp-org-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const parent = organization?.ancestors.at(-1);

  return (
    <Form<OrganizationFormValues>
      form={form}
      name={formName}
      layout="vertical"
      requiredMark="optional"
      initialValues={
        organization
          ? {
              name: organization.name,
              code: organization.code,
              abbreviation: organization.abbreviation,
              type: organization.type,
              mailbox: organization.mailbox,
              sortOrder: organization.sortOrder,
              parentId: organization.parentId,
            }
          : { type: 'party_cell', sortOrder: 0 }
      }
      onFinish={onSubmit}
    >
      <Form.Item name="name" label={td.organizations.name} rules={rules.name}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="code" label={td.organizations.code} rules={rules.code}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="abbreviation"
            label={td.organizations.abbreviation}
            tooltip={td.organizations.abbreviationHint}
            rules={rules.abbreviation}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="type" label={td.organizations.type} rules={rules.type}>
        <Select options={TYPE_OPTIONS} />
      </Form.Item>
      {organization ? (
        <Form.Item name="parentId" label={td.organizations.parent}>
          <OrganizationPicker
            allowClear
            placeholder={td.organizations.parentNone}
            exclude={organization.id}
            known={parent ? [parent] : []}
          />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name="mailbox" label={td.organizations.mailbox} rules={rules.mailbox}>
            <Input type="email" maxLength={254} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="sortOrder" label={td.organizations.sortOrder}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t.common.save}
        </Button>
        {onCancel ? (
          <Button style={{ marginLeft: 8 }} onClick={onCancel}>
            {t.common.cancel}
          </Button>
        ) : null}
      </Form.Item>
    </Form>
  );
}
