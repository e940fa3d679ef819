import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NATIONAL_ID_MESSAGE } from '../../../../common/directory';
import type { OrganizationView } from '../../../../common/schemas/directory';
import { person, renderInApp } from '../../../test/render';
import OrganizationForm, { nationalIdOf } from './OrganizationForm';

/** The field a label names; an optional field's label ends in "(Tùy chọn)". */
const field = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label}\\s*(\\(Tùy chọn\\))?$`)) as HTMLInputElement;

const office: OrganizationView = {
  id: 'org-vp',
  parentId: 'org-hu',
  type: 'office',
  code: 'VPHU',
  name: 'Văn phòng Huyện ủy',
  abbreviation: 'VPHU',
  mailbox: null,
  nationalId: 'H10.05.00.A01',
  reach: 'inside',
  peerId: null,
  peerName: null,
  sortOrder: 0,
  depth: 1,
  childCount: 0,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ancestors: [{ id: 'org-hu', name: 'Huyện ủy Đồng Văn' }],
  actions: ['update'],
};

async function fillRequired() {
  const user = person();
  await user.type(field('Tên tổ chức'), 'Văn phòng Chính phủ');
  await user.type(field('Mã'), 'VPCP');
  await user.type(field('Chữ viết tắt'), 'VPCP');
  return user;
}

describe("an organization's national identifier in its form", () => {
  it('refuses what the server would refuse, with the same message, and sends nothing', async () => {
    const onSubmit = vi.fn();
    renderInApp(<OrganizationForm organization={null} saving={false} onSubmit={onSubmit} />);
    const user = await fillRequired();
    for (const typed of ['000.00.G22', '000.00.00.G2222X', 'ß00.00.00.G22']) {
      await user.clear(field('Mã định danh'));
      await user.type(field('Mã định danh'), typed);
      await user.click(screen.getByRole('button', { name: /Lưu/ }));
      expect(await screen.findByText(NATIONAL_ID_MESSAGE), typed).toBeTruthy();
    }
    // ß is not made into SS, which would look valid.
    expect(field('Mã định danh').value).toBe('ß00.00.00.G22');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('takes a valid identifier typed in lower case, upper-cased as one types, and none when left empty', async () => {
    const onSubmit = vi.fn();
    renderInApp(<OrganizationForm organization={null} saving={false} onSubmit={onSubmit} />);
    const user = await fillRequired();
    await user.type(field('Mã định danh'), '000.00.00.g22');
    expect(field('Mã định danh').value).toBe('000.00.00.G22');
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(nationalIdOf(onSubmit.mock.calls[0]?.[0].nationalId)).toBe('000.00.00.G22');
    expect(screen.queryByText(NATIONAL_ID_MESSAGE)).toBeNull();
    expect(nationalIdOf(undefined)).toBeNull();
    expect(nationalIdOf('  ')).toBeNull();
  });

  it("shows an organization's identifier to edit", async () => {
    const onSubmit = vi.fn();
    renderInApp(<OrganizationForm organization={office} saving={false} onSubmit={onSubmit} />);
    expect(field('Mã định danh').value).toBe('H10.05.00.A01');
    const user = person();
    await user.clear(field('Mã định danh'));
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(nationalIdOf(onSubmit.mock.calls[0]?.[0].nationalId)).toBeNull();
  });
});
