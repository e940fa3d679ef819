import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, selectOptions, settledDialog, shot, useProduct } from './session';

const DESKTOP = { width: 1280, height: 860 };

describe('an inspection officer runs a denunciation to its discipline decision and a supervision from plan to closure (Chromium)', () => {
  const e2e = useProduct();
  const external: string[] = [];
  const suffix = Date.now() % 100_000;

  /** A fresh browser for one person, signed in through the sign-in form, on a device set to another zone than Vietnam's. */
  const signIn = (username: string, viewport = DESKTOP) =>
    e2e.signIn(username, viewport, { timezoneId: 'Europe/London', stepTimeout: 10_000, external });

  /** Waits until every dropdown has finished closing, so the next one is the only one open. */
  const dropdownsClosed = (page: Page) =>
    expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);

  async function choose(page: Page, select: Locator, text: string) {
    await dropdownsClosed(page);
    await select.click();
    // A dropdown closing a moment ago may still hold the same words: only a visible one is clicked.
    await selectOptions(page).filter({ hasText: text, visible: true }).first().click();
  }

  async function confirm(dialog: Locator, what: string) {
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const refused = dialog.locator('.ant-alert-error');
    const invalid = dialog.locator('.ant-form-item-explain-error');
    await Promise.race([
      dialog.waitFor({ state: 'hidden', timeout: 20_000 }),
      refused.waitFor({ state: 'visible', timeout: 20_000 }),
      invalid.first().waitFor({ state: 'visible', timeout: 20_000 }),
    ]);
    if (await refused.isVisible()) throw new Error(`${what}: ${await refused.textContent()}`);
    if (await invalid.first().isVisible()) throw new Error(`${what}: ${(await invalid.allTextContents()).join('; ')}`);
  }

  /** Opens a case from the list page and lands on it. */
  async function openCase(
    page: Page,
    kind: string,
    title: string,
    subjects: [type: string, name: string][],
    extra?: (d: Locator) => Promise<void>,
  ) {
    await page.goto(`${e2e.product.url}/inspection`);
    await page.getByRole('button', { name: 'Mở vụ việc' }).click();
    const dialog = await settledDialog(page);
    await choose(page, dialog.getByLabel('Loại vụ việc'), kind);
    await dialog.getByLabel('Tên vụ việc').fill(title);
    for (const [i, [type, name]] of subjects.entries()) {
      if (i > 0) await dialog.getByRole('button', { name: 'Thêm đối tượng' }).click();
      await choose(page, dialog.getByLabel('Loại đối tượng').nth(i), type);
      await dialog.getByLabel('Hoặc ghi họ tên, tên tổ chức').nth(i).fill(name);
    }
    if (extra) await extra(dialog);
    await confirm(dialog, `opening ${title}`);
    await page.waitForURL(/\/inspection\/cases\/[^/]+$/);
    await page.getByRole('heading', { name: title }).waitFor();
  }

  /** Records the next stage through the dialog and waits for it on the timeline. */
  async function record(page: Page, stage: string, key: string, fill?: (d: Locator) => Promise<void>) {
    await page.getByRole('button', { name: 'Ghi nhận bước tiếp theo' }).click();
    const dialog = await settledDialog(page);
    await choose(page, dialog.getByLabel('Bước tiếp theo', { exact: true }), stage);
    if (fill) await fill(dialog);
    await confirm(dialog, stage);
    await page.locator(`[data-stage="${key}"]`).waitFor();
  }

  it('receives a denunciation, decides, verifies, reports, concludes and disciplines within the forms the rules allow', async () => {
    const page = await signIn('kiemtra');
    const title = `Đơn tố cáo đảng viên thôn Sảng Pả vi phạm quy định về đất đai (kiểm thử ${suffix})`;
    await openCase(
      page,
      'Giải quyết tố cáo',
      title,
      [
        ['Đảng viên chính thức', 'Giàng A Chớ'],
        ['Đảng viên dự bị', 'Lò Thị Dự'],
      ],
      async (dialog) => {
        await dialog.getByLabel('Số văn bản, số đơn').fill('Đơn số 11');
        await choose(page, dialog.getByLabel('Nguồn đơn'), 'Hòm thư góp ý');
        await dialog.getByLabel('Họ tên người gửi đơn').fill('Hoàng Văn Tố');
      },
    );
    await expect.poll(() => page.getByText('Hoàng Văn Tố').count()).toBeGreaterThan(0);

    await record(page, 'Quyết định và đoàn kiểm tra', 'decision', async (d) => {
      await d.getByLabel('Số, ký hiệu văn bản').fill('31-QĐ/UBKTHU');
    });
    await record(page, 'Thẩm tra, xác minh', 'verification');
    await record(page, 'Báo cáo kết quả', 'report');
    await record(page, 'Kết luận', 'conclusion', async (d) => {
      await d.getByLabel('Có vi phạm', { exact: true }).check();
    });
    await record(page, 'Quyết định kỷ luật', 'discipline', async (d) => {
      // A probationary member cannot be expelled: the form is not even offered.
      await dropdownsClosed(page);
      await d.getByLabel('Hình thức kỷ luật: Lò Thị Dự').first().click();
      await expect.poll(() => selectOptions(page).allTextContents()).toContain('Khiển trách');
      const offered = await selectOptions(page).allTextContents();
      expect(offered).toContain('Cảnh cáo');
      expect(offered).not.toContain('Khai trừ');
      expect(offered).not.toContain('Cách chức');
      await selectOptions(page).filter({ hasText: 'Khiển trách', visible: true }).first().click();
      await choose(page, d.getByLabel('Hình thức kỷ luật: Giàng A Chớ').first(), 'Cảnh cáo');
      await d.getByLabel('Cấp quyết định').fill('Ủy ban Kiểm tra Huyện ủy');
    });
    await page.locator('[data-discipline="warning"]').waitFor();
    await page.locator('[data-discipline="reprimand"]').waitFor();
    await shot(page, 'inspection-case', { fullPage: true });
    expect(external).toEqual([]);
  }, 120_000);

  it('carries a thematic supervision from plan to closure; the reports count both; outsiders are kept out', async () => {
    const page = await signIn('kiemtra');
    const title = `Giám sát chuyên đề công tác phát triển đảng viên (kiểm thử ${suffix})`;
    await openCase(page, 'Giám sát chuyên đề', title, [['Tổ chức đảng', 'Chi bộ thôn Sảng Pả A']]);
    await record(page, 'Quyết định và đoàn kiểm tra', 'decision');
    await record(page, 'Báo cáo kết quả', 'report');
    await record(page, 'Kết luận', 'conclusion', async (d) => {
      await d.getByLabel('Không có vi phạm', { exact: true }).check();
    });
    await record(page, 'Kết thúc', 'closure');
    await page.getByText('Vụ việc đã kết thúc.').waitFor();

    // The list finds it without diacritics.
    await page.goto(`${e2e.product.url}/inspection`);
    await page.getByLabel('Tìm vụ việc').fill('phat trien dang vien');
    await page.getByRole('link', { name: title }).waitFor();

    await page.goto(`${e2e.product.url}/inspection/reports`);
    await page.locator('[aria-label^="Giải quyết tố cáo:"]').first().waitFor();
    await page.locator('[aria-label^="Giám sát chuyên đề:"]').first().waitFor();
    await page.getByRole('cell', { name: 'Cảnh cáo' }).waitFor();
    await shot(page, 'inspection-reports', { fullPage: true });

    await page.goto(`${e2e.product.url}/inspection/programme`);
    await page.locator('[data-quarter="1"]').waitFor();

    const phone = await signIn('kiemtra', PHONE);
    await phone.goto(`${e2e.product.url}/inspection?status=closed`);
    await phone.getByRole('link', { name: title }).waitFor();
    await phone.waitForFunction(() => document.querySelector('.ant-spin-blur, .ant-spin-spinning') === null);
    await shot(phone, 'inspection-phone', { fullPage: true });

    const leader = await signIn('lanhdao');
    await leader.goto(`${e2e.product.url}/inspection`);
    await leader.getByText('Không có quyền truy cập').waitFor();
    expect(external).toEqual([]);
  }, 120_000);
});
