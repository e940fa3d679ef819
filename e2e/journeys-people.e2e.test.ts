import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoName } from '../server/modules/demo/demo.data';
import { DESKTOP, PHONE, pickerDay, settledDialog, shot, useProduct } from './session';

/** The demo's Bí thư Huyện ủy, the leader "lanhdao". */
const SECRETARY = demoName(0);

describe('people, the directory and the audit log as a person walks them (Chromium)', () => {
  const e2e = useProduct(180_000);
  const signIn = (username: string, viewport = DESKTOP, password?: string) =>
    e2e.signIn(username, viewport, { password });

  const openOptions = (page: Page) =>
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

  for (const viewport of [DESKTOP, PHONE]) {
    it(`the audit log names every action and entity kind in Vietnamese (${viewport.width} px)`, async () => {
      const admin = await signIn('quantri', viewport);
      await admin.goto(`${e2e.product.url}/admin/audit`);
      const rows = admin.locator('.ant-table-tbody tr.ant-table-row');
      // The first page of the app loads its chunks cold: give it time on a busy machine.
      await rows.first().waitFor({ timeout: 30_000 });
      // The first cell of a row is its expand button; then time, actor, action, entity, summary.
      const actions = await rows.locator('td:nth-child(4)').allTextContents();
      const entities = await rows.locator('td:nth-child(5)').allTextContents();
      // No code such as `auth.sign_in`, `directory.person_created` or `inspection_case` is shown.
      expect(actions.length).toBeGreaterThan(3);
      expect([...actions, ...entities].filter((text) => /[a-z][._][a-z]/.test(text))).toEqual([]);
      expect(actions).toContain('Đăng nhập');
      expect(entities.some((text) => text.startsWith('Tài khoản'))).toBe(true);
      await shot(admin, `people-audit-${viewport.width}`);
      // The action filter offers the Vietnamese names too.
      const actionSelect = admin.locator('.ant-select', { hasText: 'Hành động' }).first();
      await actionSelect.click();
      const options = await openOptions(admin).allTextContents();
      expect(options).toContain('Đăng nhập');
      expect(options.filter((text) => /[._]/.test(text))).toEqual([]);
      await admin.keyboard.press('Escape');
    }, 90_000);
  }

  it('typing "Chứ" in a people picker puts Bí thư Nguyễn Văn Chứ first, not eight "Chuyên viên" rows', async () => {
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/meetings`);
    await clerk.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const drawer = clerk.locator('.ant-drawer:visible');
    const chair = drawer.locator('input[id$="chairName"]');
    await chair.click();
    await chair.pressSequentially('Chứ');
    const options = clerk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    // Every demo person named Chứ comes before anyone found only by a position title.
    await expect.poll(async () => (await options.allTextContents()).join('\n')).toContain(SECRETARY);
    const names = (await options.allTextContents()).map((text) => text.split(' — ')[0] ?? '');
    const firstOther = names.findIndex((name) => !name.endsWith(' Chứ'));
    expect(names.indexOf(SECRETARY)).toBeGreaterThanOrEqual(0);
    if (firstOther >= 0) expect(names.slice(firstOther).some((name) => name.endsWith(' Chứ'))).toBe(false);
    await shot(clerk, 'people-search-1366');
  }, 90_000);

  it('the leader finds himself by "chu" typed without marks in the lead-handler picker', async () => {
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/incoming`);
    await clerk.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    const drawer = clerk.locator('.ant-drawer:visible');
    const register = drawer.getByLabel('Sổ văn bản đến', { exact: true });
    await register.click();
    await openOptions(clerk)
      .filter({ hasText: /^Sổ văn bản đến — Huyện ủy/ })
      .first()
      .click();
    await drawer.getByLabel('Cơ quan ban hành').fill('Văn phòng Tỉnh ủy Hà Giang');
    await drawer.getByLabel('Số, ký hiệu').fill('77-CV/VPTU');
    const type = drawer.getByLabel('Loại văn bản', { exact: true });
    await type.click();
    await type.pressSequentially('Công văn');
    await openOptions(clerk).filter({ hasText: 'Công văn (CV)' }).first().click();
    await drawer.getByLabel('Ngày ban hành').fill(pickerDay());
    await drawer.getByLabel('Ngày ban hành').press('Enter');
    await drawer.getByLabel('Trích yếu').fill('Về việc tìm người chủ trì (kiểm thử)');
    await drawer.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await clerk.waitForURL(/\/documents\/[^/]+$/);
    const url = clerk.url();

    await clerk.locator('.vp-doc-actions').getByRole('button', { name: 'Trình lãnh đạo', exact: true }).click();
    let dialog = await settledDialog(clerk);
    const leaderSelect = dialog.getByLabel('Lãnh đạo', { exact: true });
    await leaderSelect.click();
    await leaderSelect.pressSequentially('chu');
    await expect.poll(async () => (await openOptions(clerk).first().textContent()) ?? '').toContain(SECRETARY);
    await openOptions(clerk).first().click();
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });

    const leader = await signIn('lanhdao');
    await leader.goto(url);
    await leader
      .locator('.vp-doc-actions')
      .getByRole('button', { name: 'Cho ý kiến, giao xử lý', exact: true })
      .click();
    dialog = await settledDialog(leader);
    const lead = dialog.getByLabel('Chủ trì xử lý', { exact: true });
    await lead.click();
    await lead.pressSequentially('chu');
    await expect.poll(async () => (await openOptions(leader).first().textContent()) ?? '').toContain(SECRETARY);
    await lead.fill('');
    await lead.pressSequentially('Chứ');
    await expect.poll(async () => (await openOptions(leader).first().textContent()) ?? '').toContain(SECRETARY);
  }, 120_000);

  for (const viewport of [DESKTOP, PHONE]) {
    it(`the people directory keeps Sửa and Xóa in sight (${viewport.width} px)`, async () => {
      const admin = await signIn('quantri', viewport);
      await admin.goto(`${e2e.product.url}/directory/people`);
      const edit = admin.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: 'Sửa' });
      await edit.waitFor();
      const box = await edit.boundingBox();
      expect(box).not.toBeNull();
      // Inside the window without scrolling the table sideways.
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      await expect(edit.isVisible()).resolves.toBe(true);
      await shot(admin, `people-directory-${viewport.width}`);
    }, 90_000);
  }

  it('the "Thêm tổ chức trực thuộc" dialog has no element id twice in the page', async () => {
    const admin = await signIn('quantri');
    await admin.goto(`${e2e.product.url}/directory`);
    await admin.locator('.ant-tree-node-content-wrapper').first().click();
    await admin.getByRole('button', { name: 'Thêm tổ chức trực thuộc' }).click();
    const dialog = await settledDialog(admin);
    await dialog.getByLabel('Tên tổ chức').waitFor();
    const repeated = await admin.evaluate(() => {
      const modal = document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal');
      const ids = [...(modal?.querySelectorAll('[id]') ?? [])].map((el) => el.id);
      return ids.filter((id) => document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length > 1);
    });
    expect(repeated).toEqual([]);
  }, 90_000);

  it('the first letter of a thread calls the reply that followed it a later letter, not an earlier one', async () => {
    const writer = await signIn('vanthu');
    const reader = await signIn('lanhdao');
    const headers = { origin: e2e.product.url };
    const ownBox = async (page: Page) => {
      const boxes = (await (await page.request.get(`${e2e.product.url}/api/mail/mailboxes`)).json()) as {
        items: { id: string; kind: string }[];
      };
      const box = boxes.items.find((b) => b.kind === 'person');
      if (!box) throw new Error('no personal mailbox');
      return box.id;
    };
    const [from, to] = [await ownBox(writer), await ownBox(reader)];
    const subject = `Lịch trực cơ quan dịp Tết (kiểm thử ${Date.now()})`;
    const sent = await writer.request.post(`${e2e.product.url}/api/mail/messages`, {
      headers,
      data: { mailboxId: from, to: [{ kind: 'mailbox', id: to }], subject, text: 'Kính gửi đồng chí lịch trực.' },
    });
    expect(sent.status()).toBe(201);
    const original = ((await sent.json()) as { itemId: string }).itemId;
    const inbox = (await (await reader.request.get(`${e2e.product.url}/api/mail/mailboxes/${to}/messages`)).json()) as {
      items: { id: string; subject: string }[];
    };
    const received = inbox.items.find((item) => item.subject === subject);
    expect(received).toBeDefined();
    const reply = await reader.request.post(`${e2e.product.url}/api/mail/messages`, {
      headers,
      data: {
        mailboxId: to,
        to: [{ kind: 'mailbox', id: from }],
        subject: `Trả lời: ${subject}`,
        text: 'Đã nhận, cảm ơn đồng chí.',
        replyToItemId: received?.id,
      },
    });
    expect(reply.status()).toBe(201);

    await writer.goto(`${e2e.product.url}/mailbox/${from}/${original}`);
    await writer.getByText('1 thư sau trong cùng chuỗi', { exact: false }).waitFor();
    await expect(writer.getByText('thư trước trong cùng chuỗi').count()).resolves.toBe(0);
  }, 90_000);

  it('an administrator sets a temporary password; the person must change it at the next sign-in, on a phone too', async () => {
    const oldSession = await signIn('chuyenvien');
    const admin = await signIn('quantri');
    await admin.goto(`${e2e.product.url}/admin/users`);
    await admin.getByPlaceholder('Tìm theo họ tên, tên đăng nhập, thư điện tử').fill('chuyenvien');
    const searched = admin.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/users' && new URL(r.url()).searchParams.get('q') === 'chuyenvien',
    );
    await admin.getByPlaceholder('Tìm theo họ tên, tên đăng nhập, thư điện tử').press('Enter');
    await searched;
    // The table re-renders with the search's rows: a click on a row of the page before can be lost.
    const rows = admin.locator('.ant-table-tbody tr.ant-table-row');
    await expect
      .poll(async () => {
        const all = await rows.count();
        return all > 0 && all === (await rows.filter({ hasText: 'chuyenvien' }).count());
      })
      .toBe(true);
    const row = rows.filter({ hasText: 'chuyenvien' }).first();
    await row.getByRole('button', { name: 'Mật khẩu tạm thời' }).click();
    const dialog = await settledDialog(admin);
    // Too guessable a password is refused in the dialog itself.
    await dialog.getByText('Tự nhập mật khẩu').click();
    await dialog.getByLabel('Mật khẩu tạm thời', { exact: true }).fill('chuyenvien123');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    // Made by the system instead, shown once.
    await dialog.getByText('Hệ thống tạo mật khẩu').click();
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.getByText('chỉ hiện một lần', { exact: false }).waitFor();
    const temporary = ((await dialog.textContent()) ?? '').match(/[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}/)?.[0];
    expect(temporary).toBeDefined();
    await shot(admin, 'people-temporary-password-1366');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });

    // The person's open session ended.
    await oldSession.reload();
    await oldSession.waitForURL(/\/sign-in/);

    // On a phone, the temporary password opens only the forced change.
    for (const [viewport, password, next] of [
      [PHONE, temporary ?? '', 'Mật khẩu riêng của chuyên viên 2026'],
    ] as const) {
      const phone = await signIn('chuyenvien', viewport, password);
      await phone.getByRole('heading', { name: 'Đổi mật khẩu tạm thời' }).waitFor();
      await phone.getByLabel('Mật khẩu hiện tại').waitFor();
      await shot(phone, `people-forced-change-${viewport.width}`);
      await phone.getByLabel('Mật khẩu hiện tại').fill(password);
      await phone.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
      await phone.getByLabel('Nhập lại mật khẩu mới').fill(next);
      await phone.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await phone.getByRole('heading', { name: 'Đổi mật khẩu tạm thời' }).waitFor({ state: 'hidden' });
      const me = (await (await phone.request.get(`${e2e.product.url}/api/auth/me`)).json()) as {
        user: { mustChangePassword: boolean };
      };
      expect(me.user.mustChangePassword).toBe(false);
    }

    // The administrator's trail says what happened, in Vietnamese, without the password.
    await admin.goto(`${e2e.product.url}/admin/audit`);
    const entry = admin.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'Đặt mật khẩu tạm thời' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).not.toContain(temporary ?? '');
  }, 150_000);
});
