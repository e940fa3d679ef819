import type { Transaction } from 'kysely';
import { DELIVERY_STATUS, type DeliveryStatus } from '../../../common/documents';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import { type Actor, type Caller, isSystem } from '../../platform/security/actor';
import * as crossing from './crossing.repository';
import * as copies from './deliveries.repository';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import { documentKey } from './documents.rules';
import type { DocumentsCore } from './documents.steps.service';

/** What an edXML package of one of our documents carries, read from the document. */
export interface PackageSource {
  documentId: string;
  organization: { id: string; name: string; nationalId: string | null };
  number: number | null;
  numberText: string | null;
  typeCode: string;
  issueDate: string | null;
  summary: string;
  signerName: string | null;
  signerPosition: string | null;
  pageCount: number | null;
  secrecy: string;
  urgency: string;
  dueDate: string | null;
  files: { sha256: string; fileName: string; kind: string; size: number; contentType: string }[];
}

/** An outside document arrived for organizations of ours; its files are already stored. */
export interface Arrival {
  /** The outside office in our directory that issued it. */
  sourceOrganizationId: string;
  /** Ours, each to receive its own copy in its clerk's "Chờ tiếp nhận". */
  organizationIds: string[];
  number: number | null;
  numberText: string | null;
  typeCode: string;
  issueDate: string | null;
  summary: string;
  signerName: string | null;
  signerPosition: string | null;
  pageCount: number | null;
  secrecy: string;
  urgency: string;
  dueDate: string | null;
  files: { sha256: string; fileName: string; kind: 'main' | 'attachment' }[];
  /** The text read from the files, for search. */
  fileTexts: string[];
  /** How it came, for the trail: "qua trục liên thông", "từ máy chủ X". */
  via: string;
}

/** Something an outside office reported about its copy of our document. */
export interface OutsideReport {
  status: DeliveryStatus;
  /** What the office wrote (a reason for a refusal), as received. */
  description: string | null;
  /** The office's name, who the step is by. */
  by: string;
  /** When the office says it happened. */
  at: string;
}

/**
 * The documents' side of the exchange with offices outside the deployment: what a package of
 * our document carries, an outside document arriving as a delivery to our clerks, and what the
 * outside offices report back about our copies. The exchange module calls these in its own
 * transactions; it never reads the documents' tables itself.
 */
