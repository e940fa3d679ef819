import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Grid, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { SCHEDULE_LIMITS } from '../../../../common/schedules';
import type { Schedule, ScheduleItem } from '../../../../common/schemas/schedules';
import { weekDays } from '../../../../common/time/calendar';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { type ItemFields, isStale, scheduleKeys, useSaveItem } from '../api/schedule.api';
import { tsch } from '../schedule.i18n';
import { dayHeading } from '../week';
import PeopleField from './PeopleField';
import TimeField from './TimeField';

const ti = tsch.item;

interface Values {
  day: string;
  startTime: string;
  endTime?: string | null;
  place?: string;
  content: string;
  leadText?: string;
  attendeesText?: string;
  preparersText?: string;
  userIds?: string[];
  changeNote?: string;
}

/** What the drawer is open for: a new item (on a day, if chosen) or an existing one. */
export type ItemTarget = { item: ScheduleItem } | { day: string | null };

const orNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

/** Adds or edits one item of the week: when, where, what, who chairs, attends and prepares, and whose calendar. */
export default function ItemDrawer({
  schedule,
  target,
  onClose,
}: {
  schedule: Schedule;
  target: ItemTarget | null;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const editing = target && 'item' in target ? target.item : null;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? ti.editTitle : ti.addTitle}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
    >
      {target ? <ItemForm schedule={schedule} target={target} onClose={onClose} /> : null}
    </Drawer>
  );
}

function ItemForm({ schedule, target, onClose }: { schedule: Schedule; target: ItemTarget; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveItem(schedule.id);
  const item = 'item' in target ? target.item : null;
  const published = schedule.status === 'published';
  const days = weekDays(schedule.weekStart);

  const submit = async (v: Values) => {
    setError(null);
    const fields: ItemFields = {
      day: v.day,
      startTime: v.startTime,
      endTime: v.endTime ?? null,
      place: orNull(v.place),
      content: v.content.trim(),
      leadText: orNull(v.leadText),
      attendeesText: orNull(v.attendeesText),
      preparersText: orNull(v.preparersText),
      userIds: v.userIds ?? [],
    };
    try {
      if (item) {
        await save.mutateAsync({
          itemId: item.id,
          body: { ...fields, version: item.version, ...(published && { changeNote: orNull(v.changeNote) }) },
        });
        message.success(ti.saved);
      } else {
        await save.mutateAsync({ itemId: null, body: fields });
        message.success(ti.added);
      }
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
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={
        item
          ? {
              day: item.day,
              startTime: item.startTime,
              endTime: item.endTime,
              place: item.place ?? '',
              content: item.content,
              leadText: item.leadText ?? '',
              attendeesText: item.attendeesText ?? '',
              preparersText: item.preparersText ?? '',
              userIds: item.userIds,
            }
          : { day: ('day' in target && target.day) || days[0], startTime: '07:30', userIds: [] }
      }
      onFinish={submit}
    >
      {published ? <Alert type="warning" showIcon title={ti.publishedWarning} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="day" label={ti.day} rules={[{ required: true }]}>
            <Select options={days.map((d) => ({ value: d, label: dayHeading(d) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="startTime" label={ti.start} rules={[{ required: true, message: ti.startRequired }]}>
            <TimeField />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="endTime"
            label={ti.end}
            dependencies={['startTime']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, end: string | null | undefined) =>
                  !end || end > getFieldValue('startTime')
                    ? Promise.resolve()
                    : Promise.reject(new Error(ti.endAfterStart)),
              }),
            ]}
          >
            <TimeField allowClear />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="content"
            label={ti.content}
            rules={[{ required: true, whitespace: true, message: ti.contentRequired }]}
          >
            <Input.TextArea maxLength={SCHEDULE_LIMITS.content} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="leadText" label={ti.lead}>
            <Input maxLength={SCHEDULE_LIMITS.lead} placeholder={ti.leadPlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={ti.place}>
            <Input maxLength={SCHEDULE_LIMITS.place} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="attendeesText" label={ti.attendees}>
            <Input.TextArea
              maxLength={SCHEDULE_LIMITS.attendees}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={ti.attendeesPlaceholder}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="preparersText" label={ti.preparers}>
            <Input maxLength={SCHEDULE_LIMITS.preparers} placeholder={ti.preparersPlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="userIds" label={ti.people} extra={ti.peopleHint}>
            <PeopleField organizationId={schedule.organizationId} />
          </Form.Item>
        </Col>
        {published && item ? (
          <Col xs={24}>
            <Form.Item name="changeNote" label={tsch.editor.changeNote}>
              <Input.TextArea
                maxLength={SCHEDULE_LIMITS.changeNote}
                autoSize={{ minRows: 2, maxRows: 4 }}
                placeholder={tsch.editor.changeNotePlaceholder}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Flex justify="end" gap={8}>
        <Button onClick={onClose}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t.common.save}
        </Button>
      </Flex>
    </Form>
  );
}
