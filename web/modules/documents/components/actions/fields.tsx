import { Form, type FormInstance, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { DOCUMENT_LIMITS } from '../../../../../common/documents';
import type { DocumentView } from '../../../../../common/schemas/documents';
import { vietnamToday } from '../../../../app/format';
import { tdoc } from '../../documents.i18n';
import { RecipientsSummary } from '../DeliveryStatus';

export const personLabel = (p: { fullName: string; position: string | null }) =>
  p.position ? `${p.fullName} — ${p.position}` : p.fullName;

/** What the leader signs for and the clerk sends to, in the dialogs that move the draft on. */
export function recipientsBlock(doc: DocumentView) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{tdoc.actions.recipientsToCheck}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        <RecipientsSummary recipients={doc.recipients} />
      </div>
    </div>
  );
}

export const noteField = (required = false) => (
  <Form.Item
    name="note"
    label={tdoc.actions.note}
    rules={required ? [{ required: true, whitespace: true, message: tdoc.actions.reasonRequired }] : []}
  >
    <Input.TextArea maxLength={DOCUMENT_LIMITS.note} autoSize={{ minRows: 2, maxRows: 6 }} />
  </Form.Item>
);
export const reasonField = (
  <Form.Item
    name="reason"
    label={tdoc.actions.reason}
    rules={[{ required: true, whitespace: true, message: tdoc.actions.reasonRequired }]}
  >
    <Input.TextArea maxLength={DOCUMENT_LIMITS.reason} autoSize={{ minRows: 2, maxRows: 6 }} />
  </Form.Item>
);
export const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);
export const notBeforeToday = (current: Dayjs) => current.isBefore(dayjs(vietnamToday()), 'day');

export interface NoteValues {
  note?: string;
  reason?: string;
  leaderId?: string;
  uploadIds?: string[];
  registerId?: string;
  userIds?: string[];
  dueDate?: Dayjs | null;
}

export interface DirectValues {
  direction: string;
  leadKind: 'user' | 'organization';
  lead: string;
  coHandlers?: string[];
  forInformation?: string[];
  dueDate?: Dayjs | null;
}
/** Chooses the register when there is only one to choose, also when the list arrives after the dialog opened. */
export function OnlyChoice({ form, value }: { form: FormInstance<NoteValues>; value: string | undefined }) {
  useEffect(() => {
    if (value && !form.getFieldValue('registerId')) form.setFieldValue('registerId', value);
  }, [form, value]);
  return null;
}
