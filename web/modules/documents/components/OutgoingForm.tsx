import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Grid, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DOCUMENT_LIMITS } from '../../../../common/documents';
import type { DocumentView } from '../../../../common/schemas/documents';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { useCreateOutgoing, usePatchDraft } from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import { newClientKey } from './clientKey';
import { TYPE_OPTIONS } from './DocumentFilterBar';
import { SecrecyUrgencyFields, SummaryAndSignerFields } from './DocumentFormFields';
import FileUploadField from './FileUploadField';
import {
  draftingOrganizations,
  draftPatchBody,
  type OutgoingValues,
  outgoingCreateBody,
  outgoingInitialValues,
  outgoingRules,
} from './outgoingValues';
import RecipientsField from './RecipientsField';
import ReplacesField from './ReplacesField';

/** A new outgoing draft, or the edit of one (`draft` given), with recipients and files. */
export default function OutgoingForm({
  open,
  draft,
  replyTo,
  onClose,
}: {
  open: boolean;
  draft?: DocumentView;
  /** The incoming document a new draft answers. */
  replyTo?: DocumentView;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={draft ? tdoc.form.editTitle : replyTo ? tdoc.form.replyTitle : tdoc.form.outgoingTitle}
      className="vp-outgoing-form"
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
    >
      {open ? <OutgoingFormBody draft={draft} replyTo={replyTo} onClose={onClose} /> : null}
    </Drawer>
  );
}

function OutgoingFormBody({
  draft,
  replyTo,
  onClose,
}: {
  draft?: DocumentView;
  replyTo?: DocumentView;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<OutgoingValues>();
  const [clientKey] = useState(newClientKey);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateOutgoing();
  const patch = usePatchDraft(draft?.id ?? '');
  const organizations = draftingOrganizations(user.roles);
  const organizationId = Form.useWatch('organizationId', form);

  const save = async (v: OutgoingValues) => {
    setError(null);
    try {
      if (draft) {
        await patch.mutateAsync(draftPatchBody(v, draft.version, draft.replaces?.documentId ?? null));
        message.success(tdoc.form.drafted);
        onClose();
      } else {
        const result = await create.mutateAsync(outgoingCreateBody(v, clientKey, replyTo?.id));
        message.success(tdoc.form.drafted);
        onClose();
        navigate(`/documents/${encodeURIComponent(result.id)}`);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Form<OutgoingValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={outgoingInitialValues({ draft, replyTo, organizations })}
      onFinish={save}
      onValuesChange={(changed: Partial<OutgoingValues>) => {
        // Only a document of the same organization may be replaced.
        if ('organizationId' in changed) form.setFieldValue('replacesId', null);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="organizationId" label={tdoc.form.organization} rules={outgoingRules.organizationId}>
            <Select
              disabled={draft !== undefined}
              options={organizations.map(([id, name]) => ({ value: id, label: name }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="typeCode" label={tdoc.form.type} rules={outgoingRules.typeCode}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <SummaryAndSignerFields />
        <SecrecyUrgencyFields md={6} />
        <Col xs={12} md={6}>
          <Form.Item name="pageCount" label={tdoc.form.pageCount}>
            <InputNumber min={1} max={DOCUMENT_LIMITS.pageCount} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="copies" label={tdoc.form.copies}>
            <InputNumber min={1} max={DOCUMENT_LIMITS.copies} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="dueDate" label={tdoc.form.dueDate}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="replacesId" label={tdoc.form.replaces} tooltip={tdoc.form.replacesHint}>
            <ReplacesField organizationId={organizationId} known={draft?.replaces} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="recipients" label={tdoc.form.recipients}>
            <RecipientsField />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="uploadIds" label={tdoc.form.files}>
            <FileUploadField onUploadingChange={setUploading} />
          </Form.Item>
        </Col>
      </Row>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {uploading ? <Alert type="info" showIcon title={tdoc.form.uploading} style={{ marginBottom: 16 }} /> : null}
      <Flex justify="end" gap={8}>
        <Button onClick={onClose}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || patch.isPending} disabled={uploading}>
          {tdoc.form.saveDraft}
        </Button>
      </Flex>
    </Form>
  );
}
