import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { DOCUMENT_LIMITS } from '../../../../../common/documents';
import type { DocumentView } from '../../../../../common/schemas/documents';
import { personSearch } from '../../../../app/components/personSearch';
import type { DocumentPeople } from '../../api/documents.api';
import { tdoc } from '../../documents.i18n';
import StepModal from '../StepModal';
import { type DirectValues, day, notBeforeToday, personLabel } from './fields';

/** The leader's direction: what to do, who leads (a person or a unit), who helps, who is told, by when. */
export default function DirectDialog({
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
            <Input.TextArea maxLength={DOCUMENT_LIMITS.note} autoSize={{ minRows: 2, maxRows: 6 }} />
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
