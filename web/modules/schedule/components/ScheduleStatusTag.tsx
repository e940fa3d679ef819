import { Tag } from 'antd';
import { SCHEDULE_STATUS_LABELS, type ScheduleStatus } from '../../../../common/meetings';

const COLORS: Record<ScheduleStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'blue',
  published: 'green',
};

export default function ScheduleStatusTag({ status }: { status: ScheduleStatus }) {
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {SCHEDULE_STATUS_LABELS[status]}
    </Tag>
  );
}
