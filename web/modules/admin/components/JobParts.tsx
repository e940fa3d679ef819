import { App, Button, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { type JobStatusName, type JobView, useRetryJob } from '../api/jobs.api';
import { tj } from '../jobs.i18n';

const STATUS_COLORS: Record<JobStatusName, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'warning',
  dead: 'error',
};

export const jobKindLabel = (kind: string) => tj.kinds[kind] ?? kind;

export function JobStatusTag({ status }: { status: JobStatusName }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {tj.statuses[status]}
    </Tag>
  );
}

/** The kind in words, with its code underneath for whoever reads the server's log. */
export function JobKind({ job }: { job: JobView }) {
  const label = jobKindLabel(job.kind);
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      {label !== job.kind ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {job.kind}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** The last error on one line, all of it in a tooltip. */
export function JobLastError({ error }: { error: string | null }) {
  if (!error) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={error} placement="topLeft">
      <Typography.Text type="danger" ellipsis style={{ maxWidth: '100%', display: 'block' }}>
        {error}
      </Typography.Text>
    </Tooltip>
  );
}

export const isRetryable = (job: JobView) => job.status === 'failed' || job.status === 'dead';

/** "Thử lại" on a failed or dead job, after a confirmation. */
export function JobRetryButton({ job }: { job: JobView }) {
  const { message } = App.useApp();
  const retry = useRetryJob();
  if (!isRetryable(job)) return null;
  return (
    <Popconfirm
      title={tj.retryTitle}
      description={tj.retryConfirm}
      okText={tj.retry}
      cancelText={t.common.cancel}
      onConfirm={() =>
        retry.mutateAsync({ id: job.id }).then(
          () => message.success(tj.retryDone),
          (error: unknown) => message.error(errorMessage(error)),
        )
      }
    >
      <Button size="small" loading={retry.isPending} disabled={retry.isPending}>
        {tj.retry}
      </Button>
    </Popconfirm>
  );
}
