import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../../common/schemas/documents';
import { fakeServer, refusal } from '../../../test/fake-server';
import { choose, person, renderInApp } from '../../../test/render';
import DocumentActions from './DocumentActions';

/** A draft its author may still change, submit or delete. */
const draft = {
  id: 'doc-out',
  direction: 'outgoing',
  status: 'draft',
  secrecy: 'normal',
  summary: 'Báo cáo tổng kết năm',
  recipients: [],
  version: 4,
  actions: ['edit', 'submit', 'delete'],
} as unknown as DocumentView;

/** An incoming document waiting for the leader's direction. */
const incoming = {
  id: 'doc-in',
  direction: 'incoming',
  status: 'registered',
  secrecy: 'normal',
  dueDate: null,
  version: 7,
  actions: ['direct', 'comment', 'reply'],
} as unknown as DocumentView;

/** A draft submitted to the leader, who may sign it or send it back. */
const submitted = { ...draft, status: 'submitted', actions: ['approve', 'return'] } as unknown as DocumentView;

/** A dispatched document with copies at offices outside the deployment, which the clerk may update. */
const dispatched = {
  ...draft,
  status: 'dispatched',
  version: 9,
  actions: ['comment', 'update_outside', 'recall'],
} as unknown as DocumentView;

const people = {
  leaders: [],
  handlers: [
    { id: 'u-chuyen', fullName: 'Trần Văn Chuyên', position: 'Chuyên viên' },
    { id: 'u-hoa', fullName: 'Lê Thị Hoa', position: null },
  ],
  units: [{ id: 'unit-tc', name: 'Ban Tổ chức' }],
};

const buttons = () => screen.getAllByRole('button').map((b) => b.textContent);
const noop = () => {};

describe('the actions on a document', () => {
  it('shows only the buttons the server allows, the step that moves it on first and highlighted', () => {
    const { unmount } = renderInApp(<DocumentActions doc={draft} onEdit={noop} onReply={noop} />);
    expect(buttons()).toEqual(['Sửa dự thảo', 'Trình ký', 'Xóa dự thảo']);
    expect(screen.getByRole('button', { name: 'Trình ký' }).className).toContain('ant-btn-primary');
    unmount();

    renderInApp(<DocumentActions doc={incoming} onEdit={noop} onReply={noop} />);
    expect(buttons()).toEqual(['Soạn văn bản trả lời', 'Cho ý kiến, giao xử lý', 'Ghi ý kiến']);
    expect(screen.getByRole('button', { name: 'Cho ý kiến, giao xử lý' }).className).toContain('ant-btn-primary');
    expect(screen.getByRole('button', { name: 'Ghi ý kiến' }).className).not.toContain('ant-btn-primary');
  });

  it('returns a draft only with a reason, and sends the reason at the version read', async () => {
    const { writes } = fakeServer({ 'POST /api/documents/doc-out/return': { json: submitted } });
    renderInApp(<DocumentActions doc={submitted} onEdit={noop} onReply={noop} />);
    const user = person();
    await user.click(screen.getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trả lại' });
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Hãy ghi lý do')).toBeTruthy();
    expect(writes()).toEqual([]);

    await user.type(within(dialog).getByLabelText('Lý do'), 'Thiếu số liệu quý IV');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes()).toEqual([
      { method: 'POST', url: '/api/documents/doc-out/return', body: { version: 4, reason: 'Thiếu số liệu quý IV' } },
    ]);
  });

  it('directs the document to a lead handler picked from its people', async () => {
    const { writes } = fakeServer({
      'GET /api/documents/doc-in/people': { json: people },
      'POST /api/documents/doc-in/direct': { json: incoming },
    });
    renderInApp(<DocumentActions doc={incoming} onEdit={noop} onReply={noop} />);
    const user = person();
    await user.click(screen.getByRole('button', { name: 'Cho ý kiến, giao xử lý' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cho ý kiến, giao xử lý' });
    await user.type(within(dialog).getByLabelText('Ý kiến chỉ đạo'), 'Đề nghị Ban Tổ chức tham mưu');
    await choose(user, within(dialog).getByLabelText('Chủ trì xử lý'), 'chuyen', 'Trần Văn Chuyên — Chuyên viên');
    await user.click(within(dialog).getByRole('button', { name: 'Cho ý kiến, giao xử lý' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes()).toEqual([
      {
        method: 'POST',
        url: '/api/documents/doc-in/direct',
        body: {
          version: 7,
          direction: 'Đề nghị Ban Tổ chức tham mưu',
          lead: { kind: 'user', id: 'u-chuyen' },
          coHandlers: [],
          forInformation: [],
          dueDate: null,
        },
      },
    ]);
  });

  it('shows the server refusal in the dialog and keeps the reason typed', async () => {
    fakeServer({
      'POST /api/documents/doc-out/return': refusal(
        403,
        'documents.forbidden',
        'Anh/chị không có quyền trả lại dự thảo này',
      ),
    });
    renderInApp(<DocumentActions doc={submitted} onEdit={noop} onReply={noop} />);
    const user = person();
    await user.click(screen.getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trả lại' });
    await user.type(within(dialog).getByLabelText('Lý do'), 'Thiếu số liệu');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Anh/chị không có quyền trả lại dự thảo này')).toBeTruthy();
    expect((within(dialog).getByLabelText('Lý do') as HTMLTextAreaElement).value).toBe('Thiếu số liệu');
  });

  it('sends an update to the outside copies only with a reason, at the version read', async () => {
    const { writes } = fakeServer({ 'POST /api/documents/doc-out/outside-update': { json: dispatched } });
    renderInApp(<DocumentActions doc={dispatched} onEdit={noop} onReply={noop} />);
    const user = person();
    await user.click(screen.getByRole('button', { name: 'Gửi cập nhật liên thông' }));
    const dialog = await screen.findByRole('dialog', { name: 'Gửi cập nhật liên thông' });
    expect(within(dialog).getByText(/nhận gói tin mới thay cho gói tin đang giữ/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Gửi cập nhật liên thông' }));
    expect(await within(dialog).findByText('Hãy ghi lý do')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Lý do cập nhật'), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Gửi cập nhật liên thông' }));
    expect(await within(dialog).findByText('Hãy ghi lý do')).toBeTruthy();
    expect(writes()).toEqual([]);

    await user.clear(within(dialog).getByLabelText('Lý do cập nhật'));
    await user.type(within(dialog).getByLabelText('Lý do cập nhật'), 'Sửa lỗi chính tả ở trang 2');
    await user.click(within(dialog).getByRole('button', { name: 'Gửi cập nhật liên thông' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes()).toEqual([
      {
        method: 'POST',
        url: '/api/documents/doc-out/outside-update',
        body: { version: 9, reason: 'Sửa lỗi chính tả ở trang 2' },
      },
    ]);
  });
});
