import { PlusOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Empty, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageLoading from '../../../app/components/PageLoading';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { useMeetingList } from '../api/meetings.api';
import { ORGANIZING_ROLES } from '../form/organizing';
import MeetingFilterBar from '../list/MeetingFilterBar';
import MeetingList from '../list/MeetingList';
import { useMeetingFilters } from '../list/useMeetingFilters';
import { tm } from '../meetings.i18n';

const MeetingForm = lazy(() => import('../form/MeetingForm'));
// The month calendar (antd Calendar with its date panels) comes when its tab is opened.
const MeetingCalendar = lazy(() => import('../list/MeetingCalendar'));

const PAGE_SIZE = 20;

/** Every meeting the person may see: a filtered list, or the month on a calendar. */
export default function MeetingsPage() {
  const user = useCurrentUser();
  const canOrganize = user.roles.some((r) => ORGANIZING_ROLES.has(r.role));
  const { filters, page, tab, month, setFilters, setPage, setTab, setMonth } = useMeetingFilters();
  const [creating, setCreating] = useState(false);
  const list = useMeetingList({ ...filters, page, pageSize: PAGE_SIZE }, { enabled: tab === 'list' });

  const listView = (
    <>
      <MeetingFilterBar filters={filters} onChange={setFilters} />
      {list.isError ? (
        <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : null}
      <MeetingList
        items={list.data?.items ?? []}
        loading={list.isFetching}
        paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        empty={
          <Empty
            description={
              <>
                {tm.list.empty}
                <br />
                <Typography.Text type="secondary">{tm.list.emptyHint}</Typography.Text>
              </>
            }
          />
        }
      />
    </>
  );

  return (
    <>
      <PageTitle
        title={tm.title}
        extra={
          <>
            {canOrganize ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {tm.list.create}
              </Button>
            ) : null}
            <Link to="/meetings/mine">
              <Button icon={<UserOutlined />}>{tm.list.mine}</Button>
            </Link>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === 'calendar' ? 'calendar' : 'list')}
        items={[
          { key: 'list', label: tm.tabs.list, children: listView },
          {
            key: 'calendar',
            label: tm.tabs.calendar,
            children: (
              <>
                <MeetingFilterBar filters={filters} onChange={setFilters} showDates={false} />
                <Suspense fallback={<PageLoading />}>
                  <MeetingCalendar filters={filters} month={month} onMonthChange={setMonth} />
                </Suspense>
              </>
            ),
          },
        ]}
        destroyOnHidden
      />
      {canOrganize ? (
        <MountWhenOpened open={creating}>
          <MeetingForm open={creating} onClose={() => setCreating(false)} />
        </MountWhenOpened>
      ) : null}
    </>
  );
}
