import { Alert, Badge, Calendar, Card, Empty, Flex, Grid, List, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { MeetingSummary } from '../../../../common/schemas/meetings';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { type MeetingFilters, useMeetingList } from '../api/meetings.api';
import { MeetingStatusTag, ReplyTag } from '../components/MeetingTags';
import { tm } from '../meetings.i18n';
import { meetingClock, meetingDay, meetingTimeText, vietnamDayKey } from '../meetingTime';
import { meetingLink } from './meetingLink';

const MAX = 200;
/** How many meetings a day's cell names on a wide screen before "+N". */
const PER_CELL = 2;

const STATUS_COLORS: Record<MeetingSummary['status'], string> = {
  draft: '#8c8c8c',
  invited: '#1677ff',
  postponed: '#d48806',
  cancelled: '#cf1322',
};

/**
 * The month's meetings on their days (Vietnam's calendar days). A wide screen names them
 * in the cells; a phone marks the days and lists the chosen day's meetings under the month.
 */
export default function MeetingCalendar({
  filters,
  month,
  onMonthChange,
}: {
  filters: MeetingFilters;
  /** "yyyy-mm", or null for this month. */
  month: string | null;
  onMonthChange: (month: string | null) => void;
}) {
  const screens = Grid.useBreakpoint();
  const wide = screens.md === true;
  const navigate = useNavigate();
  const shown = month && /^\d{4}-\d{2}$/.test(month) ? dayjs(`${month}-01`) : dayjs().startOf('month');
  const [selected, setSelected] = useState<Dayjs>(() =>
    shown.isSame(dayjs(), 'month') ? dayjs().startOf('day') : shown,
  );
  // The grid shows up to six weeks around the month: ask for those days too.
  const from = shown.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = shown.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const { from: _from, to: _to, ...rest } = filters;
  const list = useMeetingList({ ...rest, from, to, page: 1, pageSize: MAX });
  const byDay = new Map<string, MeetingSummary[]>();
  for (const m of list.data?.items ?? []) {
    const day = vietnamDayKey(m.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), m]);
  }
  for (const day of byDay.values()) day.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const ofDay = byDay.get(selected.format('YYYY-MM-DD')) ?? [];

  const cell = (date: Dayjs) => {
    const meetings = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    if (meetings.length === 0) return null;
    if (!wide) {
      return (
        <Flex justify="center">
          <Badge count={meetings.length} size="small" color="#a8071a" />
        </Flex>
      );
    }
    return (
      <Flex vertical gap={2}>
        {meetings.slice(0, PER_CELL).map((m) => (
          <Link
            key={m.id}
            to={meetingLink(m)}
            onClick={(e) => e.stopPropagation()}
            title={`${meetingTimeText(m.startsAt, m.endsAt)} — ${m.title}`}
            style={{
              // Two lines of title fit a cell; the full time and title are in the tooltip.
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              fontSize: 12,
              lineHeight: '16px',
              overflow: 'hidden',
              borderLeft: `3px solid ${STATUS_COLORS[m.status]}`,
              paddingLeft: 4,
              textDecoration: m.status === 'cancelled' ? 'line-through' : undefined,
            }}
          >
            {meetingClock(m.startsAt)} {m.title}
          </Link>
        ))}
        {meetings.length > PER_CELL ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tm.calendar.more(meetings.length - PER_CELL)}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={12}>
      {list.isError ? (
        <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : null}
      {(list.data?.total ?? 0) > MAX ? <Alert type="warning" showIcon title={tm.calendar.truncated} /> : null}
      <Spin spinning={list.isFetching && !list.data} tip={tm.calendar.loading}>
        <Card size="small" styles={{ body: { padding: wide ? 12 : 4 } }} className="vp-meeting-calendar">
          <Calendar
            fullscreen={wide}
            value={selected}
            cellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)}
            onSelect={(date, { source }) => {
              setSelected(date);
              if (!date.isSame(shown, 'month')) onMonthChange(date.format('YYYY-MM'));
              // On a wide screen a day with a single meeting opens it; a phone shows the day's list.
              const meetings = byDay.get(date.format('YYYY-MM-DD')) ?? [];
              if (wide && source === 'date' && meetings.length === 1 && meetings[0]) navigate(meetingLink(meetings[0]));
            }}
            onPanelChange={(date) => {
              setSelected(date);
              onMonthChange(date.isSame(dayjs(), 'month') ? null : date.format('YYYY-MM'));
            }}
          />
        </Card>
      </Spin>
      <Card size="small" title={meetingDay(selected.format('YYYY-MM-DDT12:00:00+07:00'))}>
        {ofDay.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tm.calendar.emptyDay} style={{ margin: 0 }} />
        ) : (
          <List<MeetingSummary>
            size="small"
            dataSource={ofDay}
            renderItem={(m) => (
              <List.Item key={m.id} style={{ paddingInline: 0 }}>
                <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>
                      {meetingClock(m.startsAt)} – {meetingClock(m.endsAt)}
                    </Typography.Text>
                    <span>
                      <MeetingStatusTag status={m.status} />
                      {m.myReply ? <ReplyTag reply={m.myReply} /> : null}
                    </span>
                  </Flex>
                  <Link to={meetingLink(m)} style={{ fontWeight: 600 }}>
                    {m.title}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {m.place}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
