import fs from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { DeliveryStatus } from '../../../common/documents';
import type { DB } from '../../platform/db/schema';
import type { PlatformDeps } from '../../platform/deps';
import { newId } from '../../platform/ids';
import { enqueue, type Job } from '../../platform/jobs/jobs';
import type { Crossing } from '../documents/documents.contract';
import * as errors from './arrival.errors';
import { buildPackage, buildStatus, lazyAttachments } from './edxml.render';
import type { Business } from './edxml.rules';
import * as repo from './exchange.repository';
import type { ExchangeMessagesTable } from './exchange.tables';
import { documentRefOf, packageModelOf, statusModelOf } from './package-model.rules';
import { PeerSendError, sendToPeer } from './peer.transport';
import * as peers from './peers.repository';
import { PlatformError, type PlatformTransport } from './platform.transport';
import { spool } from './spool.service';

export const SEND_JOB = 'exchange.send';
/** About a day and a half of tries with the runner's back-off before a message is given up. */
const SEND_ATTEMPTS = 14;

export interface SendPayload {
  messageId: string;
  /** A status message's own words: the description and who took the step. */
  description?: string | null;
  staff?: string;
  at?: string;
  /** A replacement's package: the document it replaces and the offices that document went to. */
  replaces?: { documentId: string; organIds: string[] };
}

/**
 * What leaves the deployment: a package for each outside copy of a dispatched document, a status
 * message for each step our clerks take on a copy that came from outside, a recall. Each is a
 * message row and a durable job written in the step's own transaction, so a crash loses none and
 * the job's retries send it again under the same id, which the receiver recognises.
 */
