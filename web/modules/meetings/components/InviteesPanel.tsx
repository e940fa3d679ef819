import { BellOutlined, CheckSquareOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Segmented, Typography } from 'antd';
import { lazy, useState } from 'react';
import { type Attendance, REPLIES, REPLY_LABELS, type Reply } from '../../../../common/meetings';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { errorMessage } from '../../../app/api/client';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import { useMeetingStep } from '../api/meetings.api';
import { tm } from '../meetings.i18n';
import InviteesTable from './InviteesTable';

const InviteDialog = lazy(() => import('../dialogs/InviteDialog'));

/**
 * Who is invited and how each answered, for the organizer and the secretary: kept current
 * by the page's refresh; remind those who have not answered, invite more, take attendance.
 */
export default function InviteesPanel({ meeting }: { meeting: MeetingView }) {
  const { message } = App.useApp();
  const step = useMeetingStep<{ reminded: number }>(meeting.id);
  const [filter, setFilter] = useState<Reply | 'all'>('all');
  const [inviting, setInviting] = useState(false);
  const [marking, setMarking] = useState(false);
  const [marks, setMarks] = useState<Record<string, Attendance>>({});
  const can = (a: 'remind' | 'invite' | 'attendance') => meeting.actions.includes(a);
  const pending = meeting.invitees.filter((i) => i.reply === 'pending').length;
  const shown = filter === 'all' ? meeting.invitees : meeting.invitees.filter((i) => i.reply === filter);
  const draft = meeting.status === 'draft';
  const changes = Object.entries(marks).filter(
    ([id, attendance]) => meeting.invitees.find((i) => i.id === id)?.attendance !== attendance,
  );

  const remind = () =>
    step.mutateAsync({ step: 'remind' }).then(
      (r) => void message.success(tm.invitees.remindDone(r.reminded)),
      (error: unknown) => void message.error(errorMessage(error)),
    );
  const saveAttendance = () =>
    step
      .mutateAsync({
        step: 'attendance',
        body: { marks: changes.map(([inviteeId, attendance]) => ({ inviteeId, attendance })) },
      })
      .then(
        () => {
          message.success(tm.invitees.attendanceSaved);
          setMarks({});
          setMarking(false);
        },
        (error: unknown) => void message.error(errorMessage(error)),
      );
  const allPresent = () =>
    setMarks((current) => {
      const next = { ...current };
      for (const i of meeting.invitees) if (i.reply === 'attending' || i.reply === 'deputy') next[i.id] = 'present';
      return next;
    });

  return (
    <Card
      size="small"
      title={tm.meeting.invitees}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {meeting.status === 'invited' ? tm.meeting.live : null}
        </Typography.Text>
      }
      className="vp-invitees"
    >
      <Flex vertical gap={12}>
        <Typography.Text strong data-replies>
          {draft
            ? tm.invitees.count(meeting.invitees.length)
            : tm.invitees.summary(meeting.answered, meeting.invited, meeting.attending)}
        </Typography.Text>
        {meeting.present + meeting.absent > 0 ? (
          <Typography.Text strong data-presence-summary>
            {tm.invitees.presence(meeting.present, meeting.absent)}
          </Typography.Text>
        ) : null}
        <Flex gap={8} wrap>
          {can('remind') && pending > 0 ? (
            <Popconfirm
              title={tm.invitees.remindConfirm(pending)}
              okText={tm.invitees.remind}
              onConfirm={remind}
              okButtonProps={{ loading: step.isPending }}
            >
              <Button icon={<BellOutlined />}>{tm.invitees.remind}</Button>
            </Popconfirm>
          ) : null}
          {can('invite') ? (
            <Button icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
              {tm.invitees.invite}
            </Button>
          ) : null}
          {can('attendance') && !marking ? (
            <Button icon={<CheckSquareOutlined />} onClick={() => setMarking(true)}>
              {tm.invitees.markAttendance}
            </Button>
          ) : null}
          {marking ? (
            <>
              <Button onClick={allPresent}>{tm.invitees.allPresent}</Button>
              <Button
                type="primary"
                disabled={changes.length === 0}
                loading={step.isPending}
                onClick={() => void saveAttendance()}
              >
                {tm.invitees.saveAttendance(changes.length)}
              </Button>
              <Button
                onClick={() => {
                  setMarks({});
                  setMarking(false);
                }}
              >
                {tm.invitees.cancelMarking}
              </Button>
            </>
          ) : null}
        </Flex>
        {draft ? null : (
          <Segmented<Reply | 'all'>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: `${tm.invitees.filterAll} (${meeting.invitees.length})` },
              ...REPLIES.map((r) => ({
                value: r,
                label: `${REPLY_LABELS[r]} (${meeting.invitees.filter((i) => i.reply === r).length})`,
              })),
            ]}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
        )}
        <InviteesTable
          invitees={shown}
          fileCount={meeting.files.filter((f) => f.kind === 'document').length}
          marking={marking}
          marks={marks}
          onMark={(id, attendance) => setMarks((current) => ({ ...current, [id]: attendance }))}
          namesOnly={draft}
        />
      </Flex>
      <MountWhenOpened open={inviting}>
        {inviting ? <InviteDialog meeting={meeting} onClose={() => setInviting(false)} /> : null}
      </MountWhenOpened>
    </Card>
  );
}
