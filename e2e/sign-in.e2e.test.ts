import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../server/platform/security/totp';
import { DESKTOP, PHONE, shot, useProduct } from './session';

/** The usable mark (web/app/usable.ts) of a page, once set. */
async function waitUsable(page: Page, name: string): Promise<void> {
  await page.waitForFunction((mark) => performance.getEntriesByName(`vp:usable:${mark}`).length > 0, name);
}

describe('the sign-in page: a page of its own, light on a slow link (Chromium)', { timeout: 120_000 }, () => {
  const e2e = useProduct();
  const newPage = async (viewport = DESKTOP) => (await e2e.newContext({ viewport })).newPage();

  it('is usable before any of the app is fetched, then fetches the app while the person types', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await newPage(viewport);
      const requested: { url: string; at: number }[] = [];
      page.on('request', (request) => requested.push({ url: new URL(request.url()).pathname, at: Date.now() }));
      await page.goto(`${e2e.product.url}/sign-in`);
      await waitUsable(page, 'sign-in');
      const usableAt = await page.evaluate(
        () => performance.timeOrigin + (performance.getEntriesByName('vp:usable:sign-in')[0]?.startTime ?? 0),
      );
      const before = requested.filter((r) => r.at <= usableAt).map((r) => r.url);
      // The page, its one script and what that script shares with the app: never React or antd.
      const scripts = before.filter((url) => url.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.length).toBeLessThanOrEqual(3);
      let scriptBytes = 0;
      for (const url of scripts) scriptBytes += fs.statSync(`dist/web${url}`).size;
      expect(scriptBytes).toBeLessThan(12_000);
      expect(before.some((url) => /\/assets\/(react|app)-/.test(url))).toBe(false);

      // While the person types, the app's first files arrive in the background.
      const listed = JSON.parse((await page.locator('#vp-app-files').textContent()) ?? '[]') as string[];
      expect(listed.some((file) => /\/assets\/react-/.test(file))).toBe(true);
      await page.waitForLoadState('networkidle');
      const fetched = new Set(requested.map((r) => r.url));
      expect(listed.filter((file) => !fetched.has(file))).toEqual([]);

      await page.getByRole('button', { name: 'Tài khoản dùng thử' }).count();
      await shot(page, `sign-in-${viewport.width}`, { fullPage: true });
      await page.context().close();
    }
  });

  it('says what is wrong in Vietnamese, fills a demo account with one tap, and goes where the person was going', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${e2e.product.url}/sign-in?next=${encodeURIComponent('/incoming?tab=inbox')}`);
    await waitUsable(page, 'sign-in');

    // Nothing typed: each field says so, nothing is sent.
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST') posted++;
    });
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByText('Hãy nhập tên đăng nhập hoặc thư điện tử').waitFor();
    await page.getByText('Hãy nhập mật khẩu').waitFor();
    expect(posted).toBe(0);
    expect(await page.getByLabel('Tên đăng nhập hoặc thư điện tử').getAttribute('aria-invalid')).toBe('true');

    // A wrong password: the server's own sentence, and the form ready again.
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('vanthu');
    await page.getByLabel('Mật khẩu').fill('khong-dung-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Không đăng nhập được').waitFor();
    expect((await alert.textContent()) ?? '').toMatch(/mật khẩu/i);
    expect(await page.getByRole('button', { name: 'Đăng nhập', exact: true }).isEnabled()).toBe(true);

    // The eye shows what was typed, and hides it again.
    await page.getByRole('button', { name: 'Hiện các ký tự đã gõ' }).click();
    expect(await page.getByLabel('Mật khẩu').getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Ẩn các ký tự đã gõ' }).click();
    expect(await page.getByLabel('Mật khẩu').getAttribute('type')).toBe('password');

    // Demo mode on the server's own machine: one tap fills both fields.
    await page
      .getByRole('button', { name: /Văn thư/ })
      .first()
      .click();
    expect(await page.getByLabel('Tên đăng nhập hoặc thư điện tử').inputValue()).toBe('vanthu');
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe(e2e.product.password('vanthu'));
    expect(await alert.isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/incoming' && url.searchParams.get('tab') === 'inbox');

    // Signed in already: the sign-in page sends the person straight on.
    await page.goto(`${e2e.product.url}/sign-in?next=${encodeURIComponent('/outgoing')}`);
    await page.waitForURL((url) => url.pathname === '/outgoing');

    // Signing out says so on the sign-in page, and is not mistaken for an expired session.
    await page.locator('.ant-layout-header .ant-dropdown-trigger').last().click();
    await page.getByText('Đăng xuất', { exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    expect(await page.getByText('Phiên làm việc đã hết hạn').count()).toBe(0);
    const me = await page.request.get(`${e2e.product.url}/api/auth/me`);
    expect(me.status()).toBe(401);
  });

  it('asks for the code of an account with two-step verification, and refuses a wrong one', async () => {
    // The leader turns on two-step verification through the API, as the account page does.
    const setup = await newPage();
    await setup.goto(`${e2e.product.url}/sign-in`);
    await setup.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('lanhdao');
    await setup.getByLabel('Mật khẩu').fill(e2e.product.password('lanhdao'));
    await setup.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await setup.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const secret = await setup.evaluate(async () => {
      const headers = { 'content-type': 'application/json', accept: 'application/json' };
      const answer = await fetch('/api/auth/totp/setup', { method: 'POST', headers, body: '{}' });
      return ((await answer.json()) as { secret: string }).secret;
    });
    const enabled = await setup.evaluate(
      async (code) => {
        const headers = { 'content-type': 'application/json', accept: 'application/json' };
        return (await fetch('/api/auth/totp/enable', { method: 'POST', headers, body: JSON.stringify({ code }) }))
          .status;
      },
      totpCode(secret, totpStep(new Date())),
    );
    expect(enabled).toBeLessThan(300);

    const page = await newPage(PHONE);
    await page.goto(`${e2e.product.url}/sign-in`);
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill(e2e.product.password('lanhdao'));
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const code = page.getByLabel('Mã xác thực');
    await code.waitFor();
    await page.getByText('Tài khoản này bật xác thực hai lớp').waitFor();
    await code.fill('12');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByText('Mã xác thực gồm 6 chữ số').waitFor();
    await shot(page, 'sign-in-totp-390');
    // The code of a later step is refused by the server, in Vietnamese.
    await code.fill(totpCode(secret, totpStep(new Date()) + 20));
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('alert').getByText('Không đăng nhập được').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
