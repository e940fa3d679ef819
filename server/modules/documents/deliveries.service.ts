import type { Updateable } from 'kysely';
import { DELIVERY_STATUS } from '../../../common/documents';
import type { DeliveryStatus, Secrecy, Urgency } from '../../../common/schemas/documents';
import type { Executor } from '../../platform/db/database';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as deliveries from './deliveries.repository';
import * as errors from './documents.errors';
import type { DeliveryResource } from './documents.policy';
import * as repo from './documents.repository';
import { checkRegister } from './documents.rules';
import type { DocumentsCore } from './documents.steps.service';
import type { DocumentDeliveriesTable } from './documents.tables';
import { periodOf } from './numbering.service';
import { findRegister, numberArrival, numberPlaceholder } from './registers.repository';

/** The receiving side of the exchange: what arrived, and the clerk's accept or refuse. */
export function createDeliveriesService(core: DocumentsCore) {
  const { db, deps, today, now, record } = core;

  /** A delivery addressed to the actor as its clerk (the same rule as the waiting list), or not found. */
  async function loadDelivery(ex: Executor, actor: Actor, id: string) {
    const clerkPaths = actor.grants.filter((g) => g.role === 'clerk').map((g) => g.organizationPath);
    const row = await deliveries.findAddressed(ex, id, clerkPaths);
    if (!row) throw errors.deliveryNotFound();
    const resource: DeliveryResource = { kind: 'delivery', organizationPath: row.recipient_path };
    if (!deps.authorizer.can(actor, 'decide', resource)) throw errors.deliveryNotFound();
    return row;
  }

  /** Only while it waits: once accepted it is read as a document, once refused or recalled not at all. */
  async function loadWaiting(actor: Actor, id: string) {
    const row = await loadDelivery(db, actor, id);
    if (row.status !== DELIVERY_STATUS.sent) throw errors.deliveryNotFound();
    return row;
  }

  const toItem = (r: Awaited<ReturnType<typeof loadDelivery>>) => ({
    deliveryId: r.id,
    version: r.version,
    status: r.status as DeliveryStatus,
    sentAt: r.sent_at,
    fromOrganizationName: r.from_name,
    numberText: r.number_text,
    issueDate: r.issue_date,
    typeCode: r.type_code,
    summary: r.secrecy === 'normal' ? r.summary : 'Văn bản mật (nội dung chỉ xem sau khi tiếp nhận)',
    urgency: r.urgency as Urgency,
    secrecy: r.secrecy as Secrecy,
    incomingDocumentId: r.incoming_document_id,
  });

  async function decide(
    trx: Executor,
    delivery: deliveries.InboxRow,
    version: number,
    patch: Updateable<DocumentDeliveriesTable>,
  ) {
    const decided = await deliveries.decideDelivery(trx, delivery.id, version, {
      ...patch,
      updated_at: now(),
      decided_at: now(),
    });
    if (!decided) throw staleVersion('Văn bản đến');
  }

  return {
    /** Documents sent to the organizations whose registers the actor keeps, waiting for a decision. */
    async inbox(actor: Actor) {
      const paths = actor.grants.filter((g) => g.role === 'clerk').map((g) => g.organizationPath);
      if (paths.length === 0) return { items: [] };
      const rows = await deliveries.waitingDeliveries(db, paths, 500);
      return { items: rows.map(toItem) };
    },

    /** Opening a delivery tells the sender it was received. */
    async openDelivery(actor: Actor, id: string) {
      const row = await loadWaiting(actor, id);
      if (!row.received_at) {
        await deliveries.markReceived(db, id, now());
      }
      const files = await repo.filesOf(db, row.document_id);
      return {
        ...toItem(row),
        files: files
          .filter((f) => f.kind !== 'result')
          .map((f) => ({ id: f.id, fileName: f.file_name, size: Number(f.size), contentType: f.content_type })),
      };
    },

    /** A file of a delivery, for the receiving clerk to read before accepting. */
    async deliveryFile(actor: Actor, id: string, fileId: string, purpose: 'download' | 'signatures' = 'download') {
      const row = await loadWaiting(actor, id);
      const file = (await repo.filesOf(db, row.document_id)).find((f) => f.id === fileId && f.kind !== 'result');
      if (!file) throw errors.deliveryNotFound();
      if (row.secrecy !== 'normal' && purpose === 'download') {
        await deps.transact(({ audit }) =>
          audit(auditActorOf(actor), {
            action: 'document.download',
            entityType: 'document',
            entityId: row.document_id,
            summary: `Tải tệp của văn bản mật ${row.number_text ?? ''} gửi đến`.trim(),
          }),
        );
      }
      return { sha256: file.sha256, fileName: file.file_name };
    },

    /** Accepting registers the document in the receiver's incoming register, sharing the sender's files. */
    async accept(actor: Actor, id: string, body: { version: number; registerId?: string | undefined }) {
      const delivery = await loadDelivery(db, actor, id);
      const source = await core.load(db, delivery.document_id);
      const registerId =
        body.registerId ??
        (await deliveries.defaultIncomingRegister(db, delivery.organization_id, source.secrecy !== 'normal'));
      if (!registerId) throw errors.registerNotFound();
      const register = checkRegister(await findRegister(db, registerId), 'incoming', source.secrecy, source.type_code);
      if (register.organization_id !== delivery.organization_id) throw errors.registerWrongOrganization();
      const incomingId = newId();
      const day = today();
      await deps.transact(async ({ trx, audit, auditHeadLocked }) => {
        const at = now();
        await decide(trx, delivery, body.version, {
          status: DELIVERY_STATUS.accepted,
          incoming_document_id: incomingId,
          received_at: delivery.received_at ?? at,
        });
        await repo.insertDocument(trx, deps.database.kind, {
          id: incomingId,
          organization_id: delivery.organization_id,
          direction: 'incoming',
          status: 'registered',
          register_id: register.id,
          period: null,
          number: source.number,
          number_text: source.number_text,
          arrival_number: null,
          arrival_date: day,
          type_code: source.type_code,
          issuer_name: source.organization_name,
          issuer_organization_id: source.organization_id,
          issue_date: source.issue_date,
          summary: source.summary,
          signer_name: source.signer_name,
          signer_position: source.signer_position,
          page_count: source.page_count,
          copies: null,
          secrecy: source.secrecy,
          urgency: source.urgency,
          channel: 'system',
          due_date: source.due_date,
          document_key: core.documentKey(source.organization_name, source.number_text ?? ''),
          delivery_id: delivery.id,
          created_by: actor.userId,
          leader_id: null,
          client_key: null,
          search_text: source.search_text,
          version: 1,
          created_at: at,
          updated_at: at,
        });
        const files = await deliveries.sharedFilesOf(trx, source.id);
        await repo.insertFiles(
          trx,
          files.map((f) => ({
            id: newId(),
            document_id: incomingId,
            sha256: f.sha256,
            file_name: f.file_name,
            kind: f.kind,
            added_by: actor.userId,
            added_at: at,
          })),
        );
        await repo.grantAccess(trx, incomingId, [actor.userId], 'created');
        // Told before the number is taken, so the register and the trail's head stay held only for it.
        await deps.events.emit(trx, 'document.delivery_moved', {
          deliveryId: delivery.id,
          organizationId: delivery.organization_id,
          status: DELIVERY_STATUS.accepted,
          reason: null,
          byName: actor.fullName,
          at,
        });
        // The number is taken last, with the two steps that tell it, in one statement on PostgreSQL.
        const placeholder = numberPlaceholder();
        const { auditHead } = await numberArrival(trx, deps.database.kind, {
          registerId: register.id,
          period: periodOf(register, day),
          documentId: incomingId,
          searchTemplate: source.search_text,
          placeholder,
          steps: [
            {
              ...core.step(incomingId, actor, 'registered'),
              note: `Tiếp nhận từ ${source.organization_name}, vào sổ đến số ${placeholder}`,
            },
            {
              ...core.step(source.id, actor, 'accepted'),
              note: `${register.organization_name} đã tiếp nhận (số đến ${placeholder})`,
            },
          ],
        });
        auditHeadLocked(auditHead);
        await audit(auditActorOf(actor), {
          action: 'document.accept',
          entityType: 'document',
          entityId: incomingId,
          summary: `Tiếp nhận văn bản ${source.number_text ?? ''} từ ${source.organization_name}`,
        });
      });
      return { id: incomingId };
    },

    async refuse(actor: Actor, id: string, body: { version: number; reason?: string | undefined }) {
      const delivery = await loadDelivery(db, actor, id);
      const reason = body.reason?.trim();
      if (!reason) throw errors.refusalReasonRequired();
      await deps.transact(async ({ trx, audit }) => {
        await decide(trx, delivery, body.version, {
          status: DELIVERY_STATUS.refused,
          reason,
          received_at: delivery.received_at ?? now(),
        });
        const org = await repo.findOrganization(trx, delivery.organization_id);
        if (!org) throw errors.deliveryNotFound();
        await record(trx, delivery.document_id, actor, 'refused', `${org.name} từ chối: ${reason}`);
        await deps.events.emit(trx, 'document.delivery_moved', {
          deliveryId: delivery.id,
          organizationId: delivery.organization_id,
          status: DELIVERY_STATUS.refused,
          reason,
          byName: actor.fullName,
          at: now(),
        });
        await audit(auditActorOf(actor), {
          action: 'document.refuse',
          entityType: 'document',
          entityId: delivery.document_id,
          summary: `${org.name} từ chối văn bản ${delivery.number_text ?? ''}: ${reason}`.slice(0, 500),
        });
      });
    },
  };
}
