import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPdf } from '../server/modules/demo/demo-documents.service';
import { apiCall, PHONE, shot, useProduct } from './session';

const COMMUNE = 'Đảng bộ xã Lũng Cú';

describe('answering incoming documents and a draft’s versions (Chromium)', () => {
  const e2e = useProduct();
  const { signIn } = e2e;
  /** Writes send a JSON body, empty when there is nothing to say. */
  const call = <T>(page: Page, method: string, path: string, data?: unknown) =>
    apiCall<T>(page, method, path, method === 'GET' ? undefined : (data ?? {}));

  type View = { id: string; version: number; numberText: string | null };

  /**
   * The district clerk registers a letter from the commune (known to the directory), the
   * secretary gives it to the specialist to handle: the steps before the scenario begins.
   */
  async function handledIncoming(clerk: Page, leader: Page, numberText: string): Promise<string> {
    const registers = await call<{ items: { id: string; direction: string; secret: boolean; active: boolean }[] }>(
      clerk,
      'GET',
      '/api/registers',
    );
    const registerId = registers.items.find((r) => r.direction === 'incoming' && !r.secret && r.active)?.id;
    const orgs = await call<{ items: { id: string; name: string }[] }>(
      clerk,
      'GET',
      `/api/organizations?q=${encodeURIComponent('lung cu')}&pageSize=20`,
    );
    const communeId = orgs.items.find((o) => o.name === COMMUNE)?.id;
    const { id } = await call<{ id: string }>(clerk, 'POST', '/api/documents/incoming', {
      registerId,
      issuerName: COMMUNE,
      issuerOrganizationId: communeId,
      numberText,
      issueDate: '2026-11-20',
      typeCode: 'BC',
      summary: 'Báo cáo kết quả thu nộp đảng phí năm 2026',
    });
    const people = await call<{ leaders: { id: string; position: string | null }[] }>(
      clerk,
      'GET',
      `/api/documents/${id}/people`,
    );
    const leaderId = people.leaders.find((l) => l.position === 'Bí thư Huyện ủy')?.id;
    let view = await call<View>(clerk, 'POST', `/api/documents/${id}/submit`, { version: 1, leaderId });
    const handlers = await call<{ handlers: { id: string; fullName: string }[] }>(
      leader,
      'GET',
      `/api/documents/${id}/people`,
    );
    const specialist = handlers.handlers.find((h) => h.id !== leaderId);
    view = await call<View>(leader, 'POST', `/api/documents/${id}/direct`, {
      version: view.version,
      direction: 'Giao đồng chí chuyên viên soạn văn bản trả lời.',
      lead: { kind: 'user', id: specialist?.id },
    });
    return id;
  }

  it('answers an incoming document: the draft starts prefilled, and both pages show the link (desktop)', async () => {
    const clerk = await signIn('vanthu');
    const leader = await signIn('lanhdao');
    const id = await handledIncoming(clerk, leader, '31-BC/ĐU');

    await leader.goto(`${e2e.product.url}/documents/${id}`);
    await leader.locator('.vp-doc-actions').getByRole('button', { name: 'Soạn văn bản trả lời' }).click();
    const drawer = leader.locator('.ant-drawer:visible');
    await drawer.getByText('Soạn văn bản trả lời').first().waitFor();
    // The subject names the letter answered; the answer goes back to who wrote it.
    await expect
      .poll(() => drawer.getByLabel('Trích yếu').inputValue())
      .toBe(`V/v trả lời văn bản số 31-BC/ĐU của ${COMMUNE}`);
    await drawer.locator('.ant-tag', { hasText: COMMUNE }).waitFor();
    await shot(leader, 'drafts-reply-compose-1366');
    await drawer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await leader.waitForURL((url) => /\/documents\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(id));

    // The draft says what it answers, and opens it.
    const info = leader.locator('.ant-descriptions');
    await info.getByText('Trả lời văn bản đến số').waitFor();
    const back = info.locator(`a[data-link="${id}"]`);
    await expect.poll(() => back.textContent()).toContain('31-BC/ĐU');
    await shot(leader, 'drafts-reply-draft-1366');
    const draftPath = new URL(leader.url()).pathname;
    await back.click();
    await leader.waitForURL((url) => url.pathname.endsWith(id));
    // The incoming document lists its answer, and the trail says one is being written.
    await leader.locator('.ant-descriptions').getByText('Văn bản trả lời').waitFor();
    const forward = leader.locator(`.ant-descriptions a[href="${draftPath}"]`);
    await expect.poll(() => forward.textContent()).toContain('V/v trả lời văn bản số 31-BC/ĐU');
    await leader.locator('[data-event="reply_drafted"]').waitFor();
    await shot(leader, 'drafts-reply-incoming-1366');
  }, 120_000);

  it('answers an incoming document on a phone (390 px)', async () => {
    const clerk = await signIn('vanthu');
    const leader = await signIn('lanhdao', PHONE);
    const id = await handledIncoming(clerk, leader, '32-BC/ĐU');

    await leader.goto(`${e2e.product.url}/documents/${id}`);
    const button = leader.locator('.vp-doc-actions').getByRole('button', { name: 'Soạn văn bản trả lời' });
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await button.click();
    const drawer = leader.locator('.ant-drawer:visible');
    await expect.poll(() => drawer.getByLabel('Trích yếu').inputValue()).toContain('32-BC/ĐU');
    await drawer.locator('.ant-tag', { hasText: COMMUNE }).waitFor();
    await shot(leader, 'drafts-reply-compose-390');
    await drawer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await leader.waitForURL((url) => /\/documents\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(id));
    const back = leader.locator(`.ant-descriptions a[data-link="${id}"]`);
    await back.scrollIntoViewIfNeeded();
    await expect.poll(() => back.textContent()).toContain('32-BC/ĐU');
    // The link wraps inside the phone's width (the header is the frame's, not this page's).
    const linkBox = await back.boundingBox();
    expect(linkBox && linkBox.x >= 0 && linkBox.x + linkBox.width <= PHONE.width).toBe(true);
    const info = await leader.locator('.ant-descriptions').first().boundingBox();
    expect(info && info.x + info.width <= PHONE.width).toBe(true);
    await shot(leader, 'drafts-reply-draft-390');
  }, 120_000);

  it('keeps every saved version of a draft and compares two of them, words and files (desktop and phone)', async () => {
    const specialist = await signIn('chuyenvien');
    await specialist.goto(`${e2e.product.url}/outgoing`);
    await specialist.getByRole('button', { name: 'Soạn văn bản đi' }).click();
    let drawer = specialist.locator('.ant-drawer:visible');
    await drawer.getByLabel('Trích yếu').fill('Công văn về việc chuẩn bị hội nghị sơ kết công tác dân vận');
    const upload = async (name: string, text: string) => {
      await drawer.locator('input[type=file]').setInputFiles({
        name,
        mimeType: 'application/pdf',
        buffer: demoPdf(text),
      });
      await drawer.locator('.ant-upload-list-item', { hasText: name }).waitFor();
      await drawer.locator('.ant-upload-list-item-uploading').waitFor({ state: 'detached' });
    };
    await upload('Du thao lan 1.pdf', 'Du thao lan mot');
    await drawer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await specialist.waitForURL(/\/documents\/[^/]+$/);
    const card = specialist.locator('.vp-versions-card');
    await card.locator('[data-version="1"]').waitFor();
    await card.getByText('Mới có một phiên bản').waitFor();

    // The author rewrites the abstract and adds the new text of the draft.
    await specialist.locator('.vp-doc-actions').getByRole('button', { name: 'Sửa dự thảo' }).click();
    drawer = specialist.locator('.ant-drawer:visible');
    await drawer.getByLabel('Trích yếu').fill('Công văn về việc chuẩn bị hội nghị tổng kết năm công tác dân vận');
    await upload('Du thao lan 2.pdf', 'Du thao lan hai');
    await drawer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Both versions are listed, newest first, and compared: the words taken out and put in.
    await card.locator('[data-version="2"]').waitFor();
    const versions = await card
      .locator('.vp-versions [data-version]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-version')));
    expect(versions).toEqual(['2', '1']);
    const summary = card.locator('.vp-version-change[data-field="summary"]');
    // “sơ kết” became “tổng kết năm”: the shared word stays plain.
    await expect.poll(() => summary.locator('del').allTextContents()).toEqual(['sơ']);
    await expect
      .poll(async () => (await summary.locator('ins').allTextContents()).map((w) => w.trim()))
      .toEqual(['tổng', 'năm']);
    // The files: which in each, the new one marked, each opens.
    const files = card.locator('.vp-version-change[data-field="files"]');
    await files.getByRole('link', { name: 'Du thao lan 2.pdf' }).waitFor();
    const links = await files.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(links).toHaveLength(3);
    for (const href of links) {
      const res = await specialist.request.get(`${e2e.product.url}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('application/pdf');
    }
    await card.scrollIntoViewIfNeeded();
    await shot(specialist, 'drafts-versions-1366');

    // On a phone the list and the comparison read within the width.
    const url = specialist.url();
    const phone = await signIn('chuyenvien', PHONE);
    await phone.goto(url);
    const small = phone.locator('.vp-versions-card');
    await small.locator('[data-version="2"]').waitFor();
    await small.locator('.vp-version-change[data-field="summary"] ins').first().waitFor();
    await small.scrollIntoViewIfNeeded();
    const box = await small.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await shot(phone, 'drafts-versions-390');
  }, 120_000);
});