export function createCrossing(core: DocumentsCore) {
  const { deps, now } = core;

  return {
    async packageSource(ex: Executor, documentId: string): Promise<PackageSource> {
      const row = await repo.findDocument(ex, documentId);
      if (!row) throw errors.documentNotFound();
      const org = await crossing.identityOf(ex, row.organization_id);
      const files = await crossing.packageFiles(ex, documentId);
      return {
        documentId,
        organization: { id: row.organization_id, name: row.organization_name, nationalId: org?.national_id ?? null },
        number: row.number,
        numberText: row.number_text,
        typeCode: row.type_code,
        issueDate: row.issue_date,
        summary: row.summary,
        signerName: row.signer_name,
        signerPosition: row.signer_position,
        pageCount: row.page_count,
        secrecy: row.secrecy,
        urgency: row.urgency,
        dueDate: row.due_date,
        files: files.map((f) => ({
          sha256: f.sha256,
          fileName: f.file_name,
          kind: f.kind,
          size: Number(f.size),
          contentType: f.content_type,
        })),
      };
    },

    /**
     * A registered document as a package a person may take away (to a USB stick, to another
     * system): ours issued it, or an office we know by its identifier did. Reading it is a read of
     * the document; a secret one's is in the trail. The operator at the command line (a system
     * caller) reads without a policy, as for every other command, and is in the trail the same way.
     */
    async exportFor(caller: Caller, documentId: string) {
      const row = isSystem(caller)
        ? await core.load(core.db, documentId)
        : (await core.authorized(core.db, caller, documentId, 'read')).row;
      if (row.direction !== 'incoming' && row.direction !== 'outgoing') throw errors.documentNotFound();
      if (row.direction === 'outgoing' && !row.number_text) throw errors.notYetNumbered();
      const source = await this.packageSource(core.db, documentId);
      const own = await crossing.identityOf(core.db, row.organization_id);
      const ownOrgan = own?.national_id ? { organId: own.national_id, organName: own.name } : null;
      let from = ownOrgan;
      let to: { organId: string; organName: string }[] = [];
      if (row.direction === 'incoming') {
        const issuer = row.issuer_organization_id
          ? await crossing.identityOf(core.db, row.issuer_organization_id)
          : null;
        from = issuer?.national_id ? { organId: issuer.national_id, organName: issuer.name } : null;
        if (ownOrgan) to = [ownOrgan];
      } else {
        const chosen = (await repo.recipientsOf(core.db, documentId)).filter(
          (r) => r.kind === 'organization' && r.ref_id,
        );
        for (const r of chosen) {
          const org = await crossing.identityOf(core.db, r.ref_id as string);
          if (org?.national_id) to.push({ organId: org.national_id, organName: org.name });
        }
        if (to.length === 0 && ownOrgan) to = [ownOrgan];
      }
      if (!from || to.length === 0) throw errors.noIdentifierToExport();
      if (row.secrecy !== 'normal') {
        await deps.transact((uow) => core.auditSecretAccess(uow, caller, row, 'download'));
      }
      return {
        source: { ...source, organization: { ...source.organization, name: from.organName, nationalId: from.organId } },
        to,
      };
    },

    /** Documents of this organization already registered from this issuer under this number. */
    async registeredAlready(ex: Executor, organizationId: string, issuer: string, numberText: string | null) {
      if (!numberText) return [];
      return crossing.registeredWithKey(ex, organizationId, documentKey(issuer, numberText));
    },

    /** Which organizations of ours, or outside ones, carry these national identifiers. */
    organizationsByNationalId: (ex: Executor, ids: readonly string[]) => crossing.byNationalIds(ex, ids),
    organization: (ex: Executor, id: string) => crossing.identityOf(ex, id),
    /** The text read from stored files, for the search index. */
    fileTexts: (ex: Executor, sha256s: readonly string[]) => repo.textsOf(ex, sha256s),

    /**
     * Records the outside document once (as its issuer's, outside every office's lists) and gives
     * each receiving organization its copy waiting in the clerks' inbox, as a dispatch inside the
     * deployment would; the clerks are told. Accepting it later is the ordinary accept.
     */
    async arrive(trx: Transaction<DB>, input: Arrival) {
      const documentId = newId();
      const at = now();
      const source = await crossing.identityOf(trx, input.sourceOrganizationId);
      if (!source) throw errors.documentNotFound();
      await repo.insertDocument(trx, deps.database.kind, {
        id: documentId,
        organization_id: input.sourceOrganizationId,
        direction: 'external',
        status: 'dispatched',
        register_id: null,
        period: null,
        number: input.number,
        number_text: input.numberText,
        arrival_number: null,
        arrival_date: null,
        type_code: input.typeCode,
        issuer_name: source.name,
        issuer_organization_id: input.sourceOrganizationId,
        issue_date: input.issueDate,
        summary: input.summary,
        signer_name: input.signerName,
        signer_position: input.signerPosition,
        page_count: input.pageCount,
        copies: null,
        secrecy: input.secrecy,
        urgency: input.urgency,
        channel: 'exchange',
        due_date: input.dueDate,
        document_key: input.numberText ? documentKey(source.name, input.numberText) : null,
        delivery_id: null,
        created_by: 'exchange',
        leader_id: null,
        client_key: null,
        search_text: repo.searchTextOf(
          [input.numberText, input.typeCode, input.summary, source.name, input.signerName],
          input.fileTexts,
        ),
        version: 1,
        created_at: at,
        updated_at: at,
      });
      await repo.insertFiles(
        trx,
        input.files.map((f) => ({
          id: newId(),
          document_id: documentId,
          sha256: f.sha256,
          file_name: f.fileName,
          kind: f.kind,
          added_by: 'exchange',
          added_at: at,
        })),
      );
      const deliveries = input.organizationIds.map((organizationId) => ({ deliveryId: newId(), organizationId }));
      await copies.insertDeliveries(
        trx,
        deliveries.map(({ deliveryId, organizationId }) => ({
          id: deliveryId,
          document_id: documentId,
          organization_id: organizationId,
          status: DELIVERY_STATUS.sent,
          sent_at: at,
          received_at: null,
          decided_at: null,
          updated_at: at,
          reason: null,
          incoming_document_id: null,
          version: 1,
        })),
      );
      await core.record(trx, documentId, { userId: null, fullName: source.name }, 'arrived', input.via);
      const clerks = await repo.clerksByOrganization(trx, input.organizationIds);
      await deps.events.emit(trx, 'document.arrived_from_outside', {
        documentId,
        numberText: input.numberText,
        summary: input.summary,
        secrecy: input.secrecy,
        deliveries: deliveries.map((d) => ({ ...d, clerkIds: clerks.get(d.organizationId) ?? [] })),
      });
      return { documentId, deliveries };
    },

    /**
     * Moves our copy at an outside office as the office reports, and writes it in the document's
     * history. A report older than what is known (03 after 06, a late 01) changes only the history.
     */
    async followOutside(trx: Executor, deliveryId: string, report: OutsideReport) {
      await crossing.holdDelivery(trx, deliveryId, deps.database.kind);
      const delivery = await crossing.deliveryOf(trx, deliveryId);
      if (!delivery) return false;
      const at = now();
      const ahead = STATUS_ORDER[report.status] >= STATUS_ORDER[delivery.status as DeliveryStatus];
      const patch: Parameters<typeof crossing.moveOutsideDelivery>[2] = { updated_at: at };
      if (ahead) patch.status = report.status;
      if (!delivery.received_at) patch.received_at = report.at;
      if (report.status === DELIVERY_STATUS.accepted || report.status === DELIVERY_STATUS.refused)
        patch.decided_at = report.at;
      if (report.status === DELIVERY_STATUS.refused) patch.reason = report.description;
      // A recalled copy stays recalled, except for the office's answer to the recall itself.
      const recallAnswer =
        report.status === DELIVERY_STATUS.recallAgreed || report.status === DELIVERY_STATUS.recallRefused;
      await crossing.moveOutsideDelivery(trx, deliveryId, patch, !recallAnswer);
      const said = report.description ? `: ${report.description}` : '';
      await core.record(
        trx,
        delivery.document_id,
        { userId: null, fullName: report.by },
        'outside_status',
        `${delivery.organization_name} — ${OUTSIDE_STATUS_WORDS[report.status]}${said}`.slice(0, 2000),
        { status: report.status, deliveryId },
      );
      return true;
    },

    /** Copies that came from outside to our organizations: whose they are and what they are of. */
    async copiesAt(ex: Executor, deliveryIds: readonly string[]) {
      return (await crossing.copiesAt(ex, deliveryIds)).map((c) => ({
        deliveryId: c.id,
        organizationId: c.organization_id,
        organizationName: c.organization_name,
        organizationPath: c.organization_path,
        numberText: c.number_text,
        summary: c.summary,
        secrecy: c.secrecy,
        incomingDocumentId: c.incoming_document_id,
      }));
    },

    /** The document a delivered copy is of, and where the copy stands. */
    async deliveryDocument(ex: Executor, deliveryId: string) {
      const d = await crossing.deliveryOf(ex, deliveryId);
      return d
        ? {
            documentId: d.document_id,
            organizationId: d.organization_id,
            organizationName: d.organization_name,
            status: d.status as DeliveryStatus,
            incomingDocumentId: d.incoming_document_id,
          }
        : undefined;
    },

    /** A line in the history of the document a copy is of (a package that could not be sent). */
    async noteOutside(trx: Executor, deliveryId: string, note: string) {
      const d = await crossing.deliveryOf(trx, deliveryId);
      if (!d) return;
      await core.record(
        trx,
        d.document_id,
        { userId: null, fullName: d.organization_name },
        'outside_failed',
        note.slice(0, 2000),
        {
          deliveryId,
        },
      );
    },

    /**
     * An outside office asked to recall its document: each copy's history says so, on the copy still
     * waiting and on the document it became once accepted.
     */
    async recallAsked(trx: Executor, deliveryId: string, by: string, reason: string | null) {
      const d = await crossing.deliveryOf(trx, deliveryId);
      if (!d) return;
      const note = `Bên gửi đề nghị thu hồi${reason ? `: ${reason}` : ''}`.slice(0, 2000);
      await core.record(
        trx,
        d.incoming_document_id ?? d.document_id,
        { userId: null, fullName: by },
        'recall_requested',
        note,
      );
    },

    /** Our clerk agreed to an outside recall: the copy is cancelled, waiting or accepted. */
    async recallAgreed(trx: Executor, deliveryId: string, actor: Actor, by: string) {
      const d = await crossing.deliveryOf(trx, deliveryId);
      if (!d) return;
      const at = now();
      await crossing.moveOutsideDelivery(trx, deliveryId, { status: DELIVERY_STATUS.recalled, updated_at: at }, false);
      if (d.incoming_document_id) {
        await repo.bumpDocument(trx, d.incoming_document_id, { status: 'cancelled', updated_at: at });
        await core.record(trx, d.incoming_document_id, actor, 'cancelled', `Đồng ý để ${by} thu hồi văn bản`);
      }
      await core.record(trx, d.document_id, actor, 'recall_agreed', `${d.organization_name} đồng ý thu hồi`);
    },

    /** Our clerk refused an outside recall: the copy stays, and its history says why. */
    async recallRefused(trx: Executor, deliveryId: string, actor: Actor, reason: string) {
      const d = await crossing.deliveryOf(trx, deliveryId);
      if (!d) return;
      await core.record(
        trx,
        d.incoming_document_id ?? d.document_id,
        actor,
        'recall_refused',
        `Từ chối thu hồi: ${reason}`,
      );
    },

    /** Outside copies the peer or the platform took: counted as paper saved, as e-mailed copies are. */
    async outsideCopiesDelivered(trx: Transaction<DB>, documentId: string, copiesDelivered: number) {
      const row = await repo.findDocument(trx, documentId);
      if (!row || copiesDelivered <= 0) return;
      await deps.events.emit(trx, 'document.outside_copies_delivered', {
        documentId,
        numberText: row.number_text,
        summary: row.summary,
        secrecy: row.secrecy,
        organizationId: row.organization_id,
        pageCount: row.page_count,
        fileSha256s: await repo.fileHashesOf(trx, documentId),
        copies: copiesDelivered,
      });
    },
  };
}

export type Crossing = ReturnType<typeof createCrossing>;

/** How far along a copy is; a report does not move a copy back. */
const STATUS_ORDER: Record<DeliveryStatus, number> = {
  '01': 1,
  '02': 2,
  '03': 2,
  '04': 3,
  '05': 4,
  '06': 5,
  '13': 6,
  '15': 7,
  '16': 7,
};

const OUTSIDE_STATUS_WORDS: Record<DeliveryStatus, string> = {
  '01': 'đã nhận được',
  '02': 'từ chối tiếp nhận',
  '03': 'đã tiếp nhận',
  '04': 'chờ phân công xử lý',
  '05': 'đang xử lý',
  '06': 'đã hoàn thành',
  '13': 'đã thu hồi',
  '15': 'đồng ý thu hồi',
  '16': 'từ chối thu hồi',
};
