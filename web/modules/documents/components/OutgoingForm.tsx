import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Grid, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Secrecy, Urgency } from '../../../../common/documents';
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
import RecipientsField, { type RecipientChoice, toRecipientWrites } from './RecipientsField';

interface Values {
  organizationId: string;
  typeCode: string;
  summary: string;
  signerName?: string | null;
  signerPosition?: string | null;
  pageCount?: number | null;
  copies?: number | null;
  secrecy: Secrecy;
  urgency: Urgency;
  dueDate?: Dayjs | null;
  recipients: RecipientChoice[];
  uploadIds?: string[];
}

const DRAFTING_ROLES = new Set(['clerk', 'leader', 'specialist', 'admin']);

function recipientsOf(view: DocumentView): RecipientChoice[] {
  return view.recipients.flatMap((r): RecipientChoice[] => {
    if (r.kind === 'external') {
      const channel = r.channel === 'email' ? 'email' : 'paper';
      return [{ kind: 'external', name: r.name, channel, email: r.email, label: r.name }];
    }
    return r.id ? [{ kind: r.kind, id: r.id, label: r.name }] : [];
  });
}

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
  const [form] = Form.useForm<Values>();
  const [clientKey] = useState(newClientKey);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateOutgoing();
  const patch = usePatchDraft(draft?.id ?? '');
  const organizations = [
    ...new Map(
      user.roles.filter((r) => DRAFTING_ROLES.has(r.role)).map((r) => [r.organizationId, r.organizationName]),
    ).entries(),
  ];

  const save = async (v: Values) => {
    setError(null);
    const common = {
      typeCode: v.typeCode,
      summary: v.summary,
      signerName: v.signerName || null,
      signerPosition: v.signerPosition || null,
      pageCount: v.pageCount ?? null,
      copies: v.copies ?? null,
      secrecy: v.secrecy,
      urgency: v.urgency,
      dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
      recipients: toRecipientWrites(v.recipients ?? []),
      uploadIds: v.uploadIds ?? [],
    };
    try {
      if (draft) {
        await patch.mutateAsync({ ...common, version: draft.version });
        message.success(tdoc.form.drafted);
        onClose();
      } else {
        const result = await create.mutateAsync({
          ...common,
          organizationId: v.organizationId,
          clientKey,
          ...(replyTo && { replyToId: replyTo.id }),
        });
        message.success(tdoc.form.drafted);
        onClose();
        navigate(`/documents/${encodeURIComponent(result.id)}`);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={
        draft
          ? {
              organizationId: draft.organizationId,
              typeCode: draft.typeCode,
              summary: draft.summary,
              signerName: draft.signerName,
              signerPosition: draft.signerPosition,
              pageCount: draft.pageCount,
              copies: draft.copies,
              secrecy: draft.secrecy,
              urgency: draft.urgency,
              dueDate: draft.dueDate ? dayjs(draft.dueDate) : null,
              recipients: recipientsOf(draft),
            }
          : {
              organizationId:
                replyTo && organizations.some(([id]) => id === replyTo.organizationId)
                  ? replyTo.organizationId
                  : organizations.length === 1
                    ? organizations[0]?.[0]
                    : undefined,
              secrecy: 'normal',
              urgency: 'normal',
              typeCode: 'CV',
              ...(replyTo && { summary: tdoc.form.replySubject(replyTo.numberText, replyTo.issuerName) }),
              // The answer goes back to who wrote, when the directory knows them.
              recipients: replyTo?.issuerOrganizationId
                ? [{ kind: 'organization', id: replyTo.issuerOrganizationId, label: replyTo.issuerName }]
                : [],
            }
      }
      onFinish={save}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="organizationId"
            label={tdoc.form.organization}
            rules={[{ required: true, message: tdoc.form.organizationRequired }]}
          >
            <Select
              disabled={draft !== undefined}
              options={organizations.map(([id, name]) => ({ value: id, label: name }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="typeCode"
            label={tdoc.form.type}
            rules={[{ required: true, message: tdoc.form.typeRequired }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <SummaryAndSignerFields />
        <SecrecyUrgencyFields md={6} />
        <Col xs={12} md={6}>
          <Form.Item name="pageCount" label={tdoc.form.pageCount}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="copies" label={tdoc.form.copies}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="dueDate" label={tdoc.form.dueDate}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
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
