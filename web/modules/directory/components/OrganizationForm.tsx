import { App, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useId } from 'react';
import {
  ABBREVIATION_PATTERN,
  DIRECTORY_LIMITS,
  NATIONAL_ID_MESSAGE,
  normalizeNationalId,
  ORGANIZATION_CODE_PATTERN,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
} from '../../../../common/directory';
import {
  ORGANIZATION_REACH_LABELS,
  ORGANIZATION_REACHES,
  type OrganizationReach,
  OUTSIDE_NEEDS_NATIONAL_ID_MESSAGE,
} from '../../../../common/exchange';
import { ApiError, errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import type { OrganizationDetails } from '../api/directory.api';
import { td } from '../directory.i18n';
import OrganizationPicker from './OrganizationPicker';
import { ORGANIZATION_ERROR_FIELDS, type OrganizationFormValues } from './organizationValues';
import PeerSelect from './PeerSelect';

export { nationalIdOf, type OrganizationFormValues, organizationBody } from './organizationValues';

const REACH_OPTIONS = ORGANIZATION_REACHES.map((value) => ({ value, label: ORGANIZATION_REACH_LABELS[value] }));

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
  // The server's own rules, so the form refuses exactly what the server would.
  nationalId: (outside: boolean) => [
    {
      validator: (_: unknown, value: string | null | undefined) => {
        const normalized = normalizeNationalId(value);
        if (normalized === undefined) return Promise.reject(new Error(NATIONAL_ID_MESSAGE));
        if (outside && normalized === null) return Promise.reject(new Error(OUTSIDE_NEEDS_NATIONAL_ID_MESSAGE));
        return Promise.resolve();
      },
    },
  ],
  peerId: [{ required: true, message: td.organizations.peerRequired }],
};

/**
 * Creates an organization (under a fixed parent, or at the top level where it may also be outside
 * the deployment), or edits one (its parent and reach included, which moves it). Give it a `key`
 * that changes with the organization's version to start again from saved values.
 *
 * `onSubmit` may return the request's promise: a refusal is then shown under the field it is
 * about, or as a message.
 */
export default function OrganizationForm({
  organization,
  saving,
  onSubmit,
  onCancel,
  reachable = organization !== null,
  initialReach = 'inside',
}: {
  /** null to create. */
  organization: OrganizationDetails | null;
  saving: boolean;
  onSubmit: (values: OrganizationFormValues) => Promise<unknown> | undefined;
  onCancel?: () => void;
  /** Offers "how documents reach it": not for one created under another, which is inside. */
  reachable?: boolean;
  /** The reach a new organization starts with. */
  initialReach?: OrganizationReach;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganizationFormValues>();
  // The page's own edit form and the "add below" dialog are open together: each form's
  // field ids carry their own prefix, so no id (and no label's `for`) is there twice.
  const formName = `vp-org-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const parent = organization?.ancestors.at(-1);
  const startReach = organization ? (organization.reach ?? 'inside') : initialReach;
  const reach: OrganizationReach = Form.useWatch('reach', form) ?? (reachable ? startReach : 'inside');
  const outside = reach !== 'inside';

  const submit = async (values: OrganizationFormValues) => {
    try {
      await onSubmit(values);
    } catch (error) {
      const field = error instanceof ApiError ? ORGANIZATION_ERROR_FIELDS[error.code] : undefined;
      const shown = field === 'reach' || field === 'peerId' ? reachable : field !== undefined;
      if (field && shown && (field !== 'parentId' || organization)) {
        form.setFields([{ name: field, errors: [errorMessage(error)] }]);
      } else if (error instanceof ApiError && error.code === 'common.stale_version') {
        message.warning(td.organizations.stale);
      } else {
        message.error(errorMessage(error));
      }
    }
  };

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
              ...(reachable ? { reach: startReach, peerId: organization.peerId ?? null } : {}),
            }
          : { type: 'party_cell', sortOrder: 0, ...(reachable ? { reach: initialReach, peerId: null } : {}) }
      }
      onValuesChange={(changed: Partial<OrganizationFormValues>) => {
        // Outside the deployment an organization has no parent, and only a peer reach names a peer.
        if (changed.reach !== undefined && changed.reach !== 'inside') form.setFieldValue('parentId', null);
        if (changed.reach !== undefined && changed.reach !== 'peer') form.setFieldValue('peerId', null);
        if (changed.reach !== undefined) void form.validateFields(['nationalId']).catch(() => {});
      }}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item name="name" label={td.organizations.name} rules={rules.name}>
        <Input maxLength={DIRECTORY_LIMITS.organizationName} />
      </Form.Item>
      {reachable ? (
        <Row gutter={12}>
          <Col xs={24} sm={outside ? 12 : 24}>
            <Form.Item name="reach" label={td.organizations.reach} tooltip={td.organizations.reachHint}>
              <Select options={REACH_OPTIONS} />
            </Form.Item>
          </Col>
          {reach === 'peer' ? (
            <Col xs={24} sm={12}>
              <Form.Item name="peerId" label={td.organizations.peer} rules={rules.peerId}>
                <PeerSelect
                  current={organization?.peerId ? { id: organization.peerId, name: organization.peerName ?? '' } : null}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      ) : null}
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
            rules={rules.nationalId(outside)}
            required={outside}
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
      {organization && !outside ? (
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
