import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router-dom';
import NotificationBell from '../../modules/notifications/components/NotificationBell';
import HeaderSearch from '../../modules/search/components/HeaderSearch';
import PageLoading from '../components/PageLoading';
import { t } from '../i18n';
import { useCurrentUser } from './currentUser';
import SideMenu from './SideMenu';
import UserMenu from './UserMenu';

// Loaded only for an account that must change a temporary password.
const ForcedPasswordChange = lazy(() => import('./ForcedPasswordChange'));

const HEADER_HEIGHT = 56;

/** The frame around every signed-in page: header, section menu (a drawer on phones), content. */
export default function AppLayout() {
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main-content" className="vp-skip-link">
        {t.shell.skipToContent}
      </a>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          display: 'flex',
          alignItems: 'center',
          // A phone has room for the menu, the name, search, the bell and the person only when close together.
          gap: isDesktop ? 12 : 4,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          paddingInline: isDesktop ? 24 : 8,
        }}
      >
        {isDesktop ? null : (
          <Button
            type="text"
            aria-label={t.layout.openMenu}
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
            style={{ color: '#fff' }}
          />
        )}
        <Link to="/" style={{ color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t.app.name}
        </Link>
        {isDesktop ? <span style={{ color: 'rgba(255,255,255,0.8)' }}>{t.app.tagline}</span> : null}
        <div style={{ flex: 1 }} />
        <HeaderSearch wide={isDesktop} />
        <NotificationBell />
        <UserMenu compact={!isDesktop} />
      </Layout.Header>
      <Layout>
        {isDesktop ? (
          <Layout.Sider
            width={240}
            theme="light"
            style={{
              position: 'sticky',
              top: HEADER_HEIGHT,
              height: `calc(100vh - ${HEADER_HEIGHT}px)`,
              overflow: 'auto',
            }}
          >
            <SideMenu />
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            size={280}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t.layout.menuTitle}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout.Content
          id="main-content"
          tabIndex={-1}
          style={{ padding: isDesktop ? 24 : 12, minWidth: 0, outline: 'none' }}
        >
          {user.mustChangePassword ? (
            // A temporary password opens nothing else (the server refuses every other call):
            // the one thing to do is shown, on any page the person lands on.
            <Suspense fallback={<PageLoading />}>
              <ForcedPasswordChange />
            </Suspense>
          ) : (
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
