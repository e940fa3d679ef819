import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExchangeHealth } from '../../../../common/schemas/exchange';
import { fakeServer } from '../../../test/fake-server';
import { renderInApp, signedIn } from '../../../test/render';
import ExchangeHealthPage from './ExchangeHealthPage';

const admin = signedIn([{ organizationId: 'org-tu', organizationName: 'Tỉnh ủy Hà Giang', role: 'admin' }]);

const failed = {
  id: 'msg-1',
  direction: 'out' as const,
  kind: 'package',
  business: 0,
  statusCode: null,
  source: 'peer',
  fromId: '000.00.00.H22',
  toId: '000.00.00.H30',
  documentRef: 'doc-ref-9',
  state: 'failed',
  attempts: 4,
  lastError: 'Máy chủ nhận không trả lời (hết thời gian chờ)',
  createdAt: '2026-12-07T02:00:00.000Z',
  doneAt: null,
};

const busy: ExchangeHealth = {
  node: 'tinhuy-hagiang',
  platform: { configured: false, lastPollAt: null, lastSuccessAt: null, lastError: null },
  counts: { queued: 2, sent: 31, failed: 1, received: 17, refused: 3 },
  recent: [failed],
  failures: [failed],
};

describe("the exchange's health", () => {
  it('shows the node, the counts and each failure with its error and attempts', async () => {
    fakeServer({ 'GET /api/exchange/health': { json: busy } });
    renderInApp(<ExchangeHealthPage />, { user: admin });
    expect(await screen.findByText('tinhuy-hagiang')).toBeTruthy();
    expect(screen.getByText('Chưa cấu hình')).toBeTruthy();
    const count = (key: string) => document.querySelector(`[data-count="${key}"]`)?.textContent;
    expect(count('sent')).toContain('Đã gửi');
    expect(count('sent')).toContain('31');
    expect(count('received')).toContain('17');
    expect(count('refused')).toContain('3');
    const failures = document.querySelector('.vp-exchange-failures') as HTMLElement;
    expect(within(failures).getByText('Máy chủ nhận không trả lời (hết thời gian chờ)')).toBeTruthy();
    expect(within(failures).getByText(/4 lần thử/)).toBeTruthy();
    expect(within(failures).getAllByText('000.00.00.H22 → 000.00.00.H30').length).toBe(1);
  });

  it('says so in Vietnamese when nothing has moved yet', async () => {
    fakeServer({
      'GET /api/exchange/health': {
        json: {
          ...busy,
          node: 'tinhuy-hagiang',
          platform: { configured: true, lastPollAt: null, lastSuccessAt: null, lastError: null },
          counts: { queued: 0, sent: 0, failed: 0, received: 0, refused: 0 },
          recent: [],
          failures: [],
        },
      },
    });
    renderInApp(<ExchangeHealthPage />, { user: admin });
    expect(await screen.findByText('Không có thông điệp nào lỗi')).toBeTruthy();
    expect(screen.getByText('Chưa có thông điệp liên thông nào')).toBeTruthy();
    expect(screen.getByText('Đã cấu hình')).toBeTruthy();
    expect(screen.getAllByText('Chưa có').length).toBeGreaterThanOrEqual(3);
  });
});
