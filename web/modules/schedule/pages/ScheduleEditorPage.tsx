import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  PrinterOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, Button, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ScheduleItem } from '../../../../common/schemas/schedules';
import { isoWeekNumber } from '../../../../common/time/calendar';
import { ApiError } from '../../../app/api/client';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTimeShort } from '../../../app/format';
import { schedulePdfUrl, useSchedule } from '../api/schedule.api';
import CancelItemDialog from '../components/CancelItemDialog';
import ItemDrawer, { type ItemTarget } from '../components/ItemDrawer';
import ScheduleDayList from '../components/ScheduleDayList';
import ScheduleStatusTag from '../components/ScheduleStatusTag';
import ScheduleSteps from '../components/ScheduleSteps';
import WeekMeetings from '../components/WeekMeetings';
import { tsch } from '../schedule.i18n';
import { weekRange } from '../week';

const te = tsch.editor;

/** One week's schedule: its items by day, adding, changing and calling them off, and its way to publication. */
export default function ScheduleEditorPage() {
  const { id = '' } = useParams();
  const query = useSchedule(id);
  const [target, setTarget] = useState<ItemTarget | null>(null);
  const [cancelling, setCancelling] = useState<ScheduleItem | null>(null);
  const schedule = query.data;

  if (query.isError && query.error instanceof ApiError && query.error.status === 404) {
    return <Result status="404" title={te.notFound} extra={<Link to="/schedule">{tsch.title}</Link>} />;
  }
  if (query.isError && !schedule) {
    return <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />;
  }
  if (!schedule) return <Skeleton active paragraph={{ rows: 10 }} />;

  const canEdit = schedule.actions.includes('edit');
  const published = schedule.status === 'published';
  const itemActions = (item: ScheduleItem) =>
    item.cancelled ? null : (
      <Flex gap={4} wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setTarget({ item })}>
          {te.edit}
        </Button>
        <Button
          size="small"
          danger
          icon={published ? <StopOutlined /> : <DeleteOutlined />}
          onClick={() => setCancelling(item)}
        >
          {published ? te.cancel : te.delete}
        </Button>
      </Flex>
    );

  return (
    <>
      <Link to={`/schedule?week=${schedule.weekStart}`}>
        <ArrowLeftOutlined /> {te.back}
      </Link>
      <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {te.heading(schedule.ownerLabel)}
        </Typography.Title>
        <Typography.Text type="secondary">
          {tsch.week.label(isoWeekNumber(schedule.weekStart), weekRange(schedule.weekStart))} ·{' '}
          {schedule.organizationName}
        </Typography.Text>
        <Flex gap={8} wrap align="center">
          <ScheduleStatusTag status={schedule.status} />
          {published ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {tsch.revision(schedule.revision)}
              {schedule.publishedAt ? ` · ${tsch.publishedAt(formatDateTimeShort(schedule.publishedAt))}` : ''}
            </Typography.Text>
          ) : null}
          {schedule.approvedByName ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {tsch.approvedBy(schedule.approvedByName)}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8} wrap className="vp-schedule-actions">
          {canEdit ? (
            <Button icon={<PlusOutlined />} onClick={() => setTarget({ day: null })}>
              {te.addItem}
            </Button>
          ) : null}
          <ScheduleSteps schedule={schedule} />
          <Button icon={<PrinterOutlined />} href={schedulePdfUrl(schedule.id)} target="_blank" rel="noopener">
            {tsch.printOne}
          </Button>
        </Flex>
      </Flex>
      {schedule.status === 'draft' && schedule.note ? (
        <Alert type="warning" showIcon title={te.returnedNote(schedule.note)} style={{ marginBottom: 16 }} />
      ) : null}
      {schedule.status !== 'draft' && schedule.note ? (
        <Alert type="info" showIcon title={te.stepNote(schedule.note)} style={{ marginBottom: 16 }} />
      ) : null}
      {published && canEdit ? (
        <Alert type="info" showIcon title={te.publishedEditHint} style={{ marginBottom: 16 }} />
      ) : null}
      {!canEdit && (schedule.status === 'submitted' || schedule.status === 'approved') ? (
        <Alert type="info" showIcon title={te.cannotEditNow} style={{ marginBottom: 16 }} />
      ) : null}
      {canEdit && schedule.owner === 'standing_committee' ? <WeekMeetings schedule={schedule} /> : null}
      <ScheduleDayList
        schedule={schedule}
        itemActions={canEdit ? itemActions : undefined}
        dayExtra={
          canEdit
            ? (day) => (
                <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setTarget({ day })}>
                  {te.addForDay}
                </Button>
              )
            : undefined
        }
      />
      {canEdit ? <ItemDrawer schedule={schedule} target={target} onClose={() => setTarget(null)} /> : null}
      {cancelling ? (
        <CancelItemDialog schedule={schedule} item={cancelling} onClose={() => setCancelling(null)} />
      ) : null}
    </>
  );
}
