import { Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ScheduleItem } from '../../../../common/schemas/schedules';
import { tsch } from '../schedule.i18n';

/** "Điều chỉnh" or "Hoãn/Hủy" beside an item changed after publishing. */
export function ItemTags({ item }: { item: ScheduleItem }) {
  if (item.cancelled) return <Tag color="red">{tsch.cancelled}</Tag>;
  const meeting = item.meetingId ? (
    <Link to={`/meetings/${encodeURIComponent(item.meetingId)}`} data-item-meeting={item.meetingId}>
      <Tag color="blue">{tsch.editor.meetingLink}</Tag>
    </Link>
  ) : null;
  if (item.changed)
    return (
      <>
        <Tag color="orange">{tsch.changed}</Tag>
        {meeting}
      </>
    );
  return meeting;
}

/** The reason given for a change, under the item. */
export function ChangeNote({ item, fontSize = 13 }: { item: ScheduleItem; fontSize?: number | 'inherit' }) {
  if (!item.changeNote || (!item.changed && !item.cancelled)) return null;
  return (
    <Typography.Text type={item.cancelled ? 'danger' : 'warning'} style={{ display: 'block', fontSize }}>
      {item.cancelled ? tsch.cancelled : tsch.changed}: {item.changeNote}
    </Typography.Text>
  );
}

/** Items of one day, in time order. */
export function itemsByDay(items: readonly ScheduleItem[]): Map<string, ScheduleItem[]> {
  const days = new Map<string, ScheduleItem[]>();
  for (const item of [...items].sort((a, b) => a.startTime.localeCompare(b.startTime))) {
    days.set(item.day, [...(days.get(item.day) ?? []), item]);
  }
  return days;
}

export const itemClass = (item: ScheduleItem) =>
  item.cancelled ? 'vp-sched-cancelled' : item.changed ? 'vp-sched-changed' : '';
