import { sql } from 'kysely';
import type { DocumentListQuery, QueueCounts, QueueKind } from '../../../common/schemas/documents';
import { addDays } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { Actor } from '../../platform/security/actor';
import type { DocumentsCore } from './documents.core';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import { documentView, toSummary } from './documents.view';

export function visibilityOf(actor: Actor): repo.Visibility {
  return {
    userId: actor.userId,
    officePaths: actor.grants
      .filter((g) => g.role === 'clerk' || g.role === 'leader' || g.role === 'admin')
      .map((g) => g.organizationPath),
    clerkPaths: actor.grants.filter((g) => g.role === 'clerk').map((g) => g.organizationPath),
  };
}

/** Reading documents: one, a filtered list, the work queue; comments and sharing. */
export function createDocumentsService(core: DocumentsCore) {
  const { db, deps, today, authorized, record } = core;

  /** The open assignments of the actor, for queue counts and lists. */
  function myAssignments(ex: Executor, actor: Actor) {
    const unitPaths = actor.grants
      .filter((g) => g.role === 'leader' || g.role === 'clerk')
      .map((g) => g.organizationPath);
    return ex
      .selectFrom('document_assignments as a')
      .innerJoin('documents as d', 'd.id', 'a.document_id')
      .leftJoin('organizations as uo', 'uo.id', 'a.organization_id')
      .where('a.status', '=', 'open')
      .where('d.status', '=', 'in_progress')
      .where((eb) =>
        eb.or([
          eb('a.user_id', '=', actor.userId),
          ...(unitPaths.length > 0
            ? [eb.and([eb('a.role', '=', 'lead'), eb.or(unitPaths.map((p) => eb('uo.path', 'like', `${p}%`)))])]
            : []),
        ]),
      );
  }

  function queueQuery(ex: Executor, actor: Actor, kind: QueueKind) {
    const day = today();
    const base = ex.selectFrom('documents as d').innerJoin('organizations as o', 'o.id', 'd.organization_id');
    const clerkPaths = visibilityOf(actor).clerkPaths;
    const inAssignments = (filter: (q: ReturnType<typeof myAssignments>) => ReturnType<typeof myAssignments>) =>
      base.where('d.id', 'in', filter(myAssignments(ex, actor)).select('a.document_id'));
    switch (kind) {
      case 'toDirect':
        return base
          .where('d.direction', '=', 'incoming')
          .where('d.status', '=', 'submitted')
          .where('d.leader_id', '=', actor.userId);
      case 'toSign':
        return base
          .where('d.direction', '=', 'outgoing')
          .where('d.status', '=', 'submitted')
          .where('d.leader_id', '=', actor.userId);
      case 'toIssue':
        return base
          .where('d.direction', '=', 'outgoing')
          .where('d.status', 'in', ['approved', 'issued'])
          .where((eb) =>
            clerkPaths.length === 0 ? sql<boolean>`1 = 0` : eb.or(clerkPaths.map((p) => eb('o.path', 'like', `${p}%`))),
          );
      case 'toHandle':
        return inAssignments((q) => q.where('a.role', '=', 'lead'));
      case 'toCoHandle':
        return inAssignments((q) => q.where('a.role', '=', 'co'));
      case 'forInformation':
        return base.where('d.status', 'not in', ['cancelled', 'recalled']).where((eb) =>
          eb.or([
            eb(
              'd.id',
              'in',
              ex
                .selectFrom('document_assignments')
                .select('document_id')
                .where('user_id', '=', actor.userId)
                .where('role', '=', 'info')
                .where('status', '=', 'open'),
            ),
            // A document sent to the person himself, until he opens it.
            eb(
              'd.id',
              'in',
              ex
                .selectFrom('document_person_deliveries')
                .select('document_id')
                .where('user_id', '=', actor.userId)
                .where('read_at', 'is', null),
            ),
          ]),
        );
      case 'extensionRequests':
        return base.where(
          'd.id',
          'in',
          ex
            .selectFrom('document_extension_requests')
            .select('document_id')
            .where('leader_id', '=', actor.userId)
            .where('status', '=', 'pending'),
        );
      case 'overdue':
        return inAssignments((q) => q.where('a.role', '<>', 'info').where('a.due_date', '<', day));
      case 'dueSoon':
        return inAssignments((q) =>
          q.where('a.role', '<>', 'info').where('a.due_date', '>=', day).where('a.due_date', '<=', addDays(day, 3)),
        );
      default:
        return kind satisfies never;
    }
  }

  return {
    async getDocument(actor: Actor, id: string) {
      const { row } = await authorized(db, actor, id, 'read');
      await deps.transact(async (uow) => {
        await core.auditSecretAccess(uow, actor, row, 'view');
        // Reading a document sent "for information" is all that is asked.
        await uow.trx
          .updateTable('document_assignments')
          .set({ status: 'done', done_at: core.now() })
          .where('document_id', '=', id)
          .where('user_id', '=', actor.userId)
          .where('role', '=', 'info')
          .where('status', '=', 'open')
          .execute();
        // A document sent to the person himself is read once he opens it; the sender sees when.
        await uow.trx
          .updateTable('document_person_deliveries')
          .set({ read_at: core.now() })
          .where('document_id', '=', id)
          .where('user_id', '=', actor.userId)
          .where('read_at', 'is', null)
          .execute();
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
      const count = async (kind: QueueKind) =>
        Number(
          (
            await queueQuery(db, actor, kind)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
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
        clerkPaths.length === 0
          ? 0
          : db
              .selectFrom('document_deliveries as dl')
              .innerJoin('organizations as ro', 'ro.id', 'dl.organization_id')
              .innerJoin('documents as sd', 'sd.id', 'dl.document_id')
              .innerJoin('organizations as so', 'so.id', 'sd.organization_id')
              .where(repo.waitingFor(clerkPaths))
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
              .then((r) => Number(r.n)),
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
      const rows = await queueQuery(db, actor, kind)
        .selectAll('d')
        .select(['o.path as organization_path', 'o.name as organization_name'])
        .select(repo.registerName().as('register_name'))
        .orderBy(sql`case when d.due_date is null then 1 else 0 end`)
        .orderBy('d.due_date')
        .orderBy('d.created_at', 'desc')
        .limit(200)
        .execute();
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

    /** A file of a document, after checking access on this very request. */
    async fileOf(actor: Actor, id: string, fileId: string) {
      const { row } = await authorized(db, actor, id, 'read');
      const file = (await repo.filesOf(db, id)).find((f) => f.id === fileId);
      if (!file) throw errors.documentNotFound();
      await deps.transact((uow) => core.auditSecretAccess(uow, actor, row, 'download'));
      return { sha256: file.sha256, fileName: file.file_name, contentType: file.content_type };
    },
  };
}
