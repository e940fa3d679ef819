import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecallRequest } from '../../../../common/schemas/exchange';
import { fakeServer } from '../../../test/fake-server';
import { person, renderInApp } from '../../../test/render';
import RecallRequests from './RecallRequests';

const asked: RecallRequest = {
  deliveryId: 'del-7',
  organizationName: 'Huyện ủy Đồng Văn',
  fromName: 'Tỉnh ủy Lào Cai',
  numberText: '15-CV/TU',
  summary: 'Về việc tổng kết công tác năm',
  reason: 'Gửi nhầm nơi nhận',
  incomingDocumentId: 'doc-in-3',
};

function server() {
  let items = [asked];
  const fake = fakeServer({
    'GET /api/exchange/recalls': () => ({ json: { items } }),
    'POST /api/exchange/recalls/del-7/agree': () => {
      items = [];
      return { status: 204 };
    },
    'POST /api/exchange/recalls/del-7/refuse': () => {
      items = [];
      return { status: 204 };
    },
  });
  return fake;
}

describe("outside offices' recall requests", () => {
  it('shows nothing when there is none', async () => {
    const fake = fakeServer({ 'GET /api/exchange/recalls': { json: { items: [] } } });
    const { container } = renderInApp(<RecallRequests />);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(container.textContent).toBe('');
  });

  it('agrees after a confirmation, then the list is read again', async () => {
    const fake = server();
    renderInApp(<RecallRequests />);
    const user = person();
    const card = await screen.findByText('Đề nghị thu hồi từ cơ quan ngoài');
    expect(screen.getByText(/Bên gửi: Tỉnh ủy Lào Cai/)).toBeTruthy();
    expect(screen.getByText(/15-CV\/TU/)).toBeTruthy();
    expect(screen.getByText('Lý do thu hồi: Gửi nhầm nơi nhận')).toBeTruthy();
    expect(card).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Đồng ý thu hồi' }));
    const confirm = await screen.findByRole('dialog');
    // antd names the confirmation by its title too, so the words are there more than once.
    expect(within(confirm).getAllByText('Đồng ý thu hồi văn bản này?').length).toBeGreaterThan(0);
    expect(fake.writes()).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Đồng ý thu hồi' }));

    await waitFor(() => expect(fake.writes().map((r) => r.url)).toEqual(['/api/exchange/recalls/del-7/agree']));
    await waitFor(() => expect(screen.queryByText('Đề nghị thu hồi từ cơ quan ngoài')).toBeNull());
    expect(fake.requests.filter((r) => r.url === '/api/exchange/recalls').length).toBeGreaterThan(1);
  });

  it('refuses only with a reason', async () => {
    const fake = server();
    renderInApp(<RecallRequests />);
    const user = person();
    await user.click(await screen.findByRole('button', { name: 'Từ chối' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Từ chối' }));
    expect(await within(dialog).findByText('Hãy nhập lý do từ chối')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Lý do từ chối'), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Từ chối' }));
    expect(fake.writes()).toEqual([]);

    await user.type(within(dialog).getByLabelText('Lý do từ chối'), 'Văn bản đã triển khai thực hiện');
    await user.click(within(dialog).getByRole('button', { name: 'Từ chối' }));
    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    expect(fake.writes()[0]).toMatchObject({
      url: '/api/exchange/recalls/del-7/refuse',
      body: { reason: 'Văn bản đã triển khai thực hiện' },
    });
    await waitFor(() => expect(screen.queryByText('Đề nghị thu hồi từ cơ quan ngoài')).toBeNull());
  });
});
