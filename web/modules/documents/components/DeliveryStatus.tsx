import { App, Button, Flex, Grid, List, Table, Tag, Typography } from 'antd';
import { CHANNEL_LABELS, type Channel, DELIVERY_STATUS_LABELS } from '../../../../common/documents';
import type { Delivery, DocumentView, PersonDelivery, Recipient } from '../../../../common/schemas/documents';
import { errorMessage } from '../../../app/api/client';
import { formatDateTimeShort } from '../../../app/format';
import { useDocumentStep } from '../api/documents.api';
import { tdoc } from '../documents.i18n';

const DELIVERY_COLORS: Record<Delivery['status'], string> = {
  '01': 'blue',
  '02': 'red',
  '03': 'cyan',
  '04': 'gold',
  '05': 'processing',
  '06': 'success',
  '13': 'default',
  '15': 'default',
  '16': 'orange',
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

const KIND_ORDER = ['organization', 'person', 'group', 'external'] as const;

/**
 * Every chosen recipient, grouped by kind: what the leader signs for and the clerk sends to.
 * Shown on the draft, in the approval dialog and in the dispatch confirmation.
 */
export function RecipientsSummary({ recipients }: { recipients: readonly Recipient[] }) {
  if (recipients.length === 0) return <Typography.Text type="warning">{tdoc.doc.noRecipients}</Typography.Text>;
  return (
    <Flex vertical gap={6} className="vp-recipients">
      {KIND_ORDER.map((kind) => {
        const list = recipients.filter((r) => r.kind === kind);
        if (list.length === 0) return null;
        return (
          <div key={kind} data-recipient-kind={kind}>
            <Typography.Text type="secondary">{tdoc.doc.recipientGroups[kind]}: </Typography.Text>
            <Flex gap={4} wrap style={{ display: 'inline-flex' }}>
              {list.map((r) => (
                <Tag key={`${r.kind}:${r.id ?? `${r.name}-${r.email ?? ''}`}`} style={{ marginInlineEnd: 0 }}>
                  {r.name}
                  {r.kind === 'external'
                    ? ` — ${CHANNEL_LABELS[r.channel as Channel] ?? r.channel}${r.email ? ` (${r.email})` : ''}`
                    : ''}
                </Tag>
              ))}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}

const time = (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeShort(value)}</span>;
const received = (d: Delivery) =>
  d.receivedAt ? `${tdoc.doc.receivedAt} ${formatDateTimeShort(d.receivedAt)}` : tdoc.doc.notReceived;
const readState = (p: PersonDelivery) =>
  p.readAt ? `${tdoc.doc.readAt} ${formatDateTimeShort(p.readAt)}` : tdoc.doc.notRead;

/** The sender's follow-up of one recipient: remind while unopened, send again while not accepted. */
function FollowUp({
  doc,
  id,
  name,
  unopened,
  resendable,
  remindedAt,
}: {
  doc: DocumentView;
  id: string;
  name: string;
  unopened: boolean;
  resendable: boolean;
  remindedAt: string | null;
}) {
  const { message, modal } = App.useApp();
  const step = useDocumentStep(doc.id);
  if (!doc.actions.includes('remind')) return null;
  const run = async (which: 'remind' | 'resend') => {
    try {
      await step.mutateAsync({ step: which, body: { deliveryId: id } });
      message.success(which === 'resend' ? tdoc.doc.resent : tdoc.doc.reminded);
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  };
  return (
    <Flex gap={4} wrap align="center">
      {remindedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tdoc.doc.remindedAt(formatDateTimeShort(remindedAt))}
        </Typography.Text>
      ) : null}
      {unopened ? (
        <Button size="small" loading={step.isPending} onClick={() => void run('remind')}>
          {tdoc.doc.remindOne}
        </Button>
      ) : null}
      {resendable ? (
        <Button
          size="small"
          onClick={() =>
            modal.confirm({
              title: tdoc.doc.resend,
              content: tdoc.doc.resendConfirm(name),
              okText: tdoc.doc.resend,
              cancelText: 'Hủy',
              onOk: () => run('resend'),
            })
          }
        >
          {tdoc.doc.resend}
        </Button>
      ) : null}
    </Flex>
  );
}

/** How each recipient handles the dispatched document, as the sender sees it; before that, who it goes to. */
export default function DeliveryStatus({ document: doc }: { document: DocumentView }) {
  const screens = Grid.useBreakpoint();
  const external = doc.recipients.filter((r) => r.kind === 'external');
  const anyReason = doc.deliveries.some((d) => d.reason);
  const sent =
    doc.deliveries.length > 0 ||
    doc.personDeliveries.length > 0 ||
    doc.status === 'dispatched' ||
    doc.status === 'recalled';
  if (!sent) return <RecipientsSummary recipients={doc.recipients} />;
  // An outside office's copy is followed by the exchange, not reminded or resent from here.
  const unitFollowUp = (d: Delivery) =>
    d.outside ? null : (
      <FollowUp
        doc={doc}
        id={d.id}
        name={d.organizationName}
        unopened={d.status === '01' && !d.receivedAt}
        resendable={d.status === '01' || d.status === '02'}
        remindedAt={d.remindedAt}
      />
    );
  const personFollowUp = (p: PersonDelivery) => (
    <FollowUp doc={doc} id={p.id} name={p.name} unopened={!p.readAt} resendable remindedAt={p.remindedAt} />
  );
  const follows = doc.actions.includes('remind');
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
              {
                key: 'org',
                title: tdoc.doc.organization,
                render: (_, d) => (
                  <>
                    {d.organizationName} {d.outside ? <Tag>{tdoc.doc.outsideTag}</Tag> : null}
                  </>
                ),
              },
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
              ...(follows ? [{ key: 'follow', title: '', render: (_: unknown, d: Delivery) => unitFollowUp(d) }] : []),
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
                    <Typography.Text strong>
                      {d.organizationName} {d.outside ? <Tag>{tdoc.doc.outsideTag}</Tag> : null}
                    </Typography.Text>
                    <DeliveryTag status={d.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tdoc.doc.sentAt} {formatDateTimeShort(d.sentAt)} · {received(d)} · {tdoc.doc.updatedAt}{' '}
                    {formatDateTimeShort(d.updatedAt)}
                  </Typography.Text>
                  {d.reason ? (
                    <Typography.Text type="danger">{`${tdoc.doc.reason}: ${d.reason}`}</Typography.Text>
                  ) : null}
                  {unitFollowUp(d)}
                </Flex>
              </List.Item>
            )}
          />
        )
      ) : null}
      {doc.personDeliveries.length > 0 ? (
        <div data-testid="person-deliveries">
          <Typography.Text strong>{tdoc.doc.people}</Typography.Text>
          <List<PersonDelivery>
            size="small"
            dataSource={doc.personDeliveries}
            renderItem={(p) => (
              <List.Item key={p.id}>
                <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }} align="center">
                  <Flex vertical gap={2}>
                    <Typography.Text>{p.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {tdoc.doc.sentAt} {formatDateTimeShort(p.sentAt)} · {readState(p)}
                    </Typography.Text>
                  </Flex>
                  <Flex gap={8} wrap align="center">
                    <Tag color={p.readAt ? 'success' : 'blue'} data-person-read={p.readAt ? 'read' : 'unread'}>
                      {p.readAt ? tdoc.doc.read : tdoc.doc.notRead}
                    </Tag>
                    {personFollowUp(p)}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </div>
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
    </Flex>
  );
}
