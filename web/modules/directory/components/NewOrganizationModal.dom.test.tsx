import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OUTSIDE_NEEDS_NATIONAL_ID_MESSAGE } from '../../../../common/exchange';
import type { PeerView } from '../../../../common/schemas/exchange';
import { type Answer, fakeServer, refusal } from '../../../test/fake-server';
import { person, renderInApp } from '../../../test/render';
import type { OrganizationDetails } from '../api/directory.api';
import NewOrganizationModal from './NewOrganizationModal';
import OrganizationForm, { type OrganizationFormValues, organizationBody } from './OrganizationForm';

const field = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label}\\s*(\\(Tùy chọn\\))?$`)) as HTMLInputElement;
const maybeField = (label: string) => screen.queryByLabelText(new RegExp(`^${label}\\s*(\\(Tùy chọn\\))?$`));

const peer = (id: string, name: string, active: boolean): PeerView => ({
  id,
  node: id,
  name,
  url: `https://${id}.example.vn/api/exchange/peer`,
  secretApproved: false,
  active,
  organizationCount: 0,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

function server(post: Answer = { status: 201, json: { id: 'org-new' } }) {
  return fakeServer({
    'GET /api/exchange/peers': {
      json: { items: [peer('tinhuy-hg', 'Tỉnh ủy Hà Giang', true), peer('cu', 'Máy chủ cũ', false)] },
    },
    'POST /api/organizations': post,
    'GET /api/organizations': { json: { items: [], total: 0, page: 1, pageSize: 20 } },
  });
}

/** Opens an antd Select and clicks one of its options. */
async function pick(user: ReturnType<typeof person>, select: HTMLElement, option: string) {
  await user.click(select);
  await user.click(await screen.findByTitle(option));
}

async function fillRequired(user: ReturnType<typeof person>) {
  await user.type(field('Tên tổ chức'), 'Văn phòng Tỉnh ủy Hà Giang');
  await user.type(field('Mã'), 'VPTU-HG');
  await user.type(field('Chữ viết tắt'), 'VPTU');
}

