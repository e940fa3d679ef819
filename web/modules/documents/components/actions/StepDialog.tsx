import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DOCUMENT_LIMITS } from '../../../../../common/documents';
import type { DocumentView } from '../../../../../common/schemas/documents';
import { personSearch } from '../../../../app/components/personSearch';
import { formatCalendarDate } from '../../../../app/format';
import { type DocumentPeople, useRegisters } from '../../api/documents.api';
import { tdoc } from '../../documents.i18n';
import FileUploadField from '../FileUploadField';
import StepModal from '../StepModal';
import { type ActionDialogKind, actionLabel } from './actionLabel';
import {
  type NoteValues,
  notBeforeToday,
  noteField,
  OnlyChoice,
  personLabel,
  reasonField,
  recipientsBlock,
} from './fields';
import { stepBodies } from './stepBodies';

/** The steps that open a dialog of their own file (see DocumentActions). */
export type StepDialogKind = Exclude<ActionDialogKind, 'direct' | 'reassign' | 'delete' | 'decide_extension'>;

/** The dialogs of the simpler steps: a note, a reason, files, a person or a register. */
export default function StepDialog({
  action,
  doc,
  people,
  onClose,
}: {
  action: StepDialogKind;
  doc: DocumentView;
  people: DocumentPeople | undefined;
  onClose: () => void;
}) {
  const registers = useRegisters();
  const title = actionLabel(action, doc);
  const common = { doc, title, onClose };
  const handlerOptions = (people?.handlers ?? []).map((p) => ({
    value: p.id,
    label: personLabel(p),
    name: p.fullName,
  }));

  switch (action) {
    case 'submit':
      return (
        <StepModal<NoteValues> {...common} step="submit" toBody={stepBodies.submit}>
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
        <StepModal<NoteValues> {...common} step={action} danger toBody={stepBodies[action]}>
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
    case 'update_outside':
      return (
        <StepModal<NoteValues> {...common} step="outside-update" toBody={stepBodies.update_outside}>
          {() => (
            <>
              <Typography.Paragraph type="secondary">{tdoc.actions.updateHint}</Typography.Paragraph>
              <Form.Item
                name="reason"
                label={tdoc.actions.updateReason}
                rules={[{ required: true, whitespace: true, message: tdoc.actions.reasonRequired }]}
              >
                <Input.TextArea maxLength={DOCUMENT_LIMITS.reason} autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
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
          toBody={stepBodies[action]}
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
        <StepModal<NoteValues> {...common} step="files" versioned={false} toBody={stepBodies.attach}>
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
        <StepModal<NoteValues> {...common} step="approve" toBody={stepBodies.approve}>
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
        <StepModal<NoteValues> {...common} step="issue" toBody={stepBodies.issue}>
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
        <StepModal<NoteValues> {...common} step="dispatch" toBody={stepBodies.dispatch}>
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
        <StepModal<NoteValues> {...common} step="withdraw" toBody={stepBodies.withdraw}>
          {() => (
            <>
              <Typography.Paragraph>{tdoc.actions.withdrawConfirm}</Typography.Paragraph>
              <Form.Item name="reason" label={tdoc.actions.reason}>
                <Input.TextArea maxLength={DOCUMENT_LIMITS.reason} autoSize={{ minRows: 2, maxRows: 6 }} />
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
        <StepModal<NoteValues> {...common} step="remind" versioned={false} toBody={stepBodies.remind}>
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
    case 'extend':
      return (
        <StepModal<NoteValues> {...common} step="extend" toBody={stepBodies.extend}>
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
        <StepModal<NoteValues> {...common} step="grant" versioned={false} toBody={stepBodies.grant}>
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
          toBody={stepBodies.request_extension}
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
                <Input.TextArea maxLength={DOCUMENT_LIMITS.report} autoSize={{ minRows: 2, maxRows: 6 }} />
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
          toBody={stepBodies.report_progress}
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
                <Input.TextArea maxLength={DOCUMENT_LIMITS.report} autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </>
          )}
        </StepModal>
      );
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
