import { Alert, Col, Form, Input, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { MEETING_LIMITS } from '../../../../common/meetings';
import type { MeetingView } from '../../../../common/schemas/meetings';
import DateTimeField from '../form/DateTimeField';
import { tm } from '../meetings.i18n';
import { fromInstant, toInstant } from '../meetingTime';
import MeetingModal from './MeetingModal';

interface RescheduleValues {
  mode: 'move' | 'postpone';
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  place?: string;
  reason: string;
}

const reasonRules = (message: string) => [{ required: true, whitespace: true, message }];

/** A new time (and place), or postponed with no time yet; the reason goes to every invitee. */
export function RescheduleDialog({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  return (
    <MeetingModal<RescheduleValues>
      meeting={meeting}
      step="reschedule"
      title={tm.reschedule.title}
      okText={tm.reschedule.ok}
      versioned
      onClose={onClose}
      onDone={() => tm.reschedule.done}
      toBody={(v) =>
        v.mode === 'move' && v.startsAt && v.endsAt
          ? {
              startsAt: toInstant(v.startsAt),
              endsAt: toInstant(v.endsAt),
              ...(v.place?.trim() ? { place: v.place.trim() } : {}),
              reason: v.reason.trim(),
            }
          : { reason: v.reason.trim() }
      }
    >
      {(form) => (
        <>
          <Form.Item name="mode" label={tm.reschedule.mode} initialValue="move" required>
            <Radio.Group
              options={[
                { value: 'move', label: tm.reschedule.move },
                { value: 'postpone', label: tm.reschedule.postpone },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['mode']}>
            {() =>
              form.getFieldValue('mode') === 'postpone' ? null : (
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="startsAt"
                      label={tm.form.startsAt}
                      initialValue={fromInstant(meeting.startsAt)}
                      rules={[{ required: true, message: tm.form.startsAtRequired }]}
                    >
                      <DateTimeField />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="endsAt"
                      label={tm.form.endsAt}
                      initialValue={fromInstant(meeting.endsAt)}
                      dependencies={['startsAt']}
                      rules={[
                        { required: true, message: tm.form.endsAtRequired },
                        ({ getFieldValue }) => ({
                          validator: (_, end: Dayjs | undefined) => {
                            const start = getFieldValue('startsAt') as Dayjs | undefined;
                            return !end || !start || end.isAfter(start)
                              ? Promise.resolve()
                              : Promise.reject(new Error(tm.form.endsAfterStart));
                          },
                        }),
                      ]}
                    >
                      <DateTimeField />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name="place" label={tm.reschedule.place}>
                      <Input maxLength={MEETING_LIMITS.place} placeholder={meeting.place} />
                    </Form.Item>
                  </Col>
                </Row>
              )
            }
          </Form.Item>
          <Form.Item name="reason" label={tm.reschedule.reason} rules={reasonRules(tm.reschedule.reasonRequired)}>
            <Input.TextArea maxLength={MEETING_LIMITS.reason} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item noStyle dependencies={['mode']}>
            {() => (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {form.getFieldValue('mode') === 'postpone' ? tm.reschedule.confirmPostpone : tm.reschedule.confirmMove}
              </Typography.Paragraph>
            )}
          </Form.Item>
        </>
      )}
    </MeetingModal>
  );
}

/** Cancelling is final: a warning, a reason, and a red button. */
export function CancelDialog({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  return (
    <MeetingModal<{ reason: string }>
      meeting={meeting}
      step="cancel"
      title={tm.cancel.title}
      okText={tm.cancel.ok}
      danger
      versioned
      onClose={onClose}
      onDone={() => tm.cancel.done}
      toBody={(v) => ({ reason: v.reason.trim() })}
    >
      {() => (
        <>
          <Alert type="error" showIcon title={tm.cancel.warning} style={{ marginBottom: 16 }} />
          <Form.Item name="reason" label={tm.cancel.reason} rules={reasonRules(tm.cancel.reasonRequired)}>
            <Input.TextArea maxLength={MEETING_LIMITS.reason} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </>
      )}
    </MeetingModal>
  );
}