export function createOutbound(deps: PlatformDeps, crossing: Crossing, platform: PlatformTransport | null) {
  const { database, clock, config, logger } = deps;
  const db = database.db;
  const spoolDir = path.join(config.dataDir, 'tmp', 'exchange');
  const nowIso = () => clock.now().toISOString();

  async function queue(
    trx: Transaction<DB>,
    row: Omit<
      ExchangeMessagesTable,
      | 'id'
      | 'state'
      | 'attempts'
      | 'last_error'
      | 'created_at'
      | 'updated_at'
      | 'done_at'
      | 'remote_id'
      | 'package_sha256'
      | 'size'
      | 'warnings'
    >,
    extra: Omit<SendPayload, 'messageId'> = {},
  ) {
    const id = newId();
    const at = nowIso();
    await repo.insertMessage(trx, {
      ...row,
      id,
      state: 'queued',
      attempts: 0,
      last_error: null,
      remote_id: null,
      package_sha256: null,
      size: null,
      warnings: null,
      created_at: at,
      updated_at: at,
      done_at: null,
    });
    await enqueue(
      trx,
      { kind: SEND_JOB, key: `exchange:send:${id}`, payload: { messageId: id, ...extra }, maxAttempts: SEND_ATTEMPTS },
      clock.now(),
    );
    return id;
  }

  const sourceOf = (org: { reach: string; peer_id: string | null }) =>
    org.reach === 'peer' && org.peer_id ? `peer:${org.peer_id}` : 'platform';

  /**
   * The copies of a dispatched document to outside offices: one package each, queued. A document
   * that replaces an earlier one travels as a replacement (business kind 3) naming it, and each
   * office that holds the earlier one is asked to let it go, as a recall is asked.
   */
  async function dispatched(
    trx: Transaction<DB>,
    documentId: string,
    outside: readonly { deliveryId: string; organizationId: string }[],
    replacesId: string | null = null,
  ) {
    if (outside.length === 0) return;
    const source = await crossing.packageSource(trx, documentId);
    if (!source.organization.nationalId) throw errors.withoutIdentifier();
    const ref = documentRefOf(source);
    const replaced = replacesId ? await earlierLinks(trx, replacesId) : null;
    const reason = `Văn bản số ${source.numberText ?? ''}: ${source.summary}`.slice(0, 2000);
    if (replaced)
      for (const link of replaced.links)
        if (outside.some((d) => d.organizationId === link.organization_id) && link.recall_state === null)
          await repo.setRecall(trx, link.delivery_id, 'requested', reason);
    for (const d of outside) {
      const org = await crossing.organization(trx, d.organizationId);
      if (!org?.national_id) throw errors.withoutIdentifier();
      const via = sourceOf(org);
      await repo.insertLinks(trx, [
        {
          delivery_id: d.deliveryId,
          side: 'out',
          document_ref: ref,
          organization_id: d.organizationId,
          remote_org_id: org.national_id,
          remote_org_name: org.name,
          source: via,
          recall_state: null,
          recall_reason: null,
          created_at: nowIso(),
        },
      ]);
      await queue(
        trx,
        {
          direction: 'out',
          kind: 'package',
          business: replaced ? 3 : 0,
          status_code: null,
          source: via,
          from_id: source.organization.nationalId,
          to_id: org.national_id,
          document_ref: ref,
          delivery_id: d.deliveryId,
        },
        replaced
          ? {
              description: reason,
              replaces: {
                documentId: replaced.ref,
                organIds: [...new Set(replaced.links.map((l) => l.remote_org_id))],
              },
            }
          : {},
      );
    }
  }

  /** The DocumentId an earlier document of ours travelled under, and its copies outside. */
  async function earlierLinks(trx: Transaction<DB>, documentId: string) {
    const earlier = await crossing.packageSource(trx, documentId);
    const ref = documentRefOf(earlier);
    return { ref, links: await repo.linksOf(trx, 'out', ref) };
  }

  /**
   * How a status goes back: the way the document came, or for a file brought by hand the way the
   * directory says its sender is reached; none (nothing sent) when there is no way back.
   */
  async function channelBack(trx: Transaction<DB>, source: string, remoteOrgId: string): Promise<string | null> {
    if (source.startsWith('peer:')) return source;
    if (source === 'platform') return platform ? 'platform' : null;
    const [sender] = await crossing.organizationsByNationalId(trx, [remoteOrgId]);
    if (sender?.reach === 'peer' && sender.peer_id) return `peer:${sender.peer_id}`;
    if (sender?.reach === 'platform' && platform) return 'platform';
    return null;
  }

  /** A step on a copy that came from outside: its status goes back to the office that sent it. */
  async function statusBack(
    trx: Transaction<DB>,
    deliveryId: string,
    status: DeliveryStatus,
    description: string | null,
    staff: string,
    at: string,
  ) {
    const link = await repo.findLink(trx, deliveryId);
    if (link?.side !== 'in') return;
    const via = await channelBack(trx, link.source, link.remote_org_id);
    if (!via) return;
    // A file brought by hand may be for an organization of ours without an identifier: nothing to sign as.
    const own = await crossing.organization(trx, link.organization_id);
    if (!own?.national_id) return;
    const from = { organId: own.national_id, organName: own.name };
    await queue(
      trx,
      {
        direction: 'out',
        kind: 'status',
        business: null,
        status_code: status,
        source: via,
        from_id: from.organId,
        to_id: link.remote_org_id,
        // An update's own copy answers for the document it updates.
        document_ref: link.document_ref.split('#')[0] ?? link.document_ref,
        delivery_id: deliveryId,
      },
      { description, staff, at },
    );
  }

  /**
   * Each outside office holding a copy of our document is asked about it with `reason`: to give it
   * back (a recall, business kind 1), or to take the package sent again in its place (an update,
   * kind 2). The office answers 15 or 16.
   */
  async function askOutside(trx: Transaction<DB>, deliveryIds: readonly string[], reason: string, business: 1 | 2) {
    for (const deliveryId of deliveryIds) {
      const link = await repo.findLink(trx, deliveryId);
      if (link?.side !== 'out') continue;
      await repo.setRecall(trx, deliveryId, 'requested', reason);
      await queue(
        trx,
        {
          direction: 'out',
          kind: 'package',
          business,
          status_code: null,
          source: link.source,
          from_id: link.document_ref.split(',')[0] ?? '',
          to_id: link.remote_org_id,
          document_ref: link.document_ref,
          delivery_id: deliveryId,
        },
        { description: reason },
      );
    }
  }
  const recalled = (trx: Transaction<DB>, deliveryIds: readonly string[], reason: string) =>
    askOutside(trx, deliveryIds, reason, 1);
  const updated = (trx: Transaction<DB>, deliveryIds: readonly string[], reason: string) =>
    askOutside(trx, deliveryIds, reason, 2);

  /** The bytes of a message, written to a temporary file (the same bytes on every try). */
  async function spoolMessage(message: ExchangeMessagesTable, payload: SendPayload) {
    const tooLarge = () => errors.tooLarge(config.exchange.maxBytes);
    if (message.kind === 'status') {
      const link = message.delivery_id ? await repo.findLink(db, message.delivery_id) : undefined;
      const org = link ? await crossing.organization(db, link.organization_id) : undefined;
      const text = buildStatus(
        statusModelOf({
          documentRef: message.document_ref,
          from: { organId: message.from_id, organName: org?.name ?? message.from_id },
          status: message.status_code as DeliveryStatus,
          description: payload.description ?? null,
          staff: payload.staff ?? '',
          at: payload.at ?? message.created_at,
        }),
      );
      return {
        spooled: await spool([Buffer.from(text)], spoolDir, config.exchange.maxBytes, tooLarge),
        secrecy: 'normal',
      };
    }
    const link = message.delivery_id ? await repo.findLink(db, message.delivery_id) : undefined;
    const delivery = link ? await crossing.deliveryDocument(db, link.delivery_id) : undefined;
    if (!link || !delivery) throw new PeerSendError('exchange.document_gone', false, 'Không còn văn bản để gửi.');
    const source = await crossing.packageSource(db, delivery.documentId);
    const to = [{ organId: link.remote_org_id, organName: link.remote_org_name }];
    const reason = payload.description ?? undefined;
    const business: Business =
      message.business === 1 || message.business === 2
        ? { bussinessDocType: message.business, bussinessDocReason: reason, documentId: message.document_ref }
        : message.business === 3 && payload.replaces
          ? { bussinessDocType: 3, bussinessDocReason: reason, replacementInfo: [payload.replaces] }
          : { bussinessDocType: 0 };
    const model = packageModelOf(source, to, message.created_at, business);
    const bytes = buildPackage(
      model,
      message.business === 1 ? [] : lazyAttachments(source.files, (sha256) => deps.files.open(sha256)),
    );
    return { spooled: await spool(bytes, spoolDir, config.exchange.maxBytes, tooLarge), secrecy: source.secrecy };
  }

  async function transmit(message: ExchangeMessagesTable, file: string, digest: string, secrecy: string) {
    if (message.source.startsWith('peer:')) {
      const peer = await peers.findPeer(db, message.source.slice('peer:'.length));
      if (peer?.active !== 1)
        throw new PeerSendError('exchange.peer_gone', false, 'Máy chủ liên thông đã bị xóa hoặc ngừng dùng.');
      if (secrecy !== 'normal' && peer.secret_approved !== 1)
        throw new PeerSendError(
          'exchange.secret_not_approved',
          false,
          'Đường liên thông này chưa được duyệt cho văn bản mật.',
        );
      const answer = await sendToPeer(
        { url: peer.url, secret: peer.secret },
        {
          node: config.exchange.node,
          to: peer.node,
          message: message.id,
          kind: message.kind as 'package' | 'status',
          time: nowIso(),
          secrecy,
          digest,
        },
        file,
      );
      return { remoteId: null, duplicate: answer.duplicate };
    }
    if (secrecy !== 'normal')
      throw new PeerSendError('exchange.secret_not_approved', false, 'Văn bản mật không gửi qua trục liên thông.');
    if (!platform)
      throw new PeerSendError('exchange.platform_not_configured', true, 'Chưa khai báo kết nối trục liên thông.');
    const sent = await platform.send(fs.createReadStream(file) as AsyncIterable<Uint8Array>, {
      kind: message.kind as 'package' | 'status',
      messageId: message.id,
    });
    return { remoteId: sent.platformId, duplicate: false };
  }

  /** The job: builds the message, sends it, and records the outcome; retried while the far end may recover. */
  async function send(raw: unknown, job: Job) {
    const payload = raw as SendPayload;
    const message = await repo.findMessage(db, payload.messageId);
    if (!message || message.state === 'sent' || message.state === 'failed') return;
    let file: Awaited<ReturnType<typeof spoolMessage>> | null = null;
    try {
      file = await spoolMessage(message, payload);
      const result = await transmit(message, file.spooled.path, file.spooled.sha256, file.secrecy);
      const spooled = file.spooled;
      await deps.transact(async ({ trx }) => {
        await repo.updateMessage(trx, message.id, {
          state: 'sent',
          attempts: message.attempts + 1,
          last_error: null,
          remote_id: result.remoteId,
          package_sha256: spooled.sha256,
          size: spooled.size,
          updated_at: nowIso(),
          done_at: nowIso(),
        });
        // A new document or a replacement is a copy delivered; a recall or an update is not another.
        if (message.kind === 'package' && (message.business === 0 || message.business === 3) && message.delivery_id) {
          const delivery = await crossing.deliveryDocument(trx, message.delivery_id);
          if (delivery) await crossing.outsideCopiesDelivered(trx, delivery.documentId, 1);
        }
      });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const known = error instanceof PeerSendError || error instanceof PlatformError || isDomain(error);
      // A fault of our own (a full disk, a busy database) is tried again like an unreachable peer;
      // only a refusal for good, or the last try, gives the message up.
      const retryable =
        (error instanceof PeerSendError || error instanceof PlatformError ? error.retryable : !known) &&
        job.attempts < job.max_attempts;
      if (!known) logger.error({ err: error, messageId: message.id }, 'exchange send failed');
      await deps.transact(async ({ trx }) => {
        await repo.updateMessage(trx, message.id, {
          state: retryable ? 'queued' : 'failed',
          attempts: message.attempts + 1,
          last_error: text.slice(0, 1000),
          updated_at: nowIso(),
        });
        if (!retryable && message.delivery_id && message.kind === 'package')
          await crossing.noteOutside(trx, message.delivery_id, `Không gửi được gói tin liên thông: ${text}`);
      });
      if (retryable || !known) throw error;
    } finally {
      await file?.spooled.remove();
    }
  }

  return { dispatched, statusBack, recalled, updated, send, queue, spoolMessage };
}

const isDomain = (error: unknown) => error instanceof Error && 'code' in error && 'status' in error;

export type Outbound = ReturnType<typeof createOutbound>;
