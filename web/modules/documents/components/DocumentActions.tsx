import { RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { DocumentAction, DocumentView } from '../../../../common/schemas/documents';
import { errorMessage } from '../../../app/api/client';
import { personSearch } from '../../../app/components/personSearch';
import { formatCalendarDate, vietnamToday } from '../../../app/format';
import { type DocumentPeople, useDeleteDraft, useDocumentPeople, useRegisters } from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import { RecipientsSummary } from './DeliveryStatus';
import FileUploadField from './FileUploadField';
import StepModal from './StepModal';

type Dialog = Exclude<DocumentAction, 'edit' | 'reply'>;

/** The order buttons appear in: the step that moves the document on comes first. */
const ORDER: Dialog[] = [
  'submit',
  'direct',
  'approve',
  'issue',
  'dispatch',
  'decide_extension',
  'complete',
  'report_progress',
  'request_extension',
  'reassign',
  'extend',
  'attach',
  'comment',
  'grant',
  'remind',
  'withdraw',
  'return',
  'recall',
  'delete',
];
const NEEDS_PEOPLE = new Set<Dialog>(['submit', 'direct', 'reassign', 'grant']);
const DANGER = new Set<Dialog>(['return', 'recall', 'delete']);
const ASIDE = new Set<Dialog>(['attach', 'comment', 'grant', 'remind', 'withdraw']);

const personLabel = (p: { fullName: string; position: string | null }) =>
  p.position ? `${p.fullName} — ${p.position}` : p.fullName;

/** What the leader signs for and the clerk sends to, in the dialogs that move the draft on. */
function recipientsBlock(doc: DocumentView) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{tdoc.actions.recipientsToCheck}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        <RecipientsSummary recipients={doc.recipients} />
      </div>
    </div>
  );
}

function label(action: Dialog, doc: DocumentView): string {
  if (action === 'submit' && doc.direction === 'outgoing') return tdoc.actions.submitOutgoing;
  return tdoc.actions[action];
}

/** The buttons the server says this person may use, each opening its own small dialog. */
export default function DocumentActions({
  doc,
  onEdit,
  onReply,
}: {
  doc: DocumentView;
  onEdit: () => void;
  onReply: () => void;
}) {
  const [open, setOpen] = useState<Dialog | null>(null);
  const available = ORDER.filter((a) => doc.actions.includes(a));
  const people = useDocumentPeople(doc.id, open !== null && NEEDS_PEOPLE.has(open));
  if (available.length === 0 && !doc.actions.includes('edit') && !doc.actions.includes('reply')) return null;
  const close = () => setOpen(null);
  // Only a step that moves the document on is the primary button; adding files, a comment or a grant never is.
  const primary = available.find((a) => !DANGER.has(a) && !ASIDE.has(a));

  return (
    <>
      <Flex gap={8} wrap className="vp-doc-actions">
        {doc.actions.includes('edit') ? <Button onClick={onEdit}>{tdoc.actions.edit}</Button> : null}
        {doc.actions.includes('reply') ? (
          <Button icon={<RollbackOutlined />} onClick={onReply}>
            {tdoc.actions.reply}
          </Button>
        ) : null}
        {available.map((a) => (
          <Button
            key={a}
            type={a === primary ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            onClick={() => setOpen(a)}
          >
            {label(a, doc)}
          </Button>
        ))}
      </Flex>
      {open ? <ActionDialog action={open} doc={doc} people={people.data} onClose={close} /> : null}
    </>
  );
}

const noteField = (required = false) => (
  <Form.Item
    name="note"
    label={tdoc.actions.note}
    rules={required ? [{ required: true, whitespace: true, message: tdoc.actions.reasonRequired }] : []}
  >
    <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
  </Form.Item>
);
const reasonField = (
  <Form.Item
    name="reason"
    label={tdoc.actions.reason}
    rules={[{ required: true, whitespace: true, message: tdoc.actions.reasonRequired }]}
  >
    <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
  </Form.Item>
);
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);
const notBeforeToday = (current: Dayjs) => current.isBefore(dayjs(vietnamToday()), 'day');

interface NoteValues {
  note?: string;
  reason?: string;
  leaderId?: string;
  uploadIds?: string[];
  registerId?: string;
  userIds?: string[];
  dueDate?: Dayjs | null;
}

interface DirectValues {
  direction: string;
  leadKind: 'user' | 'organization';
  lead: string;
  coHandlers?: string[];
  forInformation?: string[];
  dueDate?: Dayjs | null;
}

