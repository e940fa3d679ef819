import { Flex, Skeleton, Tag } from 'antd';
import { Link } from 'react-router-dom';
import Panel from '../../../app/components/Panel';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { vietnamToday } from '../../../app/format';
import { useMeetingList } from '../../meetings/api/meetings.api';
import { ReplyTag } from '../../meetings/components/MeetingTags';
import { ChangedBadge, meetingLink } from '../../meetings/list/meetingLink';
import { tm } from '../../meetings/meetings.i18n';
import { meetingTimeText } from '../../meetings/meetingTime';

/** The person's next meetings on the home page, with how many invitations wait for an answer; nothing when there are none. */
export default function UpcomingMeetingsCard() {
  const list = useMeetingList({ scope: 'mine', from: vietnamToday(), page: 1, pageSize: 5 });
  const items = [...(list.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const unanswered = items.filter((m) => m.myReply === 'pending' && m.status === 'invited').length;
  if (list.isSuccess && items.length === 0) return null;
  return (
    <Panel
      title={
        <Flex gap={8} align="center" wrap component="span">
          <span>{tm.home.title}</span>
          {unanswered > 0 ? <Tag color="gold">{tm.home.unanswered(unanswered)}</Tag> : null}
        </Flex>
      }
      extra={<Link to="/meetings/mine">{tm.home.all}</Link>}
      className="vp-home-meetings"
    >
      {list.isError ? (
        <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <ul className="vp-plain-list">
          {items.map((m) => (
            <li key={m.id}>
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} align="start">
                  <Link to={meetingLink(m)} style={{ fontWeight: 600 }}>
                    {m.title}
                  </Link>
                  {m.myReply ? <ReplyTag reply={m.myReply} /> : null}
                </Flex>
                <span className="vp-muted" style={{ fontSize: 13 }}>
                  {meetingTimeText(m.startsAt, m.endsAt)} · {m.place}
                </span>
                <div>
                  <ChangedBadge count={m.changedFiles} />
                </div>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
