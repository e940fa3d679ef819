import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MeetingList, MeetingView } from '../common/schemas/meetings';
import { demoName } from '../server/modules/demo/demo.data';
import { apiCall, PHONE, shot, useProduct } from './session';

const DEMO_MEETING = 'Hội nghị Ban Thường vụ Huyện ủy thường kỳ tháng 12';
/** The demo's member `uyvien` holds the directory's person number 11. */
const MEMBER_NAME = demoName(11);

describe('check-in with the code shown at the meeting door (Chromium)', () => {
  const e2e = useProduct();
  const { signIn } = e2e;
  const call = apiCall;

  /** A meeting of today, a few minutes ahead, sent to the demo meeting's delegates. */
  async function meetingToday(clerk: Page, title: string): Promise<string> {
    const list = await call<MeetingList>(clerk, 'GET', `/api/meetings?q=${encodeURIComponent('thường kỳ tháng 12')}`);
    const found = list.items.find((m) => m.title === DEMO_MEETING);
    if (!found) throw new Error('demo meeting');
    const demo = await call<MeetingView>(clerk, 'GET', `/api/meetings/${found.id}`);
    const people = demo.invitees.filter((i) => i.kind === 'person' && i.personId);
    expect(people.some((p) => p.name === MEMBER_NAME)).toBe(true);
    const startsAt = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
    const { id } = await call<{ id: string }>(clerk, 'POST', '/api/meetings', {
      organizationId: demo.organizationId,
      body: 'standing_committee',
      title: `${title} (kiểm thử ${Date.now() % 100_000})`,
      chairName: demo.chairName,
      chairUserId: demo.chairUserId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      place: 'Hội trường Huyện ủy',
      secrecy: 'normal',
      signerName: demo.signerName,
      signerPosition: demo.signerPosition,
      signerAuthority: demo.signerAuthority,
      agenda: [{ title: 'Quán triệt Nghị quyết', uploadIds: [] }],
      invitees: people.map((p) => ({ kind: 'person', id: p.personId, role: 'delegate' })),
    });
    await call(clerk, 'POST', `/api/meetings/${id}/send`, { version: 1, registerId: demo.registerId });
    return id;
  }

  /** The organizer opens the code at the door, full screen; what it shows is read off the page. */
  async function openDoor(clerk: Page, id: string) {
    await clerk.goto(`${e2e.product.url}/meetings/${id}`);
    await clerk.getByRole('button', { name: 'Mã điểm danh tại cửa' }).click();
    const door = clerk.locator('.vp-door-modal');
    const code = (await door.locator('[data-door-code]').getAttribute('data-door-code', { timeout: 30_000 })) ?? '';
    const url = (await door.locator('.vp-door-qr').getAttribute('data-url')) ?? '';
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(await door.locator('.vp-door-qr svg').count()).toBe(1);
    return { door, code, url };
  }

  it('the organizer shows the code at the door; a delegate types it on his phone and is present on the organizer page; the QR address checks in too', async () => {
    const clerk = await signIn('vanthu');
    const id = await meetingToday(clerk, 'Hội nghị quán triệt Nghị quyết');
    const { door, code, url } = await openDoor(clerk, id);
    expect(url).toBe(`${e2e.product.url}/meetings/${id}/check-in?code=${code}`);
    await shot(clerk, 'checkin-door-1366');

    // The member, on a phone whose browser cannot read codes (no BarcodeDetector here): a field for the code.
    const member = await signIn('uyvien', PHONE);
    await member.goto(`${e2e.product.url}/meetings/${id}`);
    const card = member.locator('.vp-door-check-in');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByRole('button', { name: 'Quét mã' }).count()).toBe(0);
    // A wrong code first: told so, in Vietnamese, not checked in.
    await card.getByLabel('Mã điểm danh').fill('XXXXXX');
    await card.getByLabel('Mã điểm danh').press('Enter');
    await card.getByText('Mã điểm danh không đúng').waitFor();
    await card.getByLabel('Mã điểm danh').fill(code.toLowerCase());
    await shot(member, 'checkin-type-390');
    await card.getByRole('button', { name: 'Điểm danh', exact: true }).click();
    await member.locator('.vp-my-invitation [data-presence="present"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => card.count()).toBe(0);
    await shot(member, 'checkin-done-390');

    // The organizer's page shows him present by itself.
    await door.getByRole('button', { name: 'Đóng', exact: true }).click();
    await clerk
      .locator('.vp-invitees [data-presence-summary]', { hasText: 'Điểm danh: 1 có mặt' })
      .waitFor({ timeout: 30_000 });
    const row = clerk.locator('.vp-invitees .ant-table-row', { hasText: MEMBER_NAME });
    await row.getByText('Có mặt').first().waitFor();
    await row.scrollIntoViewIfNeeded();
    await shot(clerk, 'checkin-present-1366');

    // A second meeting: the member opens the address in the QR code, and is checked in at once.
    const other = await meetingToday(clerk, 'Hội nghị sơ kết quý IV');
    const second = await openDoor(clerk, other);
    await member.goto(second.url);
    await member.getByText('Đã điểm danh có mặt').first().waitFor({ timeout: 30_000 });
    await shot(member, 'checkin-qr-390');
    const view = await call<MeetingView>(clerk, 'GET', `/api/meetings/${other}`);
    expect(view.invitees.find((i) => i.name === MEMBER_NAME)?.attendance).toBe('present');
    // The door code at phone width, for a secretary holding a phone at the door.
    const phoneClerk = await signIn('vanthu', PHONE);
    await openDoor(phoneClerk, other);
    await shot(phoneClerk, 'checkin-door-390');
  }, 300_000);
});
