import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MeetingList, MeetingView } from '../common/schemas/meetings';
import { addDays, mondayOf } from '../common/time/calendar';
import { dayInVietnam } from '../common/time/vietnam';
import { demoName } from '../server/modules/demo/demo.data';
import { apiCall, PHONE, shot, useProduct } from './session';

const DEMO_MEETING = 'Hội nghị Ban Thường vụ Huyện ủy thường kỳ tháng 12';
/** The demo's member `uyvien` holds the directory's person number 11. */
const MEMBER_NAME = demoName(11);

describe('meetings and the weekly schedule, walked by each person (Chromium)', () => {
  const e2e = useProduct();
  const { signIn } = e2e;
  const call = apiCall;

  async function demoMeeting(page: Page): Promise<MeetingView> {
    const list = await call<MeetingList>(page, 'GET', `/api/meetings?q=${encodeURIComponent('thường kỳ tháng 12')}`);
    const found = list.items.find((m) => m.title === DEMO_MEETING);
    if (!found) throw new Error('demo meeting');
    return call<MeetingView>(page, 'GET', `/api/meetings/${found.id}`);
  }

  it('a delegate who replied absent is offered no check-in, reads files in the page on a phone, and is never shown present; the summary counts who is there', async () => {
    const clerk = await signIn('vanthu');
    const demo = await demoMeeting(clerk);
    const people = demo.invitees.filter((i) => i.kind === 'person' && i.personId);
    expect(people.some((p) => p.name === MEMBER_NAME)).toBe(true);
    // Today, a few minutes ahead: attendance and check-in belong to the meeting's day.
    const startsAt = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
    const title = `Họp Thường trực bàn công tác chuẩn bị Đại hội (kiểm thử ${Date.now() % 100_000})`;
    const { id } = await call<{ id: string }>(clerk, 'POST', '/api/meetings', {
      organizationId: demo.organizationId,
      body: 'standing_committee',
      title,
      chairName: demo.chairName,
      chairUserId: demo.chairUserId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      place: 'Phòng họp tầng 2, Huyện ủy',
      secrecy: 'normal',
      signerName: demo.signerName,
      signerPosition: demo.signerPosition,
      signerAuthority: demo.signerAuthority,
      agenda: [{ title: 'Kế hoạch tổ chức Đại hội', uploadIds: [] }],
      invitees: people.map((p) => ({ kind: 'person', id: p.personId, role: 'delegate' })),
    });
    await call(clerk, 'POST', `/api/meetings/${id}/send`, { version: 1, registerId: demo.registerId });
    const meetingUrl = `${e2e.product.url}/meetings/${id}`;

    // 1. The member, on a phone, sees check-in offered, then answers absent: check-in goes away.
    const member = await signIn('uyvien', PHONE);
    await member.goto(meetingUrl);
    const card = member.locator('.vp-my-invitation');
    await card.getByRole('button', { name: 'Điểm danh' }).waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Vắng mặt' }).click();
    const dialog = member.locator('.ant-modal:visible');
    await dialog.getByLabel('Lý do vắng mặt').fill('Đi công tác tỉnh theo kế hoạch.');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await card.locator('.ant-tag', { hasText: 'Vắng mặt' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => card.getByRole('button', { name: 'Điểm danh' }).count()).toBe(0);
    await card.getByText('Bạn đã báo không dự').waitFor();
    // Check-in is refused by the server too, with a reason.
    const refused = await member.evaluate(async (u) => {
      const res = await fetch(`${u}/check-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: res.status, body: await res.text() };
    }, `/api/meetings/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('meetings.declined');

    // 2. The invitation opens in the page's viewer on the phone, not in a new tab.
    await member.locator('[data-invitation="pdf"]').click();
    const viewer = member.locator('.vp-file-viewer');
    await viewer.locator('iframe').waitFor({ timeout: 30_000 });
    expect(member.context().pages()).toHaveLength(1);
    await shot(member, 'meetings-viewer-390');
    await viewer.getByRole('button', { name: 'Close' }).or(viewer.locator('.ant-modal-close')).first().click();
    await viewer.waitFor({ state: 'hidden' });

    // 3. The clerk takes attendance: everyone else present, the member absent.
    await clerk.goto(meetingUrl);
    const invitees = clerk.locator('.vp-invitees');
    await invitees.getByRole('button', { name: 'Điểm danh' }).click();
    let present = 0;
    for (const person of people) {
      const row = invitees.locator('.ant-table-row', { hasText: person.name });
      if ((await row.count()) !== 1) continue;
      const mark = person.name === MEMBER_NAME ? 'Vắng' : 'Có mặt';
      await row.locator('.ant-radio-button-wrapper', { hasText: new RegExp(`^${mark}$`) }).click();
      if (mark === 'Có mặt') present += 1;
    }
    expect(present).toBeGreaterThanOrEqual(1);
    await invitees.getByRole('button', { name: /^Lưu điểm danh \(\d+\)$/ }).click();
    await invitees
      .locator('[data-presence-summary]', { hasText: `Điểm danh: ${present} có mặt · 1 vắng` })
      .waitFor({ timeout: 30_000 });
    await clerk.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 30_000 });
    await shot(clerk, 'meetings-attendance-1366');

    // 4. The member's own page says he was marked absent, never present.
    await member.reload();
    await card.locator('[data-presence="absent"]').waitFor({ timeout: 30_000 });
    expect(await card.getByText('Đã điểm danh có mặt').count()).toBe(0);
    await shot(member, 'meetings-absent-390');
  }, 240_000);

  it('the meeting page refreshes cheaply: an unchanged view costs a few hundred bytes a minute, not the whole meeting', async () => {
    const clerk = await signIn('vanthu');
    // Found through the list, so the browser holds no copy of the view before the page asks.
    const list = await call<MeetingList>(clerk, 'GET', `/api/meetings?q=${encodeURIComponent('thường kỳ tháng 12')}`);
    const demo = list.items.find((m) => m.title === DEMO_MEETING);
    if (!demo) throw new Error('demo meeting');
    const path = `/api/meetings/${demo.id}`;
    const polls: { status: number; bytes: number }[] = [];
    clerk.on('requestfinished', async (request) => {
      if (!request.url().endsWith(path) || request.method() !== 'GET') return;
      const response = await request.response();
      const sizes = await request.sizes();
      polls.push({ status: response?.status() ?? 0, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    });
    await clerk.goto(`${e2e.product.url}/meetings/${demo.id}`);
    await clerk.locator('.vp-invitees').waitFor({ timeout: 30_000 });
    // The first answer is the whole view; the page then marks the meeting seen, which changes it once.
    await expect.poll(() => polls.length, { timeout: 40_000 }).toBeGreaterThanOrEqual(3);
    const full = polls[0]?.bytes ?? 0;
    expect(polls[0]?.status).toBe(200);
    const started = polls.length;
    const window = 21_000;
    await clerk.waitForTimeout(window);
    const after = polls.slice(started);
    const perMinute = Math.round((after.reduce((sum, p) => sum + p.bytes, 0) * 60_000) / window);
    // What the page cost before: the whole view at every 5-second refresh.
    const before = full * 12;
    console.log(`meeting page refresh: before ${before} B/min (whole view ${full} B × 12), after ${perMinute} B/min`);
    expect(after.length).toBeGreaterThanOrEqual(3);
    console.log(`statuses: ${after.map((p) => `${p.status}:${p.bytes}`).join(' ')}`);
    // Each unchanged refresh is its headers alone (about 0.9 KB with the security headers): the
    // server's 304, which the browser hands the page as its cached 200. (The whole view itself
    // now travels compressed, a few kilobytes.)
    expect(Math.max(...after.map((p) => p.bytes))).toBeLessThan(1_200);
    expect(perMinute).toBeLessThan(15_000);
  }, 120_000);

  it('a submitted week reaches the leader (bell and home tile); the editor offers the week’s meetings; an empty week is named', async () => {
    const clerk = await signIn('vanthu');
    const demo = await demoMeeting(clerk);
    // The demo meeting's week: the Standing Committee's schedule of it is not composed yet.
    const week = mondayOf(dayInVietnam(new Date(demo.startsAt)));
    let scheduleId: string;
    try {
      scheduleId = (
        await call<{ id: string }>(clerk, 'POST', '/api/schedules', {
          organizationId: demo.organizationId,
          owner: 'standing_committee',
          weekStart: week,
        })
      ).id;
    } catch {
      // The demo's current week already has one (the meeting falls in it): use that.
      const weekView = await call<{ schedules: { id: string; owner: string }[] }>(
        clerk,
        'GET',
        `/api/schedules?week=${week}`,
      );
      scheduleId = weekView.schedules.find((s) => s.owner === 'standing_committee')?.id ?? '';
    }
    await clerk.goto(`${e2e.product.url}/schedule/${scheduleId}`);
    const offered = clerk.locator('.vp-week-meetings');
    const item = offered.locator(`[data-week-meeting="${demo.id}"]`);
    await item.waitFor({ timeout: 30_000 });
    await shot(clerk, 'meetings-schedule-editor-1366');
    await item.getByRole('button', { name: /Đưa vào lịch/ }).click();
    await clerk.locator(`[data-item-meeting="${demo.id}"]`).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => item.count()).toBe(0);

    // The week goes to the leader. When the demo's week was already approved, a later week of
    // the Standing Committee's own goes instead, so the journey is walked whatever the date.
    if ((await clerk.getByRole('button', { name: 'Trình duyệt' }).count()) === 0) {
      const later = addDays(week, 14);
      scheduleId = (
        await call<{ id: string }>(clerk, 'POST', '/api/schedules', {
          organizationId: demo.organizationId,
          owner: 'standing_committee',
          weekStart: later,
        })
      ).id;
      await call(clerk, 'POST', `/api/schedules/${scheduleId}/items`, {
        day: addDays(later, 1),
        startTime: '08:00',
        endTime: '11:00',
        place: 'Hội trường Huyện ủy',
        content: 'Làm việc với Đảng ủy xã Lũng Cú',
        leadText: 'Đồng chí Bí thư',
        attendeesText: '',
        preparersText: 'Văn phòng Huyện ủy',
        userIds: [],
      });
      await clerk.goto(`${e2e.product.url}/schedule/${scheduleId}`);
    }
    {
      await clerk.getByRole('button', { name: 'Trình duyệt' }).click();
      const dialog = clerk.locator('.ant-modal:visible');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });

      // The leader hears of it in the bell, and finds it on the home page.
      const leader = await signIn('lanhdao');
      await leader.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click({ timeout: 30_000 });
      const told = leader.getByText(/chờ đồng chí duyệt/).first();
      await told.waitFor({ timeout: 30_000 });
      await told.click();
      await leader.waitForURL(new RegExp(`/schedule/${scheduleId}$`));
      await leader.getByRole('button', { name: 'Duyệt' }).first().waitFor({ timeout: 30_000 });
      await leader.goto(`${e2e.product.url}/`);
      const tile = leader.locator(`.vp-home-schedules [data-awaiting-schedule="${scheduleId}"]`);
      await tile.waitFor({ timeout: 30_000 });
      await shot(leader, 'meetings-schedule-awaiting-1366');
      const phone = await signIn('lanhdao', PHONE);
      await phone.locator(`.vp-home-schedules [data-awaiting-schedule="${scheduleId}"]`).waitFor({ timeout: 30_000 });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await shot(phone, 'meetings-schedule-awaiting-390');
      // And among the work to do, a tile that opens it.
      await leader.goto(`${e2e.product.url}/documents/queue`);
      await leader.locator('[data-queue="schedulesAwaiting"]').click({ timeout: 30_000 });
      await leader.waitForURL(new RegExp(`/schedule/${scheduleId}$`));
    }

    // A week with nothing on it says which week it is.
    const empty = addDays(week, 21);
    await clerk.goto(`${e2e.product.url}/schedule?week=${empty}`);
    const [y, m, d] = empty.split('-');
    const end = addDays(empty, 6).split('-');
    await clerk
      .getByText(new RegExp(`^Tuần \\d+ \\(${d}/${m}–${end[2]}/${end[1]}\\) chưa có lịch`))
      .waitFor({ timeout: 30_000 });
    expect(y).toBeTruthy();
    expect(await clerk.getByText('Tuần này chưa có lịch').count()).toBe(0);
  }, 240_000);
});
