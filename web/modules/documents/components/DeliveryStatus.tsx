import { Flex, Grid, List, Table, Tag, Typography } from 'antd';
import { CHANNEL_LABELS, type Channel, DELIVERY_STATUS_LABELS } from '../../../../common/documents';
import type { Delivery, DocumentView, Recipient } from '../../../../common/schemas/documents';
import { formatDateTimeShort } from '../../../app/format';
import { t } from '../../../app/i18n';
import { tdoc } from '../documents.i18n';

const DELIVERY_COLORS: Record<Delivery['status'], string> = {
  '01': 'blue',
  '02': 'red',
  '03': 'cyan',
  '04': 'gold',
  '05': 'processing',
  '06': 'success',
  '13': 'default',
};

export function DeliveryTag({ status }: { status: Delivery['status'] }) {
  return (
    <Tag color={DELIVERY_COLORS[status]} data-delivery-status={status}>
      {DELIVERY_STATUS_LABELS[status]}
    </Tag>
  );
}

const MAIL_COLORS: Record<NonNullable<Recipient['mail']>['status'], string> = {
  queued: 'blue',
  retrying: 'gold',
  sent: 'success',
  failed: 'red',
};

/** How the e-mail to an outside recipient stands, with the relay's reason when it did not go. */
function MailTag({ mail }: { mail: NonNullable<Recipient['mail']> }) {
  return (
    <>
      {' '}
      <Tag color={MAIL_COLORS[mail.status]} data-mail-status={mail.status}>
        {tdoc.doc.mailStatus[mail.status]}
      </Tag>
      {mail.status !== 'sent' && mail.error ? <Typography.Text type="secondary">{mail.error}</Typography.Text> : null}
    </>
  );
}

const received = (d: Delivery) =>
  d.receivedAt ? `${tdoc.doc.receivedAt} ${formatDateTimeShort(d.receivedAt)}` : tdoc.doc.notReceived;

/** How each receiving organization handles the dispatched document, as the sender sees it. */
export default function DeliveryStatus({ document: doc }: { document: DocumentView }) {
  const screens = Grid.useBreakpoint();
  const external = doc.recipients.filter((r) => r.kind === 'external');
  const anyReason = doc.deliveries.some((d) => d.reason);
  const time = (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeShort(value)}</span>;
  return (
    <Flex vertical gap={12}>
      {doc.deliveries.length > 0 ? (
        screens.md ? (
          <Table<Delivery>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={doc.deliveries}
            columns={[
              { key: 'org', title: tdoc.doc.organization, dataIndex: 'organizationName' },
              { key: 'status', title: tdoc.list.colStatus, render: (_, d) => <DeliveryTag status={d.status} /> },
              { key: 'sent', title: tdoc.doc.sentAt, render: (_, d) => time(d.sentAt) },
              {
                key: 'received',
                title: tdoc.doc.receivedAt,
                render: (_, d) => (d.receivedAt ? time(d.receivedAt) : tdoc.doc.notReceived),
              },
              { key: 'updated', title: tdoc.doc.updatedAt, render: (_, d) => time(d.updatedAt) },
              ...(anyReason
                ? [{ key: 'reason', title: tdoc.doc.reason, render: (_: unknown, d: Delivery) => d.reason ?? '' }]
                : []),
            ]}
          />
        ) : (
          <List<Delivery>
            size="small"
            dataSource={doc.deliveries}
            renderItem={(d) => (
              <List.Item key={d.id}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>{d.organizationName}</Typography.Text>
                    <DeliveryTag status={d.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tdoc.doc.sentAt} {formatDateTimeShort(d.sentAt)} · {received(d)} · {tdoc.doc.updatedAt}{' '}
                    {formatDateTimeShort(d.updatedAt)}
                  </Typography.Text>
                  {d.reason ? (
                    <Typography.Text type="danger">{`${tdoc.doc.reason}: ${d.reason}`}</Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        )
      ) : null}
      {external.length > 0 ? (
        <div>
          <Typography.Text strong>{tdoc.doc.external}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {external.map((r) => (
              <li key={`${r.name}-${r.email ?? ''}`}>
                {r.name} — {CHANNEL_LABELS[r.channel as Channel] ?? r.channel}
                {r.email ? ` (${r.email})` : ''}
                {r.mail ? <MailTag mail={r.mail} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {doc.deliveries.length === 0 && external.length === 0 ? (
        <Flex gap={4} wrap>
          {doc.recipients.length === 0
            ? t.common.none
            : doc.recipients.map((r) => <Tag key={`${r.kind}:${r.id ?? r.name}`}>{r.name}</Tag>)}
        </Flex>
      ) : null}
    </Flex>
  );
}
