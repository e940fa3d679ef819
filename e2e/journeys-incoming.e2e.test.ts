import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, pickerDay, shot, useProduct } from './session';

describe('incoming journeys: notifications that open, one register per book (Chromium)', { timeout: 120_000 }, () => {
  const e2e = useProduct();
  const { signIn } = e2e;

  /** Opens the bell and clicks the notification whose title holds `title`. */
  async function openFromBell(page: Page, title: string | RegExp) {
    await page.getByRole('button', { name: /^Thông báo/ }).click();
    await page.locator('button.vp-notification', { hasText: title }).first().click();
  }

  const notFound = (page: Page) => page.getByText(/Không tìm thấy/).count();

  it("the commune clerk's bell item of an arriving document opens that delivery, ready to accept", async () => {
    const clerk = await signIn('vanthuxa');
    await openFromBell(clerk, 'Văn bản đến chờ tiếp nhận: 01-CV/HU');
    const opened = clerk.locator('.vp-delivery-opened');
    await opened.waitFor({ state: 'visible' });
    await opened.getByText('01-CV/HU').waitFor();
    expect(await notFound(clerk)).toBe(0);
    expect(new URL(clerk.url()).pathname).toBe('/incoming');
    await shot(clerk, 'incoming-arrival-from-bell-1366');

    // Accepted from there: it becomes the commune's own incoming document.
    await opened.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const accept = clerk.locator('.ant-modal:visible', { hasText: 'Tiếp nhận văn bản' });
    await accept.locator('.ant-modal-footer .ant-btn-primary').click();
    await clerk.waitForURL(/\/documents\/[0-9a-z]+$/);
    expect(await notFound(clerk)).toBe(0);
  });

  it('on a phone, the same bell item opens the delivery too', async () => {
    // The delivery was accepted above: the link now says where it went, not "not found".
    const clerk = await signIn('vanthuxa', PHONE);
    await openFromBell(clerk, 'Văn bản đến chờ tiếp nhận: 01-CV/HU');
    await clerk.getByText('không còn chờ tiếp nhận').waitFor();
    expect(await notFound(clerk)).toBe(0);
    await shot(clerk, 'incoming-arrival-from-bell-390');
  });

  it("each role's bell items open a page, never 'not found'", async () => {
    const cases: [string, RegExp][] = [
      ['lanhdao', /Văn bản chờ ý kiến chỉ đạo/],
      ['chuyenvien', /Được giao xử lý văn bản/],
      ['uyvien', /mời|họp/i],
      ['vanthu', /lịch công tác|Thư mới/i],
    ];
    for (const [username, title] of cases) {
      const page = await signIn(username);
      await page.getByRole('button', { name: /^Thông báo/ }).click();
      const items = page.locator('button.vp-notification', { hasText: title });
      await items.first().waitFor();
      const before = page.url();
      await items.first().click();
      await page.waitForURL((url) => url.toString() !== before);
      await page.waitForLoadState('networkidle');
      expect(await notFound(page), `${username}: ${page.url()}`).toBe(0);
      expect(await page.getByText('Không có quyền truy cập').count()).toBe(0);
    }
  });

  it("the district clerk's list names each row's register and organization; the printed book is one register", async () => {
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/incoming`);
    const table = clerk.locator('.ant-table');
    await table.getByRole('columnheader', { name: 'Sổ, tổ chức' }).waitFor();
    // The commune's copy of 01-CV/HU, accepted above, is in the commune's register, and says so.
    const communeRow = table.locator('tr', { hasText: '01-CV/HU' });
    await communeRow.getByText(/xã/).waitFor();
    await shot(clerk, 'incoming-list-registers-1366');

    await clerk.getByRole('button', { name: 'In sổ' }).click();
    await clerk.waitForURL(/\/incoming\/print/);
    await clerk.getByText('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN').waitFor();
    await clerk.locator('.vp-book-org', { hasText: 'HUYỆN ỦY ĐỒNG VĂN' }).waitFor();
    await clerk.locator('.vp-book-register', { hasText: `Năm ${new Date().getFullYear()}` }).waitFor();
    await clerk.locator('table.vp-print tbody tr').first().waitFor();
    // One register of one organization: the commune's copy is not in the district's book.
    expect(await clerk.locator('table.vp-print td', { hasText: '01-CV/HU' }).count()).toBe(0);
    const numbers = await clerk.locator('table.vp-print tbody tr td:first-child').allTextContents();
    expect(new Set(numbers).size).toBe(numbers.length);
    await shot(clerk, 'incoming-register-book-1366');

    const phone = await signIn('vanthu', PHONE);
    await phone.goto(`${e2e.product.url}/incoming`);
    await phone
      .locator('.vp-doc-cards')
      .getByText(/Đảng (ủy|bộ) xã/)
      .first()
      .waitFor();
    await shot(phone, 'incoming-list-registers-390');
    await phone.goto(`${e2e.product.url}/incoming/print`);
    await phone.locator('.vp-book-org', { hasText: 'HUYỆN ỦY ĐỒNG VĂN' }).waitFor();
    await shot(phone, 'incoming-register-book-390');
  });

  it('scenario: the handler reports progress and asks for more time; the leader grants it on a phone', async () => {
    // The specialist opens the document he leads from his work queue.
    const specialist = await signIn('chuyenvien');
    await specialist.goto(`${e2e.product.url}/documents/queue?kind=toHandle`);
    await specialist.locator('.ant-table-row a').first().click();
    await specialist.waitForURL(/\/documents\/[0-9a-z]+$/);
    const actions = specialist.locator('.vp-doc-actions');

    await actions.getByRole('button', { name: 'Báo cáo tiến độ', exact: true }).click();
    let dialog = specialist.locator('.ant-modal:visible');
    await dialog.getByLabel('Mức hoàn thành (%)').fill('60');
    await dialog.getByLabel('Nội dung tiến độ').fill('Đã tổng hợp số liệu 5/8 xã');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await specialist.locator('[data-event="progress"]').waitFor();

    await actions.getByRole('button', { name: 'Xin gia hạn', exact: true }).click();
    dialog = specialist.locator('.ant-modal:visible');
    await dialog.getByLabel('Hạn mới đề nghị').fill(pickerDay(10));
    await dialog.getByLabel('Lý do xin gia hạn').fill('Chờ số liệu của ba xã vùng cao');
    await shot(specialist, 'incoming-extension-request-1366');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await specialist.locator('.vp-extension-pending').waitFor();
    expect(await actions.getByRole('button', { name: 'Xin gia hạn', exact: true }).count()).toBe(0);

    // The leader, on a phone: the work queue has the request, the bell leads to the document.
    const leader = await signIn('lanhdao', PHONE);
    await leader.goto(`${e2e.product.url}/documents/queue`);
    await leader.getByText('Xin gia hạn').first().waitFor();
    await openFromBell(leader, /Xin gia hạn đến/);
    await leader.waitForURL(/\/documents\/[0-9a-z]+$/);
    await leader.locator('.vp-extension-pending').waitFor();
    await leader.locator('.vp-doc-actions').getByRole('button', { name: 'Trả lời xin gia hạn' }).click();
    dialog = leader.locator('.ant-modal:visible');
    await dialog.getByText('Chờ số liệu của ba xã vùng cao').waitFor();
    await shot(leader, 'incoming-extension-decide-390');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await leader.locator('[data-event="extension_granted"]').waitFor();
    expect(await leader.locator('.vp-extension-pending').count()).toBe(0);

    // The specialist hears of it, and the document's deadline is the new one.
    await specialist.reload();
    await openFromBell(specialist, /Được gia hạn đến/);
    await specialist.locator('[data-event="extension_granted"]').waitFor();
    await specialist.getByText(pickerDay(10)).first().waitFor();
    await shot(specialist, 'incoming-extension-history-1366');
  }, 120_000);

  it('scenario: registering, the clerk picks the issuing body from a list that learns, typed without diacritics', async () => {
    for (const [viewport, width] of [
      [DESKTOP, 1366],
      [PHONE, 390],
    ] as const) {
      const clerk = await signIn('vanthu', viewport);
      await clerk.goto(`${e2e.product.url}/incoming`);
      await clerk.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
      const drawer = clerk.locator('.ant-drawer:visible');
      const issuer = drawer.getByLabel('Cơ quan ban hành');
      const options = clerk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

      // An issuer registered before (the demo's), found without diacritics.
      await issuer.pressSequentially('ban tuyen');
      await options.getByText('Đã vào sổ trước đây').waitFor();
      await options.locator('.ant-select-item-option', { hasText: 'Ban Tuyên giáo Tỉnh ủy' }).first().waitFor();
      await shot(clerk, `incoming-issuer-picker-${width}`);
      await options.locator('.ant-select-item-option', { hasText: 'Ban Tuyên giáo Tỉnh ủy' }).first().click();
      expect(await issuer.inputValue()).toBe('Ban Tuyên giáo Tỉnh ủy');

      // An organization of the directory, đ typed as d. The list is clicked once it answers the
      // whole text: suggestions for a part of it may be replaced under the pointer.
      await issuer.fill('');
      const answered = clerk.waitForResponse(
        (r) =>
          r.url().includes('/api/documents/issuers') && new URL(r.url()).searchParams.get('q') === 'dang bo xa lung',
      );
      await issuer.pressSequentially('dang bo xa lung');
      await answered;
      await options.getByText('Danh bạ').waitFor();
      await options.locator('.ant-select-item-option', { hasText: 'Lũng Cú' }).first().click();
      expect(await issuer.inputValue()).toMatch(/Lũng Cú/);

      // A name nobody has yet is typed in full and kept.
      await issuer.fill('Sở Tư pháp tỉnh Hà Giang');
      await clerk.keyboard.press('Escape');
      expect(await issuer.inputValue()).toBe('Sở Tư pháp tỉnh Hà Giang');
    }
  }, 120_000);
});
