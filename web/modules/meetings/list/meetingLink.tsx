import { FileTextOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { tm } from '../meetings.i18n';

/** Small parts of the meeting lists that the home page uses too, without the table's code. */
export const meetingLink = (m: { id: string }) => `/meetings/${encodeURIComponent(m.id)}`;

export function ChangedBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Tag color="red" icon={<FileTextOutlined />} data-changed-files={count}>
      {tm.list.changedFiles(count)}
    </Tag>
  );
}