function ActionDialog({
  action,
  doc,
  people,
  onClose,
}: {
  action: Dialog;
  doc: DocumentView;
  people: DocumentPeople | undefined;
  onClose: () => void;
}) {
  const registers = useRegisters();
  const title = label(action, doc);
  const common = { doc, title, onClose };
  const handlerOptions = (people?.handlers ?? []).map((p) => ({
    value: p.id,
    label: personLabel(p),
    name: p.fullName,
  }));

  switch (action) {
    case 'direct':
    case 'reassign':
      return <DirectDialog {...common} step={action} people={people} />;
    case 'submit':
      return (
        <StepModal<NoteValues>
          {...common}
          step="submit"
          toBody={(v) => ({ leaderId: v.leaderId, note: v.note || undefined })}
        >
          {() => (
            <>
              {doc.direction === 'outgoing' ? recipientsBlock(doc) : null}
              <Form.Item
                name="leaderId"
                label={tdoc.actions.leader}
                rules={[{ required: true, message: tdoc.actions.leaderRequired }]}
              >
                <Select
                  loading={!people}
                  showSearch={personSearch}
                  options={(people?.leaders ?? []).map((p) => ({
                    value: p.id,
                    label: personLabel(p),
                    name: p.fullName,
                  }))}
                />
              </Form.Item>
              {noteField()}
            </>
          )}
        </StepModal>
      );
    case 'return':
    case 'recall':
      return (
        <StepModal<NoteValues> {...common} step={action} danger toBody={(v) => ({ reason: v.reason })}>
          {() => (
            <>
              {action === 'recall' ? (
                <Typography.Paragraph type="danger">{tdoc.actions.recallConfirm}</Typography.Paragraph>
              ) : null}
              {reasonField}
            </>
          )}
        </StepModal>
      );
    case 'complete':
    case 'comment':
      return (
        <StepModal<NoteValues>
          {...common}
          step={action === 'comment' ? 'comments' : 'complete'}
          versioned={action === 'complete'}
          toBody={(v) => ({ note: v.note || undefined, uploadIds: v.uploadIds ?? [] })}
        >
          {() => (
            <>
              {noteField(action === 'comment')}
              <Form.Item name="uploadIds" label={action === 'complete' ? tdoc.actions.resultFiles : tdoc.actions.files}>
                <FileUploadField />
              </Form.Item>
            </>
          )}
        </StepModal>
      );
    case 'attach':
      return (
        <StepModal<NoteValues>
          {...common}
          step="files"
          versioned={false}
          toBody={(v) => ({ uploadIds: v.uploadIds ?? [] })}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">
                {doc.direction === 'incoming' && doc.status === 'in_progress'
                  ? tdoc.actions.attachResultHint
                  : tdoc.actions.attachHint}
              </Typography.Paragraph>
              <Form.Item
                name="uploadIds"
                label={tdoc.actions.files}
                rules={[
                  {
                    validator: (_, value: string[] | undefined) =>
                      value && value.length > 0
                        ? Promise.resolve()
                        : Promise.reject(new Error(tdoc.actions.filesRequired)),
                  },
                ]}
              >
                <FileUploadField />
              </Form.Item>
            </>
          )}
        </StepModal>
      );
    case 'approve':
      return (
        <StepModal<NoteValues> {...common} step="approve" toBody={(v) => ({ note: v.note || undefined })}>
          {() => (
            <>
              {recipientsBlock(doc)}
              {noteField()}
            </>
          )}
        </StepModal>
      );
    case 'issue': {
      const secret = doc.secrecy !== 'normal';
      const options = (registers.data?.items ?? [])
        .filter((r) => r.direction === 'outgoing' && r.active && r.organizationId === doc.organizationId)
        .filter((r) => r.secret === secret)
        .map((r) => ({ value: r.id, label: r.name }));
      return (
        <StepModal<NoteValues> {...common} step="issue" toBody={(v) => ({ registerId: v.registerId })}>
          {(form) => (
            <>
              <OnlyChoice form={form} value={options.length === 1 ? options[0]?.value : undefined} />
              <Form.Item
                name="registerId"
                label={tdoc.actions.register}
                rules={[{ required: true, message: tdoc.actions.registerRequired }]}
              >
                <Select loading={registers.isLoading} options={options} />
              </Form.Item>
            </>
          )}
        </StepModal>
      );
    }
    case 'dispatch':
      return (
        <StepModal<NoteValues> {...common} step="dispatch" toBody={() => ({})}>
          {() => (
            <>
              <Typography.Paragraph>{tdoc.actions.dispatchConfirm}</Typography.Paragraph>
              {recipientsBlock(doc)}
            </>
          )}
        </StepModal>
      );
    case 'withdraw':
      return (
        <StepModal<NoteValues> {...common} step="withdraw" toBody={(v) => ({ reason: v.reason?.trim() || undefined })}>
          {() => (
            <>
              <Typography.Paragraph>{tdoc.actions.withdrawConfirm}</Typography.Paragraph>
              <Form.Item name="reason" label={tdoc.actions.reason}>
                <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </>
          )}
        </StepModal>
      );
    case 'remind': {
      const unopened = [
        ...doc.deliveries.filter((d) => d.status === '01' && !d.receivedAt).map((d) => d.organizationName),
        ...doc.personDeliveries.filter((p) => !p.readAt).map((p) => p.name),
      ];
      return (
        <StepModal<NoteValues> {...common} step="remind" versioned={false} toBody={() => ({})}>
          {() =>
            unopened.length === 0 ? (
              <Typography.Paragraph>{tdoc.actions.remindNobody}</Typography.Paragraph>
            ) : (
              <>
                <Typography.Paragraph>{tdoc.actions.remindConfirm}</Typography.Paragraph>
                <ul data-testid="remind-list">
                  {unopened.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </>
            )
          }
        </StepModal>
      );
    }
    case 'delete':
      return <DeleteDialog doc={doc} title={title} onClose={onClose} />;
    case 'extend':
      return (
        <StepModal<NoteValues>
          {...common}
          step="extend"
          toBody={(v) => ({ dueDate: day(v.dueDate), note: v.note || undefined })}
        >
          {() => (
            <>
              <Form.Item
                name="dueDate"
                label={tdoc.actions.dueDate}
                rules={[{ required: true, message: tdoc.actions.dueDateRequired }]}
              >
                <DatePicker format="DD/MM/YYYY" disabledDate={notBeforeToday} style={{ width: '100%' }} />
              </Form.Item>
              {noteField()}
            </>
          )}
        </StepModal>
      );
    case 'grant':
      return (
        <StepModal<NoteValues> {...common} step="grant" versioned={false} toBody={(v) => ({ userIds: v.userIds })}>
          {() => (
            <Form.Item
              name="userIds"
              label={tdoc.actions.people}
              rules={[{ required: true, message: tdoc.actions.peopleRequired }]}
            >
              <Select mode="multiple" showSearch={personSearch} options={handlerOptions} />
            </Form.Item>
          )}
        </StepModal>
      );
    case 'request_extension':
      return (
        <StepModal<NoteValues>
          {...common}
          step="extension-request"
          versioned={false}
          toBody={(v) => ({ dueDate: day(v.dueDate), reason: v.reason })}
        >
          {() => (
            <>
              <Form.Item
                name="dueDate"
                label={tdoc.actions.newDueDate}
                extra={doc.dueDate ? tdoc.list.due(formatCalendarDate(doc.dueDate)) : undefined}
                rules={[{ required: true, message: tdoc.actions.dueDateRequired }]}
              >
                <DatePicker format="DD/MM/YYYY" disabledDate={notBeforeToday} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="reason"
                label={tdoc.actions.extensionReason}
                rules={[{ required: true, whitespace: true, message: tdoc.actions.reasonRequired }]}
              >
                <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </>
          )}
        </StepModal>
      );
    case 'report_progress':
      return (
        <StepModal<NoteValues & { percent?: number | null }>
          {...common}
          step="progress"
          versioned={false}
          toBody={(v) => ({ note: v.note, percent: v.percent ?? undefined })}
        >
          {() => (
            <>
              <Form.Item name="percent" label={tdoc.actions.percent}>
                <InputNumber min={0} max={100} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item
                name="note"
                label={tdoc.actions.progressNote}
                rules={[{ required: true, whitespace: true, message: tdoc.actions.progressRequired }]}
              >
                <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </>
          )}
        </StepModal>
      );
    case 'decide_extension':
      return <DecideExtensionDialog {...common} />;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** Deletes the author's draft after asking; the page then goes back to the list. */
function DeleteDialog({ doc, title, onClose }: { doc: DocumentView; title: string; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const remove = useDeleteDraft(doc.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await remove.mutateAsync(doc.version);
      message.success(tdoc.actions.deleted);
      onClose();
      navigate('/outgoing', { replace: true });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={title}
      cancelText="Hủy"
      okButtonProps={{ danger: true }}
      confirmLoading={remove.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{tdoc.actions.deleteConfirm}</Typography.Paragraph>
      <Typography.Paragraph strong>{doc.summary}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

/** Chooses the register when there is only one to choose, also when the list arrives after the dialog opened. */
function OnlyChoice({ form, value }: { form: FormInstance<NoteValues>; value: string | undefined }) {
  useEffect(() => {
    if (value && !form.getFieldValue('registerId')) form.setFieldValue('registerId', value);
  }, [form, value]);
  return null;
}

/** The leader's direction: what to do, who leads (a person or a unit), who helps, who is told, by when. */
function DirectDialog({
  doc,
  title,
  step,
  people,
  onClose,
}: {
  doc: DocumentView;
  title: string;
  step: 'direct' | 'reassign';
  people: DocumentPeople | undefined;
  onClose: () => void;
}) {
  const handlerOptions = (people?.handlers ?? []).map((p) => ({
    value: `user:${p.id}`,
    label: personLabel(p),
    name: p.fullName,
  }));
  const unitOptions = (people?.units ?? []).map((u) => ({
    value: `organization:${u.id}`,
    label: u.name,
    name: u.name,
  }));
  const secret = doc.secrecy !== 'normal';
  const split = (key: string) => {
    const [kind, ...rest] = key.split(':');
    return { kind: kind === 'organization' ? ('organization' as const) : ('user' as const), id: rest.join(':') };
  };

  return (
    <StepModal<DirectValues>
      doc={doc}
      step={step}
      title={title}
      onClose={onClose}
      toBody={(v) => ({
        direction: v.direction,
        lead: split(v.lead),
        coHandlers: (v.coHandlers ?? []).map(split),
        forInformation: (v.forInformation ?? []).map((key) => split(key).id),
        dueDate: day(v.dueDate) ?? null,
      })}
    >
      {(form) => (
        <>
          <Form.Item
            name="direction"
            label={tdoc.actions.direction}
            rules={[{ required: true, whitespace: true, message: tdoc.actions.directionRequired }]}
          >
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          {secret ? null : (
            <Form.Item name="leadKind" label={tdoc.actions.leadKind} initialValue="user">
              <Radio.Group
                onChange={() => form.setFieldValue('lead', undefined)}
                options={[
                  { value: 'user', label: tdoc.actions.leadPerson },
                  { value: 'organization', label: tdoc.actions.leadUnit },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item noStyle dependencies={['leadKind']}>
            {() => (
              <Form.Item
                name="lead"
                label={tdoc.actions.lead}
                rules={[{ required: true, message: tdoc.actions.leadRequired }]}
              >
                <Select
                  loading={!people}
                  showSearch={personSearch}
                  options={form.getFieldValue('leadKind') === 'organization' ? unitOptions : handlerOptions}
                />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="coHandlers" label={tdoc.actions.coHandlers}>
            <Select
              mode="multiple"
              showSearch={personSearch}
              options={secret ? handlerOptions : [...handlerOptions, ...unitOptions]}
            />
          </Form.Item>
          <Form.Item name="forInformation" label={tdoc.actions.forInformation}>
            <Select mode="multiple" showSearch={personSearch} options={handlerOptions} />
          </Form.Item>
          <Form.Item name="dueDate" label={tdoc.actions.dueDate} initialValue={doc.dueDate ? dayjs(doc.dueDate) : null}>
            <DatePicker format="DD/MM/YYYY" disabledDate={notBeforeToday} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

interface DecisionValues {
  decision: 'grant' | 'refuse';
  dueDate?: Dayjs | null;
  note?: string;
  reason?: string;
}

/** The leader's answer to a handler's request for more time: the new deadline, or the reason for no. */
function DecideExtensionDialog({ doc, title, onClose }: { doc: DocumentView; title: string; onClose: () => void }) {
  const request = doc.extensionRequest;
  if (!request) return null;
  return (
    <StepModal<DecisionValues>
      doc={doc}
      title={title}
      onClose={onClose}
      step="extension-decision"
      versioned={false}
      toBody={(v) =>
        v.decision === 'grant'
          ? { decision: 'grant', requestId: request.id, dueDate: day(v.dueDate), note: v.note || undefined }
          : { decision: 'refuse', requestId: request.id, reason: v.reason }
      }
    >
      {(form) => (
        <>
          <Typography.Paragraph>
            {tdoc.actions.extensionAsked(
              request.requestedByName,
              formatCalendarDate(request.currentDue),
              formatCalendarDate(request.proposedDue),
            )}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {request.reason}
          </Typography.Paragraph>
          <Form.Item name="decision" label={tdoc.actions.decision} initialValue="grant">
            <Radio.Group
              options={[
                { value: 'grant', label: tdoc.actions.grantExtension },
                { value: 'refuse', label: tdoc.actions.refuseExtension },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.decision !== b.decision}>
            {() =>
              form.getFieldValue('decision') === 'refuse' ? (
                <Form.Item
                  name="reason"
                  label={tdoc.actions.reason}
                  rules={[{ required: true, whitespace: true, message: tdoc.actions.reasonRequired }]}
                >
                  <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
                </Form.Item>
              ) : (
                <>
                  <Form.Item
                    name="dueDate"
                    label={tdoc.actions.grantedDue}
                    initialValue={dayjs(request.proposedDue)}
                    rules={[{ required: true, message: tdoc.actions.dueDateRequired }]}
                  >
                    <DatePicker format="DD/MM/YYYY" disabledDate={notBeforeToday} style={{ width: '100%' }} />
                  </Form.Item>
                  {noteField()}
                </>
              )
            }
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}
