import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  type CaseKind,
  DENUNCIATION_SOURCE_LABELS,
  DENUNCIATION_SOURCES,
  INSPECTION_LIMITS,
  RECEIVED_KINDS,
  SUBJECT_TYPE_LABELS,
  SUBJECT_TYPES,
  type SubjectType,
} from '../../../../common/inspection';
import type { CaseCreate } from '../../../../common/schemas/inspection';
import { errorMessage } from '../../../app/api/client';
import { useCreateCase, useInspectionOptions } from '../api/inspection.api';
import { ti } from '../inspection.i18n';
import { caseLink } from './CaseTags';
import DayField, { todayDay } from './DayField';
import DirectorySelect from './DirectorySelect';

interface SubjectFields {
  type: SubjectType;
  personId?: string;
  organizationId?: string;
  name?: string;
}
interface Fields {
  organizationId: string;
  kind: CaseKind;
  title: string;
  summary?: string;
  unitOrganizationId?: string;
  subjects: SubjectFields[];
  openedOn: string;
  documentNumber?: string;
  source?: string;
  denouncerName?: string;
  denouncerAddress?: string;
  denouncerPhone?: string;
}

const f = ti.form;
const required = [{ required: true, message: f.required }];

/** Opening a case: its kind, subjects from the directory (or named), and the plan or the letter received. */
export default function CreateCaseModal({
  onClose,
  preset,
}: {
  onClose: () => void;
  preset?: { kind?: CaseKind; title?: string; programmeItemId?: string };
}) {
  const [form] = Form.useForm<Fields>();
  const options = useInspectionOptions();
  const create = useCreateCase();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? preset?.kind;
  const received = !!kind && RECEIVED_KINDS.includes(kind);

  async function submit(v: Fields) {
    setError(null);
    const body: CaseCreate = {
      organizationId: v.organizationId,
      kind: v.kind,
      title: v.title,
      summary: v.summary ?? null,
      ...(v.unitOrganizationId ? { unitOrganizationId: v.unitOrganizationId } : {}),
      subjects: v.subjects.map((s) => ({
        type: s.type,
        ...(s.type === 'organization'
          ? s.organizationId
            ? { organizationId: s.organizationId }
            : {}
          : s.personId
            ? { personId: s.personId }
            : {}),
        ...(s.name ? { name: s.name } : {}),
      })),
      openedOn: v.openedOn,
      documentNumber: v.documentNumber ?? null,
      ...(preset?.programmeItemId ? { programmeItemId: preset.programmeItemId } : {}),
      ...(received
        ? {
            source: v.source as CaseCreate['source'],
            denouncer: {
              name: v.denouncerName ?? null,
              address: v.denouncerAddress ?? null,
              phone: v.denouncerPhone ?? null,
            },
          }
        : {}),
    };
    try {
      const { id } = await create.mutateAsync(body);
      message.success(f.created);
      onClose();
      navigate(caseLink({ id }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  const commissions = options.data?.commissions ?? [];
  const firstCommission = commissions[0]?.id;
  // The commissions arrive after the dialog opens: the first one is preselected then.
  useEffect(() => {
    if (firstCommission && !form.getFieldValue('organizationId')) form.setFieldValue('organizationId', firstCommission);
  }, [firstCommission, form]);
  return (
    <Modal
      open
      title={f.title}
      onCancel={onClose}
      okText={f.submit}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={760}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: preset?.kind,
          title: preset?.title,
          openedOn: todayDay(),
          subjects: [{ type: 'full_member' }],
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="organizationId" label={f.commission} rules={required}>
              <Select options={commissions.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={f.kind} rules={required}>
              <Select
                options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={f.caseTitle} rules={required}>
          <Input maxLength={INSPECTION_LIMITS.title} />
        </Form.Item>
        <Form.Item name="summary" label={f.summary}>
          <Input.TextArea rows={2} maxLength={INSPECTION_LIMITS.summary} />
        </Form.Item>
        <Form.Item name="unitOrganizationId" label={f.unit}>
          <DirectorySelect kind="organizations" />
        </Form.Item>
        <Form.List name="subjects">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginBottom: 12 }}>
              <strong>{f.subjects}</strong>
              {fields.map((field) => (
                <SubjectRow
                  key={field.key}
                  name={field.name}
                  onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                />
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ type: 'full_member' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {f.addSubject}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="openedOn" label={received ? f.openedOnReceipt : f.openedOnPlan} rules={required}>
              <DayField />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="documentNumber" label={f.documentNumber}>
              <Input maxLength={INSPECTION_LIMITS.documentNumber} />
            </Form.Item>
          </Col>
        </Row>
        {received ? (
          <>
            <Form.Item name="source" label={f.source} rules={required}>
              <Select options={DENUNCIATION_SOURCES.map((s) => ({ value: s, label: DENUNCIATION_SOURCE_LABELS[s] }))} />
            </Form.Item>
            <strong>{f.denouncer}</strong>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="denouncerName" label={f.denouncerName}>
                  <Input maxLength={INSPECTION_LIMITS.name} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="denouncerAddress" label={f.denouncerAddress}>
                  <Input maxLength={INSPECTION_LIMITS.address} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="denouncerPhone" label={f.denouncerPhone}>
                  <Input maxLength={INSPECTION_LIMITS.phone} />
                </Form.Item>
              </Col>
            </Row>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

function SubjectRow({ name, onRemove }: { name: number; onRemove?: () => void }) {
  const form = Form.useFormInstance<Fields>();
  const type = Form.useWatch(['subjects', name, 'type'], form) as SubjectType | undefined;
  return (
    <Row gutter={8} align="top" data-subject-row={name}>
      <Col xs={24} md={7}>
        <Form.Item name={[name, 'type']} rules={required} style={{ marginBottom: 8 }}>
          <Select
            aria-label={f.subjectType}
            options={SUBJECT_TYPES.map((s) => ({ value: s, label: SUBJECT_TYPE_LABELS[s] }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={9}>
        <Form.Item name={[name, type === 'organization' ? 'organizationId' : 'personId']} style={{ marginBottom: 8 }}>
          <DirectorySelect
            kind={type === 'organization' ? 'organizations' : 'people'}
            placeholder={type === 'organization' ? f.subjectOrg : f.subjectPerson}
          />
        </Form.Item>
      </Col>
      <Col xs={onRemove ? 20 : 24} md={onRemove ? 7 : 8}>
        <Form.Item name={[name, 'name']} style={{ marginBottom: 8 }}>
          <Input placeholder={f.subjectName} aria-label={f.subjectName} maxLength={INSPECTION_LIMITS.name} />
        </Form.Item>
      </Col>
      {onRemove ? (
        <Col xs={4} md={1}>
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="Bỏ đối tượng" />
        </Col>
      ) : null}
    </Row>
  );
}
