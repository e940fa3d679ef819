import { EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import type { Invitee, MeetingView } from '../../../../common/schemas/meetings';
import { errorMessage } from '../../../app/api/client';
import { useMeetingStep } from '../api/meetings.api';
import { tm } from '../meetings.i18n';
import { ReplyTag } from './MeetingTags';
import ReplyButtons from './ReplyButtons';

/** The invitee's own invitation and any their organization gave them to answer, with one-tap replies and check-in. */
export default function MyInvitationCard({ meeting }: { meeting: MeetingView }) {
  const { message } = App.useApp();
  const step = useMeetingStep(meeting.id);
  const canReply = meeting.actions.includes('reply');
  const canCheckIn = meeting.actions.includes('checkIn');
  if (meeting.myInvitations.length === 0 && !canCheckIn) return null;
  // A person invitation among the caller's is their own; an organization's they answer for it.
  const own = (i: Invitee) => i.kind === 'person';
  // What the secretary or the check-in recorded, not merely that someone touched the row.
  const mineOwn = meeting.myInvitations.find(own);
  const checkedIn = mineOwn?.attendance === 'present';
  const markedAbsent = mineOwn?.attendance === 'absent';
  const declined = mineOwn?.reply === 'absent' || mineOwn?.reply === 'deputy';

  const checkIn = () =>
    step.mutateAsync({ step: 'check-in' }).then(
      () => void message.success(tm.reply.checkedIn),
      (error: unknown) => void message.error(errorMessage(error)),
    );

  return (
    <Card size="small" title={tm.reply.title} className="vp-my-invitation" style={{ borderColor: '#a8071a' }}>
      <Flex vertical gap={16}>
        {canCheckIn && !checkedIn ? (
          <Popconfirm title={tm.reply.checkInConfirm} okText={tm.reply.checkIn} onConfirm={checkIn}>
            <Button type="primary" size="large" block icon={<EnvironmentOutlined />} loading={step.isPending}>
              {tm.reply.checkIn}
            </Button>
          </Popconfirm>
        ) : null}
        {checkedIn ? (
          <Typography.Text type="success" data-presence="present">
            {tm.reply.checkedIn}
          </Typography.Text>
        ) : null}
        {markedAbsent ? (
          <Typography.Text type="danger" data-presence="absent">
            {tm.reply.markedAbsent}
          </Typography.Text>
        ) : null}
        {declined && !checkedIn && !markedAbsent && canReply ? (
          <Typography.Text type="secondary">{tm.reply.declined}</Typography.Text>
        ) : null}
        {meeting.myInvitations.map((i) => (
          <Flex key={i.id} vertical gap={8} data-invitation-for={i.kind}>
            {own(i) ? null : <Typography.Text strong>{tm.reply.forOrganization(i.name)}</Typography.Text>}
            <Flex gap={8} align="center" wrap>
              <ReplyTag reply={i.reply} big />
              {i.deputyName ? <span>{tm.invitees.deputy(i.deputyName)}</span> : null}
              {i.reason ? <Typography.Text type="secondary">{i.reason}</Typography.Text> : null}
            </Flex>
            {canReply ? (
              <>
                <ReplyButtons meetingId={meeting.id} inviteeId={own(i) ? undefined : i.id} current={i.reply} />
                {i.reply !== 'pending' ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tm.reply.change}
                  </Typography.Text>
                ) : null}
              </>
            ) : null}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
