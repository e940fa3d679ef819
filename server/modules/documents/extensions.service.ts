import type { ExtensionDecision } from '../../../common/schemas/documents';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as assignments from './assignments.repository';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import type { DocumentsCore } from './documents.steps.service';
import * as extensions from './extensions.repository';

const vnDate = (day: string | null) => (day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : 'chưa có');

/**
 * The handler's side of a deadline: asking the leader for more time and telling how far the
 * work has come; the leader's grant or refusal. Each step is on the document's history, audited,
 * and told to the other side.
 */
export function createExtensionsService(core: DocumentsCore) {
  const { db, deps, today, now, authorized, record } = core;

  const pendingOf = extensions.pendingRequestOf;

  /** Who hears of the handler's news: the leader who directed it, else the document's office leaders. */
  async function leaderOf(ex: Executor, documentId: string, leaderId: string | null) {
    if (leaderId) return leaderId;
    return extensions.lastDirectorOf(ex, documentId);
  }

  return {
    async requestExtension(actor: Actor, id: string, body: { dueDate: string; reason: string }) {
      const { row } = await authorized(db, actor, id, 'request_extension');
      if (body.dueDate < today() || (row.due_date !== null && body.dueDate <= row.due_date)) {
        throw errors.extensionNotLater();
      }
      await deps.transact(async ({ trx, audit }) => {
        if (await pendingOf(trx, id)) throw errors.extensionPending();
        const leaderId = await leaderOf(trx, id, row.leader_id);
        await extensions.insertRequest(trx, {
          id: newId(),
          document_id: id,
          requested_by: actor.userId,
          requested_by_name: actor.fullName,
          leader_id: leaderId,
          current_due: row.due_date,
          proposed_due: body.dueDate,
          reason: body.reason,
          status: 'pending',
          decided_by: null,
          decided_at: null,
          granted_due: null,
          decision_note: null,
          created_at: now(),
        });
        const asked = `Đề nghị hạn mới ${vnDate(body.dueDate)} (hạn hiện tại ${vnDate(row.due_date)}). Lý do: ${body.reason}`;
        await record(trx, id, actor, 'extension_requested', asked, {
          from: row.due_date,
          dueDate: body.dueDate,
        });
        await audit(auditActorOf(actor), {
          action: 'document.extension_request',
          entityType: 'document',
          entityId: id,
          summary: `Xin gia hạn ${row.number_text ?? row.summary} đến ${vnDate(body.dueDate)}`.slice(0, 300),
        });
        await deps.events.emit(trx, 'document.extension_requested', {
          ...core.facts(row),
          actorId: actor.userId,
          leaderId,
          dueDate: body.dueDate,
        });
      });
    },

    async decideExtension(actor: Actor, id: string, body: ExtensionDecision) {
      const { row } = await authorized(db, actor, id, 'decide_extension');
      await deps.transact(async ({ trx, audit }) => {
        const pending = await pendingOf(trx, id);
        if (!pending || pending.id !== body.requestId) throw errors.extensionNotPending();
        const at = now();
        const granted = body.decision === 'grant' ? (body.dueDate ?? pending.proposed_due) : null;
        if (granted !== null && granted < today()) throw errors.dueDateInPast();
        // Answered once: a second answer racing this one finds it no longer pending.
        const done = await extensions.answerRequest(trx, pending.id, {
          status: granted ? 'granted' : 'refused',
          decided_by: actor.userId,
          decided_at: at,
          granted_due: granted,
          decision_note: body.decision === 'grant' ? (body.note ?? null) : body.reason,
        });
        if (!done) throw errors.extensionNotPending();
        if (granted) {
          await repo.bumpDocument(trx, id, { due_date: granted, updated_at: at });
          await assignments.setOpenDueDate(trx, id, granted);
          const note = body.decision === 'grant' && body.note ? ` ${body.note}` : '';
          await record(trx, id, actor, 'extension_granted', `Hạn mới ${vnDate(granted)}.${note}`, {
            dueDate: granted,
          });
        } else {
          await record(trx, id, actor, 'extension_refused', body.decision === 'refuse' ? body.reason : null);
        }
        await audit(auditActorOf(actor), {
          action: granted ? 'document.extension_grant' : 'document.extension_refuse',
          entityType: 'document',
          entityId: id,
          summary: (granted
            ? `Đồng ý gia hạn ${row.number_text ?? row.summary} đến ${vnDate(granted)}`
            : `Không đồng ý gia hạn ${row.number_text ?? row.summary}`
          ).slice(0, 300),
        });
        await deps.events.emit(trx, 'document.extension_decided', {
          ...core.facts(row),
          actorId: actor.userId,
          requestedBy: pending.requested_by,
          grantedDue: granted,
        });
      });
    },

    async reportProgress(actor: Actor, id: string, body: { note: string; percent?: number }) {
      const { row } = await authorized(db, actor, id, 'report_progress');
      await deps.transact(async ({ trx, audit }) => {
        const leaderId = await leaderOf(trx, id, row.leader_id);
        await record(
          trx,
          id,
          actor,
          'progress',
          body.percent === undefined ? body.note : `Đã hoàn thành khoảng ${body.percent}%. ${body.note}`,
          body.percent === undefined ? {} : { percent: body.percent },
        );
        await audit(auditActorOf(actor), {
          action: 'document.progress',
          entityType: 'document',
          entityId: id,
          summary: `Báo cáo tiến độ ${row.number_text ?? row.summary}`.slice(0, 300),
        });
        await deps.events.emit(trx, 'document.progress_reported', {
          ...core.facts(row),
          actorId: actor.userId,
          leaderId,
          percent: body.percent ?? null,
        });
      });
    },
  };
}
