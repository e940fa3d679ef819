import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { prepareDatabase, startServer, tempDataDir } from './server-process';
import { type LinkOptions, SlowLink } from './slow-link';

/**
 * A phone in a mountain commune: 400 kbps down, 300 ms round trip (and a weaker uplink),
 * at 390 px. Measured through a TCP proxy that every byte crosses (bench/slow-link.ts).
 */
const LINK: LinkOptions = { downBitsPerSecond: 400_000, upBitsPerSecond: 200_000, rttMs: 300 };
const PHONE = { width: 390, height: 844 };
const RUNS = Number(process.env.BENCH_RUNS) || 5;
/**
 * A person reading the sign-in page and typing a name and a password on a phone
 * (`BENCH_TYPING_MS=0`: a browser that fills both itself and the person taps at once).
 */
const PERSON_TYPES_MS = process.env.BENCH_TYPING_MS === undefined ? 8_000 : Number(process.env.BENCH_TYPING_MS);
/** A person looking at a page before opening the next. */
const PERSON_READS_MS = 4_000;

/** Time to usable, in milliseconds: above these the benchmark fails. */
const BUDGETS: Record<string, number> = {
  'first.signIn': 3_000,
  'first.home': 3_000,
  'first.list': 1_500,
  'first.document': 1_500,
  'revisit.home': 3_000,
  'revisit.document': 3_000,
  'revisit.signIn': 3_000,
};
/** Bytes on the wire of the sign-in page's first visit: about what 3 s of that link carry. */
const SIGN_IN_BYTES_BUDGET = 90_000;

interface Step {
  ms: number;
  bytes: number;
}
type Run = Record<string, Step>;

/**
 * The moment (epoch ms) a page set its `vp:usable:<name>` mark at or after `since`. Asked
 * again after each navigation (a redirect to the sign-in page replaces the document).
 */
