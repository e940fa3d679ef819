import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { SCHEDULE_LIMITS } from '../../../../common/schedules';
import type { Schedule } from '../../../../common/schemas/schedules';
import { errorMessage } from '../../../app/api/client';
import { isStale, type Step, scheduleKeys, useScheduleStep } from '../api/schedule.api';
import { tsch } from '../schedule.i18n';

const ts = tsch.steps;
/** The step that moves the week on comes first; sending it back last. */
const ORDER: Step[] = ['submit', 'approve', 'publish', 'return'];
const HINTS: Record<Step, string> = {
  submit: ts.submitHint,
  approve: ts.approveHint,
  return: ts.returnHint,
  publish: ts.publishWarning,
};

/** The workflow buttons the server offers on this schedule, each confirmed in a small dialog. */
export default function ScheduleSteps({ schedule }: { schedule: Schedule }) {
  const [open, setOpen] = useState<Step | null>(null);
  const steps = ORDER.filter((s) => schedule.actions.includes(s));
  const primary = steps.find((s) => s !== 'return');
  return (
    <>
      {steps.map((step) => (
        <Button
          key={step}
          type={step === primary ? 'primary' : 'default'}
          danger={step === 'return'}
          onClick={() => setOpen(step)}
        >
          {ts[step]}
        </Button>
      ))}
      {open ? <StepDialog schedule={schedule} step={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function StepDialog({ schedule, step, onClose }: { schedule: Schedule; step: Step; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useScheduleStep(schedule.id);

  const submit = async () => {
    const { note } = await form.validateFields();
    setError(null);
    try {
      await mutation.mutateAsync({ step, version: schedule.version, note: note?.trim() || null });
      message.success(ts.done[step]);
      onClose();
    } catch (failure) {
      if (isStale(failure)) {
        message.warning(tsch.editor.stale);
        void client.invalidateQueries({ queryKey: scheduleKeys.schedule(schedule.id) });
        onClose();
      } else {
        setError(errorMessage(failure));
      }
    }
  };

  return (
    <Modal
      open
      title={step === 'publish' ? ts.publishConfirm : ts[step]}
      okText={ts[step]}
      okButtonProps={{ danger: step === 'return' }}
      confirmLoading={mutation.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {step === 'publish' ? (
        <Alert type="warning" showIcon title={HINTS[step]} style={{ marginBottom: 12 }} />
      ) : (
        <Typography.Paragraph type="secondary">{HINTS[step]}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" requiredMark="optional">
        {step === 'publish' ? null : (
          <Form.Item
            name="note"
            label={ts.note}
            rules={step === 'return' ? [{ required: true, whitespace: true, message: ts.noteRequired }] : []}
          >
            <Input.TextArea maxLength={SCHEDULE_LIMITS.stepNote} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
