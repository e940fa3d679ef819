import { Empty, Flex, Grid, List, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { DocumentSummary } from '../../../../common/schemas/documents';
import { formatCalendarDate } from '../../../app/format';
import { t } from '../../../app/i18n';
import { tdoc } from '../documents.i18n';
import { MarkTags, StatusTag } from './DocumentTags';

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting at `total`: there are more, and only the pages up to it are offered. */
  capped?: boolean;
  onChange: (page: number) => void;
}

const docLink = (d: DocumentSummary) => `/documents/${encodeURIComponent(d.id)}`;

function numberLine(d: DocumentSummary): string {
  const parts = [d.numberText ?? tdoc.list.noNumber];
  if (d.direction === 'incoming' && d.arrivalNumber !== null) parts.unshift(tdoc.list.arrival(d.arrivalNumber));
  return parts.join(' · ');
}

const registerLine = (d: DocumentSummary) => [d.registerName, d.organizationName].filter(Boolean).join(' — ');

/** Documents as a table on a wide screen and as a list of cards on a phone. */
export default function DocumentTable({
  items,
  loading,
  paging,
  empty,
  showRegister = false,
}: {
  items: DocumentSummary[];
  loading: boolean;
  /** The list spans several registers or organizations: each row says whose register it is in. */
  showRegister?: boolean;
  paging?: Paging;
  empty?: ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  const emptyNode = empty ?? <Empty description={tdoc.list.empty} />;
  const pagination = paging
    ? {
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        showSizeChanger: false,
        showTotal: (total: number) => (paging.capped ? tdoc.list.totalCapped(total) : t.common.total(total)),
        onChange: paging.onChange,
        size: 'small' as const,
      }
    : false;

  if (screens.md !== true) {
    return (
      <List<DocumentSummary>
        className="vp-doc-cards"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: emptyNode }}
        pagination={pagination === false ? false : { ...pagination, align: 'center' }}
        renderItem={(d) => (
          <List.Item key={d.id} style={{ background: '#fff', padding: 12, marginBottom: 8, borderRadius: 6 }}>
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {numberLine(d)}
                </Typography.Text>
                <span>
                  <StatusTag status={d.status} direction={d.direction} />
                </span>
              </Flex>
              <Link to={docLink(d)} style={{ fontWeight: 600 }}>
                {d.summary}
              </Link>
              {showRegister ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {registerLine(d)}
                </Typography.Text>
              ) : null}
              <Typography.Text style={{ fontSize: 13 }}>
                {d.issuerName}
                {d.issueDate ? ` — ${formatCalendarDate(d.issueDate)}` : ''}
              </Typography.Text>
              <div>
                <MarkTags urgency={d.urgency} secrecy={d.secrecy} overdue={d.overdue} />
                {d.dueDate ? (
                  <Typography.Text type={d.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                    {tdoc.list.due(formatCalendarDate(d.dueDate))}
                  </Typography.Text>
                ) : null}
              </div>
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const incoming = items[0]?.direction !== 'outgoing';
  const columns: TableColumnsType<DocumentSummary> = [
    ...(showRegister
      ? [
          {
            key: 'register',
            title: tdoc.list.colRegister,
            width: 170,
            render: (_: unknown, d: DocumentSummary) => (
              <Flex vertical>
                <span>{d.registerName ?? t.common.none}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.organizationName}
                </Typography.Text>
              </Flex>
            ),
          },
        ]
      : []),
    ...(incoming
      ? [
          {
            key: 'arrival',
            title: tdoc.list.colArrival,
            width: 90,
            render: (_: unknown, d: DocumentSummary) => (
              <Flex vertical>
                <strong>{d.arrivalNumber ?? t.common.none}</strong>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatCalendarDate(d.arrivalDate)}
                </Typography.Text>
              </Flex>
            ),
          },
        ]
      : []),
    {
      key: 'number',
      title: tdoc.list.colNumber,
      width: 150,
      render: (_, d) => (
        <Flex vertical>
          <span>{d.numberText ?? <Typography.Text type="secondary">{tdoc.list.noNumber}</Typography.Text>}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatCalendarDate(d.issueDate)}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(incoming
      ? [
          {
            key: 'issuer',
            title: tdoc.list.colIssuer,
            dataIndex: 'issuerName',
            width: 200,
            responsive: ['lg' as const],
          },
        ]
      : []),
    {
      key: 'summary',
      title: tdoc.list.colSummary,
      render: (_, d) => (
        <Flex vertical gap={2}>
          <Link to={docLink(d)}>{d.summary}</Link>
          <div>
            <MarkTags urgency={d.urgency} secrecy={d.secrecy} overdue={d.overdue} />
          </div>
        </Flex>
      ),
    },
    {
      key: 'due',
      title: tdoc.list.colDue,
      width: 110,
      render: (_, d) =>
        d.dueDate ? (
          <Typography.Text type={d.overdue ? 'danger' : undefined}>{formatCalendarDate(d.dueDate)}</Typography.Text>
        ) : (
          t.common.none
        ),
    },
    {
      key: 'status',
      title: tdoc.list.colStatus,
      width: 170,
      render: (_, d) => <StatusTag status={d.status} direction={d.direction} />,
    },
  ];

  return (
    <Table<DocumentSummary>
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
