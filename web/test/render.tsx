import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import { expect } from 'vitest';
import 'dayjs/locale/vi';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { Me, RoleGrant } from '../../common/schemas/auth';
import { CurrentUserContext } from '../app/layout/currentUser';

dayjs.locale('vi');

/** A clerk of one district committee, the person most forms are filled by. */
export function signedIn(
  roles: RoleGrant[] = [{ organizationId: 'org-hu', organizationName: 'Huyện ủy Đồng Văn', role: 'clerk' }],
): Me {
  return {
    id: 'user-1',
    username: 'vanthu',
    email: null,
    fullName: 'Nguyễn Thị Văn Thư',
    position: 'Văn thư',
    personId: 'person-1',
    totpEnabled: false,
    mustChangePassword: false,
    roles,
    sections: ['documents', 'meetings'],
  };
}

/**
 * Renders a part of the page as main.tsx does (antd in Vietnamese, its App for messages, a
 * fresh query cache with no retries, a router), for the signed-in `user`. `cached` holds what
 * the page around the part has already loaded, as [query key, data].
 */
export function renderInApp(
  ui: ReactElement,
  { user = signedIn(), cached = [] }: { user?: Me; cached?: [readonly unknown[], unknown][] } = {},
): RenderResult {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  for (const [key, data] of cached) client.setQueryData(key, data);
  // Without animations: a drawer or dialog is there, or gone, at once, as a person sees it settle.
  return render(
    <ConfigProvider locale={viVN} theme={{ token: { motion: false } }}>
      <App>
        <QueryClientProvider client={client}>
          <MemoryRouter>
            <CurrentUserContext.Provider value={user}>{ui}</CurrentUserContext.Provider>
          </MemoryRouter>
        </QueryClientProvider>
      </App>
    </ConfigProvider>,
  );
}

/** A person at the keyboard and mouse, without the pauses between keys a real one makes. */
export function person(): UserEvent {
  return userEvent.setup({ delay: null });
}

/**
 * Waits until no antd Spin covers the page: a list that has its rows may still be
 * marked busy for a render, and its rows take no clicks until it is not.
 */
export async function notBusy(): Promise<void> {
  await waitFor(() => expect(document.querySelector('.ant-spin-blur, .ant-spin-spinning')).toBeNull());
}

/** Picks an option of an antd Select as a person does: types a few letters, clicks the option shown. */
export async function choose(user: UserEvent, field: HTMLElement, typed: string, option: string): Promise<void> {
  await user.type(field, typed);
  await user.click(await screen.findByTitle(option));
}
