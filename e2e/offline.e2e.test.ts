import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingList, MeetingView } from '../common/schemas/meetings';
import { VIETNAM_TIME_ZONE } from '../common/time/vietnam';
import { createApp, defaultWebRoot } from '../server/app';
import { demoName } from '../server/modules/demo/demo.data';
import { demoPdf } from '../server/modules/demo/demo-documents.service';
import { testConfig } from '../server/test/harness';
import { CHROMIUM_ARGS, FULL_CHROMIUM_PATH } from './browser';
import { PHONE, shot, useProduct } from './session';

const DEMO_MEETING = 'Hội nghị Ban Thường vụ Huyện ủy thường kỳ tháng 12';
/** The demo's member `uyvien` holds the directory's person number 11. */
const MEMBER_NAME = demoName(11);
const REASON = 'Đi kiểm tra cơ sở tại xã Lũng Cú theo kế hoạch.';

/** A call of the API from a signed-in page, as the web app makes it (same origin, its cookie). */
async function call<T>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: T }> {
  const answer = await page.evaluate(
    async ([m, u, b, h]) => {
      const res = await fetch(u as string, {
        method: m as string,
        headers: {
          ...(h as Record<string, string>),
          ...(b === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, text: await res.text() };
    },
    [method, url, body, headers] as const,
  );
  return { status: answer.status, json: (answer.text ? JSON.parse(answer.text) : null) as T };
}
async function ok<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const { status, json } = await call<T>(page, method, url, body);
  if (status >= 400) throw new Error(`${method} ${url}: ${status} ${JSON.stringify(json)}`);
  return json;
}

describe('the app on a phone: installed, meeting papers read and answered with no signal (Chromium)', () => {
  const e2e = useProduct();
  let phone: BrowserContext;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-phone-'));

  beforeAll(async () => {
    // A real profile, not an incognito one: Chromium reports incognito as not installable;
    // and the whole browser, not its headless shell, which installs no app.
    phone = await chromium.launchPersistentContext(profile, {
      executablePath: FULL_CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: PHONE,
      locale: 'vi-VN',
      timezoneId: VIETNAM_TIME_ZONE,
    });
    phone.setDefaultTimeout(30_000);
  }, 240_000);
  afterAll(async () => {
    await phone?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it('installs; keeps a meeting for offline, reads every paper and answers with no signal; the answer arrives once', async () => {
    // The office: a meeting tomorrow with a paper on its agenda, and a secret one.
    const office = await (await e2e.browser.newContext()).newPage();
    await e2e.signInOn(office, 'vanthu');
    const list = await ok<MeetingList>(office, 'GET', `/api/meetings?q=${encodeURIComponent('thường kỳ tháng 12')}`);
    const demoId = list.items.find((m) => m.title === DEMO_MEETING)?.id;
    const demo = await ok<MeetingView>(office, 'GET', `/api/meetings/${demoId}`);
    const people = demo.invitees.filter((i) => i.kind === 'person' && i.personId);
    expect(people.some((p) => p.name === MEMBER_NAME)).toBe(true);
    const upload = (name: string, text: string) =>
      office.evaluate(
        async ([fileName, base64]) => {
          const bytes = Uint8Array.from(atob(base64 as string), (c) => c.charCodeAt(0));
          const form = new FormData();
          form.append('file', new Blob([bytes], { type: 'application/pdf' }), fileName as string);
          const res = await fetch('/api/files', { method: 'POST', body: form });
          return ((await res.json()) as { id: string }).id;
        },
        [name, demoPdf(text).toString('base64')] as const,
      );
    const uploadId = await upload('Báo cáo chính trị.pdf', 'Bao cao chinh tri trinh Dai hoi');
    const startsAt = new Date(Date.now() + 86_400_000);
    const meetingInput = (title: string, secrecy: string, uploadIds: string[]) => ({
      organizationId: demo.organizationId,
      body: 'standing_committee',
      title,
      chairName: demo.chairName,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      place: 'Phòng họp tầng 2, Huyện ủy',
      secrecy,
      signerName: demo.signerName,
      signerPosition: demo.signerPosition,
      signerAuthority: demo.signerAuthority,
      agenda: [{ title: 'Thảo luận dự thảo Báo cáo chính trị', uploadIds }],
      invitees: people.map((p) => ({ kind: 'person', id: p.personId, role: 'delegate' })),
    });
    const title = `Hội nghị thảo luận văn kiện Đại hội (ngoại tuyến ${Date.now() % 100_000})`;
    const { id } = await ok<{ id: string }>(office, 'POST', '/api/meetings', meetingInput(title, 'normal', [uploadId]));
    await ok(office, 'POST', `/api/meetings/${id}/send`, { version: 1, registerId: demo.registerId });
    const secretRegister = await ok<{ id: string }>(office, 'POST', '/api/registers', {
      organizationId: demo.organizationId,
      direction: 'outgoing',
      secret: true,
      name: 'Sổ văn bản mật đi',
      style: 'party',
      reset: 'year',
      perType: true,
      issuerAbbreviation: 'HU',
    });
    const secret = await ok<{ id: string }>(
      office,
      'POST',
      '/api/meetings',
      meetingInput('Hội nghị bàn công tác nhân sự (mật)', 'secret', []),
    );
    await ok(office, 'POST', `/api/meetings/${secret.id}/send`, { version: 1, registerId: secretRegister.id });
    let files = (await ok<MeetingView>(office, 'GET', `/api/meetings/${id}`)).files;
    expect(files.map((f) => f.kind).sort()).toEqual(['document', 'invitation']);

    // 1. The member's phone: the app is installable.
    const page = phone.pages()[0] ?? (await phone.newPage());
    await e2e.signInOn(page, 'uyvien');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await phone.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toBe(`${e2e.product.url}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);

    // 2. My meetings: the secret one offers nothing to keep, and the server refuses its package.
    await page.goto(`${e2e.product.url}/meetings/mine`);
    const card = page.locator(`.vp-my-meeting[data-meeting="${id}"]`);
    await card.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).waitFor();
    await page.locator(`.vp-my-meeting[data-meeting="${secret.id}"]`).waitFor();
    expect(await page.locator(`.vp-my-meeting[data-meeting="${secret.id}"] .vp-offline-control`).count()).toBe(0);
    const refused = await call<{ error: { code: string; message: string } }>(
      page,
      'GET',
      `/api/meetings/${secret.id}/offline`,
    );
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('meetings.offline_not_allowed');

    // 3. Kept for offline: the state says when and how much.
    await card.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).click();
    await card.locator('.vp-offline-saved').waitFor();
    expect(await card.locator('.vp-offline-saved').textContent()).toMatch(/^Đã lưu lúc .+ · \d+ kB$/);
    await shot(page, 'offline-my-meetings-390');
    await page.setViewportSize({ width: 1366, height: 860 });
    await shot(page, 'offline-my-meetings-1366');
    await page.setViewportSize(PHONE);

    // 4. The office replaces the paper: the next page load while online brings the phone's copy up to date.
    const replaced = files.find((f) => f.kind === 'document')?.id as string;
    await ok(office, 'POST', `/api/meetings/${id}/files/${replaced}/replace`, {
      uploadId: await upload('Báo cáo chính trị (bản sửa).pdf', 'Bao cao chinh tri ban sua lan 2'),
    });
    files = (await ok<MeetingView>(office, 'GET', `/api/meetings/${id}`)).files;
    const fresh = files.find((f) => f.kind === 'document')?.id as string;
    expect(fresh).not.toBe(replaced);
    await page.reload();
    const keptUrls = () =>
      page.evaluate(async () => (await (await caches.open('vp-papers')).keys()).map((r) => new URL(r.url).pathname));
    await expect.poll(keptUrls, { timeout: 20_000 }).toContain(`/api/meetings/${id}/files/${fresh}`);
    expect(await keptUrls()).not.toContain(`/api/meetings/${id}/files/${replaced}`);

    // 5. No signal: the reader opens again on reload, with the meeting, its agenda and every paper.
    await phone.setOffline(true);
    await page.goto(`${e2e.product.url}/meetings/offline?id=${id}`);
    await page.reload();
    const reader = page.locator(`.vp-offline-reader[data-meeting="${id}"]`);
    await reader.waitFor();
    // The network is really gone: the server cannot be asked anything.
    expect(
      await page.evaluate(() =>
        fetch('/api/auth/session').then(
          () => 'answered',
          () => 'no network',
        ),
      ),
    ).toBe('no network');
    expect(await reader.getByRole('heading', { level: 4 }).textContent()).toBe(title);
    await reader.getByText('Thảo luận dự thảo Báo cáo chính trị').waitFor();
    expect(await reader.locator('.vp-offline-paper').count()).toBe(2);
    for (const f of files) {
      const got = await page.evaluate(async (url) => {
        const res = await fetch(url);
        const bytes = new Uint8Array(await res.arrayBuffer());
        return { status: res.status, size: bytes.length, head: String.fromCharCode(...bytes.slice(0, 5)) };
      }, `/api/meetings/${id}/files/${f.id}`);
      expect(got).toEqual({ status: 200, size: f.size, head: '%PDF-' });
    }
    // Opened in the page, the paper comes from the phone.
    await reader
      .locator(`.vp-offline-paper[data-file="${files.find((f) => f.kind === 'document')?.id}"]`)
      .getByRole('button', { name: 'Mở' })
      .click();
    const frame = page.locator('.vp-offline-viewer iframe');
    await frame.waitFor();
    await page
      .locator('.vp-offline-viewer')
      .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    // Chromium's PDF viewer draws the page a moment later (for the picture only).
    await shot(page, 'offline-reader-pdf-390');
    await page.locator('.vp-offline-viewer .ant-modal-close').click();

    // 6. Absent, with a reason, still with no signal: queued on the phone.
    await reader.getByRole('button', { name: 'Vắng mặt' }).click();
    await reader.getByLabel('Lý do vắng mặt').fill(REASON);
    await reader.getByRole('button', { name: 'Gửi trả lời' }).click();
    await reader.locator('.vp-reply-queued', { hasText: 'Chờ gửi khi có mạng' }).waitFor();
    await shot(page, 'offline-reader-queued-390', { fullPage: true });
    const mine = async () => {
      const view = await ok<MeetingView>(office, 'GET', `/api/meetings/${id}`);
      return {
        invitee: view.invitees.find((i) => i.name === MEMBER_NAME),
        replied: view.events.filter((e) => e.kind === 'replied' && e.note?.startsWith(MEMBER_NAME)).length,
      };
    };
    expect((await mine()).invitee?.reply).toBe('pending');

    // 7. The signal returns: the reply arrives, once.
    await phone.setOffline(false);
    await reader.locator('.vp-reply-sent').waitFor();
    let state = await mine();
    expect(state.invitee).toMatchObject({ reply: 'absent', reason: REASON });
    expect(state.replied).toBe(1);

    // 8. The answer to the send was lost: the queue sends it again, and again by hand with its key.
    const key = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('vanphong-offline');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = await new Promise<{ key: string; state: string }[]>((resolve) => {
        const r = db.transaction('replies').objectStore('replies').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const item = all[0] as { key: string; state: string };
      await new Promise<void>((resolve) => {
        const tx = db.transaction('replies', 'readwrite');
        tx.objectStore('replies').put({ ...item, state: 'queued' });
        tx.oncomplete = () => resolve();
      });
      db.close();
      window.dispatchEvent(new Event('online'));
      return item.key;
    });
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('vanphong-offline');
        r.onsuccess = () => resolve(r.result);
      });
      const all = await new Promise<{ state: string }[]>((resolve) => {
        const r = db.transaction('replies').objectStore('replies').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return all.every((r) => r.state === 'sent');
    });
    const again = await Promise.all([
      call(page, 'POST', `/api/meetings/${id}/reply`, { reply: 'absent', reason: REASON }, { 'idempotency-key': key }),
      call(page, 'POST', `/api/meetings/${id}/reply`, { reply: 'absent', reason: REASON }, { 'idempotency-key': key }),
    ]);
    expect(again.map((a) => a.status)).toEqual([204, 204]);
    state = await mine();
    expect(state.invitee).toMatchObject({ reply: 'absent', reason: REASON });
    expect(state.replied).toBe(1);

    // 9. The papers are the member's: signing out deletes them and the queue from the phone.
    expect(await page.evaluate(() => caches.has('vp-papers'))).toBe(true);
    await ok(page, 'POST', '/api/auth/sign-out', {});
    expect(await page.evaluate(() => caches.has('vp-papers'))).toBe(false);
    expect(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const r = indexedDB.open('vanphong-offline');
            r.onsuccess = () => {
              const count = r.result.transaction('replies').objectStore('replies').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      ),
    ).toBe(0);

    // 10. Signed in again, kept again; then someone else signs in on the same phone: the member's papers go.
    await e2e.signInOn(page, 'uyvien');
    await page.goto(`${e2e.product.url}/meetings/mine`);
    await card.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).click();
    await card.locator('.vp-offline-saved').waitFor();
    const keptMeetings = () =>
      page.evaluate(
        async () => (await (await caches.open('vp-papers')).keys()).filter((r) => r.url.endsWith('/offline')).length,
      );
    expect(await keptMeetings()).toBe(1);
    await ok(page, 'POST', '/api/auth/sign-in', { login: 'vanthu', password: e2e.product.password('vanthu') });
    await expect.poll(keptMeetings).toBe(0);
    await office.context().close();
  }, 300_000);

  it('a new release installs its worker, offers "Đã có phiên bản mới — Tải lại", and replaces the previous caches', async () => {
    // A copy of the built app, so that a "new release" can be put in place while it runs.
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-web-'));
    fs.cpSync(defaultWebRoot(), webRoot, { recursive: true });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-release-'));
    const config = { ...testConfig({ DATA_DIR: dataDir }), host: '127.0.0.1', port: 0 };
    const vanphong = await createApp({ config, logger: pino({ level: 'silent' }), webRoot });
    await vanphong.app.listen({ port: 0, host: '127.0.0.1' });
    const address = vanphong.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const context = await e2e.browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      // A page of the app itself (the sign-in page has no prompt: it is not where work is open).
      await page.goto(`${url}/reset-password`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const swFile = path.join(webRoot, 'sw.js');
      const first = fs.readFileSync(swFile, 'utf8');
      const release = /release ([0-9a-f]{16})/.exec(first)?.[1] as string;
      expect(await page.evaluate(() => caches.keys())).toEqual(
        expect.arrayContaining([`vp-shell-${release}`, `vp-assets-${release}`]),
      );
      // The first worker took over by itself: no prompt.
      expect(await page.locator('.vp-update-prompt').count()).toBe(0);

      fs.writeFileSync(swFile, first.replaceAll(release, 'feedfacecafebeef'));
      // A release replaces the precompressed copies too.
      for (const copy of [`${swFile}.br`, `${swFile}.gz`]) fs.rmSync(copy, { force: true });
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const prompt = page.locator('.vp-update-prompt');
      await prompt.getByText('Đã có phiên bản mới').waitFor();
      await shot(page, 'offline-update-prompt-390');
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Tải lại' }).click()]);
      await page.waitForFunction(async () => (await caches.keys()).includes('vp-shell-feedfacecafebeef'), undefined, {
        polling: 200,
      });
      const names = await page.evaluate(() => caches.keys());
      expect(names.filter((n) => n.startsWith('vp-shell-') || n.startsWith('vp-assets-')).sort()).toEqual([
        'vp-assets-feedfacecafebeef',
        'vp-shell-feedfacecafebeef',
      ]);
      // The hashed files of the previous release were taken over, not fetched again.
      expect(
        await page.evaluate(async () => (await (await caches.open('vp-assets-feedfacecafebeef')).keys()).length),
      ).toBeGreaterThan(5);
      await page.getByText('Liên kết đặt lại mật khẩu không đầy đủ').waitFor();
    } finally {
      await context.close();
      await vanphong.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
