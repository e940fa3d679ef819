import { Button, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { auditActionLabel, auditEntityLabel } from '../../../../common/audit-labels';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTime, vietnamDayBounds } from '../../../app/format';
import { t } from '../../../app/i18n';
import { type AuditEvent, type AuditFilters, useAuditEvents, useVerifyAudit } from '../api/audit.api';
import AuditEventDetails from '../components/AuditEventDetails';
import AuditFilterBar, { type AuditFilterParams } from '../components/AuditFilterBar';
import { AuditVerifyButton, AuditVerifyResult } from '../components/AuditVerifyPanel';

const PAGE_SIZE = 50;
function readFilters(params: URLSearchParams): AuditFilterParams {
  const get = (key: keyof AuditFilterParams) => params.get(key) ?? '';
  return {
    q: get('q'),
    action: get('action'),
    entityType: get('entityType'),
    fromDate: get('fromDate'),
    toDate: get('toDate'),
    actorId: get('actorId'),
    actorName: get('actorName'),
  };
}

/** What the API expects: instants in UTC covering whole Vietnamese days. */
function toQuery(filters: AuditFilterParams): AuditFilters {
  return {
    q: filters.q,
    action: filters.action,
    entityType: filters.entityType,
    actorId: filters.actorId,
    from: filters.fromDate ? vietnamDayBounds(filters.fromDate).start : '',
    to: filters.toDate ? vietnamDayBounds(filters.toDate).end : '',
  };
}

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const events = useAuditEvents(toQuery(filters), page, PAGE_SIZE);
  const verify = useVerifyAudit();

  const update = (next: Partial<AuditFilterParams> & { page?: number }) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (key === 'page') continue;
      if (value) merged.set(key, String(value));
      else merged.delete(key);
    }
    const nextPage = next.page ?? 1;
    if (nextPage > 1) merged.set('page', String(nextPage));
    else merged.delete('page');
    setParams(merged, { replace: true });
  };

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'occurredAt',
      title: t.admin.audit.colTime,
      width: 170,
      render: (_, event) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</span>,
    },
    {
      key: 'actor',
      title: t.admin.audit.colActor,
      width: 180,
      render: (_, event) =>
        event.actorId ? (
          <Button
            type="link"
            size="small"
            title={t.admin.audit.filterByActor}
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => update({ actorId: event.actorId ?? '', actorName: event.actorName ?? '' })}
          >
            {event.actorName ?? event.actorId}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t.admin.audit.system}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t.admin.audit.colAction,
      width: 180,
      render: (_, event) => <span title={event.action}>{auditActionLabel(event.action)}</span>,
    },
    {
      key: 'entity',
      title: t.admin.audit.colEntity,
      width: 160,
      render: (_, event) => (
        <Flex vertical>
          <Typography.Text>{auditEntityLabel(event.entityType)}</Typography.Text>
          {event.entityId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {event.entityId}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'summary', title: t.admin.audit.colSummary, dataIndex: 'summary' },
  ];

  return (
    <>
      <PageTitle title={t.admin.audit.title} extra={<AuditVerifyButton verify={verify} />} />
      <AuditVerifyResult verify={verify} />
      <AuditFilterBar filters={filters} onChange={(next) => update(next)} />
      {events.isError ? (
        <QueryErrorAlert error={events.error} onRetry={() => events.refetch()} retrying={events.isFetching} />
      ) : null}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.isFetching}
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (event) => <AuditEventDetails event={event} /> }}
        locale={{ emptyText: <Empty description={events.isError ? t.common.loadFailed : t.admin.audit.empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t.common.total(total),
          onChange: (nextPage) => update({ page: nextPage }),
        }}
      />
    </>
  );
}
