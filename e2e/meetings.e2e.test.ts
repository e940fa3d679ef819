import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDateTimeShort } from '../common/time/format';
import { demoName } from '../server/modules/demo/demo.data';
import { demoPdf } from '../server/modules/demo/demo-documents.service';
import { PHONE, selectOptions, settledDialog, shot, useProduct } from './session';

const DESKTOP = { width: 1280, height: 860 };
const DEMO_MEETING = 'Hội nghị Ban Thường vụ Huyện ủy thường kỳ tháng 12';
/** The demo's member `uyvien` holds the directory's person number 11. */
const MEMBER_NAME = demoName(11);

describe('a meeting is called, answered on a phone, held and minuted; the week schedule follows on the phone (Chromium)', () => {
  const e2e = useProduct();
  const external: string[] = [];
  // The meeting the journey creates, for the schedule feed afterwards.
  const title = `Hội nghị Ban Thường vụ Huyện ủy bàn công tác chuyển đổi số (kiểm thử ${Date.now() % 100_000})`;

  /** A fresh browser for one person, signed in through the sign-in form, on a device set to another zone than Vietnam's. */
  const signIn = (username: string, viewport = DESKTOP) =>
    e2e.signIn(username, viewport, { timezoneId: 'Europe/London', stepTimeout: 10_000, external });

  /** Confirms the open dialog, then waits for it to close or fails with the error it shows. */
  async function confirm(dialog: Locator, what: string) {
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const refused = dialog.locator('.ant-alert-error');
    await Promise.race([
      dialog.waitFor({ state: 'hidden', timeout: 30_000 }),
      refused.waitFor({ state: 'visible', timeout: 30_000 }),
    ]);
    if (await refused.isVisible()) throw new Error(`${what}: ${await refused.textContent()}`);
  }

  /** Types a moment into a desktop date-time picker and accepts it. */
  async function pickDateTime(scope: Locator, label: string, at: Date) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(formatDateTimeShort(at));
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(formatDateTimeShort(at));
  }

  it('the clerk calls a meeting, the member answers on a phone and reads, the clerk takes attendance and adds the minutes', async () => {
    // Today, starting about a minute ahead (whole minutes, as the picker takes them): attendance
    // is taken on the meeting's day, minutes once it has begun.
    const startsAt = new Date(Math.floor((Date.now() + 90_000) / 60_000) * 60_000);
    const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);

    // 1. The clerk creates it in the drawer, with an agenda item and its PDF, and invites.
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/meetings`);
    await clerk.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const drawer = clerk.locator('.ant-drawer:visible');
    await drawer.getByLabel('Tên cuộc họp').fill(title);
    await pickDateTime(drawer, 'Bắt đầu', startsAt);
    await pickDateTime(drawer, 'Kết thúc', endsAt);
    await drawer.getByLabel('Địa điểm').fill('Phòng họp tầng 2, Huyện ủy');
    await drawer.getByRole('button', { name: 'Thêm nội dung' }).click();
    const item = drawer.locator('.ant-card', { hasText: 'Nội dung 1' });
    await item
      .getByLabel('Nội dung', { exact: true })
      .fill('Đề án chuyển đổi số trong cơ quan Đảng giai đoạn 2026-2030');
    await item.locator('input[type=file]').setInputFiles({
      name: 'De an chuyen doi so.pdf',
      mimeType: 'application/pdf',
      buffer: demoPdf('De an chuyen doi so trong co quan Dang'),
    });
    await item.locator('.ant-upload-list-item-done').first().waitFor({ timeout: 30_000 });
    await drawer.getByLabel('Nhóm', { exact: true }).click();
    await selectOptions(clerk).filter({ hasText: 'Ủy viên Ban Thường vụ' }).first().click();
    await drawer.locator('.ant-list-item', { hasText: 'Ủy viên Ban Thường vụ' }).waitFor();
    const picker = drawer.getByLabel('Thêm người hoặc tổ chức');
    await picker.click();
    await picker.pressSequentially(MEMBER_NAME);
    await selectOptions(clerk).filter({ hasText: MEMBER_NAME }).first().click();
    await drawer.locator('.ant-list-item', { hasText: MEMBER_NAME }).waitFor();
    await drawer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    const refused = drawer.locator('.ant-alert-error');
    await Promise.race([
      clerk.waitForURL(/\/meetings\/[^/]+$/, { timeout: 30_000 }),
      refused.waitFor({ state: 'visible', timeout: 30_000 }),
    ]);
    if (await refused.isVisible()) throw new Error(`Lưu dự thảo: ${await refused.textContent()}`);
    const meetingUrl = clerk.url();
    await clerk.getByRole('heading', { name: title }).waitFor();

    // The invitation is numbered in the outgoing register and sent.
    await clerk.locator('.vp-meeting-actions').getByRole('button', { name: 'Gửi giấy mời' }).click();
    const send = await settledDialog(clerk);
    await send.locator('.ant-select', { hasText: /^Sổ văn bản đi$/ }).waitFor();
    await confirm(send, 'Gửi giấy mời');
    await clerk.locator('.ant-descriptions').getByText('Giấy mời số 02-GM/HU').first().waitFor({ timeout: 30_000 });
    const pdfHref = await clerk.locator('[data-invitation="pdf"]').getAttribute('href');
    const pdf = await clerk.request.get(`${e2e.product.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // 2. The member, on a phone, finds both invitations and answers each with a tap or two.
    const member = await signIn('uyvien', PHONE);
    await member.goto(`${e2e.product.url}/meetings/mine`);
    const fresh = member.locator('.vp-my-meeting', { hasText: title });
    const demo = member.locator('.vp-my-meeting', { hasText: DEMO_MEETING });
    await fresh.waitFor({ timeout: 30_000 });
    await demo.waitFor();
    await fresh.getByRole('button', { name: 'Tham dự' }).click();
    await fresh.locator('.ant-tag', { hasText: 'Tham dự' }).waitFor({ timeout: 30_000 });
    await demo.getByRole('button', { name: 'Vắng mặt' }).click();
    const absent = await settledDialog(member);
    await absent.getByLabel('Lý do vắng mặt').fill('Đi công tác tỉnh theo kế hoạch.');
    await confirm(absent, 'Vắng mặt');
    await demo.locator('.ant-tag', { hasText: 'Vắng mặt' }).waitFor({ timeout: 30_000 });
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await member.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await shot(member, 'meetings-phone', { fullPage: true });

    // The member opens the meeting and reads its document in the browser's viewer (a new tab).
    await fresh.getByRole('link', { name: title }).click();
    await member.waitForURL(meetingUrl);
    const fileRow = member.locator('.vp-meeting-files .ant-list-item', { hasText: 'De an chuyen doi so.pdf' });
    await fileRow.waitFor();
    const [response] = await Promise.all([
      member.context().waitForEvent('response', {
        predicate: (r) => /\/api\/meetings\/[^/]+\/files\/[^/?]+$/.test(r.url()),
        timeout: 30_000,
      }),
      fileRow.locator('.ant-btn', { hasText: 'Xem' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    await member.bringToFront();
    // The page records the reading: "Đã xem" appears beside the file.
    await fileRow.getByText('Đã xem').waitFor({ timeout: 30_000 });

    // 3. The clerk sees the answer, takes attendance and, once the meeting has begun, adds the minutes.
    await clerk.reload();
    const row = clerk.locator('.vp-invitees .ant-table-row', { hasText: MEMBER_NAME });
    await row.locator('.ant-tag', { hasText: 'Tham dự' }).waitFor({ timeout: 30_000 });
    const invitees = clerk.locator('.vp-invitees');
    await invitees.getByRole('button', { name: 'Điểm danh' }).click();
    await invitees.getByRole('button', { name: 'Có mặt tất cả người tham dự' }).click();
    await invitees.getByRole('button', { name: /^Lưu điểm danh \(\d+\)$/ }).click();
    await row.locator('.ant-tag', { hasText: 'Có mặt' }).waitFor({ timeout: 30_000 });

    const wait = startsAt.getTime() - Date.now() + 2_000;
    if (wait > 0) await clerk.waitForTimeout(wait);
    await clerk.reload();
    await clerk.getByRole('button', { name: 'Thêm biên bản, kết luận' }).click({ timeout: 30_000 });
    const minutes = await settledDialog(clerk);
    await minutes.locator('input[type=file]').setInputFiles({
      name: 'Bien ban hoi nghi.pdf',
      mimeType: 'application/pdf',
      buffer: demoPdf('Bien ban hoi nghi Ban Thuong vu'),
    });
    await minutes.locator('.ant-upload-list-item-done').first().waitFor({ timeout: 30_000 });
    await confirm(minutes, 'Thêm biên bản, kết luận');
    await clerk.locator('.vp-meeting-files .ant-list-item', { hasText: 'Bien ban hoi nghi.pdf' }).waitFor();

    // The member is told about the minutes.
    await expect
      .poll(
        async () => {
          const answer = await member.request.get(`${e2e.product.url}/api/notifications`);
          const body = (await answer.json()) as { items: { kind: string; link: string | null }[] };
          return body.items.some((n) => n.kind === 'meeting_minutes' && meetingUrl.endsWith(n.link ?? '-'));
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    await clerk.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await shot(clerk, 'meeting-page', { fullPage: true });
    expect(external).toEqual([]);
  }, 300_000);

  it('the week schedule is published and follows on the phone through a calendar address', async () => {
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/schedule`);
    await clerk.getByText('Giao ban Thường trực Huyện ủy đầu tuần').first().waitFor({ timeout: 30_000 });
    await clerk
      .getByText(/Bản công bố lần đầu · Công bố lúc /)
      .first()
      .waitFor();
    await shot(clerk, 'schedule-week', { fullPage: true });

    // The member, invited to the meeting above, subscribes to their own calendar.
    const member = await signIn('uyvien');
    await member.goto(`${e2e.product.url}/schedule`);
    await member.getByRole('button', { name: 'Theo dõi trên điện thoại' }).click();
    const dialog = await settledDialog(member);
    await dialog.getByRole('button', { name: 'Tạo địa chỉ theo dõi' }).click();
    const address = dialog.locator('.ant-typography code');
    await address.waitFor({ timeout: 30_000 });
    const url = (await address.textContent()) ?? '';
    expect(url.startsWith(e2e.product.url)).toBe(true);
    // A calendar app has no cookie: ask without one.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.replace(/\r?\n[ \t]/g, '')).toContain(title.slice(0, 40));
    expect(external).toEqual([]);
  }, 120_000);

  it('the savings page counts the paper not printed', async () => {
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/statistics/savings`);
    const pages = clerk.locator('.ant-statistic', { hasText: 'Trang giấy không phải in' });
    await pages.waitFor({ timeout: 30_000 });
    const value = pages.locator('.ant-statistic-content');
    await expect.poll(async () => Number(((await value.textContent()) ?? '').replace(/\D/g, ''))).toBeGreaterThan(0);
    await shot(clerk, 'savings', { fullPage: true });
    expect(external).toEqual([]);
  });
});
