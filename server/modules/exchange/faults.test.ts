import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { errorCode, ok } from '../../test/documents';
import {
  addOutside,
  addPeer,
  issueTo,
  linkDeployments,
  listen,
  postSigned,
  refacts,
  setNationalId,
  wireOf,
} from '../../test/exchange';
import { makeOrganization } from '../../test/factories';
import { createTestApp, type TestApp, type TestClock, testEngines } from '../../test/harness';
import { buildStatus } from './edxml.render';
import { statusModelOf } from './package-model.rules';

type Link = Awaited<ReturnType<typeof linkDeployments>>;

/** What B has written: received messages stored, deliveries, documents. */
async function written(t: TestApp) {
  const db = t.deps.database.db;
  const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    Number((await q.executeTakeFirstOrThrow()).n);
  return {
    stored: await count(
      db
        .selectFrom('exchange_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('direction', '=', 'in')
        .where('state', '=', 'stored'),
    ),
    deliveries: await count(db.selectFrom('document_deliveries').select((eb) => eb.fn.countAll<number>().as('n'))),
    documents: await count(db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n'))),
    links: await count(db.selectFrom('exchange_links').select((eb) => eb.fn.countAll<number>().as('n'))),
  };
}

/** Files left in the temporary folders of a deployment (staged attachments, spooled messages). */
function leftovers(dataDir: string): string[] {
  const out: string[] = [];
  for (const dir of [path.join(dataDir, 'files', 'tmp'), path.join(dataDir, 'tmp')]) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}/api/exchange/peer`;
}

/** The packages queued in A for `documentId`, oldest first. */
async function queuedFor(a: TestApp, documentId: string) {
  return a.deps.database.db
    .selectFrom('exchange_messages')
    .innerJoin('document_deliveries', 'document_deliveries.id', 'exchange_messages.delivery_id')
    .select(['exchange_messages.id', 'exchange_messages.state', 'exchange_messages.attempts', 'last_error'])
    .where('document_deliveries.document_id', '=', documentId)
    .where('exchange_messages.direction', '=', 'out')
    .where('exchange_messages.kind', '=', 'package')
    .execute();
}

describe.each(testEngines())('the exchange under faults (%s)', (engine) => {
  let a: TestApp;
  let b: TestApp;
  let dirA: string;
  let dirB: string;
  beforeAll(async () => {
    dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-ex-a-'));
    dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-ex-b-'));
    a = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-a', DATA_DIR: dirA } });
    b = await createTestApp(engine, { env: { EXCHANGE_NODE: 'may-b', DATA_DIR: dirB } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    fs.rmSync(dirA, { recursive: true, force: true });
    fs.rmSync(dirB, { recursive: true, force: true });
  });

  const advance = (ms: number) => {
    (a.clock as TestClock).advance(ms);
    (b.clock as TestClock).advance(ms);
  };

  it('a peer down during a dispatch to 50 outside offices: all queued with their error, then each delivered once', async () => {
    const link = await linkDeployments(a, b);
    const urlB = await listen(b);
    const prefix = `002.${String(Math.floor(Math.random() * 90) + 10)}`;
    const outside: string[] = [];
    const ours = new Map<string, string>();
    for (let i = 0; i < 50; i += 1) {
      const nationalId = `${prefix}.${String(i).padStart(2, '0')}.H50`;
      const org = await makeOrganization(b, { name: `Đảng ủy xã số ${i + 1}` });
      await setNationalId(b, org.id, nationalId);
      ours.set(org.id, nationalId);
      const there = await addOutside(a, { name: `Đảng ủy xã số ${i + 1} (máy B)`, nationalId, peerId: link.peerOfA });
      outside.push(there.id);
    }
    const { doc, dispatch } = await issueTo(link.officeA, outside);
    ok(await dispatch());
    // B cannot be reached for a while.
    await addPeer(a, { node: 'may-b', url: await closedPort() });
    await link.runA();
    let messages = await queuedFor(a, doc.id);
    expect(messages).toHaveLength(50);
    for (const m of messages) {
      expect(m.state).toBe('queued');
      expect(m.attempts).toBe(1);
      expect(m.last_error).toBe('Không kết nối được với máy chủ nhận.');
    }
    const before = await written(b);
    // Still down a little later: a second try each, still queued.
    advance(31_000);
    await link.runA();
    messages = await queuedFor(a, doc.id);
    expect(messages.every((m) => m.state === 'queued' && m.attempts === 2)).toBe(true);
    expect(await written(b)).toEqual(before);

    // B is back; the next try (after the back-off) delivers each once.
    await addPeer(a, { node: 'may-b', url: urlB });
    advance(61_000);
    await link.runA();
    messages = await queuedFor(a, doc.id);
    expect(messages.map((m) => m.state)).toEqual(Array(50).fill('sent'));
    expect(messages.every((m) => m.attempts === 3)).toBe(true);
    const deliveries = await b.deps.database.db
      .selectFrom('document_deliveries')
      .select(['organization_id'])
      .where('organization_id', 'in', [...ours.keys()])
      .execute();
    expect(deliveries).toHaveLength(50);
    expect(new Set(deliveries.map((d) => d.organization_id)).size).toBe(50);
    // Another pass sends nothing again.
    advance(10 * 60_000);
    await link.runA();
    expect(
      await b.deps.database.db
        .selectFrom('document_deliveries')
        .select('id')
        .where('organization_id', 'in', [...ours.keys()])
        .execute(),
    ).toHaveLength(50);
    const sender = ok<DocumentView>(await link.officeA.clerk.api.get(`/api/documents/${doc.id}`));
    expect(sender.deliveries).toHaveLength(50);
    expect(leftovers(dirA)).toEqual([]);
    expect(leftovers(dirB)).toEqual([]);
  }, 120_000);

  it('a fault on the sending side (its spool folder unusable) is tried again, not given up', async () => {
    const link = await linkDeployments(a, b);
    const { doc, dispatch } = await issueTo(link.officeA, [link.bInA.id]);
    ok(await dispatch());
    const spoolDir = path.join(dirA, 'tmp', 'exchange');
    fs.rmSync(spoolDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(spoolDir), { recursive: true });
    fs.writeFileSync(spoolDir, 'khong phai thu muc');
    try {
      await link.runA();
      const [message] = await queuedFor(a, doc.id);
      expect(message).toMatchObject({ state: 'queued', attempts: 1 });
      expect(message?.last_error).toBeTruthy();
    } finally {
      fs.rmSync(spoolDir, { force: true });
    }
    advance(31_000);
    await link.runA();
    const [message] = await queuedFor(a, doc.id);
    expect(message).toMatchObject({ state: 'sent', attempts: 2, last_error: null });
    expect(await deliveriesOf(link)).toHaveLength(1);
  });

  /** A package of A to B's committee, captured as it would travel, not yet sent. */
  async function captured(link: Link) {
    const { doc, dispatch } = await issueTo(link.officeA, [link.bInA.id]);
    ok(await dispatch());
    const [message] = await queuedFor(a, doc.id);
    if (!message) throw new Error('no package queued');
    return { doc, messageId: message.id, ...(await wireOf(a, message.id, 'may-b')) };
  }

  async function deliveriesOf(link: Link) {
    return b.deps.database.db
      .selectFrom('document_deliveries')
      .select(['id', 'document_id'])
      .where('organization_id', '=', link.officeB.committee.id)
      .execute();
  }

  it('the same package twice is one document; the same DocumentId in a new message is no new delivery', async () => {
    const link = await linkDeployments(a, b);
    const { bytes, facts } = await captured(link);
    const first = ok<{ duplicate: boolean; message: string }>(await postSigned(b, bytes, facts));
    expect(first.duplicate).toBe(false);
    const again = ok<{ duplicate: boolean; message: string }>(await postSigned(b, bytes, facts));
    expect(again).toMatchObject({ duplicate: true, message: first.message });
    // A resend: the same document under a new message id.
    const resent = ok<{ duplicate: boolean }>(
      await postSigned(b, bytes, { ...facts, message: `${facts.message}-lai`, time: b.clock.now().toISOString() }),
    );
    expect(resent.duplicate).toBe(true);
    expect(await deliveriesOf(link)).toHaveLength(1);
    expect(leftovers(dirB)).toEqual([]);
  });

  it('the same document in two messages at the same moment: one delivery, the other answered as a duplicate', async () => {
    const link = await linkDeployments(a, b);
    const { bytes, facts } = await captured(link);
    const answers = await Promise.all(
      ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8'].map((tail, i) =>
        postSigned(b, bytes, { ...facts, message: i < 2 ? facts.message : `${facts.message}-${tail}` }),
      ),
    );
    expect(answers.map((r) => `${r.statusCode} ${r.statusCode === 200 ? '' : r.body}`)).toEqual(Array(8).fill('200 '));
    const fresh = answers.filter((r) => r.json().duplicate === false);
    expect(fresh).toHaveLength(1);
    expect(await deliveriesOf(link)).toHaveLength(1);
    expect(leftovers(dirB)).toEqual([]);
  });

  it.runIf(engine === 'postgres')(
    'the same document stored meanwhile by another request: answered as a duplicate, not a failure',
    async () => {
      const link = await linkDeployments(a, b);
      const { bytes, facts, messageId } = await captured(link);
      const { document_ref: ref } = await a.deps.database.db
        .selectFrom('exchange_messages')
        .select('document_ref')
        .where('id', '=', messageId)
        .executeTakeFirstOrThrow();
      // Another request holds the same copy, not yet committed, while this one reads and writes.
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let held = false;
      const other = b.deps.database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('exchange_links')
          .values({
            delivery_id: `giu-${messageId}`,
            side: 'in',
            document_ref: ref,
            organization_id: link.officeB.committee.id,
            remote_org_id: link.idA,
            remote_org_name: 'Huyện ủy Đồng Văn (máy A)',
            source: 'peer:khac',
            recall_state: null,
            recall_reason: null,
            created_at: b.clock.now().toISOString(),
          })
          .execute();
        held = true;
        await gate;
      });
      await expect.poll(() => held).toBe(true);
      const answer = postSigned(b, bytes, facts);
      // The request waits on the held copy, then that one commits.
      const waiting = async () =>
        (
          await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'
            and query like 'insert into "exchange_links"%'`.execute(b.deps.database.db)
        ).rows[0]?.n;
      await expect.poll(waiting, { timeout: 10_000, interval: 20 }).toBe(1);
      release();
      await other;
      const res = await answer;
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ duplicate: true });
      expect(await deliveriesOf(link)).toEqual([]);
      expect(leftovers(dirB)).toEqual([]);
    },
  );

  it('refuses what is forged, stale, misdirected or not ours, writing nothing and keeping no staged file', async () => {
    const link = await linkDeployments(a, b);
    const { bytes, facts } = await captured(link);
    const text = bytes.toString('utf8');
    // A third deployment known to B, reaching its own outside office.
    const peerC = await addPeer(b, { node: 'may-c', url: 'http://127.0.0.1:9/api/exchange/peer' });
    const viaC = `003.${String(Math.floor(Math.random() * 90) + 10)}.01.H03`;
    await addOutside(b, { name: 'Thành ủy qua máy C', nationalId: viaC, peerId: peerC });
    const before = await written(b);
    const refused = async (res: Awaited<ReturnType<typeof postSigned>>, status: number, code?: string) => {
      expect(res.statusCode, res.body).toBe(status);
      if (code) expect(errorCode(res)).toBe(code);
      expect(await written(b)).toEqual(before);
      expect(leftovers(dirB)).toEqual([]);
    };
    const now = () => b.clock.now().getTime();
    await refused(await postSigned(b, bytes, facts, { secret: 'khoa-khac' }), 401, 'exchange.bad_signature');
    await refused(await postSigned(b, `${text} `, facts), 400, 'exchange.digest_mismatch');
    for (const skew of [-6 * 60_000, 6 * 60_000])
      await refused(
        await postSigned(b, bytes, { ...facts, time: new Date(now() + skew).toISOString() }),
        401,
        'exchange.stale_time',
      );
    await refused(await postSigned(b, bytes, { ...facts, node: 'may-la' }), 401, 'exchange.unknown_peer');
    await refused(await postSigned(b, bytes, { ...facts, to: 'may-c' }), 401, 'exchange.wrong_receiver');
    // From an office reached through another peer, or one of B's own.
    for (const from of [viaC, link.idB]) {
      const forged = text.replaceAll(link.idA, from);
      await refused(await postSigned(b, forged, refacts(facts, forged)), 403, 'exchange.sender_not_reached');
    }
    // Secret, from a peer not approved for secrets.
    await refused(await postSigned(b, bytes, { ...facts, secrecy: 'secret' }), 403);
    // Not XML; an enormous header field; no recipient of B's.
    await refused(await postSigned(b, 'khong phai xml', refacts(facts, 'khong phai xml')), 400);
    expect(errorCode(await postSigned(b, 'khong phai xml', refacts(facts, 'khong phai xml')))).toMatch(/^edxml\./);
    const huge = text.replace(/<edXML:Subject>/, `<edXML:Subject>${'Trích yếu rất dài '.repeat(600_000)}`);
    await refused(await postSigned(b, huge, refacts(facts, huge)), 400, 'edxml.header_too_large');
    const elsewhere = text.replaceAll(link.idB, '009.99.99.H99');
    await refused(await postSigned(b, elsewhere, refacts(facts, elsewhere)), 400, 'exchange.no_recipient_here');
    // Headers missing or garbage: unsigned, never a 500.
    await refused(await postSigned(b, bytes, null), 401, 'exchange.unsigned');
    for (const bad of <Record<string, string>[]>[
      { 'x-vanphong-time': 'hom qua' },
      { 'x-vanphong-digest': 'zz' },
      { 'x-vanphong-kind': 'thu' },
      { 'x-vanphong-message': 'a b/c' },
      { 'x-vanphong-node': 'n'.repeat(5000) },
      { 'x-vanphong-signature': 's'.repeat(5000) },
      { 'x-vanphong-secrecy': 'tuyet-mat' },
    ])
      await refused(await postSigned(b, bytes, facts, { headers: bad }), 401, 'exchange.unsigned');
    // Everything refused, the genuine package still goes, once.
    ok(await postSigned(b, bytes, facts));
    expect(await deliveriesOf(link)).toHaveLength(1);
    expect(leftovers(dirB)).toEqual([]);
  });

  it('refuses a status about a document A never sent, or from an office A did not send it to', async () => {
    const link = await linkDeployments(a, b);
    const { doc, messageId } = await captured(link);
    const ref = (
      await a.deps.database.db
        .selectFrom('exchange_messages')
        .select('document_ref')
        .where('id', '=', messageId)
        .executeTakeFirstOrThrow()
    ).document_ref;
    const other = await addOutside(a, {
      name: 'Huyện ủy khác (máy B)',
      nationalId: '004.01.01.H04',
      peerId: link.peerOfA,
    });
    expect(other.id).toBeTruthy();
    const statusOf = (documentRef: string, organId: string) =>
      buildStatus(
        statusModelOf({
          documentRef,
          from: { organId, organName: 'Cơ quan nhận' },
          status: '03',
          description: null,
          staff: 'Văn thư',
          at: a.clock.now().toISOString(),
        }),
      );
    const eventsBefore = ok<DocumentView>(await link.officeA.clerk.api.get(`/api/documents/${doc.id}`)).events.length;
    const before = await written(a);
    const base = {
      node: 'may-b',
      to: 'may-a',
      kind: 'status' as const,
      time: a.clock.now().toISOString(),
      secrecy: 'normal',
    };
    let n = 0;
    for (const body of [statusOf(`${link.idA},1999/01/01,999-CV/KHONG`, link.idB), statusOf(ref, '004.01.01.H04')]) {
      n += 1;
      const res = await postSigned(a, body, refacts({ ...base, message: `trang-thai-${n}`, digest: '' }, body));
      expect(res.statusCode, res.body).toBe(400);
      expect(errorCode(res)).toBe('exchange.unknown_document');
    }
    // From the right office, through another peer: not reached that way.
    const peerC = await addPeer(a, { node: 'may-c', url: 'http://127.0.0.1:9/api/exchange/peer' });
    expect(peerC).toBeTruthy();
    const body = statusOf(ref, link.idB);
    const viaC = await postSigned(
      a,
      body,
      refacts({ ...base, node: 'may-c', message: 'trang-thai-c', digest: '' }, body),
    );
    expect(viaC.statusCode).toBe(403);
    expect(errorCode(viaC)).toBe('exchange.sender_not_reached');
    expect(await written(a)).toEqual(before);
    const after = ok<DocumentView>(await link.officeA.clerk.api.get(`/api/documents/${doc.id}`));
    expect(after.events.length).toBe(eventsBefore);
    expect(after.deliveries[0]?.status).toBe('01');
    expect(leftovers(dirA)).toEqual([]);
    // The real one, from B, is taken.
    ok(await postSigned(a, body, refacts({ ...base, message: 'trang-thai-b', digest: '' }, body)));
    const moved = ok<DocumentView>(await link.officeA.clerk.api.get(`/api/documents/${doc.id}`));
    expect(moved.deliveries[0]?.status).toBe('03');
  });
});
