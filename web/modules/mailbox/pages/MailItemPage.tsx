import {
  ArrowLeftOutlined,
  DeleteOutlined,
  FileDoneOutlined,
  ForwardOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Collapse, Descriptions, Dropdown, Flex, Popconfirm, Tag, Typography } from 'antd';
import { lazy, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { MailItemView, MailMessage } from '../../../../common/schemas/mail';
import { errorMessage } from '../../../app/api/client';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageLoading from '../../../app/components/PageLoading';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTime } from '../../../app/format';
import { useDeleteMail, useMailboxes, useMailItem, useMarkMail, useMoveMail } from '../api/mailbox.api';
import { type ComposeStart, useRestoredCompose } from '../components/composeStart';
import MessageBody from '../components/MessageBody';
import { addressPick, type Pick } from '../components/RecipientSelect';
import { tmail } from '../mailbox.i18n';

// Writing and registering come when their button is pressed.
const ComposeDrawer = lazy(() => import('../components/ComposeDrawer'));
const RegisterMailModal = lazy(() => import('../components/RegisterMailModal'));

const STATUS_COLORS = { queued: 'processing', sent: 'success', failed: 'error' } as const;

function prefix(subject: string, p: string) {
  return subject.toLowerCase().startsWith(p.toLowerCase()) ? subject : `${p}${subject}`;
}

function quote(item: MailItemView) {
  const m = item.message;
  const lines = m.text.split('\n').map((l) => `> ${l}`);
  return `\n\n${tmail.quoteHeader(m.from.name ?? m.from.address, formatDateTime(m.at))}\n${lines.join('\n')}`;
}

