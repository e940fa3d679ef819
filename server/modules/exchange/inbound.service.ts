import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryStatus } from '../../../common/documents';
import type { PlatformDeps } from '../../platform/deps';
import type { DomainError } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import type { Crossing } from '../documents/documents.contract';
import * as errors from './arrival.errors';
import { parseStatus } from './edxml-parse.rules';
import * as repo from './exchange.repository';
import type { Outbound } from './outbound.service';
import {
  createPackageIntake,
  type MessageOrigin,
  type OutsideDirectory,
  storedOnce,
  type TakenPackage,
} from './package-intake.service';
import { type HeaderBag, readSignedHeaders, signatureHolds, timely } from './peer-signature.rules';
import * as peers from './peers.repository';
import { type Spooled, spool } from './spool.service';

/**
 * What arrives from outside: a package becomes a copy waiting in each receiving organization's
 * clerks' inbox (once, whatever number of times it is sent), a status message moves our copy at
 * the office that sent it, a recall asks our clerk. Nothing is answered "stored" before it is.
 */
export function createInbound(deps: PlatformDeps, crossing: Crossing, outbound: Outbound, directory: OutsideDirectory) {
  const { database, clock, config } = deps;
  const db = database.db;
  const spoolDir = path.join(config.dataDir, 'tmp', 'exchange');
  const nowIso = () => clock.now().toISOString();

  const { takePackage } = createPackageIntake(deps, crossing, outbound, directory);

  async function takeStatus(file: string, origin: MessageOrigin) {
    const { model } = await parseStatus(fs.createReadStream(file));
    return storedOnce(() =>
      deps.transact(async ({ trx }) => {
        const messageId = newId();
        const links = await repo.outLinksTo(trx, model.responseFor.documentId, model.from.organId);
        if (links.length === 0) throw errors.unknownDocument();
        if (links.some((l) => l.source !== origin.source)) throw errors.senderNotReached(model.from.organId);
        const recorded = await repo.insertReceived(trx, {
          id: messageId,
          direction: 'in',
          kind: 'status',
          business: null,
          status_code: model.statusCode,
          source: origin.source,
          remote_id: origin.remoteId,
          from_id: model.from.organId,
          to_id: model.responseFor.organId,
          document_ref: model.responseFor.documentId,
          delivery_id: links[0]?.delivery_id ?? null,
          state: 'stored',
          attempts: 1,
          last_error: null,
          package_sha256: null,
          size: null,
          warnings: null,
          created_at: nowIso(),
          updated_at: nowIso(),
          done_at: nowIso(),
        });
        if (!recorded) return { messageId, duplicate: true };
        for (const link of links) {
          const code = model.statusCode;
          if (code === '15' || code === '16')
            await repo.setRecall(
              trx,
              link.delivery_id,
              code === '15' ? 'agreed' : 'refused',
              model.description ?? null,
            );
          if (code === '13') continue;
          await crossing.followOutside(trx, link.delivery_id, {
            status: code as DeliveryStatus,
            description: model.description ?? null,
            by: model.from.organName,
            at: model.timestamp,
          });
        }
        return { messageId, duplicate: false };
      }),
    );
  }

  /** A message from a peer deployment, checked by its signature before a byte is stored. */
  async function fromPeer(headers: HeaderBag, body: AsyncIterable<Uint8Array>) {
    const read = readSignedHeaders(headers);
    if ('missing' in read) throw errors.unsignedMessage(read.missing);
    const { facts, signature } = read;
    const peer = await peers.findPeerByNode(db, facts.node);
    if (peer?.active !== 1) throw errors.unknownPeer();
    if (facts.to !== config.exchange.node) throw errors.notForUs();
    if (!signatureHolds(peer.secret, facts, signature)) throw errors.badSignature();
    if (!timely(facts.time, clock.now().getTime())) throw errors.staleMessage();
    if (facts.secrecy !== 'normal' && peer.secret_approved !== 1) throw errors.secretNotAllowed();
    const source = `peer:${peer.id}`;
    const known = await repo.findReceived(db, source, facts.message);
    if (known) return { messageId: known.id, duplicate: true };
    const spooled = await spool(body, spoolDir, config.exchange.maxBytes, () =>
      errors.tooLarge(config.exchange.maxBytes),
    );
    try {
      if (spooled.size === 0) throw errors.emptyMessage();
      if (spooled.sha256 !== facts.digest) throw errors.digestMismatch();
      const origin: MessageOrigin = {
        source,
        remoteId: facts.message,
        peerId: peer.id,
        secrecy: facts.secrecy,
        via: `Nhận liên thông từ máy chủ ${peer.name}`,
      };
      if (facts.kind === 'status') return await takeStatus(spooled.path, origin);
      const taken = await takePackage(spooled.path, origin);
      return { messageId: taken.messageId, duplicate: taken.duplicate };
    } finally {
      await spooled.remove();
    }
  }

  /** A package file brought by hand (a USB stick, an e-mail) or read from the platform. */
  async function fromFile(source: AsyncIterable<Uint8Array>, origin: MessageOrigin): Promise<TakenPackage> {
    const spooled: Spooled = await spool(source, spoolDir, config.exchange.maxBytes, () =>
      errors.tooLarge(config.exchange.maxBytes),
    );
    try {
      if (spooled.size === 0) throw errors.emptyMessage();
      // A file brought by hand has no sender's id: its bytes name it, so the same file twice is one message.
      const named = origin.remoteId ? origin : { ...origin, remoteId: `sha256:${spooled.sha256}` };
      return await takePackage(spooled.path, named);
    } finally {
      await spooled.remove();
    }
  }

  /** A status message read from the platform. */
  async function statusFromFile(source: AsyncIterable<Uint8Array>, origin: MessageOrigin) {
    const spooled = await spool(source, spoolDir, config.exchange.maxBytes, () =>
      errors.tooLarge(config.exchange.maxBytes),
    );
    try {
      return await takeStatus(spooled.path, origin);
    } finally {
      await spooled.remove();
    }
  }

  /** A message that could not be taken, kept in the log with the reason. */
  async function recordRefused(origin: MessageOrigin, from: string, kind: string, error: DomainError) {
    await deps.transact(async ({ trx }) => {
      await repo.insertReceived(trx, {
        id: newId(),
        direction: 'in',
        kind,
        business: null,
        status_code: null,
        source: origin.source,
        remote_id: origin.remoteId,
        from_id: from.slice(0, 64),
        to_id: '',
        document_ref: '',
        delivery_id: null,
        state: 'refused',
        attempts: 1,
        last_error: `${error.code}: ${error.message}`.slice(0, 1000),
        package_sha256: null,
        size: null,
        warnings: null,
        created_at: nowIso(),
        updated_at: nowIso(),
        done_at: nowIso(),
      });
    });
  }

  return { fromPeer, fromFile, statusFromFile, recordRefused };
}

export type Inbound = ReturnType<typeof createInbound>;
