import { ClockCircleOutlined, EnvironmentOutlined, FileTextOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { MeetingSummary } from '../../../../common/schemas/meetings';
import { vietnamToday } from '../../../app/format';
import { MeetingStatusTag, ReplyTag } from '../components/MeetingTags';
import ReplyButtons from '../components/ReplyButtons';
import { tm } from '../meetings.i18n';
import { isUpcoming, meetingTimeText, vietnamDayKey } from '../meetingTime';
import { meetingLink } from './meetingLink';

/**
 * One invitation on a delegate's phone: what, when, where, the answer given (or the
 * buttons to give it in one tap), and how many documents are new since last looked.
 */
export default function MyMeetingCard({
  meeting: m,
  footer,
}: {
  meeting: MeetingSummary;
  /** Shown at the bottom of the card (keeping the papers on the phone). */
  footer?: ReactNode;
}) {
  const today = vietnamDayKey(m.startsAt) === vietnamToday();
  const canReply = m.status === 'invited' && m.myReply !== null && isUpcoming(m.endsAt);
  const pending = m.myReply === 'pending';
  return (
    <Card
      size="small"
      className="vp-my-meeting"
      data-meeting={m.id}
      style={{ borderColor: pending && canReply ? '#d48806' : undefined }}
      styles={{ body: { padding: 14 } }}
    >
      <Flex vertical gap={8}>
        <Flex justify="space-between" gap={8} align="start">
          <Link to={meetingLink(m)} style={{ fontWeight: 600, fontSize: 16, lineHeight: 1.35 }}>
            {m.title}
          </Link>
          {m.myReply && m.status === 'invited' ? (
            <ReplyTag reply={m.myReply} big />
          ) : (
            <MeetingStatusTag status={m.status} />
          )}
        </Flex>
        <Typography.Text strong style={{ fontSize: 15 }}>
          <ClockCircleOutlined /> {meetingTimeText(m.startsAt, m.endsAt)}
          {today ? (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {tm.mine.today}
            </Tag>
          ) : null}
        </Typography.Text>
        <Typography.Text>
          <EnvironmentOutlined /> {m.place}
        </Typography.Text>
        {m.status !== 'invited' && m.myReply ? (
          <span>
            <ReplyTag reply={m.myReply} />
          </span>
        ) : null}
        {canReply ? <ReplyButtons meetingId={m.id} current={m.myReply ?? 'pending'} block /> : null}
        <Link to={meetingLink(m)}>
          <Button block size="large" icon={m.changedFiles > 0 ? <FileTextOutlined /> : undefined}>
            <Flex justify="space-between" align="center" style={{ width: '100%' }}>
              <span>
                {tm.mine.open}
                {m.changedFiles > 0 ? (
                  <Tag color="red" style={{ marginLeft: 8 }} data-changed-files={m.changedFiles}>
                    {tm.mine.newDocuments(m.changedFiles)}
                  </Tag>
                ) : null}
              </span>
              <RightOutlined />
            </Flex>
          </Button>
        </Link>
        {footer}
      </Flex>
    </Card>
  );
}
