import { EditOutlined, MobileOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Segmented, Skeleton, Tabs, Typography } from 'antd';
import { lazy, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Schedule } from '../../../../common/schemas/schedules';
import { addDays, isoWeekNumber } from '../../../../common/time/calendar';
import { ddmm } from '../../../../common/time/format';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTimeShort } from '../../../app/format';
import { useScheduleWeek, weekPdfUrl } from '../api/schedule.api';
import ScheduleDayList from '../components/ScheduleDayList';
import ScheduleStatusTag from '../components/ScheduleStatusTag';
import ScheduleWeekGrid from '../components/ScheduleWeekGrid';
import WeekNavigator from '../components/WeekNavigator';
import { tsch } from '../schedule.i18n';
import { weekFromParam } from '../week';

// Following on a phone and writing a week come when their button is pressed.
const CalendarFeedModal = lazy(() => import('../components/CalendarFeedModal'));
const ComposeScheduleModal = lazy(() => import('../components/ComposeScheduleModal'));

type View = 'list' | 'calendar';

/** The Standing Committee's week first, then each leader's (the server's order otherwise). */
const ordered = (schedules: Schedule[]) =>
  [...schedules].sort((a, b) => Number(a.owner !== 'standing_committee') - Number(b.owner !== 'standing_committee'));

function ScheduleHeader({ schedule }: { schedule: Schedule }) {
  const published = schedule.status === 'published';
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <ScheduleStatusTag status={schedule.status} />
        {published ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {tsch.revision(schedule.revision)}
            {schedule.publishedAt ? ` · ${tsch.publishedAt(formatDateTimeShort(schedule.publishedAt))}` : ''}
            {schedule.approvedByName ? ` · ${tsch.approvedBy(schedule.approvedByName)}` : ''}
          </Typography.Text>
        ) : null}
        {schedule.actions.length > 0 ? (
          <Link to={`/schedule/${encodeURIComponent(schedule.id)}`}>
            <Button size="small" icon={<EditOutlined />}>
              {published ? tsch.openToChange : tsch.openToEdit}
            </Button>
          </Link>
        ) : null}
      </Flex>
      {published ? null : <Alert type="info" showIcon title={tsch.notPublishedYet} />}
    </Flex>
  );
}

/** The week's work schedules, as the printed list or as a calendar, with print and phone follow-up. */
export default function SchedulePage() {
  const [params, setParams] = useSearchParams();
  const week = weekFromParam(params.get('week'));
  const view: View = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const [tab, setTab] = useState<string | undefined>(undefined);
  const [following, setFollowing] = useState(false);
  const [composing, setComposing] = useState(false);
  const result = useScheduleWeek(week);
  const data = result.data?.weekStart === week ? result.data : undefined;
  const schedules = ordered(data?.schedules ?? []);
  const pending = schedules.filter((s) => s.status !== 'published');
  const anyPublished = schedules.some((s) => s.status === 'published');
  const active = schedules.find((s) => s.id === tab) ?? schedules[0];

  const go = (next: { week?: string; view?: View }) => {
    const query = new URLSearchParams(params);
    if (next.week) query.set('week', next.week);
    if (next.view) {
      if (next.view === 'calendar') query.set('view', 'calendar');
      else query.delete('view');
    }
    setParams(query, { replace: next.week === undefined });
  };

  const render = (schedule: Schedule) => (
    <>
      <ScheduleHeader schedule={schedule} />
      {view === 'calendar' ? (
        <ScheduleWeekGrid schedule={schedule} />
      ) : (
        <ScheduleDayList schedule={schedule} showEmptyDays={false} />
      )}
    </>
  );

  return (
    <>
      <PageTitle
        title={tsch.title}
        extra={
          <>
            {data?.canCompose ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setComposing(true)}>
                {tsch.compose}
              </Button>
            ) : null}
            <Button
              icon={<PrinterOutlined />}
              href={weekPdfUrl(week)}
              target="_blank"
              rel="noopener"
              disabled={!anyPublished}
            >
              {tsch.print}
            </Button>
            <Button icon={<MobileOutlined />} onClick={() => setFollowing(true)}>
              {tsch.follow}
            </Button>
          </>
        }
      />
      <WeekNavigator
        week={week}
        onChange={(w) => go({ week: w })}
        extra={
          <Segmented<View>
            value={view}
            onChange={(v) => go({ view: v })}
            options={[
              { value: 'list', label: tsch.view.list },
              { value: 'calendar', label: tsch.view.calendar },
            ]}
          />
        }
      />
      {result.isError ? (
        <QueryErrorAlert error={result.error} onRetry={() => result.refetch()} retrying={result.isFetching} />
      ) : null}
      {pending.length > 0 ? (
        <Card size="small" title={tsch.drafts} style={{ marginBottom: 16 }}>
          <Flex vertical gap={8}>
            {pending.map((s) => (
              <Flex key={s.id} gap={8} wrap align="center">
                <Link to={`/schedule/${encodeURIComponent(s.id)}`}>{s.ownerLabel}</Link>
                <ScheduleStatusTag status={s.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tsch.itemCount(s.items.length)}
                </Typography.Text>
              </Flex>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tsch.draftsHint}
            </Typography.Text>
          </Flex>
        </Card>
      ) : null}
      {!data ? (
        result.isError ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )
      ) : schedules.length === 0 ? (
        <Card>
          <Empty
            description={
              <>
                {tsch.empty(isoWeekNumber(week), ddmm(week), ddmm(addDays(week, 6)))}
                <br />
                <Typography.Text type="secondary">
                  {data.canCompose ? tsch.emptyComposer : tsch.emptyHint}
                </Typography.Text>
              </>
            }
          >
            {data.canCompose ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setComposing(true)}>
                {tsch.compose}
              </Button>
            ) : null}
          </Empty>
        </Card>
      ) : schedules.length === 1 && active ? (
        <div style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {active.ownerLabel}
          </Typography.Title>
          {render(active)}
        </div>
      ) : (
        <Tabs
          activeKey={active?.id}
          onChange={setTab}
          style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}
          items={schedules.map((s) => ({
            key: s.id,
            label: s.status === 'published' ? s.ownerLabel : `${s.ownerLabel} (${tsch.draftMark})`,
            children: render(s),
          }))}
        />
      )}
      <MountWhenOpened open={following}>
        <CalendarFeedModal open={following} onClose={() => setFollowing(false)} />
      </MountWhenOpened>
      {data?.canCompose ? (
        <MountWhenOpened open={composing}>
          <ComposeScheduleModal open={composing} week={week} onClose={() => setComposing(false)} />
        </MountWhenOpened>
      ) : null}
    </>
  );
}
