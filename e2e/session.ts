import fs from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { formatDate } from '../common/time/format';
import { VIETNAM_TIME_ZONE } from '../common/time/vietnam';
import { launchBrowser, startProduct } from './browser';

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SHOTS = 'docs/screenshots';

/**
 * Pictures of the pages for docs/screenshots are taken by a run that asks for them
 * (`E2E_SCREENSHOTS=1`): drawing and encoding a page is a third of a journey's browser work.
 */
export const TAKE_SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';

/** A picture of the page once its spinners and opening animations are done, when pictures are asked for. */
export async function shot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; dir?: string } = {},
): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  await page.waitForFunction(
    () => document.querySelector('.ant-spin-spinning, .ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear') === null,
  );
  await page.waitForTimeout(500); // a drawer's slide, a selection's highlight
  const dir = options.dir ?? SHOTS;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: options.fullPage ?? false });
}

/** A day in Vietnam `offsetDays` from today, as the date pickers want it typed (dd/mm/yyyy). */
export const pickerDay = (offsetDays = 0): string => formatDate(new Date(Date.now() + offsetDays * 86_400_000));

export type Product = Awaited<ReturnType<typeof startProduct>>;
export type Viewport = { width: number; height: number };

export interface OpenAsOptions extends BrowserContextOptions {
  /** The person's password; the demo's by default. */
  password?: string;
  /** How long one step waits for an element, so a failure names it well before the test's own limit. */
  stepTimeout?: number;
  /** Collects every http(s) request the browser makes anywhere but the product: there must be none. */
  external?: string[];
  /** Where the new context is put, for closing after the test. */
  contexts?: BrowserContext[];
}

/** Records the http(s) requests leaving the product (Chromium's own PDF viewer loads chrome:// pages: not the network). */
export function watchExternal(context: BrowserContext, product: Product, external: string[]): void {
  context.on('request', (req) => {
    if (/^https?:/.test(req.url()) && !req.url().startsWith(product.url)) external.push(req.url());
  });
}

/** Signs in through the sign-in form, as a person does, and waits to leave it. */
export async function signInOn(
  product: Product,
  page: Page,
  username: string,
  password = product.password(username),
): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto(`${product.url}/sign-in`);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A context in Vietnamese and Vietnam's time (unless told another zone), with the step timeout set. */
export async function openContext(
  browser: Browser,
  product: Product,
  options: Omit<OpenAsOptions, 'password'> = {},
): Promise<BrowserContext> {
  const { stepTimeout = 20_000, external, contexts, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: 'vi-VN',
    timezoneId: VIETNAM_TIME_ZONE,
    ...contextOptions,
  });
  context.setDefaultTimeout(stepTimeout);
  contexts?.push(context);
  if (external) watchExternal(context, product, external);
  return context;
}

/** A fresh browser for one person, signed in through the sign-in form. */
export async function openAs(
  product: Product,
  browser: Browser,
  username: string,
  viewport: Viewport = DESKTOP,
  options: OpenAsOptions = {},
): Promise<Page> {
  const { password, ...contextOptions } = options;
  const page = await (await openContext(browser, product, { viewport, ...contextOptions })).newPage();
  await signInOn(product, page, username, password);
  return page;
}

/** The options of an antd Select's open dropdown. */
export const selectOptions = (page: Page): Locator =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

/**
 * The open dialog (or the one given, a confirmation say) once every dialog has stopped zooming
 * in: a click meanwhile lands where the button was a frame ago, and is lost.
 */
export async function settledDialog(
  page: Page,
  dialog: Locator = page.locator('.ant-modal:visible'),
): Promise<Locator> {
  await dialog.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom') === null);
  return dialog;
}

export interface ProductSession {
  readonly product: Product;
  readonly browser: Browser;
  newContext(options?: Omit<OpenAsOptions, 'password' | 'contexts'>): Promise<BrowserContext>;
  signInOn(page: Page, username: string, password?: string): Promise<void>;
  signIn(username: string, viewport?: Viewport, options?: Omit<OpenAsOptions, 'contexts'>): Promise<Page>;
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
    newContext: (options = {}) => openContext(session.browser, session.product, { ...options, contexts }),
    signInOn: (page, username, password) => signInOn(session.product, page, username, password),
    /** A fresh browser for one person, signed in; closed after the test. */
    signIn: (username, viewport = DESKTOP, options = {}) =>
      openAs(session.product, session.browser, username, viewport, { ...options, contexts }),
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
