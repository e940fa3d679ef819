import { describe, expect, it } from 'vitest';
import { demoName } from '../server/modules/demo/demo.data';
import { shot, useProduct } from './session';

/** The demo clerk, "vanthu", is the 30th of the 56 demo people. */
const CLERK_NAME = demoName(29);

describe('a clerk finds an organization in the directory (Chromium)', () => {
  const e2e = useProduct();
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 360, height: 740 },
  ]) {
    it(`signs in, searches without diacritics, signs out (${viewport.name})`, async () => {
      const page = await (await e2e.newContext({ viewport })).newPage();
      const external: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(e2e.product.url) && !req.url().startsWith('data:')) external.push(req.url());
      });

      await page.goto(`${e2e.product.url}/directory`);
      // Not signed in: sent to the sign-in page, which lists the demo accounts.
      await page.waitForURL(/\/sign-in/);
      await page.getByText('vanthu', { exact: true }).first().waitFor({ state: 'visible' });
      await e2e.signInOn(page, 'vanthu');
      await page.waitForURL(/\/directory/);

      await page.getByPlaceholder('Tìm tổ chức').first().fill('lung cu');
      const found = page.getByText('Đảng bộ xã Lũng Cú').first();
      await found.waitFor({ state: 'visible' });
      // "dong van" finds "Đồng Văn" although the user typed neither marks nor đ.
      await page.getByPlaceholder('Tìm tổ chức').first().fill('dong van');
      await page.getByText('Đảng bộ thị trấn Đồng Văn').first().waitFor({ state: 'visible' });

      // The menu: beside the page on a desktop, behind a button on a phone.
      if (viewport.width < 600) {
        await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
        await page.getByRole('menuitem', { name: /Danh bạ/ }).waitFor({ state: 'visible' });
        await page.keyboard.press('Escape');
      } else {
        await page.getByRole('menuitem', { name: /Danh bạ/ }).waitFor({ state: 'visible' });
      }

      await shot(page, `directory-${viewport.name}`, { dir: 'test-results' });

      // Sign out through the user menu.
      await page.getByRole('button', { name: new RegExp(CLERK_NAME) }).click();
      await page.getByRole('menuitem', { name: /Đăng xuất/ }).click();
      await page.waitForURL(/\/sign-in/);
      const me = await page.request.get(`${e2e.product.url}/api/auth/me`);
      expect(me.status()).toBe(401);
      expect(external).toEqual([]);
    }, 90_000);
  }
});