async function usableAt(page: Page, name: string, since: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const found = await page
      .evaluate(
        ({ mark, after }) => {
          const times = performance
            .getEntriesByName(`vp:usable:${mark}`)
            .map((entry) => performance.timeOrigin + entry.startTime)
            .filter((t) => t >= after);
          return times.length > 0 ? Math.min(...times) : null;
        },
        { mark: name, after: since },
      )
      .catch(() => null);
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${page.url()} never marked itself usable as ${name}`);
}

async function step(page: Page, link: SlowLink | null, name: string, action: () => Promise<unknown>): Promise<Step> {
  const before = link ? link.bytesDown + link.bytesUp : 0;
  const started = Date.now();
  await action();
  const at = await usableAt(page, name, started - 1);
  const bytes = link ? link.bytesDown + link.bytesUp - before : 0;
  return { ms: at - started, bytes };
}

/** One person's day on the phone: first visit, sign-in, home, a list, a document; later a revisit. */
async function journey(
  browser: Browser,
  url: string,
  link: SlowLink | null,
  person: { username: string; password: string },
): Promise<Run> {
  const context: BrowserContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const run: Run = {};
  try {
    let page = await context.newPage();
    run['first.signIn'] = await step(page, link, 'sign-in', () => page.goto(`${url}/`, { waitUntil: 'commit' }));
    const typingStarted = Date.now();
    await page.locator('#login').pressSequentially(person.username, { delay: 60 });
    await page.locator('#password').pressSequentially(person.password, { delay: 60 });
    if (link) await page.waitForTimeout(Math.max(0, PERSON_TYPES_MS - (Date.now() - typingStarted)));
    run['first.home'] = await step(page, link, 'home', () => page.locator('#submit').click());
    if (link) await page.waitForTimeout(PERSON_READS_MS);
    run['first.list'] = await step(page, link, 'incoming', () =>
      page.locator('a[href="/incoming"]:visible').first().click(),
    );
    const documentLink = page
      .locator('a[href^="/documents/"]:not([href^="/documents/registers"]):not([href^="/documents/queue"]):visible')
      .first();
    const documentPath = (await documentLink.getAttribute('href')) ?? '';
    if (link) await page.waitForTimeout(PERSON_READS_MS / 2);
    run['first.document'] = await step(page, link, 'document', () => documentLink.click());
    await page.close();

    // Later the same day: the phone opens the app again, then a document from a link.
    page = await context.newPage();
    run['revisit.home'] = await step(page, link, 'home', () => page.goto(`${url}/`, { waitUntil: 'commit' }));
    run['revisit.document'] = await step(page, link, 'document', () =>
      page.goto(`${url}${documentPath}`, { waitUntil: 'commit' }),
    );
    // Signed out, the sign-in page opens again.
    await context.clearCookies();
    run['revisit.signIn'] = await step(page, link, 'sign-in', () =>
      page.goto(`${url}/sign-in`, { waitUntil: 'commit' }),
    );
  } finally {
    await context.close();
  }
  return run;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/**
 * `npm run bench -- web`: time to usable and bytes on the wire for the sign-in page, the
 * home page after signing in, a list and a document, on a first visit and on a revisit,
 * over the throttled link; beside each, the same journey on the bare loopback (the cost
 * of the page itself) and the link's floor (its bytes at its rate). Fails over budget.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dataDir = tempDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'true', LOG_LEVEL: 'warn' };
  prepareDatabase(env);
  const server = await startServer(env);
  const target = new URL(server.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const throttled: Run[] = [];
  const bare: Run[] = [];
  try {
    const config = (await (await fetch(`${server.url}/api/auth/config`)).json()) as {
      demoAccounts: { username: string; password?: string }[];
    };
    const clerk = config.demoAccounts.find((account) => account.username === 'vanthu');
    if (!clerk?.password) throw new Error('the demo clerk vanthu has no password on loopback');
    const person = { username: clerk.username, password: clerk.password };
    for (let i = 0; i < RUNS; i++) {
      bare.push(await journey(browser, server.url, null, person));
      const link = new SlowLink({ host: target.hostname, port: Number(target.port) }, LINK);
      const url = await link.listen();
      try {
        throttled.push(await journey(browser, url, link, person));
      } finally {
        await link.close();
      }
      process.stdout.write('.');
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const linkBytesPerMs = LINK.downBitsPerSecond / 8 / 1000;
  console.log(
    `\nweb: ${RUNS} runs, the person typing for ${PERSON_TYPES_MS / 1000} s, on ${LINK.downBitsPerSecond / 1000} kbps down / ${LINK.upBitsPerSecond / 1000} kbps up / ${LINK.rttMs} ms round trip, ${PHONE.width} px`,
  );
  console.log(
    `  ${'step'.padEnd(18)}${'min'.padStart(8)}${'median'.padStart(8)}${'max'.padStart(8)}  ${'budget'.padStart(7)}  ${'on the wire'.padStart(11)}  ${'loopback'.padStart(8)}  ${'link floor'.padStart(10)}`,
  );
  const figures: Record<string, unknown> = {};
  const failures: string[] = [];
  for (const name of Object.keys(BUDGETS)) {
    const times = throttled.map((r) => r[name]?.ms ?? Number.NaN);
    const bytes = median(throttled.map((r) => r[name]?.bytes ?? 0));
    const loopback = median(bare.map((r) => r[name]?.ms ?? Number.NaN));
    const floor = bytes / linkBytesPerMs;
    const mid = median(times);
    const budget = BUDGETS[name] ?? 0;
    console.log(
      `  ${name.padEnd(18)}${Math.min(...times)
        .toFixed(0)
        .padStart(8)}${mid.toFixed(0).padStart(8)}${Math.max(...times)
        .toFixed(0)
        .padStart(
          8,
        )}  ${String(budget).padStart(7)}  ${kb(bytes).padStart(11)}  ${loopback.toFixed(0).padStart(8)}  ${floor.toFixed(0).padStart(10)}`,
    );
    figures[name] = {
      msMedian: Math.round(mid),
      msAll: times.map(Math.round),
      bytesMedian: bytes,
      loopbackMsMedian: Math.round(loopback),
      ratioToLoopback: Number((mid / loopback).toFixed(2)),
      linkFloorMs: Math.round(floor),
      budgetMs: budget,
    };
    if (!(mid <= budget)) failures.push(`${name}: median ${mid.toFixed(0)} ms over ${budget} ms`);
  }
  const signInBytes = median(throttled.map((r) => r['first.signIn']?.bytes ?? 0));
  if (signInBytes > SIGN_IN_BYTES_BUDGET) {
    failures.push(`first.signIn: ${kb(signInBytes)} on the wire over ${kb(SIGN_IN_BYTES_BUDGET)}`);
  }
  console.log(
    '  (ms: time from the action to the page setting its usable mark; on the wire: bytes both ways during it)',
  );
  if (failures.length > 0) {
    for (const failure of failures) console.log(`  OVER BUDGET ${failure}`);
    process.exitCode = 1;
  } else console.log('  all within budget');
  return { bench: 'web', link: LINK, runs: RUNS, ...figures, overBudget: failures };
}
