import { ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  List,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { DELIVERY_STATUS_LABELS, type DeliveryStatus } from '../../../../common/documents';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTimeShort } from '../../../app/format';
import { type ExchangeHealth, useExchangeHealth } from '../api/exchange.api';
import { txw } from '../exchange.i18n';

type Message = ExchangeHealth['recent'][number];
const h = txw.health;

const STATE_COLORS: Record<string, string> = {
  queued: 'blue',
  sent: 'success',
  stored: 'success',
  failed: 'red',
  refused: 'red',
};
const COUNT_COLORS: Record<keyof ExchangeHealth['counts'], string | undefined> = {
  queued: undefined,
  sent: '#389e0d',
  failed: '#cf1322',
  received: '#389e0d',
  refused: '#cf1322',
};

/** A status message is named by its code and what the code means ("Trạng thái 03 — Đã tiếp nhận"). */
const kindText = (m: Message) => {
  if (m.kind === 'package' && m.business === 1) return h.recallKind;
  const kind = h.kinds[m.kind] ?? m.kind;
  if (!m.statusCode) return kind;
  const meaning = DELIVERY_STATUS_LABELS[m.statusCode as DeliveryStatus];
  return meaning ? `${kind} ${m.statusCode} — ${meaning}` : `${kind} ${m.statusCode}`;
};
const stateTag = (m: Message) => (
  <Tag color={STATE_COLORS[m.state] ?? 'default'} data-state={m.state}>
    {h.states[m.state] ?? m.state}
  </Tag>
);
const route = (m: Message) => (
  <span style={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>
    {m.fromId} → {m.toId}
  </span>
);
const documentOf = (m: Message) => (
  <span style={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>{m.documentRef}</span>
);

const columns: TableColumnsType<Message> = [
  {
    key: 'direction',
    title: h.colDirection,
    width: 70,
    render: (_, m) => h.direction[m.direction] ?? m.direction,
  },
  {
    key: 'kind',
    title: h.colKind,
    render: (_, m) => kindText(m),
  },
  { key: 'route', title: h.colRoute, render: (_, m) => route(m) },
  { key: 'document', title: h.colDocument, render: (_, m) => documentOf(m) },
  { key: 'state', title: h.colState, render: (_, m) => stateTag(m) },
  {
    key: 'time',
    title: h.colTime,
    render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeShort(m.doneAt ?? m.createdAt)}</span>,
  },
];

/** On a phone: one line per message, what a table's columns would hold. */
function MessageCards({ items, empty }: { items: Message[]; empty: string }) {
  return (
    <List<Message>
      dataSource={items}
      locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={(m) => (
        <List.Item key={m.id} data-message={m.id}>
          <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>
                {h.direction[m.direction] ?? m.direction} · {kindText(m)}
              </Typography.Text>
              {stateTag(m)}
            </Flex>
            {route(m)}
            {documentOf(m)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTimeShort(m.doneAt ?? m.createdAt)}
            </Typography.Text>
            {m.lastError ? <Typography.Text type="danger">{m.lastError}</Typography.Text> : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Failures({ items }: { items: Message[] }) {
  return (
    <List<Message>
      className="vp-exchange-failures"
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={h.noFailures} /> }}
      renderItem={(m) => (
        <List.Item key={m.id} data-message={m.id}>
          <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>
                {h.direction[m.direction] ?? m.direction} · {kindText(m)}
              </Typography.Text>
              {stateTag(m)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.attempts(m.attempts)} · {formatDateTimeShort(m.doneAt ?? m.createdAt)}
              </Typography.Text>
            </Flex>
            {route(m)}
            {documentOf(m)}
            {m.lastError ? (
              <Typography.Text type="danger" style={{ overflowWrap: 'anywhere' }}>
                {m.lastError}
              </Typography.Text>
            ) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** /admin/exchange: whether documents travel to and from outside offices, and what went wrong. */
export default function ExchangeHealthPage() {
  const health = useExchangeHealth();
  const screens = Grid.useBreakpoint();
  const data = health.data;
  const when = (at: string | null) => (at ? formatDateTimeShort(at) : h.never);

  return (
    <>
      <PageTitle
        title={h.title}
        extra={
          <Button icon={<ReloadOutlined />} loading={health.isFetching} onClick={() => health.refetch()}>
            {h.refresh}
          </Button>
        }
      />
      {health.isError ? (
        <QueryErrorAlert error={health.error} onRetry={() => health.refetch()} retrying={health.isFetching} />
      ) : null}
      {!data ? (
        health.isError ? null : (
          <Card loading />
        )
      ) : (
        <Flex vertical gap={16} className="vp-exchange-health">
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'node',
                  label: h.node,
                  children: data.node ? <Typography.Text code>{data.node}</Typography.Text> : h.noNode,
                },
                {
                  key: 'platform',
                  label: h.platform,
                  children: data.platform.configured ? (
                    <Tag color="success">{h.platformConfigured}</Tag>
                  ) : (
                    <Tag>{h.platformNotConfigured}</Tag>
                  ),
                },
                ...(data.platform.configured
                  ? [
                      { key: 'poll', label: h.lastPoll, children: when(data.platform.lastPollAt) },
                      { key: 'success', label: h.lastSuccess, children: when(data.platform.lastSuccessAt) },
                      {
                        key: 'error',
                        label: h.lastError,
                        children: data.platform.lastError ? (
                          <Typography.Text type="danger">{data.platform.lastError}</Typography.Text>
                        ) : (
                          h.never
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
              <Link to="/admin/peers">{txw.health.peersLink}</Link>
            </Typography.Paragraph>
          </Card>
          <Flex wrap gap={12} className="vp-exchange-counts">
            {(Object.keys(h.counts) as (keyof ExchangeHealth['counts'])[]).map((key) => (
              <Card key={key} size="small" style={{ flex: '1 1 105px' }} data-count={key}>
                <Statistic
                  title={h.counts[key]}
                  value={data.counts[key]}
                  styles={{ content: { color: data.counts[key] > 0 ? COUNT_COLORS[key] : undefined } }}
                />
              </Card>
            ))}
          </Flex>
          <Card size="small" title={h.failures}>
            <Failures items={data.failures} />
          </Card>
          <Card size="small" title={h.recent}>
            {screens.md ? (
              <Table<Message>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={data.recent}
                pagination={false}
                locale={{ emptyText: <Empty description={h.noRecent} /> }}
              />
            ) : (
              <MessageCards items={data.recent} empty={h.noRecent} />
            )}
          </Card>
        </Flex>
      )}
    </>
  );
}
