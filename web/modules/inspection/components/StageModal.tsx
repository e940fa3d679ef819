import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import {
  ALLOWED_FORMS,
  APPEAL_OUTCOME_LABELS,
  APPEAL_OUTCOMES,
  DISCIPLINE_FORM_LABELS,
  type DisciplineForm,
  INSPECTION_LIMITS,
  STAGE_LABELS,
  type Stage,
} from '../../../../common/inspection';
import type { CaseView, StageInput } from '../../../../common/schemas/inspection';
import { errorMessage } from '../../../app/api/client';
import { useInspectionOptions, useRecordStage } from '../api/inspection.api';
import { ti } from '../inspection.i18n';
import DayField, { todayDay } from './DayField';

interface Fields {
  stage: Stage;
  onDate: string;
  documentNumber?: string;
  note?: string;
  dueDate?: string | null;
  team?: string[];
  violation?: boolean;
  forms?: Record<string, DisciplineForm | 'none'>;
  decidingBody?: string;
  appellant?: string;
  appealOutcome?: StageInput['appealOutcome'];
}

const s = ti.stage;
const required = [{ required: true, message: ti.form.required }];

/** Recording the case's next stage, with what that stage settles (team, finding, forms, outcome). */
export default function StageModal({ view, onClose }: { view: CaseView; onClose: () => void }) {
  const [form] = Form.useForm<Fields>();
  const record = useRecordStage(view.id);
  const options = useInspectionOptions();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const stage = Form.useWatch('stage', form) ?? view.nextStages[0];

  async function submit(v: Fields) {
    setError(null);
    const disciplines =
      v.stage === 'discipline'
        ? view.subjects.flatMap((subject) => {
            const chosen = v.forms?.[subject.id];
            return chosen && chosen !== 'none'
              ? [{ subjectId: subject.id, form: chosen, decidingBody: v.decidingBody ?? '' }]
              : [];
          })
        : undefined;
    try {
      await record.mutateAsync({
        version: view.version,
        stage: v.stage,
        onDate: v.onDate,
        documentNumber: v.documentNumber ?? null,
        note: v.note ?? null,
        ...(v.dueDate ? { dueDate: v.dueDate } : {}),
        ...(v.stage === 'decision' && v.team?.length ? { team: v.team } : {}),
        ...(v.stage === 'conclusion' ? { violation: v.violation } : {}),
        ...(disciplines ? { disciplines } : {}),
        ...(v.stage === 'appeal' ? { appellant: v.appellant ?? null } : {}),
        ...(v.stage === 'appeal_outcome' ? { appealOutcome: v.appealOutcome } : {}),
      });
      message.success(s.saved);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <Modal
      open
      title={ti.page.record}
      onCancel={onClose}
      okText={s.save}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      width={640}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ stage: view.nextStages[0], onDate: todayDay() }}
      >
        <Form.Item name="stage" label={ti.page.nextStage} rules={required}>
          <Select options={view.nextStages.map((st) => ({ value: st, label: STAGE_LABELS[st] }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="onDate" label={s.onDate} rules={required}>
              <DayField />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="documentNumber" label={s.documentNumber}>
              <Input maxLength={INSPECTION_LIMITS.documentNumber} />
            </Form.Item>
          </Col>
        </Row>
        {stage === 'decision' ? (
          <Form.Item name="team" label={s.team}>
            <Select
              mode="multiple"
              options={(options.data?.officers ?? []).map((o) => ({ value: o.id, label: o.fullName }))}
            />
          </Form.Item>
        ) : null}
        {stage === 'conclusion' ? (
          <Form.Item name="violation" label={s.violation} rules={required}>
            <Radio.Group
              options={[
                { value: true, label: ti.page.violationYes },
                { value: false, label: ti.page.violationNo },
              ]}
            />
          </Form.Item>
        ) : null}
        {stage === 'discipline' ? (
          <>
            {view.subjects.map((subject) => (
              <Form.Item
                key={subject.id}
                name={['forms', subject.id]}
                label={`${s.form}: ${subject.name}`}
                rules={required}
              >
                <Select
                  aria-label={`${s.form}: ${subject.name}`}
                  options={[
                    ...ALLOWED_FORMS[subject.type].map((fm) => ({ value: fm, label: DISCIPLINE_FORM_LABELS[fm] })),
                    { value: 'none', label: s.noForm },
                  ]}
                />
              </Form.Item>
            ))}
            <Form.Item name="decidingBody" label={s.decidingBody} rules={required}>
              <Input maxLength={INSPECTION_LIMITS.decidingBody} />
            </Form.Item>
          </>
        ) : null}
        {stage === 'appeal' ? (
          <Form.Item name="appellant" label={s.appellant}>
            <Input maxLength={INSPECTION_LIMITS.name} />
          </Form.Item>
        ) : null}
        {stage === 'appeal_outcome' ? (
          <Form.Item name="appealOutcome" label={s.outcome} rules={required}>
            <Select options={APPEAL_OUTCOMES.map((o) => ({ value: o, label: APPEAL_OUTCOME_LABELS[o] }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={s.note}>
          <Input.TextArea rows={2} maxLength={INSPECTION_LIMITS.note} />
        </Form.Item>
        {stage !== 'closure' ? (
          <Form.Item name="dueDate" label={s.dueDate}>
            <DayField />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
