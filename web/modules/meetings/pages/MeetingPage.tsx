import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { MEETING_BODY_LABELS } from '../../../../common/meetings';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { ApiError } from '../../../app/api/client';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTimeShort } from '../../../app/format';
import { followsReplies, markSeen, meetingKeys, useMeeting } from '../api/meetings.api';
import MeetingDocuments from '../components/MeetingDocuments';
import MeetingInfo from '../components/MeetingInfo';
import { MeetingStatusTag, SecrecyTag } from '../components/MeetingTags';
import MeetingTimeline from '../components/MeetingTimeline';
import MyInvitationCard from '../components/MyInvitationCard';
import MeetingActions from '../dialogs/MeetingActions';
import DoorCodeButton from '../door/DoorCodeView';
import { tm } from '../meetings.i18n';
import { meetingTimeText } from '../meetingTime';

// Shown to some people only (the organizers' list of invitees with its table, the check-in at the
// door): their code comes when they are shown, not with every opening of a meeting.
const InviteesPanel = lazy(() => import('../components/InviteesPanel'));
const DoorCheckInCard = lazy(() => import('../door/DoorCheckInCard'));

interface Opened {
  id: string;
  changed: Set<string>;
  lastSeenAt: string | null;
}

/**
 * Marks the meeting seen once it is shown, and keeps what was new at that moment: the
 * page refreshes every few seconds, and the "new" marks must stay while the person reads.
 */
function useSeenOnce(meeting: MeetingView | undefined): Opened | null {
  const client = useQueryClient();
  const [opened, setOpened] = useState<Opened | null>(null);
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!meeting || sent.current === meeting.id) return;
    sent.current = meeting.id;
    setOpened({
      id: meeting.id,
      // The invitation itself has its own links; only the documents are marked new.
      changed: new Set(meeting.files.filter((f) => f.changed && f.kind !== 'invitation').map((f) => f.id)),
      lastSeenAt: meeting.lastSeenAt,
    });
    // The lists' "new documents" counts drop once it is seen.
    void markSeen(meeting.id)
      .then(() => client.invalidateQueries({ queryKey: [...meetingKeys.root, 'list'] }))
      .catch(() => undefined);
  }, [meeting, client]);
  return opened && meeting && opened.id === meeting.id ? opened : null;
}

/** The last note of an event of this kind: why the meeting was cancelled or postponed. */
const lastNote = (meeting: MeetingView, kind: string) =>
  meeting.events.filter((e) => e.kind === kind).at(-1)?.note ?? null;

/** One meeting: when and where, the agenda and its documents, the invitees and their replies, the trail. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const query = useMeeting(id);
  const meeting = query.data;
  const opened = useSeenOnce(meeting);

  if (query.isError && query.error instanceof ApiError && query.error.status === 404) {
    return <Result status="404" title={tm.meeting.notFound} extra={<Link to="/meetings">{tm.title}</Link>} />;
  }
  if (query.isError && !meeting) {
    return <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />;
  }
  if (!meeting) return <Skeleton active />;

  const changed = opened?.changed ?? new Set<string>();
  const follows = followsReplies(meeting);
  const cancelReason = meeting.status === 'cancelled' ? lastNote(meeting, 'cancelled') : null;
  const postponeReason = meeting.status === 'postponed' ? lastNote(meeting, 'postponed') : null;

  return (
    <>
      <Link to="/meetings">
        <ArrowLeftOutlined /> {tm.meeting.back}
      </Link>
      <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {meeting.title}
        </Typography.Title>
        <Flex gap={4} wrap align="center">
          <MeetingStatusTag status={meeting.status} />
          <SecrecyTag secrecy={meeting.secrecy} />
          <Typography.Text type="secondary">{MEETING_BODY_LABELS[meeting.body]}</Typography.Text>
        </Flex>
        <Typography.Text style={{ fontSize: 16 }} strong>
          {meetingTimeText(meeting.startsAt, meeting.endsAt)} · {meeting.place}
        </Typography.Text>
        <MeetingActions meeting={meeting} />
        {meeting.actions.includes('doorCode') ? (
          <div>
            <DoorCodeButton meetingId={meeting.id} />
          </div>
        ) : null}
      </Flex>
      {meeting.status === 'cancelled' ? (
        <Alert
          type="error"
          showIcon
          title={tm.meeting.cancelled}
          description={cancelReason}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {meeting.status === 'postponed' ? (
        <Alert
          type="warning"
          showIcon
          title={tm.meeting.postponed}
          description={postponeReason}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            {meeting.status !== 'cancelled' ? <MyInvitationCard meeting={meeting} /> : null}
            {meeting.actions.includes('checkIn') &&
            !meeting.myInvitations.some((i) => i.kind === 'person' && i.attendance === 'present') ? (
              <Suspense fallback={<Skeleton active />}>
                <DoorCheckInCard meetingId={meeting.id} />
              </Suspense>
            ) : null}
            {changed.size > 0 && opened?.lastSeenAt ? (
              <Alert type="info" showIcon title={tm.meeting.lastSeen(formatDateTimeShort(opened.lastSeenAt))} />
            ) : null}
            <MeetingDocuments meeting={meeting} changed={changed} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={tm.meeting.info}>
              <MeetingInfo meeting={meeting} />
            </Card>
            <Card size="small" title={tm.meeting.timeline}>
              <MeetingTimeline events={meeting.events} />
            </Card>
          </Flex>
        </Col>
        {follows ? (
          <Col xs={24}>
            <Suspense fallback={<Skeleton active />}>
              <InviteesPanel meeting={meeting} />
            </Suspense>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
