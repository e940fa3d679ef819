import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useId } from 'react';
import {
  ABBREVIATION_PATTERN,
  DIRECTORY_LIMITS,
  NATIONAL_ID_MESSAGE,
  normalizeNationalId,
  ORGANIZATION_CODE_PATTERN,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  type OrganizationType,
} from '../../../../common/directory';
import type { OrganizationView } from '../../../../common/schemas/directory';
import { t } from '../../../app/i18n';
import { td } from '../directory.i18n';
import OrganizationPicker from './OrganizationPicker';

export interface OrganizationFormValues {
  name: string;
  code: string;
  abbreviation: string;
  type: OrganizationType;
  mailbox?: string | null;
  nationalId?: string | null;
  sortOrder?: number | null;
  parentId?: string | null;
}

const TYPE_OPTIONS = ORGANIZATION_TYPES.map((value) => ({ value, label: ORGANIZATION_TYPE_LABELS[value] }));

/** The same limits as organizationWriteSchema, checked before the request. */
const rules = {
  name: [
    { required: true, whitespace: true, message: td.organizations.nameRequired },
    { max: DIRECTORY_LIMITS.organizationName, message: td.organizations.nameTooLong },
  ],
  code: [
    { required: true, whitespace: true, message: td.organizations.codeRequired },
    { max: DIRECTORY_LIMITS.code, pattern: ORGANIZATION_CODE_PATTERN, message: td.organizations.codeRule },
  ],
  abbreviation: [
    { required: true, whitespace: true, message: td.organizations.abbreviationRequired },
    { max: DIRECTORY_LIMITS.abbreviation, pattern: ABBREVIATION_PATTERN, message: td.organizations.abbreviationRule },
  ],
  type: [{ required: true, message: td.organizations.typeRequired }],
  mailbox: [{ type: 'email' as const, message: td.people.emailInvalid }],
  // The server's own rule, so the form refuses exactly what the server would.
  nationalId: [
    {
      validator: (_: unknown, value: string | null | undefined) =>
        normalizeNationalId(value) === undefined ? Promise.reject(new Error(NATIONAL_ID_MESSAGE)) : Promise.resolve(),
    },
  ],
};

/** The identifier as the server stores it: trimmed, upper case, null for none. */
export const nationalIdOf = (value: string | null | undefined): string | null => normalizeNationalId(value) ?? null;

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
              nationalId: organization.nationalId,
              sortOrder: organization.sortOrder,
              parentId: organization.parentId,
            }
          : { type: 'party_cell', sortOrder: 0 }
      }
      onFinish={onSubmit}
    >
      <Form.Item name="name" label={td.organizations.name} rules={rules.name}>
        <Input maxLength={DIRECTORY_LIMITS.organizationName} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="code" label={td.organizations.code} rules={rules.code}>
            <Input maxLength={DIRECTORY_LIMITS.code} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="abbreviation"
            label={td.organizations.abbreviation}
            tooltip={td.organizations.abbreviationHint}
            rules={rules.abbreviation}
          >
            <Input maxLength={DIRECTORY_LIMITS.abbreviation} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="type" label={td.organizations.type} rules={rules.type}>
            <Select options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="nationalId"
            label={td.organizations.nationalId}
            tooltip={td.organizations.nationalIdHint}
            rules={rules.nationalId}
            // ASCII letters only: toUpperCase would turn ß into SS and let a look-alike pass.
            normalize={(value: string) => value.replace(/[a-z]/g, (c) => c.toUpperCase())}
          >
            <Input
              maxLength={DIRECTORY_LIMITS.nationalId}
              placeholder={td.organizations.nationalIdPlaceholder}
              autoComplete="off"
              spellCheck={false}
            />
          </Form.Item>
        </Col>
      </Row>
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
            <Input type="email" maxLength={DIRECTORY_LIMITS.email} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="sortOrder" label={td.organizations.sortOrder}>
            <InputNumber min={0} max={DIRECTORY_LIMITS.sortOrder} precision={0} style={{ width: '100%' }} />
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
