import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { type Answer, fakeServer, refusal } from '../../../test/fake-server';
import { person, renderInApp } from '../../../test/render';
import MeetingForm from './MeetingForm';

/** A draft meeting from 08:00 to 11:30 in Vietnam, with one agenda item and one invitee. */
const draft = {
  id: 'mt-1',
  organizationId: 'org-hu',
  organizationName: 'Huyện ủy Đồng Văn',
  body: 'standing_committee',
  title: 'Hội nghị Ban Thường vụ tháng 12',
  chairName: 'Hoàng Văn Bí',
  startsAt: '2026-12-15T01:00:00Z',
  endsAt: '2026-12-15T04:30:00Z',
  place: 'Phòng họp tầng 2',
  secrecy: 'normal',
  content: null,
  signerName: null,
  signerPosition: null,
  signerAuthority: 'T/M BAN THƯỜNG VỤ',
  agenda: [{ id: 'ag-1', position: 1, title: 'Tổng kết năm 2026', presenterName: null, presenterUserId: null }],
  files: [],
  invitees: [
    { id: 'inv-1', kind: 'person', personId: 'p-hoa', organizationId: null, name: 'Lê Thị Hoa', role: 'delegate' },
  ],
  version: 2,
} as unknown as MeetingView;

function server(patch: Answer = { status: 204 }) {
  return fakeServer({
    'GET /api/groups': { json: { items: [], total: 0, page: 1, pageSize: 100 } },
    'GET /api/people': { json: { items: [], total: 0, page: 1, pageSize: 8 } },
    'PATCH /api/meetings/mt-1': patch,
    'POST /api/meetings': { status: 201, json: { id: 'mt-new', created: true } },
  });
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;
const save = () => screen.getByRole('button', { name: 'Lưu dự thảo' });

describe('the meeting form', () => {
  it('shows a draft meeting as it stands, its times in Vietnam', async () => {
    server();
    renderInApp(<MeetingForm open draft={draft} onClose={() => {}} />);
    const form = await screen.findByRole('dialog', { name: 'Sửa cuộc họp (dự thảo)' });
    expect(within(form).getByTitle('Huyện ủy Đồng Văn')).toBeTruthy();
    expect(within(form).getByTitle('Ban Thường vụ')).toBeTruthy();
    expect(field('Tên cuộc họp').value).toBe('Hội nghị Ban Thường vụ tháng 12');
    expect(field('Bắt đầu').value).toBe('15/12/2026');
    expect(field('Địa điểm').value).toBe('Phòng họp tầng 2');
    expect(field('Chủ trì').value).toBe('Hoàng Văn Bí');
    expect(within(form).getByText('Nội dung 1')).toBeTruthy();
    expect((within(form).getByLabelText(/^Nội dung$/) as HTMLTextAreaElement).value).toBe('Tổng kết năm 2026');
    expect(within(form).getByText('Lê Thị Hoa')).toBeTruthy();
    const times = within(form).getAllByDisplayValue(/^\d\d:\d\d$/) as HTMLInputElement[];
    expect(times.map((t) => t.value)).toEqual(['08:00', '11:30']);
  });

  it('names each missing field of a new meeting and sends nothing', async () => {
    const { writes } = server();
    renderInApp(<MeetingForm open onClose={() => {}} />);
    await screen.findByRole('dialog', { name: 'Tạo cuộc họp' });
    await person().click(save());
    for (const message of [
      'Hãy nhập tên cuộc họp',
      'Hãy chọn giờ bắt đầu',
      'Hãy chọn giờ kết thúc',
      'Hãy nhập địa điểm',
    ]) {
      expect(await screen.findByText(message)).toBeTruthy();
    }
    expect(screen.queryByText('Hãy chọn tổ chức triệu tập')).toBeNull();
    expect(writes()).toEqual([]);
  });

  it('creates a meeting on the day tapped, from 08:00, ending three hours later', async () => {
    const onClose = vi.fn();
    const { writes } = server();
    renderInApp(<MeetingForm open onClose={onClose} />);
    await screen.findByRole('dialog', { name: 'Tạo cuộc họp' });
    const user = person();
    await user.type(field('Tên cuộc họp'), 'Hội nghị Ban Thường vụ');
    // The narrow layout: the day is tapped in the calendar (which opens on this month), the time left at 08:00.
    const day = dayjs().date(15).format('YYYY-MM-DD');
    await user.click(field('Bắt đầu'));
    await user.click(await screen.findByTitle(day));
    await user.type(field('Địa điểm'), 'Phòng họp tầng 2');
    await user.click(save());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes()).toEqual([
      {
        method: 'POST',
        url: '/api/meetings',
        body: {
          organizationId: 'org-hu',
          body: 'standing_committee',
          title: 'Hội nghị Ban Thường vụ',
          chairName: null,
          startsAt: `${day}T08:00:00+07:00`,
          endsAt: `${day}T11:00:00+07:00`,
          place: 'Phòng họp tầng 2',
          secrecy: 'normal',
          content: null,
          signerName: null,
          signerPosition: null,
          signerAuthority: null,
          invitees: [],
          agenda: [],
          clientKey: expect.any(String),
        },
      },
    ]);
  });

  it('saves the changed draft at the version it was read, agenda items keeping their ids', async () => {
    const onClose = vi.fn();
    const { writes } = server();
    renderInApp(<MeetingForm open draft={draft} onClose={onClose} />);
    await screen.findByRole('dialog', { name: 'Sửa cuộc họp (dự thảo)' });
    const user = person();
    await user.clear(field('Địa điểm'));
    await user.type(field('Địa điểm'), 'Hội trường B');
    await user.click(save());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes()).toEqual([
      {
        method: 'PATCH',
        url: '/api/meetings/mt-1',
        body: {
          body: 'standing_committee',
          title: 'Hội nghị Ban Thường vụ tháng 12',
          chairName: 'Hoàng Văn Bí',
          startsAt: '2026-12-15T08:00:00+07:00',
          endsAt: '2026-12-15T11:30:00+07:00',
          place: 'Hội trường B',
          secrecy: 'normal',
          content: null,
          signerName: null,
          signerPosition: null,
          signerAuthority: 'T/M BAN THƯỜNG VỤ',
          invitees: [{ kind: 'person', id: 'p-hoa', role: 'delegate' }],
          agenda: [{ id: 'ag-1', title: 'Tổng kết năm 2026', presenterName: null, uploadIds: [] }],
          version: 2,
        },
      },
    ]);
  });

  it('shows the server refusal and keeps the change typed', async () => {
    const onClose = vi.fn();
    server(refusal(422, 'meetings.ends_before_start', 'Giờ kết thúc phải sau giờ bắt đầu'));
    renderInApp(<MeetingForm open draft={draft} onClose={onClose} />);
    await screen.findByRole('dialog', { name: 'Sửa cuộc họp (dự thảo)' });
    const user = person();
    await user.type(field('Địa điểm'), ', Huyện ủy');
    await user.click(save());
    expect(await screen.findByText('Giờ kết thúc phải sau giờ bắt đầu')).toBeTruthy();
    expect(field('Địa điểm').value).toBe('Phòng họp tầng 2, Huyện ủy');
    expect(onClose).not.toHaveBeenCalled();
  });
});
