import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../../../../common/schemas/documents';
import { type Answer, fakeServer, refusal } from '../../../test/fake-server';
import { person, renderInApp, signedIn } from '../../../test/render';
import OutgoingForm from './OutgoingForm';

/** The incoming letter being answered: its issuer is in the directory. */
const incoming = {
  id: 'doc-in',
  direction: 'incoming',
  organizationId: 'org-hu',
  numberText: '123/UBND-VX',
  issuerName: 'UBND tỉnh Hà Giang',
  issuerOrganizationId: 'org-tinh',
} as DocumentView;

const draft = {
  id: 'doc-out',
  direction: 'outgoing',
  organizationId: 'org-hu',
  typeCode: 'BC',
  summary: 'Báo cáo tổng kết năm',
  signerName: 'Hoàng Văn Bí',
  signerPosition: 'Bí thư',
  pageCount: 3,
  copies: null,
  secrecy: 'normal',
  urgency: 'urgent',
  dueDate: null,
  recipients: [
    { kind: 'organization', id: 'org-tinh', name: 'Tỉnh ủy Hà Giang', channel: 'system', email: null, mail: null },
  ],
  version: 4,
} as DocumentView;

/** Dispatched outgoing documents of the district committee, as the register's search finds them. */
const dispatched = [
  { id: 'doc-old', organizationId: 'org-hu', numberText: '12-BC/HU', summary: 'Báo cáo sơ kết 6 tháng' },
  { id: 'doc-older', organizationId: 'org-hu', numberText: '7-BC/HU', summary: 'Báo cáo quý I' },
];

