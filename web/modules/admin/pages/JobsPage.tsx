import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Empty,
  Flex,
  Grid,
  List,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { useSearchParams } from 'react-router-dom';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTime } from '../../../app/format';
import { t } from '../../../app/i18n';
import {
  JOB_STATUS_ORDER,
  type JobList,
  type JobStatusName,
  type JobView,
  useJobs,
  usePublicAddress,
} from '../api/jobs.api';
import { isRetryable, JobKind, JobLastError, JobRetryButton, JobStatusTag, jobKindLabel } from '../components/JobParts';
import { tj } from '../jobs.i18n';

const PAGE_SIZE = 20;

const isStatus = (value: string | null): value is JobStatusName =>
  value !== null && (JOB_STATUS_ORDER as readonly string[]).includes(value);

/** When a waiting or failed job runs next; nothing for one that is done or dead. */
function nextRun(job: JobView): string {
  if (job.status === 'queued' || job.status === 'failed') return formatDateTime(job.runAt);
  if (job.status === 'running' && job.lockedUntil) return formatDateTime(job.lockedUntil);
  return '';
}

const nowrap = { whiteSpace: 'nowrap' } as const;

function StatusTabs({
  status,
  counts,
  onChange,
  compact,
}: {
  status: JobStatusName;
  counts: JobList['counts'] | undefined;
  onChange: (status: JobStatusName) => void;
  /** On a phone every status stays in sight, wrapped, instead of behind the tabs' overflow menu. */
  compact: boolean;
}) {
  if (compact) {
    return (
      <Flex wrap gap={6} style={{ marginBottom: 12 }}>
        {JOB_STATUS_ORDER.map((s) => (
          <Button
            key={s}
            size="small"
            type={s === status ? 'primary' : 'default'}
            aria-pressed={s === status}
            data-status-tab={s}
            onClick={() => onChange(s)}
          >
            {tj.statuses[s]} ({counts?.[s] ?? 0})
          </Button>
        ))}
      </Flex>
    );
  }
  return (
    <Tabs
      activeKey={status}
      onChange={(key) => onChange(key as JobStatusName)}
      items={JOB_STATUS_ORDER.map((s) => {
        const count = counts?.[s] ?? 0;
        const alarming = (s === 'failed' || s === 'dead') && count > 0;
        return {
          key: s,
          label: (
            <Flex align="center" gap={6} data-status-tab={s}>
              {tj.statuses[s]}
              <Badge
                count={count}
                showZero
                overflowCount={9999}
                color={alarming ? (s === 'dead' ? '#cf1322' : '#d48806') : '#bfbfbf'}
              />
            </Flex>
          ),
        };
      })}
    />
  );
}

/** Said first: over plain http phones can neither install the app nor keep meeting papers offline. */
function PublicAddressNotice() {
  const address = usePublicAddress().data;
  if (!address || address.status === 'https') return null;
  const local = address.status === 'local';
  return (
    <Alert
      type={local ? 'info' : 'warning'}
      showIcon
      data-public-address={address.status}
      style={{ marginBottom: 16 }}
      title={local ? tj.address.localTitle : tj.address.insecureTitle}
      description={
        <Flex vertical gap={4}>
          <span>{local ? tj.address.local(address.url) : tj.address.insecure(address.url)}</span>
          {address.configured ? null : <span>{tj.address.unset}</span>}
          <span>{tj.address.fix}</span>
        </Flex>
      }
    />
  );
}

