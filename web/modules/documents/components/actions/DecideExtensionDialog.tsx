import { DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DOCUMENT_LIMITS } from '../../../../../common/documents';
import type { DocumentView } from '../../../../../common/schemas/documents';
import { formatCalendarDate } from '../../../../app/format';
import { tdoc } from '../../documents.i18n';
import StepModal from '../StepModal';
import { day, notBeforeToday, noteField } from './fields';

interface DecisionValues {
  decision: 'grant' | 'refuse';
  dueDate?: Dayjs | null;
  note?: string;
  reason?: string;
}

/** The leader's answer to a handler's request for more time: the new deadline, or the reason for no. */
export default function DecideExtensionDialog({
  doc,
  title,
  onClose,
}: {
  doc: DocumentView;
  title: string;
  onClose: () => void;
}) {
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
                  <Input.TextArea maxLength={DOCUMENT_LIMITS.report} autoSize={{ minRows: 2, maxRows: 6 }} />
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
