import path from 'node:path';
import { DELIVERY_STATUS } from '../../../common/documents';
import type { ImportResult } from '../../../common/schemas/exchange';
import type { PlatformDeps } from '../../platform/deps';
import { forbidden } from '../../platform/http/errors';
import { type Actor, auditActorOf, type Caller, type SystemCaller } from '../../platform/security/actor';
import type { DocumentsModule } from '../documents/documents.contract';
import * as errors from './arrival.errors';
import { buildPackage, lazyAttachments } from './edxml.render';
import * as repo from './exchange.repository';
import type { ExchangeMessagesTable } from './exchange.tables';
import type { Inbound } from './inbound.service';
import type { Outbound } from './outbound.service';
import { packageModelOf } from './package-model.rules';
import type { PlatformPoller } from './poller.service';
import { spool } from './spool.service';

const messageView = (m: ExchangeMessagesTable) => ({
  id: m.id,
  direction: m.direction as 'in' | 'out',
  kind: m.kind,
  business: m.business,
  statusCode: m.status_code,
  source: m.source,
  fromId: m.from_id,
  toId: m.to_id,
  documentRef: m.document_ref,
  state: m.state,
  attempts: m.attempts,
  lastError: m.last_error,
  createdAt: m.created_at,
  doneAt: m.done_at,
});

