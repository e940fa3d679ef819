import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { DocumentView } from '../../common/schemas/documents';
import { type SignedFacts, signedHeaders } from '../modules/exchange/peer-signature.rules';
import { newId } from '../platform/ids';
import { createJobRunner } from '../platform/jobs/runner';
import { makeOffice, ok, tinyPdf } from './documents';
import { makeOrganization } from './factories';
import type { TestApp } from './harness';

export const SHARED_SECRET = 'khoa-chung-cua-hai-may-chu-lien-thong-2026';

/** A peer row, as the administrator's page would write it. */
export async function addPeer(
  t: TestApp,
  input: { node: string; url: string; secret?: string; secretApproved?: boolean },
) {
  const known = await t.deps.database.db
    .selectFrom('exchange_peers')
    .select('id')
    .where('node', '=', input.node)
    .executeTakeFirst();
  if (known) {
    await t.deps.database.db
      .updateTable('exchange_peers')
      .set({ url: input.url, secret_approved: input.secretApproved ? 1 : 0 })
      .where('id', '=', known.id)
      .execute();
    return known.id;
  }
  const id = newId();
  const at = t.clock.now().toISOString();
  await t.deps.database.db
    .insertInto('exchange_peers')
    .values({
      id,
      node: input.node,
      name: `Máy chủ ${input.node}`,
      url: input.url,
      secret: input.secret ?? SHARED_SECRET,
      secret_approved: input.secretApproved ? 1 : 0,
      active: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function setNationalId(t: TestApp, organizationId: string, nationalId: string) {
  await t.deps.database.db
    .updateTable('organizations')
    .set({ national_id: nationalId })
    .where('id', '=', organizationId)
    .execute();
}

/** An outside office in this deployment's directory, reached through a peer (or the platform). */
export async function addOutside(t: TestApp, input: { name: string; nationalId: string; peerId: string | null }) {
  const org = await makeOrganization(t, { name: input.name, abbreviation: 'NG' });
  await t.deps.database.db
    .updateTable('organizations')
    .set({ national_id: input.nationalId, reach: input.peerId ? 'peer' : 'platform', peer_id: input.peerId })
    .where('id', '=', org.id)
    .execute();
  return org;
}

export async function listen(t: TestApp): Promise<string> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/exchange/peer`;
}

/** Runs the deployment's due jobs until none is left (each pass may queue more). */
export function jobsOf(t: TestApp) {
  const runner = createJobRunner({
    deps: t.deps,
    handlers: t.jobHandlers,
    batch: 8,
    lockMs: 60_000,
    random: () => 0.5,
  });
  return async () => {
    let total = 0;
    for (let i = 0; i < 20; i += 1) {
      const n = await runner.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  };
}

/**
 * Two deployments that know each other: each has its office (the committee identified), a peer
 * row for the other, and the other's committee as an outside organization reached through it.
 */
export async function linkDeployments(a: TestApp, b: TestApp, options: { secretApproved?: boolean } = {}) {
  const urlA = await listen(a);
  const urlB = await listen(b);
  const officeA = await makeOffice(a);
  const officeB = await makeOffice(b);
  const idA = `000.00.${String(Math.floor(Math.random() * 90) + 10)}.H${String(Math.floor(Math.random() * 90) + 10)}`;
  const idB = `000.01.${String(Math.floor(Math.random() * 90) + 10)}.H${String(Math.floor(Math.random() * 90) + 10)}`;
  await setNationalId(a, officeA.committee.id, idA);
  await setNationalId(b, officeB.committee.id, idB);
  const peerOfA = await addPeer(a, { node: 'may-b', url: urlB, secretApproved: options.secretApproved });
  const peerOfB = await addPeer(b, { node: 'may-a', url: urlA, secretApproved: options.secretApproved });
  const bInA = await addOutside(a, { name: 'Tỉnh ủy Hà Giang (máy B)', nationalId: idB, peerId: peerOfA });
  const aInB = await addOutside(b, { name: 'Huyện ủy Đồng Văn (máy A)', nationalId: idA, peerId: peerOfB });
  return { officeA, officeB, idA, idB, peerOfA, peerOfB, bInA, aInB, runA: jobsOf(a), runB: jobsOf(b) };
}

export { ok };

/** Drafts, signs, numbers and dispatches a document of `o` to `recipientIds` (the dispatch left to call). */
export async function issueTo(o: Office, recipientIds: readonly string[], extra: Record<string, unknown> = {}) {
  const file = await o.specialist.api.upload('Công văn 12.pdf', tinyPdf('Cong van ve lien thong'));
  const { id } = ok<{ id: string }>(
    await o.specialist.api.post('/api/documents/outgoing', {
      organizationId: o.committee.id,
      typeCode: 'CV',
      summary: 'V/v triển khai liên thông văn bản điện tử',
      recipients: recipientIds.map((r) => ({ kind: 'organization', id: r })),
      uploadIds: [file],
      ...extra,
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
  return { doc, dispatch: () => o.clerk.api.post(`/api/documents/${id}/dispatch`, { version: doc.version }) };
}

type Office = Awaited<ReturnType<typeof makeOffice>>;

/** A message queued in `t` as it would travel: its bytes and the facts its signature covers. */
export async function wireOf(t: TestApp, messageId: string, to: string) {
  const message = await t.deps.database.db
    .selectFrom('exchange_messages')
    .selectAll()
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  const job = await t.deps.database.db
    .selectFrom('jobs')
    .select('payload')
    .where('idempotency_key', '=', `exchange:send:${messageId}`)
    .executeTakeFirstOrThrow();
  const payload = typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload;
  const { spooled, secrecy } = await t.services.exchange.outbound.spoolMessage(message, payload);
  const bytes = fs.readFileSync(spooled.path);
  await spooled.remove();
  const facts: SignedFacts = {
    node: t.deps.config.exchange.node,
    to,
    message: message.id,
    kind: message.kind as 'package' | 'status',
    time: t.clock.now().toISOString(),
    secrecy,
    digest: createHash('sha256').update(bytes).digest('hex'),
  };
  return { bytes, facts };
}

/** Posts `bytes` to `t`'s peers' door with the headers signed over `facts` (or the headers given). */
export function postSigned(
  t: TestApp,
  bytes: Buffer | string,
  facts: SignedFacts | null,
  options: { secret?: string; headers?: Record<string, string> } = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/exchange/peer',
    headers: {
      'content-type': 'application/xml',
      ...(facts ? signedHeaders(options.secret ?? SHARED_SECRET, facts) : {}),
      ...options.headers,
    },
    payload: bytes,
  });
}

/** The same facts over other bytes: their digest recomputed. */
export function refacts(facts: SignedFacts, bytes: Buffer | string, patch: Partial<SignedFacts> = {}): SignedFacts {
  return { ...facts, digest: createHash('sha256').update(bytes).digest('hex'), ...patch };
}

/**
 * Two deployments on the same exchange platform (each app built with `EXCHANGE_PLATFORM_*` for its
 * own client): each office's committee carries its client's agency identifier, and each has the
 * other's committee as an outside organization reached through the platform.
 */
export async function linkThroughPlatform(a: TestApp, b: TestApp, ids: { idA: string; idB: string }) {
  const officeA = await makeOffice(a);
  const officeB = await makeOffice(b);
  await setNationalId(a, officeA.committee.id, ids.idA);
  await setNationalId(b, officeB.committee.id, ids.idB);
  const bInA = await addOutside(a, { name: 'Tỉnh ủy Cao Bằng (qua trục)', nationalId: ids.idB, peerId: null });
  const aInB = await addOutside(b, { name: 'Tỉnh ủy Hà Giang (qua trục)', nationalId: ids.idA, peerId: null });
  return { officeA, officeB, ...ids, bInA, aInB, runA: jobsOf(a), runB: jobsOf(b) };
}
