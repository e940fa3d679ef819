import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { DocumentView } from '../../../../common/schemas/documents';
import { formatCalendarDate, formatDateTimeShort } from '../../../app/format';
import { tdoc } from '../documents.i18n';

const EVENT_COLORS: Record<string, string> = {
  returned: 'orange',
  refused: 'red',
  recalled: 'red',
  cancelled: 'red',
  completed: 'green',
  accepted: 'green',
  dispatched: 'green',
  arrived: 'green',
  outside_failed: 'red',
  recall_requested: 'orange',
  recall_agreed: 'red',
  recall_refused: 'orange',
  replaced: 'orange',
};

/** Every step of the document, oldest first: who, when (Vietnam time) and what they wrote. */
export function DocumentTimeline({ events }: { events: DocumentView['events'] }) {
  if (events.length === 0) return <Empty description={tdoc.list.empty} />;
  return (
    <Timeline
      className="vp-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: EVENT_COLORS[e.kind] ?? 'blue',
        content: (
          <Flex vertical gap={2} data-event={e.kind}>
            <Typography.Text strong>{tdoc.events[e.kind] ?? e.kind}</Typography.Text>
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

/** Who handles the document: lead, co-handlers, for information, with due dates. */
export function AssignmentList({ assignments }: { assignments: DocumentView['assignments'] }) {
  if (assignments.length === 0) return <Typography.Text type="secondary">{tdoc.doc.noAssignments}</Typography.Text>;
  const order = { lead: 0, co: 1, info: 2 } as const;
  return (
    <Flex vertical gap={8}>
      {[...assignments]
        .sort((a, b) => order[a.role] - order[b.role])
        .map((a) => (
          <Flex key={a.id} justify="space-between" gap={8} wrap>
            <span>
              <Tag color={a.role === 'lead' ? 'red' : a.role === 'co' ? 'blue' : 'default'}>
                {tdoc.doc.role[a.role]}
              </Tag>
              {a.name}
            </span>
            <Typography.Text type={a.status === 'done' ? 'success' : 'secondary'} style={{ fontSize: 13 }}>
              {a.status === 'done'
                ? `${tdoc.doc.assignmentDone} ${formatDateTimeShort(a.doneAt)}`
                : a.dueDate
                  ? tdoc.list.due(formatCalendarDate(a.dueDate))
                  : tdoc.doc.assignmentOpen}
            </Typography.Text>
          </Flex>
        ))}
    </Flex>
  );
}
