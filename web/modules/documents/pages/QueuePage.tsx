import { Badge, Card, Col, Empty, Row, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { QUEUE_KINDS, type QueueKind } from '../../../../common/documents';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useQueueCounts } from '../../../app/layout/queueCounts';
import { useSchedulesAwaiting } from '../../schedule/api/schedule.api';
import { useQueue } from '../api/documents.api';
import DocumentTable from '../components/DocumentTable';
import { tdoc } from '../documents.i18n';

const DANGER = new Set<string>(['overdue']);
const WARNING = new Set<string>(['dueSoon']);

/** The person's work: a count per kind, and the documents of the chosen kind. */
export default function QueuePage() {
  const [params, setParams] = useSearchParams();
  const counts = useQueueCounts();
  const chosen = params.get('kind');
  const kind = QUEUE_KINDS.includes(chosen as QueueKind) ? (chosen as QueueKind) : null;
  const list = useQueue(kind);
  // A leader's weeks submitted for approval are work too: a tile that opens the first of them.
  const schedules = useSchedulesAwaiting().data?.items ?? [];

  const tile = (key: string, count: number | undefined, to?: string) => {
    const active = key === kind;
    const body = (
      <Card
        hoverable
        size="small"
        data-queue={key}
        style={{
          height: '100%',
          borderColor: active ? '#a8071a' : undefined,
          background: active ? '#fff1f0' : undefined,
        }}
      >
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {tdoc.queue[key]}
        </Typography.Text>
        <div>
          <Badge
            count={count ?? 0}
            showZero
            overflowCount={999}
            color={DANGER.has(key) ? '#cf1322' : WARNING.has(key) ? '#d48806' : '#1677ff'}
            style={{ fontSize: 16, height: 28, lineHeight: '28px', minWidth: 28, borderRadius: 14 }}
          />
        </div>
      </Card>
    );
    return (
      <Col key={key} xs={12} sm={8} lg={6} xl={4}>
        {to ? (
          <Link to={to}>{body}</Link>
        ) : (
          <button
            type="button"
            onClick={() => setParams({ kind: key }, { replace: true })}
            style={{ all: 'unset', display: 'block', height: '100%', width: '100%', cursor: 'pointer' }}
            aria-pressed={active}
          >
            {body}
          </button>
        )}
      </Col>
    );
  };

  return (
    <>
      <PageTitle title={tdoc.queueTitle} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {QUEUE_KINDS.map((k) => tile(k, counts?.[k]))}
        {tile('toReceive', counts?.toReceive, '/incoming?tab=inbox')}
        {schedules[0]
          ? tile('schedulesAwaiting', schedules.length, `/schedule/${encodeURIComponent(schedules[0].id)}`)
          : null}
      </Row>
      {kind ? (
        <>
          <Typography.Title level={4}>{tdoc.queue[kind]}</Typography.Title>
          {list.isError ? (
            <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
          ) : null}
          <DocumentTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            empty={<Empty description={tdoc.queue.empty} />}
          />
        </>
      ) : (
        <Empty description={tdoc.queue.pick} />
      )}
    </>
  );
}
