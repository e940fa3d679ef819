import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { SCHEDULE_LIMITS } from '../../../../common/schedules';
import type { Schedule, ScheduleItem } from '../../../../common/schemas/schedules';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { isStale, scheduleKeys, useCancelItem } from '../api/schedule.api';
import { tsch } from '../schedule.i18n';
import { dayHeading, timeRange } from '../week';

const te = tsch.editor;

/**
 * Before publishing an item is simply deleted; afterwards it is called off, kept struck
 * through with the reason, and everyone concerned is told.
 */
export default function CancelItemDialog({
  schedule,
  item,
  onClose,
}: {
  schedule: Schedule;
  item: ScheduleItem;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ changeNote?: string }>();
  const [error, setError] = useState<string | null>(null);
  const cancel = useCancelItem(schedule.id);
  const published = schedule.status === 'published';

  const submit = async () => {
    const { changeNote } = await form.validateFields();
    setError(null);
    try {
      await cancel.mutateAsync({ itemId: item.id, version: item.version, changeNote: changeNote?.trim() || null });
      message.success(published ? te.cancelled : te.deleted);
      onClose();
    } catch (failure) {
      if (isStale(failure)) {
        message.warning(te.stale);
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
      title={published ? te.cancelTitle : te.deleteConfirm}
      okText={published ? te.cancel : te.delete}
      okButtonProps={{ danger: true }}
      cancelText={t.common.close}
      confirmLoading={cancel.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>
          {dayHeading(item.day)}, {timeRange(item.startTime, item.endTime)}
        </Typography.Text>
        <br />
        {item.content}
      </Typography.Paragraph>
      {published ? (
        <Alert type="warning" showIcon title={te.cancelWarning} style={{ marginBottom: 12 }} />
      ) : (
        <Typography.Paragraph type="secondary">{te.deleteHint}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        {published ? (
          <Form.Item
            name="changeNote"
            label={te.changeNote}
            rules={[{ required: true, whitespace: true, message: te.changeNoteRequired }]}
          >
            <Input.TextArea
              maxLength={SCHEDULE_LIMITS.changeNote}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={te.cancelNotePlaceholder}
            />
          </Form.Item>
        ) : null}
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
