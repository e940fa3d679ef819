import type { DocumentListQuery, QueueCounts, QueueKind } from '../../../common/schemas/documents';
import type { Actor } from '../../platform/security/actor';
import * as assignments from './assignments.repository';
import * as copies from './deliveries.repository';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import type { DocumentsCore } from './documents.steps.service';
import { documentView, toSummary } from './documents.view';
import * as queues from './queues.repository';
import { visibilityOf } from './read-access.repository';

function queueOwnerOf(actor: Actor): queues.QueueOwner {
  return {
    userId: actor.userId,
    unitPaths: actor.grants.filter((g) => g.role === 'leader' || g.role === 'clerk').map((g) => g.organizationPath),
    clerkPaths: visibilityOf(actor).clerkPaths,
  };
}

/** Reading documents: one, a filtered list, the work queue; comments and sharing. */
export function createDocumentsService(core: DocumentsCore) {
  const { db, deps, today, authorized, record } = core;

  return {
    async getDocument(actor: Actor, id: string) {
      const { row } = await authorized(db, actor, id, 'read');
      await deps.transact(async (uow) => {
        await core.auditSecretAccess(uow, actor, row, 'view');
        // Reading a document sent "for information" is all that is asked.
        await assignments.closeInformationFor(uow.trx, id, actor.userId, core.now());
        // A document sent to the person himself is read once he opens it; the sender sees when.
        await copies.markPersonDeliveryRead(uow.trx, id, actor.userId, core.now());
      });
      return documentView(db, deps.authorizer, actor, row, today());
    },

    async listDocuments(actor: Actor, query: DocumentListQuery) {
      const day = today();
      const { rows, total, totalCapped } = await repo.listDocuments(
        db,
        deps.database.kind,
        visibilityOf(actor),
        query,
        day,
      );
      return {
        items: rows.map((r) => toSummary(r, day)),
        total,
        totalCapped,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async queueCounts(actor: Actor): Promise<QueueCounts> {
      const day = today();
      const who = queueOwnerOf(actor);
      const count = (kind: QueueKind) => queues.countQueue(db, who, kind, day);
      const clerkPaths = visibilityOf(actor).clerkPaths;
      const [
        toDirect,
        toHandle,
        toCoHandle,
        forInformation,
        overdue,
        dueSoon,
        toSign,
        toIssue,
        toReceive,
        extensionRequests,
      ] = await Promise.all([
        count('toDirect'),
        count('toHandle'),
        count('toCoHandle'),
        count('forInformation'),
        count('overdue'),
        count('dueSoon'),
        count('toSign'),
        count('toIssue'),
        copies.countWaiting(db, clerkPaths),
        count('extensionRequests'),
      ]);
      return {
        toDirect,
        toHandle,
        toCoHandle,
        forInformation,
        overdue,
        dueSoon,
        toSign,
        toIssue,
        toReceive,
        extensionRequests,
      };
    },

    async queue(actor: Actor, kind: QueueKind) {
      const day = today();
      const rows = await queues.listQueue(db, queueOwnerOf(actor), kind, day, 200);
      return { items: rows.map((r) => toSummary(r, day)), total: rows.length, page: 1, pageSize: 200 };
    },

    async comment(actor: Actor, id: string, body: { note: string; uploadIds: string[] }) {
      const { row } = await authorized(db, actor, id, 'comment');
      if (body.uploadIds.length > 0) await authorized(db, actor, id, 'attach');
      await deps.transact(async ({ trx }) => {
        await core.holdInStatus(trx, row, body.uploadIds.length > 0 ? 'attach' : 'comment');
        await core.attachUploads(
          trx,
          id,
          actor,
          body.uploadIds,
          row.direction === 'incoming' ? 'result' : 'attachment',
        );
        if (body.uploadIds.length > 0) await core.reindex(trx, id);
        await record(trx, id, actor, 'commented', body.note);
      });
    },

    /** Adds files to a document: a draft's attachments, or results while it is handled. */
    async attach(actor: Actor, id: string, body: { uploadIds: string[] }) {
      const { row } = await authorized(db, actor, id, 'attach');
      await deps.transact(async ({ trx }) => {
        await core.holdInStatus(trx, row, 'attach');
        const kind = row.direction === 'incoming' && row.status === 'in_progress' ? 'result' : 'attachment';
        await core.attachUploads(trx, id, actor, body.uploadIds, kind);
        await core.reindex(trx, id);
        await record(trx, id, actor, 'attached', `${body.uploadIds.length} tệp`);
      });
    },

    /** Opens the document to more people; for a secret one, the only way anyone else may read it. */
    async grant(actor: Actor, id: string, body: { userIds: string[] }) {
      await authorized(db, actor, id, 'grant');
      const users = await core.requireUsers(db, body.userIds);
      await deps.transact(async ({ trx, audit }) => {
        await repo.grantAccess(trx, id, body.userIds, 'granted');
        await record(trx, id, actor, 'granted', [...users.values()].map((u) => u.full_name).join(', '));
        await audit(
          { userId: actor.userId, name: actor.fullName, ip: actor.ip, userAgent: actor.userAgent },
          {
            action: 'document.grant',
            entityType: 'document',
            entityId: id,
            summary: `Cho phép ${users.size} người xem văn bản`,
            data: { userIds: body.userIds },
          },
        );
      });
    },

    /** A file of a document, after checking access on this very request; opening a secret one is audited. */
    async fileOf(actor: Actor, id: string, fileId: string, purpose: 'download' | 'signatures' = 'download') {
      const { row } = await authorized(db, actor, id, 'read');
      const file = (await repo.filesOf(db, id)).find((f) => f.id === fileId);
      if (!file) throw errors.documentNotFound();
      // Checking signatures reads no content out: only a download is an access to audit.
      if (purpose === 'download') await deps.transact((uow) => core.auditSecretAccess(uow, actor, row, 'download'));
      return { sha256: file.sha256, fileName: file.file_name, contentType: file.content_type };
    },
  };
}