export default function JobsPage() {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: JobStatusName = isStatus(statusParam) ? statusParam : 'queued';
  const kind = params.get('kind') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const jobs = useJobs({ status, kind }, page, PAGE_SIZE);
  const screens = Grid.useBreakpoint();
  const counts = jobs.data?.counts;
  const queueEmpty = !kind && counts !== undefined && JOB_STATUS_ORDER.every((s) => counts[s] === 0);

  const update = (next: { status?: JobStatusName; kind?: string; page?: number }) => {
    const merged = new URLSearchParams(params);
    if (next.status !== undefined) merged.set('status', next.status);
    if (next.kind !== undefined) next.kind ? merged.set('kind', next.kind) : merged.delete('kind');
    const nextPage = next.page ?? 1;
    if (nextPage > 1) merged.set('page', String(nextPage));
    else merged.delete('page');
    setParams(merged, { replace: true });
  };

  const kindOptions = [
    ...Object.keys(tj.kinds)
      .filter((k) => k !== 'mail.send')
      .map((k) => ({ value: k, label: jobKindLabel(k) })),
    ...(kind && !(kind in tj.kinds) ? [{ value: kind, label: kind }] : []),
  ];

  const emptyNode = jobs.isError ? (
    <Empty description={t.common.loadFailed} />
  ) : queueEmpty ? (
    <Empty
      data-empty="queue"
      description={
        <Flex vertical gap={4} style={{ maxWidth: 460, margin: '0 auto' }}>
          <Typography.Text strong>{tj.empty}</Typography.Text>
          <Typography.Text type="secondary">{tj.emptyHint}</Typography.Text>
        </Flex>
      }
    />
  ) : (
    <Empty description={tj.emptyFiltered} />
  );

  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: jobs.data?.total ?? 0,
    showSizeChanger: false,
    hideOnSinglePage: true,
    showTotal: (total: number) => t.common.total(total),
    onChange: (nextPage: number) => update({ page: nextPage }),
  };

  const columns: TableColumnsType<JobView> = [
    { key: 'kind', title: tj.colKind, width: 150, render: (_, job) => <JobKind job={job} /> },
    { key: 'status', title: tj.colStatus, width: 120, render: (_, job) => <JobStatusTag status={job.status} /> },
    {
      key: 'attempts',
      title: tj.colAttempts,
      width: 100,
      align: 'center',
      render: (_, job) => <span style={nowrap}>{tj.attempts(job.attempts, job.maxAttempts)}</span>,
    },
    {
      key: 'runAt',
      title: tj.colRunAt,
      width: 150,
      render: (_, job) => <span style={nowrap}>{nextRun(job) || '—'}</span>,
    },
    {
      key: 'lastError',
      title: tj.colLastError,
      ellipsis: true,
      render: (_, job) => <JobLastError error={job.lastError} />,
    },
    {
      key: 'times',
      title: `${tj.colCreated} / ${tj.colDone}`,
      width: 170,
      render: (_, job) => (
        <Flex vertical style={nowrap}>
          <span>{formatDateTime(job.createdAt)}</span>
          {job.doneAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tj.doneLabel}: {formatDateTime(job.doneAt)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'actions', title: t.common.actions, width: 90, render: (_, job) => <JobRetryButton job={job} /> },
  ];

  return (
    <>
      <PublicAddressNotice />
      <PageTitle
        title={tj.title}
        extra={
          <Button
            icon={<ReloadOutlined spin={jobs.isFetching} />}
            onClick={() => jobs.refetch()}
            title={tj.autoRefresh}
          >
            {tj.refresh}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {tj.intro} {tj.autoRefresh}.
      </Typography.Paragraph>
      <Select
        aria-label={tj.kindFilter}
        placeholder={tj.kindAll}
        allowClear
        value={kind || undefined}
        options={kindOptions}
        onChange={(value?: string) => update({ status, kind: value ?? '' })}
        style={{ width: screens.md ? 260 : '100%', marginBottom: 8 }}
      />
      <StatusTabs
        status={status}
        counts={counts}
        compact={!screens.md}
        onChange={(next) => update({ status: next, kind })}
      />
      {jobs.isError ? (
        <QueryErrorAlert error={jobs.error} onRetry={() => jobs.refetch()} retrying={jobs.isFetching} />
      ) : null}
      {screens.md ? (
        <Table<JobView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isLoading}
          scroll={{ x: 1000 }}
          tableLayout="fixed"
          locale={{ emptyText: emptyNode }}
          pagination={pagination}
        />
      ) : (
        <List<JobView>
          loading={jobs.isLoading}
          dataSource={jobs.data?.items ?? []}
          locale={{ emptyText: emptyNode }}
          pagination={jobs.data && jobs.data.total > 0 ? { ...pagination, align: 'center', size: 'small' } : false}
          renderItem={(job) => (
            <List.Item
              key={job.id}
              data-job={job.id}
              style={{ background: '#fff', padding: 12, marginBottom: 8, borderRadius: 6, display: 'block' }}
            >
              <Flex vertical gap={6} style={{ minWidth: 0 }}>
                <Flex justify="space-between" align="start" gap={8}>
                  <JobKind job={job} />
                  <JobStatusTag status={job.status} />
                </Flex>
                <Typography.Text style={{ fontSize: 13 }}>
                  {tj.attemptsLong(job.attempts, job.maxAttempts)}
                  {nextRun(job) ? ` · ${tj.runAtLabel}: ${nextRun(job)}` : ''}
                </Typography.Text>
                {job.lastError ? <JobLastError error={job.lastError} /> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tj.createdLabel}: {formatDateTime(job.createdAt)}
                  {job.doneAt ? ` · ${tj.doneLabel}: ${formatDateTime(job.doneAt)}` : ''}
                </Typography.Text>
                {isRetryable(job) ? (
                  <div>
                    <JobRetryButton job={job} />
                  </div>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