/** What people do with the exchange: take a file in, take a document out, answer recalls, watch it work. */
export function createExchangeService(
  deps: PlatformDeps,
  documents: Pick<DocumentsModule, 'crossing' | 'deliveries'>,
  inbound: Inbound,
  outbound: Outbound,
  poller: PlatformPoller | null,
) {
  const { database, config, authorizer } = deps;
  const db = database.db;
  const { crossing } = documents;

  /** Whether the actor keeps the register of this organization (receives its documents). */
  const receivesFor = (actor: Actor, organizationPath: string) =>
    authorizer.can(actor, 'decide', { kind: 'delivery', organizationPath });

  /**
   * An `.edxml` file brought by hand, taken as arriving for `organizationId`: waiting in its clerks'
   * inbox, or registered at once (`register`) as the clerk's accept would. The answer says what was
   * corrected and which documents from the same issuer under the same number are already registered.
   */
  async function importFile(
    actor: Actor | null,
    organization: { id: string; path: string; name: string; reach: string },
    bytes: AsyncIterable<Uint8Array>,
    options: { register: boolean; registerId?: string; via: string },
  ): Promise<ImportResult> {
    if (actor && !receivesFor(actor, organization.path)) throw forbidden();
    // An outside office's copy would wait in no one's inbox here.
    if (organization.reach !== 'inside') throw errors.notOurOrganization(organization.name);
    const taken = await inbound.fromFile(bytes, {
      source: 'file',
      remoteId: null,
      peerId: null,
      secrecy: 'normal',
      via: options.via,
      onlyFor: organization.id,
    });
    const mine = taken.deliveries.find((d) => d.organizationId === organization.id);
    // The same document brought again: the answer names the copy the first import made.
    const earlier = mine
      ? null
      : ((await repo.linksOf(db, 'in', taken.documentRef, [organization.id]))[0]?.delivery_id ?? null);
    const registeredBefore = await crossing.registeredAlready(db, organization.id, taken.issuer, taken.numberText);
    let incomingDocumentId: string | null = null;
    if (mine && options.register && actor) {
      incomingDocumentId = (
        await documents.deliveries.accept(actor, mine.deliveryId, { version: 1, registerId: options.registerId })
      ).id;
    }
    return {
      duplicate: taken.duplicate || !mine,
      documentId: mine ? taken.documentId : null,
      deliveryId: mine?.deliveryId ?? earlier,
      incomingDocumentId,
      documentRef: taken.documentRef,
      numberText: taken.numberText,
      notation: taken.notation,
      issuer: taken.issuer,
      subject: taken.subject,
      issueDate: taken.issueDate,
      attachments: taken.attachments,
      corrections: taken.corrections,
      registeredBefore: registeredBefore
        .filter((r) => r.id !== incomingDocumentId)
        .map((r) => ({
          id: r.id,
          numberText: r.number_text,
          arrivalNumber: r.arrival_number,
          arrivalDate: r.arrival_date,
        })),
    };
  }

  /** A registered document as an edXML package, written to a temporary file the caller sends and removes. */
  async function packageFile(caller: Caller, documentId: string) {
    const { source, to } = await crossing.exportFor(caller, documentId);
    const model = packageModelOf(source, to, deps.clock.now().toISOString());
    const spooled = await spool(
      buildPackage(
        model,
        lazyAttachments(source.files, (sha256) => deps.files.open(sha256)),
      ),
      path.join(config.dataDir, 'tmp', 'exchange'),
      Number.MAX_SAFE_INTEGER,
      () => errors.tooLarge(Number.MAX_SAFE_INTEGER),
    );
    const name = `${(source.numberText ?? 'van-ban').replace(/[/\\:*?"<>|]/g, '-')}.edxml`;
    return { spooled, fileName: name };
  }

  /** A person's download: a read of the document, refused (as not found) to whoever may not read it. */
  const exportFile = (actor: Actor, documentId: string) => packageFile(actor, documentId);
  /** The operator at the command line: no policy, as for every command; a secret one's export is audited. */
  const exportForOperator = (operator: SystemCaller, documentId: string) => packageFile(operator, documentId);

  async function health(actor: Actor) {
    if (!authorizer.can(actor, 'view', { kind: 'exchange' })) throw forbidden();
    const counts = { queued: 0, sent: 0, failed: 0, received: 0, refused: 0 };
    for (const row of await repo.messageCounts(db)) {
      const n = Number(row.n);
      if (row.direction === 'out' && (row.state === 'queued' || row.state === 'sent' || row.state === 'failed'))
        counts[row.state] += n;
      if (row.direction === 'in') counts[row.state === 'refused' ? 'refused' : 'received'] += n;
    }
    const recent = await repo.recentMessages(db, { limit: 20 });
    const failures = [
      ...(await repo.recentMessages(db, { state: 'failed', limit: 20 })),
      ...(await repo.recentMessages(db, { state: 'refused', limit: 20 })),
      ...(await repo.recentMessages(db, { state: 'queued', limit: 50 })).filter((m) => m.last_error),
    ];
    return {
      node: config.exchange.node,
      platform: {
        configured: poller !== null,
        lastPollAt: poller?.state.lastPollAt ?? null,
        lastSuccessAt: poller?.state.lastSuccessAt ?? null,
        lastError: poller?.state.lastError ?? null,
      },
      counts,
      recent: recent.map(messageView),
      failures: failures.map(messageView),
    };
  }

  async function recalls(actor: Actor) {
    const asked = await repo.pendingRecalls(db);
    const copies = new Map(
      (
        await crossing.copiesAt(
          db,
          asked.map((r) => r.delivery_id),
        )
      ).map((c) => [c.deliveryId, c]),
    );
    return {
      items: asked.flatMap((r) => {
        const copy = copies.get(r.delivery_id);
        if (!copy || !receivesFor(actor, copy.organizationPath)) return [];
        return [
          {
            deliveryId: r.delivery_id,
            organizationName: copy.organizationName,
            fromName: r.remote_org_name,
            numberText: copy.numberText,
            summary: copy.summary,
            reason: r.recall_reason,
            incomingDocumentId: copy.incomingDocumentId,
          },
        ];
      }),
    };
  }

  async function answerRecall(actor: Actor, deliveryId: string, answer: { agree: boolean; reason?: string }) {
    const [copy] = await crossing.copiesAt(db, [deliveryId]);
    const link = await repo.findLink(db, deliveryId);
    if (!copy || !link || link.side !== 'in') throw errors.notExchanged();
    if (!receivesFor(actor, copy.organizationPath)) throw errors.notExchanged();
    const reason = answer.reason?.trim() ?? '';
    if (!answer.agree && !reason) throw errors.recallReasonRequired();
    await deps.transact(async ({ trx, audit }) => {
      if (
        !(await repo.answerRecall(trx, deliveryId, answer.agree ? 'agreed' : 'refused', answer.agree ? null : reason))
      )
        throw errors.recallNotPending();
      if (answer.agree) await crossing.recallAgreed(trx, deliveryId, actor, link.remote_org_name);
      else await crossing.recallRefused(trx, deliveryId, actor, reason);
      await outbound.statusBack(
        trx,
        deliveryId,
        answer.agree ? DELIVERY_STATUS.recallAgreed : DELIVERY_STATUS.recallRefused,
        // Agreeing names what was agreed to (a recall, an update, a replacement), as the sender asked it.
        answer.agree ? link.recall_reason : reason,
        actor.fullName,
        deps.clock.now().toISOString(),
      );
      await audit(auditActorOf(actor), {
        action: answer.agree ? 'exchange.recall_agree' : 'exchange.recall_refuse',
        entityType: 'document',
        entityId: deliveryId,
        summary:
          `${answer.agree ? 'Đồng ý' : 'Từ chối'} để ${link.remote_org_name} thu hồi văn bản${answer.agree ? '' : `: ${reason}`}`.slice(
            0,
            500,
          ),
      });
    });
  }

  return {
    importFile,
    exportFile,
    exportForOperator,
    health,
    recalls,
    answerRecall,
    organizationByCode: (code: string) => repo.organizationByCode(db, code),
    organizationById: (id: string) => repo.organizationById(db, id),
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
