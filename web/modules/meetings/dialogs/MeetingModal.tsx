import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { errorMessage } from '../../../app/api/client';
import { isStale, meetingKeys, useMeetingStep } from '../api/meetings.api';
import { tm } from '../meetings.i18n';

/**
 * One action on a meeting in a small dialog: its fields, then POST (with the meeting's
 * version when the action needs it). When someone else changed the meeting first, the
 * page reloads it and says so.
 */
export default function MeetingModal<V extends object, R = null>({
  meeting,
  step,
  title,
  okText,
  danger = false,
  versioned = false,
  okDisabled = false,
  width,
  onClose,
  toBody,
  onDone,
  children,
}: {
  meeting: MeetingView;
  step: string;
  title: string;
  okText?: string;
  danger?: boolean;
  versioned?: boolean;
  okDisabled?: boolean;
  width?: number;
  onClose: () => void;
  toBody: (values: V) => object;
  /** What to tell the person once done; a plain "updated" when absent. */
  onDone?: (result: R) => string;
  children: (form: FormInstance<V>) => ReactNode;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMeetingStep<R>(meeting.id);

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const result = await mutation.mutateAsync({
        step,
        body: versioned ? { version: meeting.version, ...toBody(values) } : toBody(values),
      });
      message.success(onDone ? onDone(result) : tm.actions.done);
      onClose();
    } catch (failure) {
      if (isStale(failure)) {
        message.warning(tm.meeting.stale);
        void client.invalidateQueries({ queryKey: meetingKeys.meeting(meeting.id) });
        onClose();
      } else {
        setError(errorMessage(failure));
      }
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText ?? title}
      okButtonProps={{ danger, disabled: okDisabled }}
      confirmLoading={mutation.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      width={width}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" requiredMark="optional">
        {children(form)}
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
