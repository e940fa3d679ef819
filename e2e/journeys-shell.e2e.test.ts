import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, pickerDay, settledDialog, shot, useProduct } from './session';

// Several browsers at once on a shared machine: a journey is given time.
describe('the frame around every page: forms, dialogs, sign-in, names read aloud (Chromium)', {
  timeout: 120_000,
}, () => {
  const e2e = useProduct();
  const { signIn, signInOn } = e2e;
  const newContext = (viewport = DESKTOP) => e2e.newContext({ viewport });

  /** The outgoing drafts the specialist can list, counted through the API with the page's session. */
  async function draftCount(page: Page): Promise<number> {
    return page.evaluate(async () => {
      const response = await fetch('/api/documents?direction=outgoing&pageSize=100');
      const body = (await response.json()) as { total: number };
      return body.total;
    });
  }

  async function openOutgoingDraft(page: Page) {
    await page.goto(`${e2e.product.url}/outgoing`);
    await page.getByRole('button', { name: 'Soạn văn bản đi' }).click();
    const drawer = page.locator('.ant-drawer.ant-drawer-open');
    await drawer.getByLabel('Trích yếu').waitFor();
    return drawer;
  }

  it('Enter in the date field of an outgoing draft does not save it; Ctrl+Enter does', async () => {
    const page = await signIn('chuyenvien');
    const drawer = await openOutgoingDraft(page);
    const before = await draftCount(page);
    await drawer.getByLabel('Trích yếu').fill('Về việc chuẩn bị hội nghị (chưa xong)');
    const due = drawer.getByLabel('Hạn xử lý');
    await due.click();
    await due.fill(pickerDay(7));
    await due.press('Enter');
    // Enter once more, in a plain text field, now that the date is taken.
    await drawer.getByLabel('Trích yếu').press('Enter');
    await page.waitForTimeout(800);
    expect(new URL(page.url()).pathname).toBe('/outgoing');
    expect(await drawer.isVisible()).toBe(true);
    expect(await draftCount(page)).toBe(before);
    await shot(page, 'shell-enter-keeps-draft-open-1366');

    // The explicit keyboard way still saves.
    await drawer.getByLabel('Trích yếu').press('Control+Enter');
    await page.waitForURL(/\/documents\/[^/]+$/);
    expect(await draftCount(page)).toBe(before + 1);
  });

  it('Esc or a click outside asks before a filled drawer is thrown away; an untouched one just closes', async () => {
    const page = await signIn('chuyenvien');
    let drawer = await openOutgoingDraft(page);
    // Untouched: Esc closes at once.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    drawer = await openOutgoingDraft(page);
    await drawer.getByLabel('Trích yếu').fill('Về việc tổng kết năm (đang soạn)');
    await page.keyboard.press('Escape');
    const confirm = await settledDialog(page, page.locator('.ant-modal-confirm', { hasText: 'Bỏ những gì đã nhập?' }));
    await shot(page, 'shell-discard-confirm-1366');
    await confirm.getByRole('button', { name: 'Tiếp tục nhập' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await drawer.getByLabel('Trích yếu').inputValue()).toBe('Về việc tổng kết năm (đang soạn)');

    // A click on the shade beside the drawer asks too; agreeing closes it.
    await page.mouse.click(40, 400);
    await confirm.waitFor();
    expect(await drawer.isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Bỏ nội dung' }).click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('a modal with typed text asks before Esc closes it (phone)', async () => {
    const page = await signIn('quantri', PHONE);
    await page.goto(`${e2e.product.url}/admin/users`);
    await page.getByRole('button', { name: /Tạo tài khoản|Thêm tài khoản/ }).click();
    const dialog = page.locator('.ant-modal-wrap:visible .ant-modal').first();
    await dialog.locator('input').first().waitFor();
    await dialog.locator('input').first().fill('nguoimoi');
    await page.keyboard.press('Escape');
    const confirm = await settledDialog(page, page.locator('.ant-modal-confirm', { hasText: 'Bỏ những gì đã nhập?' }));
    await shot(page, 'shell-discard-confirm-390');
    await confirm.getByRole('button', { name: 'Bỏ nội dung' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('a letter being written survives signing out in another tab: kept, given back after signing in, once', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInOn(page, 'vanthu');
    await page.goto(`${e2e.product.url}/mailbox`);
    await page.getByRole('button', { name: 'Soạn thư' }).click();
    const drawer = page.locator('.ant-drawer.ant-drawer-open');
    await drawer.getByLabel('Tiêu đề').fill('Đề nghị gửi báo cáo quý IV');
    await drawer.getByLabel('Nội dung').fill('Kính gửi các đồng chí,\nĐề nghị gửi báo cáo trước ngày 20.');

    // The same person signs out in another tab.
    const other = await context.newPage();
    await other.goto(`${e2e.product.url}/`);
    await other.locator('.ant-layout-header .ant-dropdown-trigger').last().click();
    await other.getByText('Đăng xuất', { exact: true }).click();
    await other.waitForURL(/\/sign-in/);

    // Saving now meets the ended session: the sign-in page says why.
    await drawer.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText('Phiên làm việc đã hết hạn').waitFor();
    const stored = await page.evaluate(() => sessionStorage.getItem('vp.keptWork') ?? '');
    expect(stored).toContain('Đề nghị gửi báo cáo quý IV');
    expect(stored.toLowerCase()).not.toContain('password');

    await signInOn(page, 'vanthu');
    expect(new URL(page.url()).pathname).toBe('/mailbox');
    const restored = page.locator('.ant-drawer.ant-drawer-open');
    await restored.getByText('Đã khôi phục nội dung').waitFor();
    expect(await restored.getByLabel('Tiêu đề').inputValue()).toBe('Đề nghị gửi báo cáo quý IV');
    expect(await restored.getByLabel('Nội dung').inputValue()).toContain('Đề nghị gửi báo cáo trước ngày 20.');
    await shot(page, 'shell-kept-letter-1366');
    expect(await page.evaluate(() => sessionStorage.getItem('vp.keptWork'))).toBeNull();

    // Given back once: a reload opens the mailbox without it.
    await page.reload();
    await page.getByRole('heading', { name: 'Hòm thư công vụ' }).waitFor();
    expect(await page.locator('.ant-drawer.ant-drawer-open').count()).toBe(0);
  });

  it('the sign-in page loads without a failed request, and says when a session has ended', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${e2e.product.url}/documents/queue`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').waitFor();
    await page.waitForLoadState('networkidle');
    // Never signed in: no message about an ended session, and nothing failed.
    expect(await page.getByText('Phiên làm việc đã hết hạn').count()).toBe(0);
    expect(failures).toEqual([]);

    // A browser that comes back with a session that is over is told so on a fresh load.
    await context.addCookies([{ name: 'vp_session', value: 'a'.repeat(43), url: e2e.product.url }]);
    await page.goto(`${e2e.product.url}/documents/queue`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByText('Phiên làm việc đã hết hạn').waitFor();
    await shot(page, 'shell-session-ended-1366');
    expect(failures).toEqual([]);
  });

  it('the first Tab reaches a skip link that takes the keyboard to the page content', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await signIn('vanthu', viewport);
      await page.getByRole('heading').first().waitFor();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      expect(focused).toBe('Bỏ qua đến nội dung chính');
      if (viewport === DESKTOP) await shot(page, 'shell-skip-link-1366');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    }
  });

  it('no icon or button is read aloud with an English name on the main pages', async () => {
    // Every main page on a desktop; the clerk's day on a phone too.
    const pages: [string, string[], (typeof DESKTOP)[]][] = [
      ['vanthu', ['/', '/incoming', '/outgoing', '/mailbox', '/meetings', '/schedule'], [DESKTOP, PHONE]],
      ['lanhdao', ['/documents/queue', '/statistics/savings'], [DESKTOP]],
      ['kiemtra', ['/inspection'], [DESKTOP]],
      ['quantri', ['/admin/users', '/admin/audit', '/directory'], [DESKTOP]],
    ];
    const found: string[] = [];
    for (const [username, paths, viewports] of pages) {
      for (const viewport of viewports) {
        const page = await signIn(username, viewport);
        for (const path of paths) {
          await page.goto(`${e2e.product.url}${path}`);
          await page
            .locator('#main-content h1, #main-content h2, #main-content h3, #main-content h4')
            .first()
            .waitFor();
          await page.waitForTimeout(400);
          const snapshot = await page.locator('body').ariaSnapshot();
          for (const line of snapshot.split('\n')) {
            // A name made of plain ASCII words is an English one ("bell", "plus", "close-circle", "Close").
            const match = /- (img|button|link|menuitem|checkbox|combobox) "([^"]+)"/.exec(line);
            const name = match?.[2];
            if (name && /^[A-Za-z][a-z]*(?:[- ][a-z]+)*$/.test(name) && !/^(PDF|DOCX|XLSX|CSV)$/.test(name)) {
              found.push(`${username} ${viewport.width}px ${path}: ${match?.[1]} "${name}"`);
            }
          }
        }
      }
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('scenario "one search box": words typed without diacritics find each kind, grouped, on a desktop and a phone', async () => {
    // Desktop: the clerk finds people and documents from the header.
    const clerk = await signIn('vanthu');
    // The search's code comes over the network when the box is first used: on a slow link the
    // person types on meanwhile, and what they typed must be searched when it arrives.
    let delayed = 0;
    await clerk.context().route(/\/assets\/SearchBoxes-[^/]+\.js$/, async (route) => {
      delayed++;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const box = clerk.getByRole('combobox', { name: 'Tìm kiếm văn bản, thư, cuộc họp, người, vụ việc' });
    await box.click();
    await box.pressSequentially('huyen uy');
    const popup = clerk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await popup.locator('.ant-select-item-group', { hasText: 'Văn bản' }).first().waitFor();
    await shot(clerk, 'shell-search-1366');
    await popup.locator('.ant-select-item-option').first().click();
    await clerk.waitForURL(/\/(documents|mailbox|meetings)\//);
    expect(delayed).toBe(1);

    await box.click();
    await box.fill('');
    await box.pressSequentially('chuyen vien');
    await popup.locator('.ant-select-item-group', { hasText: 'Người' }).waitFor();

    // Phone: the inspector opens the search from the icon and finds the case.
    const inspector = await signIn('kiemtra', PHONE);
    await inspector.getByRole('button', { name: 'Mở ô tìm kiếm' }).click();
    const drawer = inspector.locator('.ant-drawer.ant-drawer-open');
    await drawer
      .getByRole('searchbox')
      .or(drawer.getByLabel('Tìm kiếm văn bản, thư, cuộc họp, người, vụ việc'))
      .first()
      .fill('tai chinh dang phi lung cu');
    const cases = drawer.getByRole('region', { name: 'Vụ việc kiểm tra, giám sát' });
    await cases.getByText('Kiểm tra tài chính đảng, thu nộp đảng phí tại Đảng bộ xã Lũng Cú').waitFor();
    await shot(inspector, 'shell-search-390');
    await cases.getByText('Kiểm tra tài chính đảng, thu nộp đảng phí tại Đảng bộ xã Lũng Cú').click();
    await inspector.waitForURL(/\/inspection\/cases\//);
    expect(await drawer.count()).toBe(0);

    // The clerk, outside the commission, is not shown the case.
    const clerkPhone = await signIn('vanthu', PHONE);
    await clerkPhone.getByRole('button', { name: 'Mở ô tìm kiếm' }).click();
    const clerkDrawer = clerkPhone.locator('.ant-drawer.ant-drawer-open');
    await clerkDrawer
      .getByLabel('Tìm kiếm văn bản, thư, cuộc họp, người, vụ việc')
      .first()
      .fill('tai chinh dang phi lung cu');
    await clerkDrawer.locator('.ant-empty, section').first().waitFor();
    expect(await clerkDrawer.getByText('Vụ việc kiểm tra, giám sát').count()).toBe(0);
  });
});
