import { QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider, type ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import type { Me } from '../common/schemas/auth';
import { installIconNames } from './app/a11y/icons';
import { meQueryKey } from './app/api/auth';
import { setSessionEndedHandler } from './app/api/client';
import { queryClient } from './app/api/queryClient';
import DiscardGuard from './app/forms/DiscardGuard';
import { installFormGuards } from './app/forms/formGuards';
import { keepOpenWork } from './app/forms/keptWork';
import { signInUrl } from './app/nextPath';
import { registerServiceWorker } from './app/pwa/register';
import UpdatePrompt from './app/pwa/UpdatePrompt';
import { router } from './app/router';
import './app/styles.css';

dayjs.locale('vi');
installFormGuards();
installIconNames();
registerServiceWorker({ offlineSync: true });

/**
 * The meeting papers kept on the phone open outside the router: its sign-in check needs the
 * server, and this page must open with no signal.
 */
const OfflineReaderApp = lazy(() => import('./modules/meetings/offline/OfflineReaderApp'));
const offlineReader = /^\/meetings\/offline\/?$/.test(window.location.pathname);

/** Only fonts already on the device: nothing is fetched from the internet. */
const SYSTEM_FONTS =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";

/** Deep red, sober enough for an official Party office. */
const PARTY_RED = '#a8071a';

const theme: ThemeConfig = {
  token: { colorPrimary: PARTY_RED, colorLink: PARTY_RED, fontFamily: SYSTEM_FONTS, borderRadius: 6 },
  components: {
    Layout: { headerBg: PARTY_RED, headerPadding: '0 24px', siderBg: '#ffffff' },
  },
};

/** Set once the page is on its way to sign in: a second request refused meanwhile must not start a second navigation, which would abort the first. */
let leavingForSignIn = false;

setSessionEndedHandler(() => {
  const { pathname, search, hash } = window.location;
  if (pathname === '/sign-in' || leavingForSignIn) return;
  leavingForSignIn = true;
  keepOpenWork(queryClient.getQueryData<Me | null>(meQueryKey)?.id);
  // Signed out elsewhere or expired: either way the person was working and must sign in again.
  // The page is replaced, and what it held in memory with it: nothing here to clear, and no
  // change to the cached user that would send the frame to sign in a second time, without why.
  window.location.replace(signInUrl(`${pathname}${search}${hash}`, 'expired'));
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <App>
        <DiscardGuard />
        <QueryClientProvider client={queryClient}>
          {offlineReader ? (
            <Suspense>
              <OfflineReaderApp />
            </Suspense>
          ) : (
            <RouterProvider router={router} />
          )}
        </QueryClientProvider>
        <UpdatePrompt />
      </App>
    </ConfigProvider>
  </StrictMode>,
);
