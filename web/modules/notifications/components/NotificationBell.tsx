import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Flex, Grid, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useLiveUnread, useUnreadCount } from '../api/notifications.api';
import { tnote } from '../notifications.i18n';

// The list, its times and its empty state load on the first click, not with every page.
const NotificationPanel = lazy(() => import('./NotificationPanel'));

const PANEL_STYLE = {
  width: 380,
  background: '#fff',
  borderRadius: 8,
  boxShadow: '0 6px 16px rgba(0,0,0,0.12), 0 3px 6px -4px rgba(0,0,0,0.12)',
} as const;

function Panel({ onClose, inDrawer = false }: { onClose: () => void; inDrawer?: boolean }) {
  return (
    <Suspense
      fallback={
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      }
    >
      <NotificationPanel onClose={onClose} inDrawer={inDrawer} />
    </Suspense>
  );
}

/**
 * The header's bell: the unread count, and the latest notifications on a click, in a
 * drop-down on a wide screen and a full-width drawer on a phone.
 */
export default function NotificationBell() {
  const [open, setOpen] = useState(false);
  useLiveUnread();
  const unread = useUnreadCount().data ?? 0;
  const wide = Grid.useBreakpoint().md === true;
  const close = () => setOpen(false);

  const button = (
    <Button
      type="text"
      aria-label={unread > 0 ? tnote.bellWithCount(unread) : tnote.bell}
      onClick={wide ? undefined : () => setOpen(true)}
      style={{ color: '#fff', height: 40, width: 40, paddingInline: 0, flex: 'none' }}
    >
      <Badge count={unread} overflowCount={99} size="small" offset={[2, -2]}>
        <BellOutlined style={{ color: '#fff', fontSize: 20 }} />
      </Badge>
    </Button>
  );

  if (!wide) {
    return (
      <>
        {button}
        <Drawer
          open={open}
          onClose={close}
          placement="right"
          size="100%"
          title={tnote.title}
          destroyOnHidden
          styles={{ body: { padding: 0 } }}
        >
          <Panel onClose={close} inDrawer />
        </Drawer>
      </>
    );
  }
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      destroyOnHidden
      popupRender={() => (
        <div style={PANEL_STYLE}>
          <Panel onClose={close} />
        </div>
      )}
    >
      {button}
    </Dropdown>
  );
}
