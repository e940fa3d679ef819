import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { openStore } from '../../cli/exchange-platform/store';
import { ok, tinyPdf } from '../../test/documents';
import { linkThroughPlatform } from '../../test/exchange';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import {
  CAO_BANG,
  CLIENTS,
  clientOf,
  HA_GIANG,
  packageBytes,
  packageModel,
  standIn,
  VPCP,
} from './platform.test-support';
import { PlatformError, type PlatformTransport } from './platform.transport';
import { createPlatformPoller } from './poller.service';

type Link = Awaited<ReturnType<typeof linkThroughPlatform>>;
type Office = Link['officeA'];
type Inbox = { items: { deliveryId: string; version: number; summary: string; fromOrganizationName: string }[] };

const platformEnv = (url: string, clientId: string) => {
  const client = CLIENTS.find((c) => c.clientId === clientId);
  return {
    EXCHANGE_PLATFORM_URL: url,
    EXCHANGE_PLATFORM_CLIENT_ID: clientId,
    EXCHANGE_PLATFORM_CLIENT_SECRET: client?.secret ?? '',
  };
};

async function dispatchTo(o: Office, recipientId: string, summary: string) {
  const file = await o.specialist.api.upload('Công văn qua trục.pdf', tinyPdf('Cong van qua truc'));
  const { id } = ok<{ id: string }>(
    await o.specialist.api.post('/api/documents/outgoing', {
      organizationId: o.committee.id,
      typeCode: 'CV',
      summary,
      recipients: [{ kind: 'organization', id: recipientId }],
      uploadIds: [file],
    }),
    201,
  );
  let doc = ok<DocumentView>(
    await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
  );
  doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
  doc = ok(
    await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
  );
  ok(await o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
  return doc;
}

const pollerOf = (t: TestApp) => {
  const poller = t.services.exchange.poller;
  if (!poller) throw new Error('no platform configured');
  return poller;
};

describe.each(testEngines())('two deployments exchange documents through the platform (%s)', (engine) => {
  let platform: Awaited<ReturnType<typeof standIn>>;
  let a: TestApp;
  let b: TestApp;
  let link: Link;
  beforeAll(async () => {
    platform = await standIn();
    a = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-a', ...platformEnv(platform.url, 'hagiang') } });
    b = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-b', ...platformEnv(platform.url, 'caobang') } });
    link = await linkThroughPlatform(a, b, { idA: HA_GIANG, idB: CAO_BANG });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await platform?.dispose();
  });

  const inboxOfB = async () => ok<Inbox>(await link.officeB.clerk.api.get('/api/deliveries')).items;

  it('dispatch, arrival, acceptance, direction, completion: the sender reads every status from the platform', async () => {
    const { officeA, officeB, bInA } = link;
    const doc = await dispatchTo(officeA, bInA.id, 'V/v liên thông qua trục');
    const sender = async () => ok<DocumentView>(await officeA.clerk.api.get(`/api/documents/${doc.id}`));
    expect(await link.runA()).toBeGreaterThan(0);
    expect(await inboxOfB()).toEqual([]);
    // B reads the platform: stored, waiting in its clerks' inbox, acknowledged.
    expect(await pollerOf(b).poll()).toBe(1);
    expect(pollerOf(b).state).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) });
    const arrived = (await inboxOfB()).find((i) => i.summary === 'V/v liên thông qua trục');
    expect(arrived).toMatchObject({ fromOrganizationName: 'Tỉnh ủy Hà Giang (qua trục)' });
    expect(await clientOf(platform.url, 'caobang').transport.received()).toEqual([]);
    if (!arrived) return;

    const accepted = ok<{ id: string }>(
      await officeB.clerk.api.post(`/api/deliveries/${arrived.deliveryId}/accept`, { version: arrived.version }),
    );
    let copy = ok<DocumentView>(await officeB.clerk.api.get(`/api/documents/${accepted.id}`));
    copy = ok(
      await officeB.clerk.api.post(`/api/documents/${copy.id}/submit`, {
        version: copy.version,
        leaderId: officeB.leader.id,
      }),
    );
    copy = ok(
      await officeB.leader.api.post(`/api/documents/${copy.id}/direct`, {
        version: copy.version,
        direction: 'Văn phòng tham mưu triển khai.',
        lead: { kind: 'user', id: officeB.specialist.id },
      }),
    );
    ok(await officeB.specialist.api.post(`/api/documents/${copy.id}/complete`, { version: copy.version }));
    // B's statuses leave with its job runner; A reads them from the platform.
    expect(await link.runB()).toBeGreaterThanOrEqual(5);
    expect(await pollerOf(a).poll()).toBe(5);
    const done = await sender();
    expect(done.deliveries.map((d) => [d.organizationName, d.status])).toEqual([['Tỉnh ủy Cao Bằng (qua trục)', '06']]);
    expect(done.deliveries[0]?.receivedAt).not.toBeNull();
    const steps = done.events.filter((e) => e.kind === 'outside_status');
    // Sent by one pass of B's job runner, the statuses may reach the platform in any order; a late
    // one never moves the copy back.
    expect(steps.map((e) => e.note).sort()).toEqual(
      [
        'Tỉnh ủy Cao Bằng (qua trục) — đã nhận được',
        'Tỉnh ủy Cao Bằng (qua trục) — đã tiếp nhận',
        'Tỉnh ủy Cao Bằng (qua trục) — chờ phân công xử lý',
        'Tỉnh ủy Cao Bằng (qua trục) — đang xử lý',
        'Tỉnh ủy Cao Bằng (qua trục) — đã hoàn thành',
      ].sort(),
    );
    for (const e of steps) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    for (const t of [a, b]) {
      const left = await t.deps.database.db
        .selectFrom('exchange_messages')
        .select(['state', 'last_error'])
        .where('direction', '=', 'out')
        .where('state', '<>', 'sent')
        .execute();
      expect(left).toEqual([]);
    }
  });

  it('an office the directory does not know is added as outside, reached through the platform', async () => {
    const vpcp = clientOf(platform.url, 'vpcp').transport;
    const model = packageModel(VPCP, [CAO_BANG]);
    model.header.subject = 'Từ cơ quan chưa có trong danh bạ';
    await vpcp.send(await packageBytes(model), { kind: 'package', messageId: 'vpcp-moi-1' });
    expect(await pollerOf(b).poll()).toBe(1);
    const known = await b.deps.database.db
      .selectFrom('organizations')
      .select(['name', 'reach'])
      .where('national_id', '=', VPCP)
      .execute();
    expect(known).toEqual([{ name: 'Văn phòng Chính phủ', reach: 'platform' }]);
    expect((await inboxOfB()).filter((i) => i.summary === 'Từ cơ quan chưa có trong danh bạ')).toHaveLength(1);
  });

  it('a message delivered again before its acknowledgement makes one document', async () => {
    const vpcp = clientOf(platform.url, 'vpcp').transport;
    const model = packageModel(VPCP, [CAO_BANG]);
    model.header.subject = 'Nhận hai lần trước khi báo đã nhận';
    model.header.code = { codeNumber: '13', codeNotation: 'BC-VPCP' };
    await vpcp.send(await packageBytes(model), { kind: 'package', messageId: 'vpcp-hai-lan' });
    // The first acknowledgement is lost: the platform keeps the message and gives it again.
    const real = clientOf(platform.url, 'caobang').transport;
    let lose = true;
    const flaky: PlatformTransport = {
      ...real,
      async acknowledge(id) {
        if (lose) {
          lose = false;
          throw new PlatformError('platform.unreachable', true);
        }
        return real.acknowledge(id);
      },
    };
    const poller = createPlatformPoller(b.deps, flaky, b.services.exchange.inbound);
    expect(await poller.poll()).toBe(0);
    expect(poller.state.lastError).toContain('Không kết nối được');
    expect(await real.received()).toHaveLength(1);
    expect(await poller.poll()).toBe(1);
    expect(poller.state.lastError).toBeNull();
    expect(await real.received()).toEqual([]);
    expect((await inboxOfB()).filter((i) => i.summary === 'Nhận hai lần trước khi báo đã nhận')).toHaveLength(1);
  });

  it('a message that is not a document is acknowledged and logged as refused; the next one is still taken', async () => {
    // The stand-in checks what it is given; a platform that does not is simulated in its store.
    await platform.stop();
    const store = await openStore(platform.dir);
    const body = store.tmpFile();
    await fs.writeFile(body, 'Đây không phải XML');
    await store.accept(`${VPCP}\nrac-1`, body, { sendId: 'rac-1', sha256: '0'.repeat(64) }, [
      {
        kind: 'package',
        from: VPCP,
        to: CAO_BANG,
        size: 22,
        sha256: '0'.repeat(64),
        receivedAt: new Date().toISOString(),
      },
    ]);
    await platform.restart();
    const vpcp = clientOf(platform.url, 'vpcp').transport;
    const model = packageModel(VPCP, [CAO_BANG]);
    model.header.subject = 'Gói tin sau gói hỏng';
    model.header.code = { codeNumber: '14', codeNotation: 'BC-VPCP' };
    await vpcp.send(await packageBytes(model), { kind: 'package', messageId: 'vpcp-sau-rac' });

    expect(await pollerOf(b).poll()).toBe(2);
    expect(await clientOf(platform.url, 'caobang').transport.received()).toEqual([]);
    const refused = await b.deps.database.db
      .selectFrom('exchange_messages')
      .select(['state', 'last_error', 'source'])
      .where('direction', '=', 'in')
      .where('state', '=', 'refused')
      .execute();
    expect(refused).toEqual([
      { state: 'refused', source: 'platform', last_error: expect.stringContaining('edxml.not_xml') },
    ]);
    expect((await inboxOfB()).filter((i) => i.summary === 'Gói tin sau gói hỏng')).toHaveLength(1);
  });
});
