import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Register } from '../../../../common/schemas/documents';
import type { ImportResult } from '../../../../common/schemas/exchange';
import { fakeServer, refusal } from '../../../test/fake-server';
import { person, renderInApp, signedIn } from '../../../test/render';
import ImportEdxmlDialog from './ImportEdxmlDialog';

const clerk = signedIn([
  { organizationId: 'org-hu', organizationName: 'Huyện ủy Đồng Văn', role: 'clerk' },
  { organizationId: 'org-bd', organizationName: 'Ban Dân vận Huyện ủy', role: 'clerk' },
]);
const registers = [
  {
    id: 'reg-hu',
    organizationId: 'org-hu',
    name: 'Sổ đến Huyện ủy',
    direction: 'incoming',
    active: true,
    actions: ['register'],
  },
  {
    id: 'reg-bd',
    organizationId: 'org-bd',
    name: 'Sổ đến Ban Dân vận',
    direction: 'incoming',
    active: true,
    actions: ['register'],
  },
] as Register[];

const result: ImportResult = {
  duplicate: true,
  documentId: null,
  notation: null,
  deliveryId: null,
  incomingDocumentId: null,
  documentRef: 'doc-ref-1',
  numberText: '15-CV/TU',
  issuer: 'Tỉnh ủy Lào Cai',
  subject: 'Về việc tổng kết công tác năm',
  issueDate: '2026-11-20',
  attachments: [{ name: 'cong-van.pdf', contentType: 'application/pdf', size: 204_800 }],
  corrections: [{ code: 'edxml.date_fixed', message: 'Ngày ban hành viết sai định dạng, đã đọc là 20/11/2026.' }],
  registeredBefore: [{ id: 'doc-old', numberText: '15-CV/TU', arrivalNumber: 42, arrivalDate: '2026-11-22' }],
};

const edxml = () => new File(['<edXML/>'], 'cong-van.edxml', { type: 'application/xml' });
const fileInput = () => document.querySelector('input[type="file"]') as HTMLInputElement;

describe('an .edxml file brought by hand', () => {
  it('sends the organization, the register and then the file, and shows corrections and the warnings', async () => {
    const fake = fakeServer({
      'GET /api/registers': { json: { items: registers } },
      'POST /api/exchange/import': { status: 201, json: result },
    });
    renderInApp(<ImportEdxmlDialog open onClose={() => {}} />, { user: clerk });
    const user = person();

    // The second organization, registered at once in its own register.
    await user.click(screen.getByRole('combobox', { name: /Tổ chức nhận/ }));
    await user.click(await screen.findByTitle('Ban Dân vận Huyện ủy'));
    await user.click(screen.getByRole('switch', { name: /Vào sổ ngay/ }));
    await user.click(screen.getByRole('button', { name: 'Nhận gói tin' }));
    expect(await screen.findByText('Hãy chọn sổ văn bản đến')).toBeTruthy();
    expect(await screen.findByText('Hãy chọn tệp gói tin')).toBeTruthy();
    expect(fake.writes()).toEqual([]);

    await user.click(screen.getByRole('combobox', { name: /Sổ văn bản đến/ }));
    expect(screen.queryByTitle('Sổ đến Huyện ủy')).toBeNull();
    await user.click(await screen.findByTitle('Sổ đến Ban Dân vận'));
    await user.upload(fileInput(), edxml());
    await user.click(screen.getByRole('button', { name: 'Nhận gói tin' }));

    await waitFor(() => expect(fake.writes()).toHaveLength(1));
    const form = fake.writes()[0]?.body as FormData;
    expect([...form.keys()]).toEqual(['organizationId', 'register', 'registerId', 'file']);
    expect(form.get('organizationId')).toBe('org-bd');
    expect(form.get('register')).toBe('1');
    expect(form.get('registerId')).toBe('reg-bd');
    expect((form.get('file') as File).name).toBe('cong-van.edxml');

    expect(await screen.findByText('Gói tin này đã nhận trước đó')).toBeTruthy();
    expect(screen.getByText('Đã có văn bản cùng số, cùng cơ quan ban hành trong sổ')).toBeTruthy();
    expect(screen.getByRole('link', { name: /15-CV\/TU — số đến 42, ngày 22\/11\/2026/ }).getAttribute('href')).toBe(
      '/documents/doc-old',
    );
    expect(screen.getByText('Đã sửa khi đọc:')).toBeTruthy();
    expect(screen.getByText('Ngày ban hành viết sai định dạng, đã đọc là 20/11/2026.')).toBeTruthy();
    expect(screen.getByText('Tỉnh ủy Lào Cai')).toBeTruthy();
    expect(screen.getByText('Về việc tổng kết công tác năm')).toBeTruthy();
    expect(screen.getByText('cong-van.pdf')).toBeTruthy();
  });

  it("waits in the inbox when not registered, and says the server's refusal", async () => {
    let answer = refusal(400, 'edxml.not_edxml', 'Tệp này không phải gói tin edXML.');
    const fake = fakeServer({
      'GET /api/registers': { json: { items: registers } },
      'POST /api/exchange/import': () => answer,
    });
    renderInApp(<ImportEdxmlDialog open onClose={() => {}} />, { user: clerk });
    const user = person();
    await user.upload(fileInput(), edxml());
    await user.click(screen.getByRole('button', { name: 'Nhận gói tin' }));
    expect(await screen.findByText('Tệp này không phải gói tin edXML.')).toBeTruthy();
    const form = fake.writes()[0]?.body as FormData;
    expect([...form.keys()]).toEqual(['organizationId', 'register', 'file']);
    expect(form.get('organizationId')).toBe('org-hu');
    expect(form.get('register')).toBe('0');

    answer = {
      status: 201,
      json: { ...result, duplicate: false, deliveryId: 'del-9', registeredBefore: [], corrections: [] },
    };
    await user.click(screen.getByRole('button', { name: 'Nhận gói tin' }));
    expect(await screen.findByText('Đã nhận; văn bản đang chờ tiếp nhận')).toBeTruthy();
    expect(screen.queryByText('Gói tin này đã nhận trước đó')).toBeNull();
    expect(screen.queryByText('Đã sửa khi đọc:')).toBeNull();
    expect(screen.getByRole('link', { name: 'Mở hộp văn bản chờ tiếp nhận' }).getAttribute('href')).toBe(
      '/incoming?tab=inbox&delivery=del-9',
    );
  });
});
