import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MeetingList, MeetingSummary } from '../../../../common/schemas/meetings';
import type { Schedule } from '../../../../common/schemas/schedules';
import { addDays } from '../../../../common/time/calendar';
import { api, errorMessage } from '../../../app/api/client';
import { meetingTimeText } from '../../meetings/meetingTime';
import { type ItemFields, useSaveItem } from '../api/schedule.api';
import { tsch } from '../schedule.i18n';

const te = tsch.editor;
const VIETNAM_MS = 7 * 3_600_000;
/** "yyyy-mm-dd" and "HH:mm" of an instant in Vietnam (UTC+7 all year). */
const wall = (iso: string) => new Date(new Date(iso).getTime() + VIETNAM_MS).toISOString();

/** The item a meeting becomes: its day, time, place, title and chair, linked to it. */
export function itemOfMeeting(m: MeetingSummary): ItemFields {
  const start = wall(m.startsAt);
  const end = wall(m.endsAt);
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return {
    day: start.slice(0, 10),
    startTime: start.slice(11, 16),
    endTime: sameDay && end.slice(11, 16) > start.slice(11, 16) ? end.slice(11, 16) : null,
    place: m.place,
    content: m.title,
    leadText: m.chairName,
    attendeesText: null,
    preparersText: null,
    userIds: [],
    meetingId: m.id,
  };
}

/**
 * The week's meetings of the schedule's organization that are not on it yet, each put on it
 * with one tap: the composer starts from what is already decided instead of an empty week.
 */
export default function WeekMeetings({ schedule }: { schedule: Schedule }) {
  const { message } = App.useApp();
  const save = useSaveItem(schedule.id);
  const to = addDays(schedule.weekStart, 6);
  const meetings = useQuery({
    queryKey: ['meetings', 'list', { week: schedule.weekStart, organizationId: schedule.organizationId }],
    queryFn: ({ signal }) =>
      api.get<MeetingList>('/api/meetings', {
        query: { scope: 'all', from: schedule.weekStart, to, status: 'invited', page: 1, pageSize: 100 },
        signal,
      }),
  });
  const linked = new Set(schedule.items.filter((i) => !i.cancelled).map((i) => i.meetingId));
  const missing = (meetings.data?.items ?? []).filter(
    (m) => m.organizationId === schedule.organizationId && !linked.has(m.id),
  );
  if (missing.length === 0) return null;

  const add = async (list: MeetingSummary[]) => {
    try {
      for (const m of list) await save.mutateAsync({ itemId: null, body: itemOfMeeting(m) });
      message.success(te.meetingAdded);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card
      size="small"
      className="vp-week-meetings"
      title={
        <span>
          <TeamOutlined /> {te.meetingsTitle(missing.length)}
        </span>
      }
      extra={
        missing.length > 1 ? (
          <Button size="small" type="primary" loading={save.isPending} onClick={() => void add(missing)}>
            {te.addAllMeetings}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16, borderColor: '#91caff' }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {te.meetingsHint}
      </Typography.Text>
      <List<MeetingSummary>
        size="small"
        dataSource={missing}
        renderItem={(m) => (
          <List.Item key={m.id} style={{ paddingInline: 0, flexWrap: 'wrap', gap: 8 }} data-week-meeting={m.id}>
            <Flex vertical style={{ minWidth: 0, flex: '1 1 240px' }}>
              <Link to={`/meetings/${encodeURIComponent(m.id)}`} style={{ fontWeight: 600 }}>
                {m.title}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {meetingTimeText(m.startsAt, m.endsAt)} · {m.place}
              </Typography.Text>
            </Flex>
            <Button
              size="small"
              icon={<PlusOutlined />}
              loading={save.isPending}
              onClick={() => void add([m])}
              aria-label={`${te.addMeeting}: ${m.title}`}
            >
              {te.addMeeting}
            </Button>
          </List.Item>
        )}
      />
    </Card>
  );
}
