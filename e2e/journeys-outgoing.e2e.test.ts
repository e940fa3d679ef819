import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, PHONE, settledDialog, shot, useProduct } from './session';

describe('the outgoing journey as each person walks it (Chromium)', () => {
  const e2e = useProduct();
  const { signIn } = e2e;
  /** Writes send a JSON body, empty when there is nothing to say. */
  const call = <T>(page: Page, method: string, path: string, data?: unknown) =>
    apiCall<T>(page, method, path, method === 'GET' ? undefined : (data ?? {}));

  type View = { id: string; version: number; status: string };

  /** A draft to the commune and to Mua Minh Hùng himself, written by the specialist through the API. */
  async function apiDraft(specialist: Page, summary: string): Promise<string> {
    const registers = await call<{ items: { organizationId: string; direction: string; secret: boolean }[] }>(
      specialist,
      'GET',
      '/api/registers',
    );
    const organizationId = registers.items.find((r) => r.direction === 'outgoing' && !r.secret)?.organizationId;
    const commune = await call<{ items: { id: string; name: string }[] }>(
      specialist,
      'GET',
      `/api/organizations?q=${encodeURIComponent('lung cu')}&pageSize=20`,
    );
    const people = await call<{ items: { id: string; fullName: string }[] }>(
      specialist,
      'GET',
      `/api/people?q=${encodeURIComponent('mua minh hung')}`,
    );
    const communeId = commune.items.find((o) => o.name === 'Đảng bộ xã Lũng Cú')?.id;
    const personId = people.items.find((p) => p.fullName === 'Mua Minh Hùng')?.id;
    const { id } = await call<{ id: string }>(specialist, 'POST', '/api/documents/outgoing', {
      organizationId,
      typeCode: 'CV',
      summary,
      recipients: [
        { kind: 'organization', id: communeId },
        { kind: 'person', id: personId },
      ],
    });
    return id;
  }

  async function apiSubmit(specialist: Page, id: string): Promise<View> {
    const people = await call<{ leaders: { id: string; position: string | null }[] }>(
      specialist,
      'GET',
      `/api/documents/${id}/people`,
    );
    const leaderId = people.leaders.find((l) => l.position === 'Bí thư Huyện ủy')?.id;
    return call<View>(specialist, 'POST', `/api/documents/${id}/submit`, { version: 1, leaderId });
  }

  async function apiDispatch(leader: Page, clerk: Page, id: string, version: number) {
    let view = await call<View>(leader, 'POST', `/api/documents/${id}/approve`, { version });
    const registers = await call<{ items: { id: string; direction: string; secret: boolean; active: boolean }[] }>(
      clerk,
      'GET',
      '/api/registers',
    );
    const registerId = registers.items.find((r) => r.direction === 'outgoing' && !r.secret && r.active)?.id;
    view = await call<View>(clerk, 'POST', `/api/documents/${id}/issue`, { version: view.version, registerId });
    return call<View>(clerk, 'POST', `/api/documents/${id}/dispatch`, { version: view.version });
  }

  async function openDialog(page: Page, action: string) {
    await page.locator('.vp-doc-actions').getByRole('button', { name: action, exact: true }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom') === null,
    );
    return dialog;
  }

  async function confirm(page: Page, dialog: ReturnType<Page['locator']>) {
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const refused = dialog.locator('.ant-alert-error');
    await Promise.race([
      dialog.waitFor({ state: 'hidden', timeout: 30_000 }),
      refused.waitFor({ state: 'visible', timeout: 30_000 }),
    ]);
    if (await refused.isVisible()) throw new Error(`${await refused.textContent()}`);
    void page;
  }

  const pick = (page: Page, option: string) =>
    page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();

  it('a person chosen in Nơi nhận receives the document himself; every recipient is shown before signing and sending', async () => {
    const summary = 'Về việc chuẩn bị sơ kết công tác dân vận (kiểm thử người nhận)';
    const specialist = await signIn('chuyenvien');
    await specialist.goto(`${e2e.product.url}/outgoing`);
    await specialist.getByRole('button', { name: 'Soạn văn bản đi' }).click();
    const drawer = specialist.locator('.ant-drawer:visible');
    await drawer.getByLabel('Trích yếu').fill(summary);
    const picker = drawer.getByLabel('Thêm người hoặc tổ chức');
    await picker.fill('lung cu');
    await pick(specialist, 'Đảng bộ xã Lũng Cú');
    await drawer.locator('.ant-tag', { hasText: 'Đảng bộ xã Lũng Cú' }).waitFor();
    await picker.fill('mua minh hung');
    await pick(specialist, 'Mua Minh Hùng');
    await drawer.locator('.ant-tag', { hasText: 'Mua Minh Hùng' }).waitFor();
    await drawer.getByLabel('Tên nơi nhận').fill('Lưu VT');
    await drawer.getByRole('button', { name: 'Thêm nơi nhận ngoài' }).click();
    await drawer.locator('.ant-tag', { hasText: 'Lưu VT' }).waitFor();
    await drawer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await specialist.waitForURL(/\/documents\/[^/]+$/);
    const url = specialist.url();

    // The draft page names every recipient, not only the outside one.
    const recipients = specialist.locator('.vp-recipients').first();
    for (const name of ['Đảng bộ xã Lũng Cú', 'Mua Minh Hùng', 'Lưu VT']) {
      await recipients.getByText(name, { exact: false }).waitFor();
    }
    await shot(specialist, 'outgoing-draft-1366');

    let dialog = await openDialog(specialist, 'Trình ký');
    await dialog.getByText('Mua Minh Hùng').waitFor();
    await dialog.getByLabel('Lãnh đạo', { exact: true }).click();
    await pick(specialist, 'Bí thư Huyện ủy');
    await confirm(specialist, dialog);
    // What awaits is the leader's signature, said so.
    await specialist.locator('.ant-tag[data-status="submitted"]', { hasText: 'Chờ lãnh đạo ký duyệt' }).waitFor();

    // The leader sees whom he signs for before approving.
    const leader = await signIn('lanhdao');
    await leader.goto(url);
    dialog = await openDialog(leader, 'Duyệt ký');
    for (const name of ['Đảng bộ xã Lũng Cú', 'Mua Minh Hùng', 'Lưu VT']) await dialog.getByText(name).waitFor();
    await shot(leader, 'outgoing-approve-1366');
    await confirm(leader, dialog);

    // The clerk numbers it and sees the recipients in the dispatch confirmation.
    const clerk = await signIn('vanthu');
    await clerk.goto(url);
    dialog = await openDialog(clerk, 'Cấp số');
    await dialog.locator('.ant-select', { hasText: /^Sổ văn bản đi$/ }).waitFor();
    await confirm(clerk, dialog);
    dialog = await openDialog(clerk, 'Phát hành');
    for (const name of ['Đảng bộ xã Lũng Cú', 'Mua Minh Hùng', 'Lưu VT']) await dialog.getByText(name).waitFor();
    await confirm(clerk, dialog);

    // He is listed himself, unread; his whole body is not named in his place.
    const person = clerk.getByTestId('person-deliveries');
    await person.getByText('Mua Minh Hùng').waitFor();
    await person.locator('[data-person-read="unread"]').waitFor();
    expect(await clerk.locator('.ant-table', { hasText: 'Ban Chấp hành Đảng bộ huyện' }).count()).toBe(0);

    // Mua Minh Hùng's bell leads him to the document.
    const member = await signIn('uyvien');
    await member.getByRole('button', { name: /^Thông báo/ }).click();
    await member
      .getByText(/Văn bản gửi đến đồng chí/)
      .first()
      .click();
    await member.waitForURL(url);
    await member.getByRole('heading', { name: summary }).waitFor();

    // The sender sees that he read it.
    await clerk.reload();
    await clerk.getByTestId('person-deliveries').locator('[data-person-read="read"]').waitFor();
    await shot(clerk, 'outgoing-dispatched-1366');
  }, 240_000);

  it('a draft is deleted by its author, after asking, and is gone from the list', async () => {
    const summary = 'Dự thảo bỏ đi do lưu nhầm (kiểm thử xóa)';
    const specialist = await signIn('chuyenvien');
    const id = await apiDraft(specialist, summary);
    await specialist.goto(`${e2e.product.url}/documents/${id}`);
    const dialog = await openDialog(specialist, 'Xóa dự thảo');
    await dialog.getByText('không hoàn tác được').waitFor();
    await shot(specialist, 'outgoing-delete-1366');
    await confirm(specialist, dialog);
    await specialist.waitForURL(/\/outgoing$/);
    // The register itself, not the document page still shown while the list's code arrives.
    await specialist.getByRole('heading', { name: 'Văn bản đi', exact: true }).waitFor();
    await specialist.locator('.ant-table-tbody, .vp-doc-cards').first().waitFor();
    expect(await specialist.getByText(summary).count()).toBe(0);
    const res = await specialist.request.get(`${e2e.product.url}/api/documents/${id}`);
    expect(res.status()).toBe(404);
  }, 120_000);

  it('feature: the author withdraws a submission before it is signed (phone)', async () => {
    const summary = 'Dự thảo rút lại để sửa số liệu (kiểm thử rút lại)';
    const specialist = await signIn('chuyenvien', PHONE);
    const id = await apiDraft(specialist, summary);
    await apiSubmit(specialist, id);
    await specialist.goto(`${e2e.product.url}/documents/${id}`);
    const dialog = await openDialog(specialist, 'Rút lại');
    await dialog.getByLabel('Lý do').fill('Sửa lại số liệu phần hai');
    await shot(specialist, 'outgoing-withdraw-390');
    await confirm(specialist, dialog);
    await specialist.locator('.ant-tag[data-status="draft"]').waitFor();
    await specialist.locator('.vp-doc-actions').getByRole('button', { name: 'Sửa dự thảo' }).waitFor();
    // On a phone too, the draft names every recipient.
    await specialist.locator('.vp-recipients').getByText('Mua Minh Hùng').scrollIntoViewIfNeeded();
    await shot(specialist, 'outgoing-draft-390');
    // The leader is told, and has nothing left to sign.
    const leader = await signIn('lanhdao', PHONE);
    await leader.getByRole('button', { name: /^Thông báo/ }).click();
    await leader
      .getByText(/Dự thảo đã được rút lại/)
      .first()
      .waitFor();
    await leader.goto(`${e2e.product.url}/documents/${id}`);
    await leader.getByRole('heading', { name: summary }).waitFor();
    expect(await leader.locator('.vp-doc-actions').getByRole('button', { name: 'Duyệt ký' }).count()).toBe(0);
  }, 120_000);

  it('feature: the sender reminds recipients who have not opened it, and sends again to one (phone)', async () => {
    const summary = 'Công văn cần nhắc nơi nhận (kiểm thử nhắc)';
    const specialist = await signIn('chuyenvien');
    const leader = await signIn('lanhdao');
    const clerk = await signIn('vanthu', PHONE);
    const id = await apiDraft(specialist, summary);
    const submitted = await apiSubmit(specialist, id);
    await apiDispatch(leader, clerk, id, submitted.version);

    await clerk.goto(`${e2e.product.url}/documents/${id}`);
    const dialog = await openDialog(clerk, 'Nhắc nơi nhận chưa mở');
    const list = dialog.getByTestId('remind-list');
    await list.getByText('Đảng bộ xã Lũng Cú').waitFor();
    await list.getByText('Mua Minh Hùng').waitFor();
    await confirm(clerk, dialog);
    await clerk
      .getByTestId('person-deliveries')
      .getByText(/Đã nhắc/)
      .waitFor();
    await clerk.getByTestId('person-deliveries').scrollIntoViewIfNeeded();
    await shot(clerk, 'outgoing-remind-390');

    // Mua Minh Hùng is reminded in his bell.
    const member = await signIn('uyvien', PHONE);
    await member.getByRole('button', { name: /^Thông báo/ }).click();
    await member
      .getByText(/Nhắc đọc văn bản gửi đến đồng chí/)
      .first()
      .waitFor();

    // A second reminder the same day is refused with a reason, not sent.
    await clerk.getByTestId('person-deliveries').getByRole('button', { name: 'Nhắc', exact: true }).click();
    await clerk.getByText(/Đã nhắc nơi nhận này trong vòng 24 giờ/).waitFor();

    // Sending again to him makes it unread for him once more, and tells him.
    await clerk.getByTestId('person-deliveries').getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await (await settledDialog(clerk, clerk.locator('.ant-modal-confirm:visible'))).locator('.ant-btn-primary').click();
    await clerk.getByText('Đã gửi lại văn bản').waitFor();
    await member.reload();
    await member.getByRole('button', { name: /^Thông báo/ }).click();
    await member
      .getByText(/Văn bản gửi lại đồng chí/)
      .first()
      .waitFor();
  }, 180_000);
});
