import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { notBusy, person, renderInApp } from '../../../test/render';
import type { OrganizationListItem } from '../api/directory.api';
import OutsideOrganizations from './OutsideOrganizations';

const outside = (id: string, name: string, more: Partial<OrganizationListItem>): OrganizationListItem => ({
  id,
  parentId: null,
  type: 'party_committee',
  code: id.toUpperCase(),
  name,
  abbreviation: 'TU',
  mailbox: null,
  nationalId: null,
  sortOrder: 0,
  depth: 0,
  childCount: 0,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  actions: ['update'],
  reach: 'inside',
  peerId: null,
  peerName: null,
  ...more,
});

describe('the organizations outside the deployment', () => {
  it('lists each with its identifier and how it is reached, and searches them', async () => {
    const fake = fakeServer({
      'GET /api/organizations': {
        json: {
          items: [
            outside('tu-lc', 'Tỉnh ủy Lào Cai', {
              nationalId: '000.00.00.H37',
              reach: 'peer',
              peerId: 'p1',
              peerName: 'VanPhong Tỉnh ủy Lào Cai',
            }),
            outside('vpcp', 'Văn phòng Chính phủ', { nationalId: '000.00.00.G22', reach: 'platform' }),
          ],
          total: 2,
          page: 1,
          pageSize: 20,
        },
      },
    });
    const onSelect = vi.fn();
    renderInApp(<OutsideOrganizations selectedId={null} onSelect={onSelect} onCreate={() => {}} />);
    expect(await screen.findByText('Tỉnh ủy Lào Cai')).toBeTruthy();
    expect(screen.getByText('000.00.00.H37')).toBeTruthy();
    expect(screen.getByText('Liên thông VanPhong — VanPhong Tỉnh ủy Lào Cai')).toBeTruthy();
    expect(screen.getByText('Trục liên thông (LGSP/VXP)')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Thêm cơ quan ngoài hệ thống/ })).toBeTruthy();
    expect(fake.requests[0]?.url).toContain('reach=outside');

    const user = person();
    await notBusy();
    await user.click(screen.getByText('Văn phòng Chính phủ'));
    expect(onSelect).toHaveBeenCalledWith('vpcp');

    await user.type(screen.getByRole('searchbox', { name: 'Tìm cơ quan ngoài hệ thống' }), 'lao cai{Enter}');
    await waitFor(() => expect(fake.requests.at(-1)?.url).toContain('q=lao+cai'));
    expect(fake.requests.at(-1)?.url).toContain('reach=outside');
  });

  it('says when there is none, and offers no button to those who may not add one', async () => {
    fakeServer({ 'GET /api/organizations': { json: { items: [], total: 0, page: 1, pageSize: 20 } } });
    renderInApp(<OutsideOrganizations selectedId={null} onSelect={() => {}} />);
    expect(await screen.findByText('Chưa có cơ quan ngoài hệ thống nào')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Thêm cơ quan ngoài hệ thống/ })).toBeNull();
  });
});
