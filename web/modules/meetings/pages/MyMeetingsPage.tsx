import { CalendarOutlined, ReadOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, Flex, Pagination, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MeetingSummary } from '../../../../common/schemas/meetings';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { vietnamToday } from '../../../app/format';
import { useMeetingList } from '../api/meetings.api';
import MyMeetingCard from '../list/MyMeetingCard';
import { tm } from '../meetings.i18n';
import OfflineControl from '../offline/OfflineControl';
import { to } from '../offline/offline.i18n';
import { offlineSupported, useSavedPackages } from '../offline/useOffline';

const PAGE_SIZE = 10;
const byStart = (a: MeetingSummary, b: MeetingSummary) => a.startsAt.localeCompare(b.startsAt);

/** The meetings a delegate is invited to, laid out for a phone: upcoming first, the past folded away. */
export default function MyMeetingsPage() {
  const today = vietnamToday();
  const yesterday = dayjs(today).subtract(1, 'day').format('YYYY-MM-DD');
  const [page, setPage] = useState(1);
  const [pastPage, setPastPage] = useState(1);
  const [showPast, setShowPast] = useState(false);
  const upcoming = useMeetingList({ scope: 'mine', from: today, page, pageSize: PAGE_SIZE }, { live: true });
  const past = useMeetingList(
    { scope: 'mine', to: yesterday, page: pastPage, pageSize: PAGE_SIZE },
    { enabled: showPast },
  );
  // The past count shows on the folded panel: a one-row request tells it.
  const pastCount = useMeetingList({ scope: 'mine', to: yesterday, page: 1, pageSize: 1 });
  const upcomingItems = [...(upcoming.data?.items ?? [])].sort(byStart);
  const pastItems = [...(past.data?.items ?? [])].sort((a, b) => byStart(b, a));
  const offline = useSavedPackages();
  const savedById = new Map((offline.packages ?? []).map((p) => [p.meeting.id, p]));
  const card = (m: MeetingSummary, upcomingCard: boolean) => (
    <MyMeetingCard
      key={m.id}
      meeting={m}
      footer={
        offlineSupported() && (upcomingCard || savedById.has(m.id)) ? (
          <OfflineControl meeting={m} saved={savedById.get(m.id)} onChange={() => void offline.reload()} />
        ) : null
      }
    />
  );

  return (
    <div style={{ maxWidth: 720 }}>
      <PageTitle
        title={tm.mineTitle}
        extra={
          <Flex gap={8} wrap>
            {savedById.size > 0 ? (
              <Button href="/meetings/offline" icon={<ReadOutlined />}>
                {to.title} ({savedById.size})
              </Button>
            ) : null}
            <Link to="/meetings">
              <Button icon={<CalendarOutlined />}>{tm.mine.all}</Button>
            </Link>
          </Flex>
        }
      />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {tm.mine.upcoming}
      </Typography.Title>
      {upcoming.isError ? (
        <QueryErrorAlert error={upcoming.error} onRetry={() => upcoming.refetch()} retrying={upcoming.isFetching} />
      ) : null}
      {upcoming.isPending ? (
        <Skeleton active />
      ) : upcomingItems.length === 0 && !upcoming.isError ? (
        <Empty description={tm.mine.emptyUpcoming} style={{ background: '#fff', padding: 24, borderRadius: 6 }} />
      ) : (
        <Flex vertical gap={12}>
          {upcomingItems.map((m) => card(m, true))}
          <Pagination
            align="center"
            size="small"
            hideOnSinglePage
            current={page}
            pageSize={PAGE_SIZE}
            total={upcoming.data?.total ?? 0}
            onChange={setPage}
          />
        </Flex>
      )}
      <Collapse
        style={{ marginTop: 24, background: '#fff' }}
        activeKey={showPast ? ['past'] : []}
        onChange={(keys) => setShowPast(keys.includes('past'))}
        items={[
          {
            key: 'past',
            label: tm.mine.past(pastCount.data?.total ?? 0),
            children: past.isError ? (
              <QueryErrorAlert error={past.error} onRetry={() => past.refetch()} retrying={past.isFetching} />
            ) : past.isPending ? (
              <Skeleton active />
            ) : pastItems.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tm.mine.emptyPast} />
            ) : (
              <Flex vertical gap={12}>
                {pastItems.map((m) => card(m, false))}
                <Pagination
                  align="center"
                  size="small"
                  hideOnSinglePage
                  current={pastPage}
                  pageSize={PAGE_SIZE}
                  total={past.data?.total ?? 0}
                  onChange={setPastPage}
                />
              </Flex>
            ),
          },
        ]}
      />
    </div>
  );
}
