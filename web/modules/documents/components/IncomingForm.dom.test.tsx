import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Register } from '../../../../common/schemas/documents';
import { vietnamToday } from '../../../app/format';
import { type Answer, fakeServer, refusal } from '../../../test/fake-server';
import { choose, person, renderInApp } from '../../../test/render';
import { documentKeys } from '../api/documents.api';
import IncomingForm from './IncomingForm';

const register = {
  id: 'reg-in',
  organizationId: 'org-hu',
  organizationName: 'Huyện ủy Đồng Văn',
  direction: 'incoming',
  secret: false,
  name: 'Sổ văn bản đến 2026',
  active: true,
  actions: ['register'],
} as Register;

function server(create: Answer = { status: 201, json: { id: 'doc-9', created: true } }) {
  return fakeServer({
    'GET /api/registers': { json: { items: [register] } },
    'GET /api/documents/issuers': { json: { items: [] } },
    'POST /api/documents/incoming': create,
  });
}

/** The register list behind the form has loaded the registers already. */
const listLoaded: [readonly unknown[], unknown][] = [[documentKeys.registers, { items: [register] }]];

/** The field a label names; an optional field's label ends in "(Tùy chọn)". */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`));

async function fillRequired() {
  const user = person();
  await user.type(field('Cơ quan ban hành'), 'UBND tỉnh Hà Giang');
  await user.type(field('Số, ký hiệu'), '123/UBND-VX');
  await choose(user, field('Loại văn bản'), 'Báo cáo', 'Báo cáo (BC)');
  await user.type(field('Ngày ban hành'), '01/12/2026{Enter}');
  await user.type(field('Trích yếu'), 'Tổng kết năm 2026');
  return user;
}

describe('registering an incoming document', () => {
  it('starts in the only register, arriving today on paper, with normal secrecy and urgency', async () => {
    server();
    renderInApp(<IncomingForm open onClose={() => {}} />, { cached: listLoaded });
    const form = await screen.findByRole('dialog', { name: 'Vào sổ văn bản đến' });
    expect(await within(form).findByTitle('Sổ văn bản đến 2026 — Huyện ủy Đồng Văn')).toBeTruthy();
    expect(within(form).getByTitle('Bản giấy')).toBeTruthy();
    expect((field('Ngày đến') as HTMLInputElement).value).toBe(vietnamToday().split('-').reverse().join('/'));
    expect(within(form).getAllByTitle('Thường')).toHaveLength(2);
  });

  it('chooses the only register also when the registers arrive after the form opened', async () => {
    server();
    renderInApp(<IncomingForm open onClose={() => {}} />);
    const form = await screen.findByRole('dialog', { name: 'Vào sổ văn bản đến' });
    expect(await within(form).findByTitle('Sổ văn bản đến 2026 — Huyện ủy Đồng Văn')).toBeTruthy();
  });

  it('names each missing field under it and sends nothing', async () => {
    const { writes } = server();
    renderInApp(<IncomingForm open onClose={() => {}} />, { cached: listLoaded });
    await screen.findByTitle('Sổ văn bản đến 2026 — Huyện ủy Đồng Văn');
    await person().click(screen.getByRole('button', { name: 'Vào sổ' }));
    for (const message of [
      'Hãy nhập cơ quan ban hành',
      'Hãy nhập số, ký hiệu',
      'Hãy chọn loại văn bản',
      'Hãy chọn ngày ban hành',
      'Hãy nhập trích yếu',
    ]) {
      expect(await screen.findByText(message)).toBeTruthy();
    }
    expect(writes()).toEqual([]);
  });

  it('sends the registration as the server takes it', async () => {
    const onClose = vi.fn();
    const { writes } = server();
    renderInApp(<IncomingForm open onClose={onClose} />, { cached: listLoaded });
    await screen.findByTitle('Sổ văn bản đến 2026 — Huyện ủy Đồng Văn');
    const user = await fillRequired();
    await user.click(screen.getByRole('button', { name: 'Vào sổ' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes()).toEqual([
      {
        method: 'POST',
        url: '/api/documents/incoming',
        body: {
          registerId: 'reg-in',
          issuerName: 'UBND tỉnh Hà Giang',
          issuerOrganizationId: null,
          numberText: '123/UBND-VX',
          typeCode: 'BC',
          issueDate: '2026-12-01',
          arrivalDate: vietnamToday(),
          summary: 'Tổng kết năm 2026',
          signerName: null,
          signerPosition: null,
          pageCount: null,
          secrecy: 'normal',
          urgency: 'normal',
          channel: 'paper',
          dueDate: null,
          uploadIds: [],
          clientKey: expect.any(String),
          confirmDuplicate: false,
        },
      },
    ]);
  });

  it('shows the server refusal and keeps what was typed', async () => {
    const onClose = vi.fn();
    server(refusal(422, 'documents.register_closed', 'Sổ văn bản đã khóa, không vào sổ được'));
    renderInApp(<IncomingForm open onClose={onClose} />, { cached: listLoaded });
    await screen.findByTitle('Sổ văn bản đến 2026 — Huyện ủy Đồng Văn');
    const user = await fillRequired();
    await user.click(screen.getByRole('button', { name: 'Vào sổ' }));
    expect(await screen.findByText('Sổ văn bản đã khóa, không vào sổ được')).toBeTruthy();
    expect((field('Số, ký hiệu') as HTMLInputElement).value).toBe('123/UBND-VX');
    expect((field('Trích yếu') as HTMLTextAreaElement).value).toBe('Tổng kết năm 2026');
    expect(onClose).not.toHaveBeenCalled();
  });
});