/** A message as one mailbox holds it, with its thread, its delivery outside, and what may be done with it. */
export default function MailItemPage() {
  const { mailboxId = '', itemId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const boxes = useMailboxes();
  const query = useMailItem(itemId);
  const move = useMoveMail();
  const mark = useMarkMail();
  const remove = useDeleteMail();
  const [compose, setCompose] = useState<ComposeStart | null>(null);
  useRestoredCompose(setCompose);
  const [registering, setRegistering] = useState(false);
  const item = query.data;
  const box = boxes.data?.find((b) => b.id === mailboxId);
  const back = () =>
    navigate(`/mailbox/${encodeURIComponent(mailboxId)}?folder=${encodeURIComponent(item?.folder ?? 'inbox')}`);

  // A draft opens straight into its editor.
  useEffect(() => {
    if (item?.status === 'draft' && params.get('edit') === '1' && !compose) {
      const labels = item.draft?.labels ?? {};
      const picks = (list: { kind: string; id?: string; address?: string }[]): Pick[] =>
        list.map((r) =>
          r.kind === 'address'
            ? { value: r.address ?? '', label: r.address ?? '' }
            : { value: `${r.kind}:${r.id}`, label: labels[`${r.kind}:${r.id}`] ?? r.id ?? '' },
        );
      setCompose({
        mailboxId,
        to: item.draft ? picks(item.draft.to) : item.message.to.map(addressPick),
        cc: item.draft ? picks(item.draft.cc) : [],
        bcc: item.draft ? picks(item.draft.bcc) : [],
        subject: item.message.subject,
        text: item.message.text,
        draft: { itemId: item.id, version: item.version },
      });
    }
  }, [item, params, compose, mailboxId]);

  if (query.isPending || boxes.isPending) return <PageLoading />;
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  if (!item) return null;
  const m = item.message;
  const run = async (work: () => Promise<unknown>, done: string, leave = true) => {
    try {
      await work();
      message.success(done);
      if (leave) back();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const own = box?.address;
  const others = (list: { address: string; name: string | null }[]) =>
    list.filter((p) => p.address !== own && !p.address.startsWith('nhom:')).map(addressPick);
  const reply = (all: boolean) =>
    setCompose({
      mailboxId,
      to: m.own ? others(m.to) : [addressPick(m.from)],
      cc: all ? others([...(m.own ? [] : m.to), ...m.cc]) : [],
      subject: prefix(m.subject, tmail.replyPrefix),
      text: quote(item),
      replyToItemId: item.id,
    });
  const forward = () =>
    setCompose({
      mailboxId,
      subject: prefix(m.subject, tmail.forwardPrefix),
      text: quote(item),
      forwardItemId: item.id,
      forwardedFiles: m.attachments.length,
    });
  const targets = (box?.folders ?? []).filter((f) => !['drafts', 'trash', item.folder].includes(f.id));

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {tmail.back}
        </Button>
        {item.actions.includes('reply') ? (
          <>
            <Button icon={<RollbackOutlined />} onClick={() => reply(false)}>
              {tmail.reply}
            </Button>
            <Button onClick={() => reply(true)}>{tmail.replyAll}</Button>
          </>
        ) : null}
        {item.actions.includes('forward') ? (
          <Button icon={<ForwardOutlined />} onClick={forward}>
            {tmail.forward}
          </Button>
        ) : null}
        {item.actions.includes('move') && targets.length > 0 ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: targets.map((f) => ({ key: f.id, label: f.name })),
              onClick: ({ key }) => void run(() => move.mutateAsync({ id: item.id, folder: key }), tmail.moved),
            }}
          >
            <Button>{tmail.moveTo}</Button>
          </Dropdown>
        ) : null}
        {item.status === 'sent' ? (
          <Button onClick={() => void run(() => mark.mutateAsync({ id: item.id, read: false }), tmail.markUnread)}>
            {tmail.markUnread}
          </Button>
        ) : null}
        {item.actions.includes('edit') ? (
          <Button onClick={() => navigate(`?edit=1`, { replace: true })}>{tmail.editDraft}</Button>
        ) : null}
        {item.actions.includes('trash') ? (
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={() => void run(() => move.mutateAsync({ id: item.id, folder: 'trash' }), tmail.deleted)}
          >
            {tmail.toTrash}
          </Button>
        ) : null}
        {item.actions.includes('delete') ? (
          <Popconfirm
            title={tmail.deleteForeverConfirm}
            okText={tmail.deleteForever}
            okButtonProps={{ danger: true }}
            cancelText="Hủy"
            onConfirm={() => run(() => remove.mutateAsync(item.id), tmail.deleted)}
          >
            <Button danger icon={<DeleteOutlined />}>
              {tmail.deleteForever}
            </Button>
          </Popconfirm>
        ) : null}
        {item.actions.includes('register') ? (
          <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setRegistering(true)}>
            {tmail.register}
          </Button>
        ) : null}
        {item.registeredDocumentId ? (
          <Link to={`/documents/${encodeURIComponent(item.registeredDocumentId)}`}>
            <Tag color="green">{tmail.openDocument}</Tag>
          </Link>
        ) : null}
      </Flex>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {m.subject || tmail.noSubject} {item.status === 'draft' ? <Tag color="orange">{tmail.draftTag}</Tag> : null}
        </Typography.Title>
        <ThreadPart messages={item.thread.filter((t) => t.at < m.at)} label={tmail.earlier} />
        <MessageBody message={m} />
        <ThreadPart messages={item.thread.filter((t) => t.at >= m.at)} label={tmail.later} />
        {item.deliveries.length > 0 ? (
          <Descriptions size="small" column={1} title={tmail.deliveries} style={{ marginTop: 16 }} bordered>
            {item.deliveries.map((d) => (
              <Descriptions.Item key={d.address} label={d.address}>
                <Tag color={STATUS_COLORS[d.status]}>{tmail.deliveryStatus[d.status]}</Tag>
                <Typography.Text type="secondary">{formatDateTime(d.at)}</Typography.Text>
                {d.error ? <div style={{ color: d.status === 'failed' ? '#cf1322' : undefined }}>{d.error}</div> : null}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : null}
        {item.headers ? (
          <Collapse
            size="small"
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'h',
                label: tmail.headers,
                children: (
                  <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>
                    {Object.entries(item.headers)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join('\n')}
                  </pre>
                ),
              },
            ]}
          />
        ) : null}
      </Card>
      <MountWhenOpened open={compose !== null}>
        <ComposeDrawer
          start={compose}
          mailboxes={boxes.data ?? []}
          onClose={() => {
            setCompose(null);
            if (item.status === 'draft') back();
          }}
        />
      </MountWhenOpened>
      {item.actions.includes('register') ? (
        <MountWhenOpened open={registering}>
          <RegisterMailModal
            item={item}
            organizationId={box?.organizationId ?? null}
            open={registering}
            onClose={() => setRegistering(false)}
          />
        </MountWhenOpened>
      ) : null}
    </>
  );
}

/** The messages of the thread on one side of the one shown: before it, or the replies after it. */
function ThreadPart({ messages, label }: { messages: MailMessage[]; label: (count: number) => string }) {
  if (messages.length === 0) return null;
  return (
    <Collapse
      size="small"
      style={{ margin: '16px 0' }}
      items={[
        {
          key: 'thread',
          label: label(messages.length),
          children: (
            <Flex vertical gap={16}>
              {messages.map((t) => (
                <Card key={t.messageId} size="small" title={t.subject || tmail.noSubject}>
                  <MessageBody message={t} />
                </Card>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
