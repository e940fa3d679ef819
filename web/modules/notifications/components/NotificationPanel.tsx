import { CalendarOutlined, MailOutlined, NotificationOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../../../../common/schemas/notifications';
import { errorMessage } from '../../../app/api/client';
import { formatDateTimeShort } from '../../../app/format';
import { t } from '../../../app/i18n';
import { useLatestNotifications, useMarkRead } from '../api/notifications.api';
import { tnote } from '../notifications.i18n';

/** "Vừa xong", "5 phút trước", "3 giờ trước", then the date and time. */
function ago(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (Number.isNaN(minutes)) return '';
  if (minutes < 1) return tnote.justNow;
  if (minutes < 60) return tnote.minutesAgo(minutes);
  if (minutes < 24 * 60) return tnote.hoursAgo(Math.floor(minutes / 60));
  return formatDateTimeShort(iso);
}

function kindIcon(kind: string): ReactNode {
  if (kind.startsWith('meeting')) return <TeamOutlined />;
  if (kind.startsWith('schedule')) return <CalendarOutlined />;
  if (kind.startsWith('mail')) return <MailOutlined />;
  return <NotificationOutlined />;
}

function Item({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const unread = item.readAt === null;
  return (
    <button
      type="button"
      className="vp-notification"
      onClick={() => onOpen(item)}
      style={{
        display: 'flex',
        gap: 10,
        width: '100%',
        padding: '10px 16px',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
        background: unread ? '#fff7f7' : '#fff',
        textAlign: 'left',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      <span style={{ color: unread ? '#a8071a' : '#8c8c8c', fontSize: 16, paddingTop: 2 }}>{kindIcon(item.kind)}</span>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} style={{ lineHeight: 1.35 }}>
          {item.title}
        </Typography.Text>
        {item.body ? (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
            {item.body}
          </Typography.Paragraph>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ago(item.createdAt)}
          {unread ? ` · ${tnote.unreadMark}` : ''}
        </Typography.Text>
      </Flex>
    </button>
  );
}

/** The latest notifications: opening one marks it read and goes where it leads. */
export default function NotificationPanel({ onClose, inDrawer = false }: { onClose: () => void; inDrawer?: boolean }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useLatestNotifications(true);
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;

  const failed = (error: unknown) => message.error(errorMessage(error));
  const open = (item: Notification) => {
    if (item.readAt === null) markRead.mutate({ ids: [item.id] }, { onError: failed });
    if (item.link?.startsWith('/')) {
      onClose();
      navigate(item.link);
    }
  };

  let body: ReactNode;
  if (list.isPending) {
    body = (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin />
      </Flex>
    );
  } else if (list.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t.common.loadFailed}
        description={errorMessage(list.error)}
        action={
          <Button size="small" onClick={() => list.refetch()}>
            {t.common.retry}
          </Button>
        }
        style={{ margin: 12 }}
      />
    );
  } else if (list.data.items.length === 0) {
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            {tnote.empty}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {tnote.emptyHint}
            </Typography.Text>
          </>
        }
        style={{ padding: '16px 16px 24px' }}
      />
    );
  } else {
    body = list.data.items.map((item) => <Item key={item.id} item={item} onOpen={open} />);
  }

  return (
    <Flex vertical>
      <Flex
        justify="space-between"
        align="center"
        gap={8}
        wrap
        style={{ padding: '10px 16px', borderBottom: '1px solid #f0f0f0' }}
      >
        <Flex vertical>
          {inDrawer ? null : <Typography.Text strong>{tnote.title}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {unread > 0 ? tnote.unreadHint(unread) : tnote.allRead}
          </Typography.Text>
        </Flex>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true }, { onError: failed })}
          style={{ paddingInline: 0 }}
        >
          {tnote.markAllRead}
        </Button>
      </Flex>
      <div style={inDrawer ? undefined : { maxHeight: 'min(480px, 70vh)', overflowY: 'auto' }}>{body}</div>
      <Flex justify="center" style={{ padding: '6px 16px', borderTop: '1px solid #f0f0f0' }}>
        <Button
          type="link"
          size="small"
          icon={<SettingOutlined />}
          onClick={() => {
            onClose();
            navigate('/account/notifications');
          }}
        >
          {tnote.settingsLink}
        </Button>
      </Flex>
    </Flex>
  );
}
