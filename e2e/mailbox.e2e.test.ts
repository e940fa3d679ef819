import { describe, expect, it } from 'vitest';
import { demoName } from '../server/modules/demo/demo.data';
import { demoPdf } from '../server/modules/demo/demo-documents.service';
import { PHONE, selectOptions, shot, useProduct } from './session';

const DESKTOP = { width: 1280, height: 860 };
/** The demo's member `uyvien` holds the directory's person number 11. */
const MEMBER_NAME = demoName(11);
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

describe('official mailboxes: a letter registered as a document, mail written, read and answered on a phone (Chromium)', () => {
  const e2e = useProduct();
  const external: string[] = [];

  /** A fresh browser for one person, signed in through the sign-in form. */
  const signIn = (username: string, viewport = DESKTOP) =>
    e2e.signIn(username, viewport, { stepTimeout: 10_000, external });
  it('the clerk registers the provincial letter from the office mailbox as an incoming document', async () => {
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/mailbox`);
    await clerk.getByRole('heading', { name: 'Hòm thư công vụ' }).waitFor();
    // The clerk reads the committee's mailbox besides their own.
    await clerk.getByLabel('Hộp thư', { exact: true }).click();
    await selectOptions(clerk).filter({ hasText: 'Huyện ủy Đồng Văn' }).first().click();
    const letter = clerk.locator('.vp-mail-row', { hasText: 'Công văn số 245-CV/VPTU' });
    await letter.waitFor();
    await clerk.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await shot(clerk, 'mailbox-office');
    await letter.click();
    await clerk.getByRole('heading', { name: /Công văn số 245-CV\/VPTU/ }).waitFor();
    await expect.poll(() => clerk.getByText('Công văn 245-CV-VPTU.pdf').count()).toBeGreaterThan(0);
    await clerk.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    const dialog = clerk.locator('.ant-modal:visible');
    await dialog.getByLabel('Loại văn bản').fill('Công văn');
    await selectOptions(clerk).filter({ hasText: 'Công văn (CV)' }).first().click();
    await dialog.getByLabel('Số, ký hiệu').fill('245-CV/VPTU');
    await expect.poll(() => dialog.getByText('Sổ văn bản đến', { exact: true }).count()).toBe(2);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const refused = dialog.locator('.ant-alert-error, .ant-form-item-explain-error');
    await Promise.race([
      clerk.waitForURL(/\/documents\//, { timeout: 20_000 }),
      refused.first().waitFor({ state: 'visible', timeout: 20_000 }),
    ]);
    if (await refused.first().isVisible()) throw new Error(`registering: ${await refused.allTextContents()}`);
    await clerk.getByText('245-CV/VPTU').first().waitFor();
    // Back in the mailbox the message says it was registered.
    await clerk.goBack();
    await clerk.getByText('Xem văn bản đã vào sổ').waitFor();
  }, 120_000);

  it('the leader writes to a member, who reads it on a phone and answers; the thread stays together', async () => {
    const leader = await signIn('lanhdao');
    await leader.goto(`${e2e.product.url}/mailbox`);
    await leader.getByRole('button', { name: 'Soạn thư' }).click();
    const drawer = leader.locator('.ant-drawer:visible');
    // Found by typing the name without diacritics.
    await drawer.getByLabel('Đến', { exact: true }).fill(fold(MEMBER_NAME).toLowerCase());
    await selectOptions(leader).filter({ hasText: MEMBER_NAME }).first().click();
    await drawer.getByLabel('Tiêu đề').fill('Góp ý dự thảo Báo cáo chính trị');
    await drawer.getByLabel('Nội dung').fill('Đề nghị đồng chí nghiên cứu và góp ý dự thảo gửi kèm.');
    await drawer.locator('input[type=file]').setInputFiles({
      name: 'Du thao bao cao chinh tri.pdf',
      mimeType: 'application/pdf',
      buffer: demoPdf('Du thao bao cao chinh tri'),
    });
    await drawer.locator('.ant-upload-list-item-done').first().waitFor({ timeout: 30_000 });
    await shot(leader, 'mailbox-compose');
    await drawer.getByRole('button', { name: 'Gửi', exact: true }).click();
    await leader.getByText('Đã gửi thư.').waitFor();

    const member = await signIn('uyvien', PHONE);
    await member.goto(`${e2e.product.url}/mailbox`);
    const row = member.locator('.vp-mail-row', { hasText: 'Góp ý dự thảo Báo cáo chính trị' });
    await row.waitFor();
    await shot(member, 'mailbox-phone');
    await row.click();
    await member.getByText('Du thao bao cao chinh tri.pdf').waitFor();
    await member.getByRole('button', { name: /Trả lời$/ }).click();
    const reply = member.locator('.ant-drawer:visible');
    await expect.poll(() => reply.getByLabel('Tiêu đề').inputValue()).toBe('Trả lời: Góp ý dự thảo Báo cáo chính trị');
    await reply.getByLabel('Nội dung').press('Control+Home');
    await reply.getByLabel('Nội dung').pressSequentially('Tôi nhất trí, có ý kiến bổ sung phần kinh tế. ');
    await reply.getByRole('button', { name: 'Gửi', exact: true }).click();
    await member.getByText('Đã gửi thư.').waitFor();
    await shot(member, 'mailbox-phone-read');

    // The leader's bell counts the answer without reloading; the answer carries the thread.
    await leader.keyboard.press('Escape');
    await expect
      .poll(
        async () =>
          (await leader
            .locator('header .ant-badge-count')
            .first()
            .textContent()
            .catch(() => '')) ?? '',
        {
          timeout: 15_000,
        },
      )
      .toMatch(/\d/);
    await leader.goto(`${e2e.product.url}/mailbox`);
    await leader.locator('.vp-mail-row', { hasText: 'Trả lời: Góp ý dự thảo' }).click();
    await leader.getByText('1 thư trước trong cùng chuỗi').waitFor();
    await shot(leader, 'mailbox-thread');
    expect(external).toEqual([]);
  }, 120_000);
});
