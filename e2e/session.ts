import fs from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { formatDate } from '../common/time/format';
import { VIETNAM_TIME_ZONE } from '../common/time/vietnam';
import { launchBrowser, startProduct } from './browser';

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SHOTS = 'docs/screenshots';

/** A day in Vietnam `offsetDays` from today, as the date pickers want it typed (dd/mm/yyyy). */
export const pickerDay = (offsetDays = 0): string => formatDate(new Date(Date.now() + offsetDays * 86_400_000));

type Product = Awaited<ReturnType<typeof startProduct>>;

export interface ProductSession {
  readonly product: Product;
  readonly browser: Browser;
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  signInOn(page: Page, username: string, password?: string): Promise<void>;
  signIn(
    username: string,
    viewport?: { width: number; height: number },
    options?: BrowserContextOptions & { password?: string },
  ): Promise<Page>;
}

/**
 * The built product and one Chromium for a describe block: started before its tests and
 * closed after them; the browser contexts a test opens are closed after that test.
 */
export function useProduct(startTimeoutMs = 240_000): ProductSession {
  let browser: Browser | undefined;
  let product: Product | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, startTimeoutMs);
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the product is not started: use it inside a test');
    return value;
  };

  const session: ProductSession = {
    get product(): Product {
      return started(product);
    },
    get browser(): Browser {
      return started(browser);
    },
    /** A context in Vietnamese and Vietnam's time, closed after the test. */
    async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      const context = await session.browser.newContext({
        viewport: DESKTOP,
        locale: 'vi-VN',
        timezoneId: VIETNAM_TIME_ZONE,
        ...options,
      });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      return context;
    },
    /** Signs in through the sign-in form, as a person does, and waits to leave it. */
    async signInOn(page: Page, username: string, password = session.product.password(username)): Promise<void> {
      if (!page.url().includes('/sign-in')) await page.goto(`${session.product.url}/sign-in`);
      await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(username);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    },
    /** A fresh browser for one person, signed in. */
    async signIn(
      username: string,
      viewport = DESKTOP,
      options: BrowserContextOptions & { password?: string } = {},
    ): Promise<Page> {
      const { password, ...contextOptions } = options;
      const page = await (await session.newContext({ viewport, ...contextOptions })).newPage();
      await session.signInOn(page, username, password);
      return page;
    },
  };
  return session;
}

/** An API call with the page's session; a refusal throws with its status and body. */
export async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const url = new URL(path, page.url()).toString();
  const response = await page.request.fetch(url, {
    method,
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  if (response.status() >= 400) throw new Error(`${method} ${path}: ${response.status()} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