function server(write: Answer = { json: { id: 'doc-new', created: true } }) {
  return fakeServer({
    'GET /api/groups': { json: { items: [], total: 0, page: 1, pageSize: 100 } },
    'GET /api/documents': ({ url }) => {
      const q = new URL(url, 'http://x').searchParams.get('q') ?? '';
      const items = dispatched.filter((d) => d.summary.includes(q) || d.numberText.includes(q));
      return { json: { items, total: items.length, page: 1, pageSize: 20 } };
    },
    'POST /api/documents/outgoing': write,
    'PATCH /api/documents/doc-out': write,
  });
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`));
const save = () => screen.getByRole('button', { name: 'Lưu dự thảo' });

describe('the outgoing draft', () => {
  it('answering an incoming document starts addressed to its issuer, about it', async () => {
    server();
    renderInApp(<OutgoingForm open replyTo={incoming} onClose={() => {}} />);
    const form = await screen.findByRole('dialog', { name: 'Soạn văn bản trả lời' });
    expect(within(form).getByTitle('Huyện ủy Đồng Văn')).toBeTruthy();
    expect(within(form).getByTitle('Công văn (CV)')).toBeTruthy();
    expect((field('Trích yếu') as HTMLTextAreaElement).value).toBe(
      'V/v trả lời văn bản số 123/UBND-VX của UBND tỉnh Hà Giang',
    );
    expect(within(form).getByText('Tổ chức: UBND tỉnh Hà Giang')).toBeTruthy();
  });

  it('asks for the organization and the summary, and sends nothing without them', async () => {
    const { writes } = server();
    const twoOrganizations = signedIn([
      { organizationId: 'org-hu', organizationName: 'Huyện ủy Đồng Văn', role: 'clerk' },
      { organizationId: 'org-vp', organizationName: 'Văn phòng Huyện ủy', role: 'specialist' },
    ]);
    renderInApp(<OutgoingForm open onClose={() => {}} />, { user: twoOrganizations });
    await screen.findByRole('dialog', { name: 'Soạn văn bản đi' });
    await person().click(save());
    expect(await screen.findByText('Hãy chọn tổ chức ban hành')).toBeTruthy();
    expect(screen.getByText('Hãy nhập trích yếu')).toBeTruthy();
    expect(screen.queryByText('Hãy chọn loại văn bản')).toBeNull();
    expect(writes()).toEqual([]);
  });

  it('sends the answer with its issuer and an outside recipient added by hand', async () => {
    const onClose = vi.fn();
    const { writes } = server();
    renderInApp(<OutgoingForm open replyTo={incoming} onClose={onClose} />);
    const user = person();
    await user.type(await screen.findByLabelText('Tên nơi nhận'), 'Sở Nội vụ');
    await user.click(screen.getByRole('button', { name: /Thêm nơi nhận ngoài/ }));
    expect(screen.getByText('Ngoài hệ thống: Sở Nội vụ')).toBeTruthy();
    await user.click(save());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes()).toEqual([
      {
        method: 'POST',
        url: '/api/documents/outgoing',
        body: {
          organizationId: 'org-hu',
          typeCode: 'CV',
          summary: 'V/v trả lời văn bản số 123/UBND-VX của UBND tỉnh Hà Giang',
          signerName: null,
          signerPosition: null,
          pageCount: null,
          copies: null,
          secrecy: 'normal',
          urgency: 'normal',
          dueDate: null,
          recipients: [
            { kind: 'organization', id: 'org-tinh' },
            { kind: 'external', name: 'Sở Nội vụ', channel: 'paper', email: null },
          ],
          uploadIds: [],
          clientKey: expect.any(String),
          replyToId: 'doc-in',
        },
      },
    ]);
  });

  it('edits a draft at the version it was read, and shows a refusal keeping the change', async () => {
    const onClose = vi.fn();
    const { writes } = server(refusal(409, 'documents.stale', 'Dự thảo vừa được người khác sửa, hãy tải lại'));
    renderInApp(<OutgoingForm open draft={draft} onClose={onClose} />);
    const form = await screen.findByRole('dialog', { name: 'Sửa dự thảo' });
    expect(within(form).getByText('Tổ chức: Tỉnh ủy Hà Giang')).toBeTruthy();
    const summary = field('Trích yếu') as HTMLTextAreaElement;
    expect(summary.value).toBe('Báo cáo tổng kết năm');
    const user = person();
    await user.type(summary, ' 2026');
    await user.click(save());
    expect(await screen.findByText('Dự thảo vừa được người khác sửa, hãy tải lại')).toBeTruthy();
    expect(summary.value).toBe('Báo cáo tổng kết năm 2026');
    expect(onClose).not.toHaveBeenCalled();
    expect(writes()).toEqual([
      {
        method: 'PATCH',
        url: '/api/documents/doc-out',
        body: {
          typeCode: 'BC',
          summary: 'Báo cáo tổng kết năm 2026',
          signerName: 'Hoàng Văn Bí',
          signerPosition: 'Bí thư',
          pageCount: 3,
          copies: null,
          secrecy: 'normal',
          urgency: 'urgent',
          dueDate: null,
          recipients: [{ kind: 'organization', id: 'org-tinh' }],
          uploadIds: [],
          version: 4,
        },
      },
    ]);
  });

  it('names the dispatched document it replaces, searched by number, and shows why the server refuses it', async () => {
    const onClose = vi.fn();
    const { writes, requests } = server(
      refusal(422, 'documents.replaces_invalid', 'Chỉ thay thế được văn bản đi đã phát hành của cùng tổ chức'),
    );
    renderInApp(<OutgoingForm open onClose={onClose} />);
    const user = person();
    await user.type(await screen.findByLabelText(/^Trích yếu/), 'Báo cáo sơ kết 6 tháng (thay thế)');
    const searches = () => requests.filter((r) => r.method === 'GET' && r.url.startsWith('/api/documents?'));
    expect(searches()).toEqual([]);
    await user.type(field('Thay thế văn bản'), '12-BC');
    // The list narrows to what the server finds for the words typed.
    await waitFor(() => expect(screen.queryByTitle('Số 7-BC/HU — Báo cáo quý I')).toBeNull());
    await user.click(await screen.findByTitle('Số 12-BC/HU — Báo cáo sơ kết 6 tháng'));
    const searched = searches().map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));
    expect(searched).toContainEqual(
      expect.objectContaining({ direction: 'outgoing', status: 'dispatched', organizationId: 'org-hu', q: '12-BC' }),
    );

    await user.click(save());
    expect(await screen.findByText('Chỉ thay thế được văn bản đi đã phát hành của cùng tổ chức')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    expect(writes()).toEqual([
      {
        method: 'POST',
        url: '/api/documents/outgoing',
        body: expect.objectContaining({
          organizationId: 'org-hu',
          summary: 'Báo cáo sơ kết 6 tháng (thay thế)',
          replacesId: 'doc-old',
        }),
      },
    ]);
  });

  it('a draft shows the document it replaces and clears it', async () => {
    const onClose = vi.fn();
    const { writes } = server({ json: draft });
    const replacing = {
      ...draft,
      replaces: {
        documentId: 'doc-old',
        direction: 'outgoing',
        numberText: '12-BC/HU',
        issuerName: 'Huyện ủy Đồng Văn',
        summary: 'Báo cáo sơ kết 6 tháng',
        status: 'dispatched',
      },
    } as DocumentView;
    renderInApp(<OutgoingForm open draft={replacing} onClose={onClose} />);
    const form = await screen.findByRole('dialog', { name: 'Sửa dự thảo' });
    const chosen = within(form).getByTitle('Số 12-BC/HU — Báo cáo sơ kết 6 tháng');
    const user = person();
    await user.click(within(chosen.closest('.ant-select') as HTMLElement).getByLabelText('close-circle'));
    expect(within(form).queryByTitle('Số 12-BC/HU — Báo cáo sơ kết 6 tháng')).toBeNull();
    await user.click(save());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes()).toEqual([
      {
        method: 'PATCH',
        url: '/api/documents/doc-out',
        body: expect.objectContaining({ version: 4, replacesId: null }),
      },
    ]);
  });
});
