import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PeerView } from '../../../../common/schemas/exchange';
import { type Answer, fakeServer, refusal } from '../../../test/fake-server';
import { person, renderInApp, signedIn } from '../../../test/render';
import PeerDialog from './PeerDialog';

const admin = signedIn([{ organizationId: 'org-tu', organizationName: 'Tỉnh ủy Hà Giang', role: 'admin' }]);
const field = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label}\\s*(\\(Tùy chọn\\))?$`)) as HTMLInputElement;
const SECRET = 'k'.repeat(40);

const laoCai: PeerView = {
  id: 'peer-1',
  node: 'tinhuy-laocai',
  name: 'Tỉnh ủy Lào Cai',
  url: 'https://vanphong.laocai.example.vn/api/exchange/peer',
  secretApproved: false,
  active: true,
  organizationCount: 3,
  version: 5,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function server(answer: Answer) {
  return fakeServer({
    'GET /api/exchange/peers': { json: { items: [] } },
    'POST /api/exchange/peers': answer,
    'PATCH /api/exchange/peers/peer-1': answer,
  });
}

describe('a peer deployment in its dialog', () => {
  it('is added with its node, address, secret and approval for secret documents', async () => {
    const fake = server({ status: 201, json: laoCai });
    renderInApp(<PeerDialog open peer={null} onClose={() => {}} />, { user: admin });
    const user = person();
    await user.type(field('Tên định danh máy chủ'), 'tinhuy-laocai');
    await user.type(field('Tên hiển thị'), 'Tỉnh ủy Lào Cai');
    await user.type(field('Địa chỉ liên thông'), 'https://vanphong.laocai.example.vn/api/exchange/peer');
    await user.type(field('Khóa bí mật dùng chung'), 'ngắn');
    await user.click(screen.getByRole('button', { name: 'Thêm máy chủ liên thông' }));
    expect(await screen.findByText(/Khóa bí mật dài từ 32/)).toBeTruthy();
    expect(fake.writes()).toEqual([]);

    await user.clear(field('Khóa bí mật dùng chung'));
    await user.type(field('Khóa bí mật dùng chung'), SECRET);
    await user.click(screen.getByRole('switch', { name: /^Được phép gửi văn bản mật/ }));
    await user.click(screen.getByRole('button', { name: 'Thêm máy chủ liên thông' }));
    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    expect(fake.writes()[0]?.body).toEqual({
      node: 'tinhuy-laocai',
      name: 'Tỉnh ủy Lào Cai',
      url: 'https://vanphong.laocai.example.vn/api/exchange/peer',
      secret: SECRET,
      secretApproved: true,
    });
  });

  it("shows the server's refusals under the node and the address", async () => {
    const answers = [
      refusal(409, 'exchange.peer_node_taken', 'Tên máy chủ “tinhuy-laocai” đã được dùng.'),
      refusal(400, 'exchange.peer_url_invalid', 'Địa chỉ liên thông phải dùng https.'),
    ];
    const fake = server({ status: 500 });
    fake.fetch.mockImplementationOnce(async () => new Response(JSON.stringify(answers[0]?.json), { status: 409 }));
    renderInApp(<PeerDialog open peer={null} onClose={() => {}} />, { user: admin });
    const user = person();
    await user.type(field('Tên định danh máy chủ'), 'tinhuy-laocai');
    await user.type(field('Tên hiển thị'), 'Tỉnh ủy Lào Cai');
    await user.type(field('Địa chỉ liên thông'), 'http://vanphong.laocai.example.vn');
    await user.type(field('Khóa bí mật dùng chung'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Thêm máy chủ liên thông' }));
    const taken = await screen.findByText('Tên máy chủ “tinhuy-laocai” đã được dùng.');
    expect(taken.closest('.ant-form-item')?.textContent).toContain('Tên định danh máy chủ');

    fake.fetch.mockImplementationOnce(async () => new Response(JSON.stringify(answers[1]?.json), { status: 400 }));
    await user.clear(field('Tên định danh máy chủ'));
    await user.type(field('Tên định danh máy chủ'), 'tinhuy-laocai-2');
    await user.click(screen.getByRole('button', { name: 'Thêm máy chủ liên thông' }));
    const invalid = await screen.findByText('Địa chỉ liên thông phải dùng https.');
    expect(invalid.closest('.ant-form-item')?.textContent).toContain('Địa chỉ liên thông');
  });

  it('is edited without its secret when that is left empty, and the node cannot change', async () => {
    const fake = server({ json: { ...laoCai, version: 6 } });
    renderInApp(<PeerDialog open peer={laoCai} onClose={() => {}} />, { user: admin });
    expect(screen.queryByLabelText(/^Tên định danh máy chủ/)).toBeNull();
    expect(screen.getByText(/^Đã đặt\./)).toBeTruthy();
    expect(field('Khóa bí mật dùng chung').value).toBe('');
    const user = person();
    await user.clear(field('Tên hiển thị'));
    await user.type(field('Tên hiển thị'), 'Văn phòng Tỉnh ủy Lào Cai');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    expect(fake.writes()[0]).toMatchObject({ method: 'PATCH', url: '/api/exchange/peers/peer-1' });
    expect(fake.writes()[0]?.body).toEqual({
      name: 'Văn phòng Tỉnh ủy Lào Cai',
      url: laoCai.url,
      secretApproved: false,
      active: true,
      version: 5,
    });
  });

  it('asks before turning a peer off, and sends a new secret when one is typed', async () => {
    const fake = server({ json: { ...laoCai, active: false, version: 6 } });
    renderInApp(<PeerDialog open peer={laoCai} onClose={() => {}} />, { user: admin });
    const user = person();
    await user.type(field('Khóa bí mật dùng chung'), SECRET);
    await user.click(screen.getByRole('switch', { name: /^Đang hoạt động/ }));
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    // antd names the confirmation twice (its dialog title and its body).
    expect((await screen.findAllByText('Ngừng liên thông với Tỉnh ủy Lào Cai?')).length).toBeGreaterThan(0);
    expect(fake.writes()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Ngừng liên thông' }));
    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    expect(fake.writes()[0]?.body).toMatchObject({ active: false, secret: SECRET, version: 5 });
  });

  it('says so when someone else changed the peer first', async () => {
    server(refusal(409, 'common.stale_version', 'Dữ liệu đã được người khác thay đổi.'));
    renderInApp(<PeerDialog open peer={laoCai} onClose={() => {}} />, { user: admin });
    const user = person();
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(
      await screen.findByText(/Dữ liệu đã được người khác thay đổi\. Máy chủ này vừa được người khác sửa/),
    ).toBeTruthy();
  });
});
