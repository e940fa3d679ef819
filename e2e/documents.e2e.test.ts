import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPdf } from '../server/modules/demo/demo-documents.service';
import { makePdf } from '../server/test/files';
import { signPdfForTest } from '../server/test/pdf-sign';
import { makeTestPki } from '../server/test/pki';
import { PHONE, pickerDay, selectOptions, settledDialog, shot, useProduct } from './session';

const DESKTOP = { width: 1280, height: 860 };

describe('documents travel from drafting to completion (Chromium)', () => {
  const e2e = useProduct();
  const external: string[] = [];

  /** A fresh browser for one person, signed in through the sign-in form, on a device set to another zone than Vietnam's. */
  const signIn = (username: string, viewport = DESKTOP) =>
    e2e.signIn(username, viewport, { timezoneId: 'Europe/London', stepTimeout: 10_000, external });

  /** Opens an antd Select by its label, types `search` if given, and picks the option holding `option`. */
  async function choose(
    page: Page,
    label: string,
    option: string | RegExp,
    scope = page.locator('body'),
    search?: string,
  ) {
    const select = scope.getByLabel(label, { exact: true });
    const shown = scope
      .locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) })
      .locator('.ant-select-content-has-value');
    // A click on an option while its list (or the drawer under it) is still sliding in can
    // land beside it: the choice is read back from the field, and made again if it did not take.
    for (let attempt = 1; ; attempt++) {
      if ((await select.getAttribute('aria-expanded')) !== 'true') {
        await select.click();
        if (search) await select.pressSequentially(search);
      }
      await selectOptions(page).filter({ hasText: option }).first().click();
      try {
        await shown.filter({ hasText: option }).waitFor({ timeout: 3000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** Clicks an action button on the document page, fills its dialog, confirms, and waits for the new state. */
  async function step(page: Page, action: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
    await page.locator('.vp-doc-actions').getByRole('button', { name: action, exact: true }).click();
    const dialog = await settledDialog(page);
    await fill?.(dialog);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    // Closed, or an error shown in the dialog: then fail with what the person would read.
    // The whole suite runs beside this test in CI, so the server may answer slowly.
    const refused = dialog.locator('.ant-alert-error');
    await Promise.race([
      dialog.waitFor({ state: 'hidden', timeout: 30_000 }),
      refused.waitFor({ state: 'visible', timeout: 30_000 }),
    ]);
    if (await refused.isVisible()) throw new Error(`${action}: ${await refused.textContent()}`);
  }

  const statusIs = (page: Page, status: string) =>
    page.locator('.ant-tag', { hasText: status }).first().waitFor({ state: 'visible' });

  it('an outgoing document is drafted, signed, numbered, sent, received and handled by the commune', async () => {
    const summary = 'Về việc tổng kết công tác xây dựng Đảng năm 2025 (kiểm thử)';

    // The specialist drafts it to the commune with a PDF attached.
    const specialist = await signIn('chuyenvien');
    await specialist.goto(`${e2e.product.url}/outgoing`);
    await specialist.getByRole('button', { name: 'Soạn văn bản đi' }).click();
    const drawer = specialist.locator('.ant-drawer:visible');
    await drawer.getByLabel('Trích yếu').fill(summary);
    await drawer.getByLabel('Thêm người hoặc tổ chức').fill('lung cu');
    await selectOptions(specialist).filter({ hasText: 'Đảng bộ xã Lũng Cú' }).first().click();
    await drawer.locator('.ant-tag', { hasText: 'Đảng bộ xã Lũng Cú' }).waitFor();
    await drawer.locator('input[type=file]').setInputFiles({
      name: 'Du thao bao cao.pdf',
      mimeType: 'application/pdf',
      buffer: demoPdf('Bao cao tong ket cong tac xay dung Dang'),
    });
    await drawer
      .locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)')
      .first()
      .waitFor();
    await drawer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await specialist.waitForURL(/\/documents\/[^/]+$/);
    const outgoingUrl = specialist.url();
    await statusIs(specialist, 'Dự thảo');
    await specialist.getByText('Du thao bao cao.pdf', { exact: true }).waitFor();

    await step(specialist, 'Trình ký', (dialog) => choose(specialist, 'Lãnh đạo', 'Bí thư Huyện ủy', dialog));
    await statusIs(specialist, 'Chờ lãnh đạo ký duyệt');

    // The leader approves it.
    const leader = await signIn('lanhdao');
    await leader.goto(outgoingUrl);
    await step(leader, 'Duyệt ký');
    await statusIs(leader, 'Đã duyệt, chờ cấp số');

    // The clerk issues the number and dispatches it.
    const clerk = await signIn('vanthu');
    await clerk.goto(outgoingUrl);
    await step(clerk, 'Cấp số', async (dialog) => {
      // Chosen already: the committee has one ordinary outgoing register.
      await dialog.locator('.ant-select', { hasText: /^Sổ văn bản đi$/ }).waitFor();
    });
    await statusIs(clerk, 'Đã cấp số');
    const numberText = (await clerk.locator('h3 + div .ant-typography').first().textContent()) ?? '';
    expect(numberText).toMatch(/^\d+-CV\/HU$/);
    await step(clerk, 'Phát hành');
    await statusIs(clerk, 'Đã phát hành');
    await clerk.locator('[data-delivery-status="01"]').waitFor();

    // The commune's clerk finds it waiting, accepts it and submits it to the commune's secretary.
    const communeClerk = await signIn('vanthuxa');
    await communeClerk.goto(`${e2e.product.url}/incoming?tab=inbox`);
    const item = communeClerk.locator('.vp-inbox .ant-list-item', { hasText: summary });
    await item.waitFor();

    // Before deciding, the clerk opens it, downloads the PDF and previews it in the page.
    await item.getByRole('button', { name: 'Mở', exact: true }).click();
    const opened = communeClerk.getByRole('dialog', { name: 'Văn bản được gửi đến' });
    const fileRow = opened.locator('.vp-files .ant-list-item', { hasText: 'Du thao bao cao.pdf' });
    await fileRow.waitFor();
    const [download] = await Promise.all([
      communeClerk.waitForEvent('download'),
      fileRow.locator('.ant-btn', { hasText: 'Tải về' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Du thao bao cao.pdf');
    expect(download.url()).toMatch(/\/api\/deliveries\/[^/]+\/files\/[^/?]+$/);
    const [inline] = await Promise.all([
      communeClerk.waitForResponse((r) => r.url().includes('/api/deliveries/') && r.url().endsWith('?inline=1')),
      fileRow.locator('.ant-btn', { hasText: 'Xem' }).click(),
    ]);
    expect(inline.status()).toBe(200);
    expect(inline.headers()['content-type']).toContain('application/pdf');
    const preview = communeClerk.getByRole('dialog', { name: 'Xem tệp: Du thao bao cao.pdf' });
    await preview.locator('iframe').waitFor();
    // A click on a dialog still zooming in can be lost: close each once it has settled.
    await (await settledDialog(communeClerk, preview)).locator('.ant-modal-close').click();
    await preview.waitFor({ state: 'hidden' });
    await (await settledDialog(communeClerk, opened)).locator('.ant-modal-close').click();
    await opened.waitFor({ state: 'hidden' });

    await item.getByRole('button', { name: 'Tiếp nhận' }).click();
    await communeClerk.locator('.ant-modal:visible .ant-btn-primary').click();
    await communeClerk.waitForURL(/\/documents\/[^/]+$/);
    const receivedUrl = communeClerk.url();
    await statusIs(communeClerk, 'Đã vào sổ');
    await communeClerk.getByText('Du thao bao cao.pdf').waitFor();
    await step(communeClerk, 'Trình lãnh đạo', (dialog) =>
      choose(communeClerk, 'Lãnh đạo', 'Bí thư Đảng bộ xã Lũng Cú', dialog),
    );
    await statusIs(communeClerk, 'Chờ xử lý của lãnh đạo');

    // The sender sees the commune accepted it and waits for assignment.
    await clerk.reload();
    await clerk.locator('[data-delivery-status="04"]').waitFor();

    // The secretary directs the commune's clerk to handle it; the clerk completes it.
    const secretary = await signIn('bithuxa');
    await secretary.goto(receivedUrl);
    await step(secretary, 'Cho ý kiến, giao xử lý', async (dialog) => {
      await dialog.getByLabel('Ý kiến chỉ đạo').fill('Giao Văn phòng Đảng ủy xã tổng hợp, báo cáo.');
      await choose(secretary, 'Chủ trì xử lý', 'Văn thư Đảng bộ xã Lũng Cú', dialog);
    });
    await statusIs(secretary, 'Đang xử lý');

    await communeClerk.reload();
    await step(communeClerk, 'Hoàn thành', (dialog) => dialog.getByLabel('Ghi chú').fill('Đã tổng hợp, báo cáo.'));
    await statusIs(communeClerk, 'Hoàn thành');

    // Back at the committee, the recipient's status reads "Hoàn thành".
    await clerk.reload();
    await clerk.locator('[data-delivery-status="06"]', { hasText: 'Hoàn thành' }).waitFor();
    await shot(clerk, 'outgoing-recipients', { fullPage: true });
  }, 180_000);

  it('an incoming paper document is registered, directed, handled, and its timeline shows every step', async () => {
    const summary = 'Về việc triển khai chuyển đổi số trong cơ quan Đảng (kiểm thử)';
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/incoming`);
    await clerk.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    const drawer = clerk.locator('.ant-drawer:visible');
    await choose(clerk, 'Sổ văn bản đến', /^Sổ văn bản đến — Huyện ủy/, drawer);
    await drawer.getByLabel('Cơ quan ban hành').fill('Ban Tuyên giáo Tỉnh ủy Hà Giang');
    await drawer.getByLabel('Số, ký hiệu').fill('215-CV/BTGTU');
    await choose(clerk, 'Loại văn bản', 'Công văn (CV)', drawer, 'Công văn');
    await drawer.getByLabel('Ngày ban hành').fill(pickerDay());
    await drawer.getByLabel('Ngày ban hành').press('Enter');
    await drawer.getByLabel('Trích yếu').fill(summary);
    await drawer.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await clerk.waitForURL(/\/documents\/[^/]+$/);
    const url = clerk.url();
    await statusIs(clerk, 'Đã vào sổ');

    await step(clerk, 'Trình lãnh đạo', (dialog) => choose(clerk, 'Lãnh đạo', 'Bí thư Huyện ủy', dialog));
    await statusIs(clerk, 'Chờ xử lý của lãnh đạo');

    const leader = await signIn('lanhdao');
    await leader.goto(url);
    await step(leader, 'Cho ý kiến, giao xử lý', async (dialog) => {
      await dialog.getByLabel('Ý kiến chỉ đạo').fill('Giao đồng chí chuyên viên tham mưu kế hoạch.');
      await choose(leader, 'Chủ trì xử lý', /Chuyên viên/, dialog);
      await dialog.getByLabel('Hạn xử lý').fill(pickerDay(5));
      await dialog.getByLabel('Hạn xử lý').press('Enter');
    });
    await statusIs(leader, 'Đang xử lý');
    await leader.locator('.vp-doc-actions').getByRole('button', { name: 'Gia hạn' }).waitFor();

    const specialist = await signIn('chuyenvien');
    // The specialist finds it in the work queue.
    await specialist.goto(`${e2e.product.url}/documents/queue?kind=toHandle`);
    await specialist.getByRole('link', { name: summary }).click();
    await specialist.waitForURL(url);
    // While handling it, the specialist adds a result file; the leader's extension is not theirs to give.
    // Counted once the specialist's own buttons are there, so an unrendered bar cannot pass for it.
    await specialist.locator('.vp-doc-actions').getByRole('button', { name: 'Thêm tệp', exact: true }).waitFor();
    expect(
      await specialist.locator('.vp-doc-actions').getByRole('button', { name: 'Gia hạn', exact: true }).count(),
    ).toBe(0);
    await step(specialist, 'Thêm tệp', async (dialog) => {
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'Du thao ke hoach.pdf',
        mimeType: 'application/pdf',
        buffer: demoPdf('Du thao ke hoach chuyen doi so'),
      });
      await dialog.locator('.ant-upload-list-item-done').first().waitFor();
    });
    await specialist
      .locator('.vp-files .ant-list-item', { hasText: 'Du thao ke hoach.pdf' })
      .locator('.ant-tag', { hasText: 'Kết quả xử lý' })
      .waitFor();
    await step(specialist, 'Hoàn thành', (dialog) =>
      dialog.getByLabel('Ghi chú').fill('Đã xây dựng dự thảo kế hoạch, trình Thường trực.'),
    );
    await statusIs(specialist, 'Hoàn thành');

    // Every step is on the timeline, with who and when (dd/mm/yyyy HH:mm, Vietnam time).
    await clerk.goto(url);
    const timeline = clerk.locator('.vp-timeline');
    for (const kind of ['registered', 'submitted', 'directed', 'completed']) {
      await timeline.locator(`[data-event="${kind}"]`).waitFor();
    }
    await expect(timeline.textContent()).resolves.toContain('Giao đồng chí chuyên viên tham mưu kế hoạch.');
    await expect(timeline.textContent()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await shot(clerk, 'document-page', { fullPage: true });

    // The list finds it without diacritics.
    await clerk.goto(`${e2e.product.url}/incoming`);
    await clerk.getByPlaceholder('Tìm theo số, ký hiệu, trích yếu, cơ quan ban hành').fill('chuyen doi so');
    await clerk.getByPlaceholder('Tìm theo số, ký hiệu, trích yếu, cơ quan ban hành').press('Enter');
    await clerk.getByRole('link', { name: summary }).waitFor();
    await clerk.getByRole('button', { name: /Xóa bộ lọc/ }).click();
    await clerk.locator('.ant-table-row').nth(1).waitFor();
    await shot(clerk, 'incoming-list');

    // The register book: as XLSX with the filters, and as a page to print.
    const xlsx = await clerk.request.get(
      `${e2e.product.url}/api/documents/export.xlsx?direction=incoming&q=chuyen%20doi%20so`,
    );
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await clerk.getByRole('button', { name: 'In sổ' }).click();
    await clerk.waitForURL(/\/incoming\/print/);
    await clerk.getByText('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN').waitFor();
    await clerk.locator('table.vp-print td', { hasText: summary }).waitFor();
    await clerk.goBack();

    // The same number from the same issuer again: a warning with the match, then registered on purpose.
    await clerk.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    const again = clerk.locator('.ant-drawer:visible');
    await choose(clerk, 'Sổ văn bản đến', /^Sổ văn bản đến — Huyện ủy/, again);
    await again.getByLabel('Cơ quan ban hành').fill('Ban Tuyên giáo Tỉnh ủy Hà Giang');
    await again.getByLabel('Số, ký hiệu').fill('215-CV/BTGTU');
    await choose(clerk, 'Loại văn bản', 'Công văn (CV)', again, 'Công văn');
    await again.getByLabel('Ngày ban hành').fill(pickerDay());
    await again.getByLabel('Ngày ban hành').press('Enter');
    await again.getByLabel('Trích yếu').fill(`${summary} (bản thứ hai)`);
    await again.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await again.getByText('Có thể trùng văn bản đã vào sổ').waitFor();
    await again.getByRole('button', { name: 'Vẫn vào sổ' }).click();
    await clerk.waitForURL((u) => /\/documents\/[^/]+$/.test(u.pathname) && u.href !== url);
    await statusIs(clerk, 'Đã vào sổ');
  }, 120_000);

  it('a clerk creates a register and sees the numbers it will give, then takes it out of use', async () => {
    const name = 'Sổ văn bản đi của Ủy ban (kiểm thử)';
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/outgoing`);
    await clerk.getByRole('button', { name: 'Sổ văn bản' }).click();
    await clerk.waitForURL(/\/documents\/registers\?direction=outgoing$/);
    await clerk.locator('.vp-registers .ant-table-row', { hasText: 'Sổ văn bản đi mật' }).waitFor();

    await clerk.getByRole('button', { name: 'Tạo sổ văn bản' }).click();
    const drawer = clerk.locator('.vp-register-form .ant-drawer-body');
    const example = drawer.locator('[data-example]');
    // The committee the clerk keeps registers for is already chosen.
    await drawer.locator('.ant-select-content, .ant-select-selection-item', { hasText: 'Huyện ủy' }).first().waitFor();
    await drawer.getByLabel('Tên sổ').fill(name);
    await drawer.getByLabel('Chữ viết tắt cơ quan ban hành').fill('UBND');
    await expect.poll(() => example.textContent()).toBe('Số 05-NQ/UBND');
    await drawer.getByText('Văn bản hành chính nhà nước', { exact: false }).click();
    await expect.poll(() => example.textContent()).toBe('Số: 05/QĐ-UBND');
    await expect(drawer.textContent()).resolves.toContain('Số bắt đầu lại từ 01 vào ngày 01/01 mỗi năm.');
    await drawer.getByText('Mỗi nhiệm kỳ', { exact: true }).click();
    await drawer.getByLabel('Nhiệm kỳ hiện tại').fill('2026-2031');
    await drawer.getByText('Số bắt đầu lại từ 01 mỗi nhiệm kỳ (nhiệm kỳ hiện tại: 2026-2031).').waitFor();
    await drawer.getByText('Quyết định, quy định thứ năm trong nhiệm kỳ 2026-2031:').waitFor();
    await example.scrollIntoViewIfNeeded();
    await shot(clerk, 'register-form');
    await drawer.getByRole('button', { name: 'Tạo sổ văn bản' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const row = clerk.locator('.vp-registers .ant-table-row', { hasText: name });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Số: 05/QĐ-UBND');

    // The same name again: the server's sentence under the field.
    await clerk.getByRole('button', { name: 'Tạo sổ văn bản' }).click();
    await drawer.getByLabel('Tên sổ').fill(name);
    await drawer.getByLabel('Chữ viết tắt cơ quan ban hành').fill('UBND');
    await drawer.getByRole('button', { name: 'Tạo sổ văn bản' }).click();
    await drawer.getByText(`Tổ chức đã có sổ văn bản tên “${name}”.`).first().waitFor();
    await clerk.locator('.vp-register-form .ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // Taken out of use: it stays listed, marked, and can no longer be chosen when numbering.
    await row.getByRole('button', { name: /Sửa/ }).click();
    await drawer.getByLabel('Đang sử dụng').click();
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await row.locator('.ant-tag', { hasText: 'Ngừng sử dụng' }).waitFor();
    await clerk.getByText('Tất cả', { exact: true }).click();
    await clerk.locator('.vp-registers .ant-table-row', { hasText: 'Sổ văn bản đến mật' }).waitFor();
    await clerk.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await shot(clerk, 'registers', { fullPage: true });

    // Someone without the clerk's or administrator's role is told so.
    const leader = await signIn('lanhdao');
    await leader.goto(`${e2e.product.url}/documents/registers`);
    await leader.getByText('Không có quyền truy cập').waitFor();
  }, 120_000);

  it('the home page leads to the waiting work', async () => {
    const leader = await signIn('lanhdao');
    const queue = leader.locator('.vp-home-queue');
    await queue.waitFor();
    const card = queue.locator('[data-queue]').first();
    await card.waitFor();
    const kind = await card.getAttribute('data-queue');
    await shot(leader, 'home', { fullPage: true });
    await card.click();
    await leader.waitForURL((u) => u.pathname === '/documents/queue' && u.searchParams.get('kind') === kind);
    await leader.locator('.ant-table-row, .vp-doc-cards .ant-list-item').first().waitFor();

    // Someone with no document work is told there is nothing waiting.
    const member = await signIn('uyvien');
    // The home page itself, not only the menu, is drawn before the queue is looked for.
    await member.getByText('Vai trò của bạn').first().waitFor();
    expect(await member.locator('.vp-home-queue').count()).toBe(0);
  });

  it('the registers page and the home page read well on a phone (390×844)', async () => {
    const page = await signIn('vanthu', PHONE);
    await page.locator('.vp-home-queue').waitFor();
    await page.locator('.vp-home-queue [data-queue], .vp-home-queue .ant-empty').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-home', { fullPage: true });

    await page.goto(`${e2e.product.url}/documents/registers`);
    await page.locator('.vp-registers .ant-list-item').first().waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-registers', { fullPage: true });

    await page.getByRole('button', { name: 'Tạo sổ văn bản' }).click();
    const drawer = page.locator('.vp-register-form .ant-drawer-body');
    await drawer.waitFor();
    await page.waitForTimeout(400); // the drawer slides in
    await drawer.getByLabel('Chữ viết tắt cơ quan ban hành').fill('HU');
    await expect.poll(() => drawer.locator('[data-example]').textContent()).toBe('Số 05-NQ/HU');
    const overflow = await drawer.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await drawer.locator('[data-example]').scrollIntoViewIfNeeded();
    await shot(page, 'phone-register-form');
    expect(external).toEqual([]);
  });

  it('a signed PDF shows who signed it and that the signature holds; one changed after signing shows it broken, on a phone too', async () => {
    const pki = makeTestPki();
    const roots = path.join(e2e.product.dataDir, 'trust', 'roots');
    fs.mkdirSync(roots, { recursive: true });
    fs.copyFileSync(pki.root, path.join(roots, 'root.pem'));
    const signed = signPdfForTest(makePdf('Công văn số 512-CV/TU'), pki.leader, { name: 'Nguyễn Văn Chứ' });
    const changed = Buffer.from(signed);
    changed[changed.indexOf('72 720 Td')] = '8'.charCodeAt(0);
    const page = await signIn('vanthu');
    await page.goto(`${e2e.product.url}/incoming`);
    /** Registers an incoming document carrying `bytes` through the product's own API, as the page would. */
    const register = (bytes: Buffer, numberText: string) =>
      page.evaluate(
        async ({ b64, numberText }) => {
          const registers = (await (await fetch('/api/registers?direction=incoming')).json()) as
            | { items: { id: string; direction: string }[] }
            | { id: string; direction: string }[];
          const list = Array.isArray(registers) ? registers : registers.items;
          const registerId = list.find((r) => r.direction === 'incoming')?.id;
          const form = new FormData();
          const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          form.append('file', new File([data], 'Công văn.pdf', { type: 'application/pdf' }));
          const upload = (await (await fetch('/api/files', { method: 'POST', body: form })).json()) as { id: string };
          const res = await fetch('/api/documents/incoming', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              registerId,
              issuerName: 'Tỉnh ủy Hà Giang',
              numberText,
              issueDate: '2026-12-05',
              typeCode: 'CV',
              summary: 'Về việc triển khai văn phòng điện tử',
              uploadIds: [upload.id],
            }),
          });
          return ((await res.json()) as { id: string }).id;
        },
        { b64: bytes.toString('base64'), numberText },
      );
    const good = await register(signed, '512-CV/TU');
    const bad = await register(changed, '513-CV/TU');
    try {
      await page.goto(`${e2e.product.url}/documents/${good}`);
      const valid = page.locator('[data-verdict="valid"]');
      await valid.waitFor();
      expect(await valid.textContent()).toBe('Chữ ký số hợp lệ — Nguyễn Văn Chứ');
      await valid.click();
      await page.getByText('CA cấp dưới thử nghiệm — Ban Cơ yếu thử nghiệm').waitFor();

      const phone = await signIn('vanthu', PHONE);
      await phone.goto(`${e2e.product.url}/documents/${bad}`);
      const broken = phone.locator('[data-verdict="broken"]');
      await broken.waitFor();
      expect(await broken.textContent()).toBe('Chữ ký bị hỏng: nội dung đã bị thay đổi sau khi ký — Nguyễn Văn Chứ');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      fs.rmSync(pki.dir, { recursive: true, force: true });
    }
  });

  it('the list and a document read well on a phone (390×844)', async () => {
    const page = await signIn('vanthu', PHONE);
    await page.goto(`${e2e.product.url}/incoming`);
    // Cards, not a wide table.
    const card = page.locator('.vp-doc-cards .ant-list-item').first();
    await card.waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-incoming-list');

    // The menu sits behind a button and carries the waiting-work badges.
    await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
    await page.getByRole('menuitem', { name: /Văn bản đến/ }).waitFor();
    await page.keyboard.press('Escape');

    await card.locator('a').first().click();
    await page.waitForURL(/\/documents\/[^/]+$/);
    await page.locator('.vp-timeline').waitFor();
    const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(docWidth).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-document', { fullPage: true });
    expect(external).toEqual([]);
  });
});