describe('an organization outside the deployment, in the new organization dialog', () => {
  it('asks for its peer and its identifier, then sends it at the top level through that peer', async () => {
    const fake = server();
    renderInApp(<NewOrganizationModal open parent={null} onClose={() => {}} onCreated={() => {}} />);
    const user = person();
    await fillRequired(user);
    // Inside by default: no peer to choose.
    expect(maybeField('Máy chủ liên thông')).toBeNull();
    await pick(user, field('Cách nhận văn bản'), 'Liên thông VanPhong');
    // The peer's field comes with the next render of the form.
    expect(await screen.findByLabelText(/^Máy chủ liên thông\s*(\(Tùy chọn\))?$/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    expect(await screen.findByText(OUTSIDE_NEEDS_NATIONAL_ID_MESSAGE)).toBeTruthy();
    expect(await screen.findByText('Hãy chọn máy chủ liên thông')).toBeTruthy();
    expect(fake.writes()).toEqual([]);

    await user.click(field('Máy chủ liên thông'));
    // Only active peers are offered.
    expect(await screen.findByTitle('Tỉnh ủy Hà Giang (tinhuy-hg)')).toBeTruthy();
    expect(screen.queryByTitle('Máy chủ cũ (cu)')).toBeNull();
    await user.click(screen.getByTitle('Tỉnh ủy Hà Giang (tinhuy-hg)'));
    await user.type(field('Mã định danh'), '000.00.00.h22');
    await user.click(screen.getByRole('button', { name: /Lưu/ }));

    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    expect(fake.writes()[0]?.body).toEqual({
      parentId: null,
      name: 'Văn phòng Tỉnh ủy Hà Giang',
      code: 'VPTU-HG',
      abbreviation: 'VPTU',
      type: 'party_cell',
      mailbox: null,
      nationalId: '000.00.00.H22',
      sortOrder: 0,
      reach: 'peer',
      peerId: 'tinhuy-hg',
    });
  });

  it('reached through the exchange platform names no peer, and an inside one is sent as inside', async () => {
    const fake = server();
    renderInApp(<NewOrganizationModal open parent={null} onClose={() => {}} onCreated={() => {}} />);
    const user = person();
    await fillRequired(user);
    await pick(user, field('Cách nhận văn bản'), 'Trục liên thông (LGSP/VXP)');
    expect(maybeField('Máy chủ liên thông')).toBeNull();
    await user.type(field('Mã định danh'), '000.00.00.G22');
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    expect(fake.writes()[0]?.body).toMatchObject({ parentId: null, reach: 'platform', peerId: null });
    // The peers were never asked for.
    expect(fake.requests.some((r) => r.url.startsWith('/api/exchange/peers'))).toBe(false);
  });

  it("shows the server's refusal under the field it is about", async () => {
    server(refusal(400, 'directory.peer_not_found', 'Không tìm thấy máy chủ liên thông đã chọn.'));
    renderInApp(
      <NewOrganizationModal open parent={null} initialReach="peer" onClose={() => {}} onCreated={() => {}} />,
    );
    const user = person();
    await fillRequired(user);
    await user.type(field('Mã định danh'), '000.00.00.G22');
    await pick(user, field('Máy chủ liên thông'), 'Tỉnh ủy Hà Giang (tinhuy-hg)');
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    const message = await screen.findByText('Không tìm thấy máy chủ liên thông đã chọn.');
    // Under the peer field, not in a passing message.
    expect(message.closest('.ant-form-item')?.textContent).toContain('Máy chủ liên thông');
  });

  it('below another organization offers no reach: it is inside, under its parent', async () => {
    const fake = server();
    renderInApp(
      <NewOrganizationModal
        open
        parent={{ id: 'org-hu', name: 'Huyện ủy Đồng Văn' }}
        onClose={() => {}}
        onCreated={() => {}}
      />,
    );
    const user = person();
    await fillRequired(user);
    expect(maybeField('Cách nhận văn bản')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    const body = fake.writes()[0]?.body as Record<string, unknown>;
    expect(body.parentId).toBe('org-hu');
    expect('reach' in body).toBe(false);
  });
});

describe('an organization edited to be outside', () => {
  const office: OrganizationDetails = {
    id: 'org-vp',
    parentId: 'org-hu',
    type: 'office',
    code: 'VPHU',
    name: 'Văn phòng Huyện ủy',
    abbreviation: 'VPHU',
    mailbox: null,
    nationalId: null,
    sortOrder: 0,
    depth: 1,
    childCount: 0,
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ancestors: [{ id: 'org-hu', name: 'Huyện ủy Đồng Văn' }],
    actions: ['update'],
    reach: 'inside',
    peerId: null,
    peerName: null,
  };

  it('loses its parent field and needs an identifier', async () => {
    server();
    const submitted: OrganizationFormValues[] = [];
    renderInApp(
      <OrganizationForm
        organization={office}
        saving={false}
        onSubmit={(v) => {
          submitted.push(v);
          return undefined;
        }}
      />,
    );
    const user = person();
    expect(field('Tổ chức cấp trên')).toBeTruthy();
    await pick(user, field('Cách nhận văn bản'), 'Trục liên thông (LGSP/VXP)');
    await waitFor(() => expect(maybeField('Tổ chức cấp trên')).toBeNull());
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    expect(await screen.findByText(OUTSIDE_NEEDS_NATIONAL_ID_MESSAGE)).toBeTruthy();
    expect(submitted).toEqual([]);
    await user.type(field('Mã định danh'), '000.00.00.G22');
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    const sent = submitted[0];
    expect(sent && { ...organizationBody(sent), version: office.version }).toMatchObject({
      reach: 'platform',
      peerId: null,
      parentId: null,
      nationalId: '000.00.00.G22',
      version: 3,
    });
  });

  it('shows the peer it is reached through even when the list is not the person’s to read', async () => {
    fakeServer({ 'GET /api/exchange/peers': refusal(403, 'auth.forbidden', 'Bạn không có quyền.') });
    renderInApp(
      <OrganizationForm
        organization={{ ...office, parentId: null, reach: 'peer', peerId: 'p1', peerName: 'Tỉnh ủy Lào Cai' }}
        saving={false}
        onSubmit={() => undefined}
      />,
    );
    const form = screen.getByRole('button', { name: /Lưu/ }).closest('form') as HTMLElement;
    expect(within(form).getByTitle('Tỉnh ủy Lào Cai')).toBeTruthy();
  });
});
