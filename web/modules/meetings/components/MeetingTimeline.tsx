import { Empty, Flex, Timeline, Typography } from 'antd';
import { MEETING_EVENT_LABELS } from '../../../../common/meetings';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { formatDateTimeShort } from '../../../app/format';
import { tm } from '../meetings.i18n';

const EVENT_COLORS: Record<string, string> = {
  sent: 'green',
  cancelled: 'red',
  postponed: 'orange',
  moved: 'orange',
  file_withdrawn: 'red',
  minutes_sent: 'green',
};

/** What happened to the meeting, oldest first: who, when (Vietnam time) and the note. */
export default function MeetingTimeline({ events }: { events: MeetingView['events'] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tm.meeting.noEvents} />;
  return (
    <Timeline
      className="vp-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: EVENT_COLORS[e.kind] ?? 'blue',
        content: (
          <Flex vertical gap={2} data-event={e.kind}>
            <Typography.Text strong>{MEETING_EVENT_LABELS[e.kind] ?? e.kind}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName} · {formatDateTimeShort(e.at)}
            </Typography.Text>
            {e.note ? (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
