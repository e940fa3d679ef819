import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, useProduct } from './session';

/**
 * Each page loads the code of what it shows; a date picker, a form or a dialog comes over the network
 * when it is used. Chunks are recognised by what they hold, not by file names the bundler chooses:
 * antd's calendar panels carry the class "-week-panel", and each lazy form or dialog a class of its own.
 */
const DATE_PICKER = '-week-panel';
const INCOMING_FORM = 'vp-incoming-form';
const MEETING_FORM = 'vp-meeting-form';
const MEETING_CALENDAR = 'vp-meeting-calendar';
const STEP_DIALOG = 'vp-step-dialog';

/** Opening a meeting from the list, measured at 108 kB before compression (312 kB before the split). */
const MEETING_PAGE_BUDGET = 160_000;

interface Script {
  url: string;
  text: string;
}

/** Every JavaScript file the page fetches from now on, with its text. */
function recordScripts(page: Page) {
  const pending: Promise<Script>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/assets/') || !url.pathname.endsWith('.js')) return;
    // A body Chromium no longer holds (the page navigated on) is fetched again: assets never change.
    const text = response.text().catch(() => page.request.get(response.url()).then((again) => again.text()));
    pending.push(text.then((body) => ({ url: url.pathname, text: body })));
  });
  return {
    all: () => Promise.all(pending),
    /** The addresses of the files that hold `marker`. */
    holding: async (marker: string) =>
      (await Promise.all(pending)).filter((s) => s.text.includes(marker)).map((s) => s.url),
    /** From this point on: what was fetched before is forgotten. */
    restart: () => pending.splice(0),
  };
}

describe('each page loads only what it shows (Chromium)', { timeout: 120_000 }, () => {
  const e2e = useProduct();

  const signIn = (username: string) => e2e.signIn(username, DESKTOP, { stepTimeout: 15_000 });

  it("the clerk's incoming list fetches no date picker and no registration form until they are used", async () => {
    const clerk = await signIn('vanthu');
    const scripts = recordScripts(clerk);
    await clerk.goto(`${e2e.product.url}/incoming`);
    await clerk.locator('.ant-table-row').first().waitFor();
    await clerk.waitForLoadState('networkidle');
    expect(await scripts.holding(DATE_PICKER)).toEqual([]);
    expect(await scripts.holding(INCOMING_FORM)).toEqual([]);

    // The date range looks like a picker and is labelled like one; a click fetches the real one, open.
    const range = clerk.getByLabel('Khoảng ngày');
    await range.click();
    const calendar = clerk.locator('.ant-picker-dropdown:visible');
    await calendar.waitFor();
    expect((await scripts.holding(DATE_PICKER)).length).toBeGreaterThan(0);
    expect(await scripts.holding(INCOMING_FORM)).toEqual([]);

    // It filters as before: two days picked become the range in the address.
    const days = calendar.locator('.ant-picker-cell-in-view');
    const first = await days.nth(0).getAttribute('title');
    const second = await days.nth(1).getAttribute('title');
    await days.nth(0).click();
    await days.nth(1).click();
    await clerk.waitForURL((url) => url.searchParams.get('from') === first && url.searchParams.get('to') === second);

    // The registration form comes when its button is pressed.
    await clerk.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    await clerk.locator(`.${INCOMING_FORM}`).waitFor();
    expect((await scripts.holding(INCOMING_FORM)).length).toBeGreaterThan(0);
  });

  it('opening a meeting fetches little; its calendar tab and its edit form come when opened', async () => {
    const clerk = await signIn('vanthu');
    const scripts = recordScripts(clerk);
    await clerk.goto(`${e2e.product.url}/meetings`);
    const firstMeeting = clerk.locator('.ant-table-row a[href^="/meetings/"]').first();
    await firstMeeting.waitFor();
    await clerk.waitForLoadState('networkidle');
    expect(await scripts.holding(MEETING_CALENDAR)).toEqual([]);
    expect(await scripts.holding(MEETING_FORM)).toEqual([]);
    expect(await scripts.holding(DATE_PICKER)).toEqual([]);

    await clerk.getByRole('tab', { name: 'Lịch' }).click();
    await clerk.locator(`.${MEETING_CALENDAR}`).waitFor();
    expect((await scripts.holding(MEETING_CALENDAR)).length).toBeGreaterThan(0);
    await clerk.getByRole('tab', { name: 'Danh sách' }).click();

    await clerk.waitForLoadState('networkidle');
    scripts.restart();
    await firstMeeting.click();
    await clerk.waitForURL(/\/meetings\/[0-9a-z]+$/);
    await clerk.locator('.vp-meeting-actions').waitFor();
    await clerk.waitForLoadState('networkidle');
    const opened = await scripts.all();
    const bytes = opened.reduce((sum, s) => sum + Buffer.byteLength(s.text), 0);
    console.log(`opening a meeting: ${opened.length} JavaScript files, ${(bytes / 1000).toFixed(1)} kB`);
    expect(bytes).toBeLessThanOrEqual(MEETING_PAGE_BUDGET);
    expect(await scripts.holding(MEETING_FORM)).toEqual([]);

    await clerk.locator('.vp-meeting-actions').getByRole('button', { name: 'Sửa' }).click();
    await clerk.locator(`.${MEETING_FORM}`).waitFor();
    expect((await scripts.holding(MEETING_FORM)).length).toBeGreaterThan(0);
  });

  it("a document's dialogs come when their button is pressed", async () => {
    const clerk = await signIn('vanthu');
    await clerk.goto(`${e2e.product.url}/incoming`);
    const row = clerk.locator('.ant-table-row a[href^="/documents/"]').first();
    await row.waitFor();
    const scripts = recordScripts(clerk);
    await row.click();
    await clerk.waitForURL(/\/documents\/[0-9a-z]+$/);
    const actions = clerk.locator('.vp-doc-actions');
    await actions.waitFor();
    await clerk.waitForLoadState('networkidle');
    expect(await scripts.holding(STEP_DIALOG)).toEqual([]);
    expect(await scripts.holding(DATE_PICKER)).toEqual([]);

    await actions.getByRole('button', { name: 'Ghi ý kiến' }).click();
    await clerk.locator(`.${STEP_DIALOG}`).waitFor();
    expect((await scripts.holding(STEP_DIALOG)).length).toBeGreaterThan(0);
  });
});
