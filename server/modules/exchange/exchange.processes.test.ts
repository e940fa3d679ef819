import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Deployment,
  dispatchDocument,
  linkDeployments,
  paddedPdf,
  startDeployment,
  waitFor,
} from '../../../bench/exchange-deployment';

type Inbox = { items: { deliveryId: string; version: number; summary: string; numberText: string | null }[] };
type Sender = {
  version: number;
  deliveries: { status: string; receivedAt: string | null }[];
  events: { kind: string; note: string | null; at: string }[];
};

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Two deployments of the built product, each its own server process: A on SQLite, B on
 * PostgreSQL, set up through the command line and the HTTP API only. A document dispatched on A
 * to B's committee goes with A's job runner; every step B takes comes back to A's document, and
 * a recall is agreed once and refused once.
 */
describe('two deployments as two server processes (SQLite and PostgreSQL)', () => {
  let a: Deployment | null = null;
  let b: Deployment | null = null;

  beforeAll(async () => {
    execFileSync('node', ['scripts/ensure-built.mjs'], { stdio: 'ignore' });
    [a, b] = await Promise.all([
      startDeployment({ engine: 'sqlite', node: 'may-a', index: 1, code: 'HU', name: 'Huyện ủy Đồng Văn' }),
      startDeployment({
        engine: 'postgres',
        node: 'may-b',
        index: 2,
        code: 'TU',
        name: 'Tỉnh ủy Hà Giang',
        postgresUrl: PG_URL,
      }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('dispatch, arrival, acceptance, direction, completion, a recall agreed and one refused', async () => {
    if (!a || !b) throw new Error('deployments not started');
    const A = a;
    const B = b;
    const { bInA } = await linkDeployments(A, B);
    const pdf = paddedPdf('Cong van ve lien thong', 64 * 1024);
    const sent = async (summary: string) => {
      const file = await A.specialist.upload('Công văn 12.pdf', pdf);
      const doc = await dispatchDocument(A, [bInA], { summary, uploadIds: [file] });
      const arrived = await waitFor('the package on B', async () => {
        const inbox = await B.clerk.call<Inbox>('GET', '/api/deliveries');
        return inbox.items.find((i) => i.summary === summary);
      });
      return { doc, arrived };
    };
    const sender = (id: string) => A.clerk.call<Sender>('GET', `/api/documents/${id}`);
    const statusOnA = (id: string, status: string) =>
      waitFor(`status ${status} on A`, async () => {
        const d = await sender(id);
        return d.deliveries[0]?.status === status ? d : undefined;
      });

    const { doc, arrived } = await sent('V/v triển khai liên thông văn bản điện tử');
    expect(arrived.numberText).toBe(doc.numberText);
    await waitFor('receipt on A', async () => ((await sender(doc.id)).deliveries[0]?.receivedAt ? true : undefined));
    type Copy = { id: string; version: number };
    const accepted = await B.clerk.call<Copy>('POST', `/api/deliveries/${arrived.deliveryId}/accept`, {
      version: arrived.version,
    });
    await statusOnA(doc.id, '03');
    let copy = await B.clerk.call<Copy>('GET', `/api/documents/${accepted.id}`);
    copy = await B.clerk.call<Copy>('POST', `/api/documents/${copy.id}/submit`, {
      version: copy.version,
      leaderId: B.leaderId,
    });
    await statusOnA(doc.id, '04');
    copy = await B.leader.call<Copy>('POST', `/api/documents/${copy.id}/direct`, {
      version: copy.version,
      direction: 'Văn phòng tham mưu triển khai.',
      lead: { kind: 'user', id: B.specialistId },
    });
    await statusOnA(doc.id, '05');
    await B.specialist.call('POST', `/api/documents/${copy.id}/complete`, { version: copy.version });
    const done = await statusOnA(doc.id, '06');
    const statuses = done.events.filter((e) => e.kind === 'outside_status');
    const who = 'Tỉnh ủy Hà Giang (máy may-b)';
    expect(statuses.map((e) => e.note)).toEqual([
      `${who} — đã nhận được`,
      `${who} — đã tiếp nhận`,
      `${who} — chờ phân công xử lý`,
      `${who} — đang xử lý`,
      `${who} — đã hoàn thành`,
    ]);
    // Each status with its time, in the order B took the steps.
    const times = statuses.map((e) => Date.parse(e.at));
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    expect([...times].sort((x, y) => x - y)).toEqual(times);

    for (const answer of ['agree', 'refuse'] as const) {
      const { doc: recalled } = await sent(`Văn bản sẽ thu hồi (${answer})`);
      const current = await sender(recalled.id);
      await A.clerk.call('POST', `/api/documents/${recalled.id}/recall`, {
        version: current.version,
        reason: 'Ban hành nhầm nơi nhận',
      });
      const asked = await waitFor('the recall on B', async () => {
        const list = await B.clerk.call<{ items: { deliveryId: string; reason: string | null }[] }>(
          'GET',
          '/api/exchange/recalls',
        );
        return list.items[0];
      });
      expect(asked.reason).toBe('Ban hành nhầm nơi nhận');
      if (answer === 'agree') await B.clerk.call('POST', `/api/exchange/recalls/${asked.deliveryId}/agree`, {}, 204);
      else
        await B.clerk.call(
          'POST',
          `/api/exchange/recalls/${asked.deliveryId}/refuse`,
          { reason: 'Văn bản đã được triển khai' },
          204,
        );
      const after = await statusOnA(recalled.id, answer === 'agree' ? '15' : '16');
      // Statuses sent in one pass of B's job runner may arrive in any order (a late 01 never moves
      // the copy back): the answer is in the history, whatever came after it.
      expect(after.events.filter((e) => e.kind === 'outside_status').map((e) => e.note)).toContain(
        answer === 'agree'
          ? `${who} — đồng ý thu hồi: Ban hành nhầm nơi nhận`
          : `${who} — từ chối thu hồi: Văn bản đã được triển khai`,
      );
    }
    // Every message went once: nothing left queued or failed on either side.
    for (const d of [A, B]) {
      const health = await d.admin.call<{ counts: { queued: number; failed: number } }>('GET', '/api/exchange/health');
      expect(health.counts).toMatchObject({ queued: 0, failed: 0 });
    }
  }, 90_000);
});
