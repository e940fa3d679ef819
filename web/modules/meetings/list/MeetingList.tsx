import { EnvironmentOutlined } from '@ant-design/icons';
import { Empty, Flex, Grid, List, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { MEETING_BODY_LABELS } from '../../../../common/meetings';
import type { MeetingSummary } from '../../../../common/schemas/meetings';
import { t } from '../../../app/i18n';
import { MeetingStatusTag, ReplyTag, SecrecyTag } from '../components/MeetingTags';
import { tm } from '../meetings.i18n';
import { ChangedBadge, meetingLink } from './meetingLink';

export { ChangedBadge, meetingLink };

import { meetingClock, meetingDay, meetingTimeText } from '../meetingTime';

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "12/20 đã trả lời", or nothing for a draft nobody was invited to yet. */
function Replies({ m }: { m: MeetingSummary }) {
  if (m.invited === 0) return <Typography.Text type="secondary">{tm.list.noInvitees}</Typography.Text>;
  return (
    <Flex vertical>
      <span>{tm.list.replies(m.answered, m.invited)}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {tm.list.attending(m.attending)}
      </Typography.Text>
    </Flex>
  );
}

/** Meetings as a table on a wide screen and as cards on a phone. */
export default function MeetingList({
  items,
  loading,
  paging,
  empty,
}: {
  items: MeetingSummary[];
  loading: boolean;
  paging: Paging;
  empty?: ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  const emptyNode = empty ?? <Empty description={tm.list.empty} />;
  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: paging.total,
    showSizeChanger: false,
    hideOnSinglePage: true,
    showTotal: (total: number) => t.common.total(total),
    onChange: paging.onChange,
    size: 'small' as const,
  };

  if (screens.md !== true) {
    return (
      <List<MeetingSummary>
        className="vp-meeting-cards"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: emptyNode }}
        pagination={{ ...pagination, align: 'center' }}
        renderItem={(m) => (
          <List.Item key={m.id} style={{ background: '#fff', padding: 12, marginBottom: 8, borderRadius: 6 }}>
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong style={{ fontSize: 13 }}>
                  {meetingTimeText(m.startsAt, m.endsAt)}
                </Typography.Text>
                <span>
                  <MeetingStatusTag status={m.status} />
                </span>
              </Flex>
              <Link to={meetingLink(m)} style={{ fontWeight: 600, fontSize: 15 }}>
                {m.title}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {MEETING_BODY_LABELS[m.body]} · <EnvironmentOutlined /> {m.place}
              </Typography.Text>
              <Flex gap={4} wrap align="center" style={{ fontSize: 13 }}>
                {m.myReply ? <ReplyTag reply={m.myReply} /> : null}
                <ChangedBadge count={m.changedFiles} />
                <SecrecyTag secrecy={m.secrecy} />
                {m.invited > 0 ? (
                  <Typography.Text type="secondary">{tm.list.replies(m.answered, m.invited)}</Typography.Text>
                ) : null}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<MeetingSummary> = [
    {
      key: 'time',
      title: tm.list.colTime,
      width: 170,
      render: (_, m) => (
        <Flex vertical>
          <strong>
            {meetingClock(m.startsAt)} – {meetingClock(m.endsAt)}
          </strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {meetingDay(m.startsAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'title',
      title: tm.list.colTitle,
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Link to={meetingLink(m)} style={{ fontWeight: m.changedFiles > 0 ? 600 : undefined }}>
            {m.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {MEETING_BODY_LABELS[m.body]}
            {m.chairName ? ` · ${m.chairName}` : ''}
          </Typography.Text>
          <div>
            <SecrecyTag secrecy={m.secrecy} />
            <ChangedBadge count={m.changedFiles} />
          </div>
        </Flex>
      ),
    },
    { key: 'place', title: tm.list.colPlace, dataIndex: 'place', width: 200, responsive: ['lg'] },
    {
      key: 'status',
      title: tm.list.colStatus,
      width: 150,
      render: (_, m) => <MeetingStatusTag status={m.status} />,
    },
    { key: 'replies', title: tm.list.colReplies, width: 150, render: (_, m) => <Replies m={m} /> },
    {
      key: 'mine',
      title: tm.list.colMine,
      width: 140,
      render: (_, m) => (m.myReply ? <ReplyTag reply={m.myReply} /> : t.common.none),
    },
  ];

  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: emptyNode }}
      pagination={pagination}
    />
  );
}
