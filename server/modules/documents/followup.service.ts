import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { DocumentsCore } from './documents.core';
import * as errors from './documents.errors';
import * as repo from './documents.repository';

/** A recipient is reminded at most once in this time, so a click cannot flood anyone. */
export const REMIND_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * The author's own handling of a draft (deleting it, withdrawing it from signature) and the
 * sender's follow-up of a dispatched document (reminding who has not opened it, sending again).
 */
export function createFollowupService(core: DocumentsCore) {
  const { db, deps, now, authorized, record, advance } = core;

  return {
    /** Deletes a draft its author no longer wants: never submitted as it stands, never numbered. */
    async deleteDraft(actor: Actor, id: string, body: { version: number }) {
      const { row } = await authorized(db, actor, id, 'delete');
      if (row.number !== null || row.direction !== 'outgoing') throw errors.draftNotDeletable();
      await deps.transact(async ({ trx, audit }) => {
        // Its files, trail, recipients and access go with it (cascade); the stored files are
        // shared by content and stay for the documents that still refer to them.
        const res = await trx
          .deleteFrom('documents')
          .where('id', '=', id)
          .where('version', '=', body.version)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (Number(res.numDeletedRows) !== 1) throw errors.draftNotDeletable();
        await deps.events.emit(trx, 'document.draft_deleted', { ...core.facts(row), actorId: actor.userId });
        await audit(auditActorOf(actor), {
          action: 'document.delete_draft',
          entityType: 'document',
          entityId: id,
          summary:
            row.secrecy === 'normal'
              ? `Xóa dự thảo: ${row.summary.slice(0, 120)}`
              : 'Xóa dự thảo văn bản mật (nội dung ẩn)',
        });
      });
    },

    /** The author takes a draft back from the leader before it is signed; the leader is told. */
    async withdraw(actor: Actor, id: string, body: { version: number; reason?: string | undefined }) {
      const { row } = await authorized(db, actor, id, 'withdraw');
      await deps.transact(async ({ trx, audit }) => {
        await advance(trx, row, body.version, { status: 'draft' });
        await record(trx, id, actor, 'withdrawn', body.reason?.trim() || null);
        await deps.events.emit(trx, 'document.withdrawn', {
          ...core.facts(row),
          actorId: actor.userId,
          leaderId: row.leader_id,
        });
        await audit(auditActorOf(actor), {
          action: 'document.withdraw',
          entityType: 'document',
          entityId: id,
          summary: `Rút lại dự thảo trình ký${body.reason?.trim() ? `: ${body.reason.trim()}` : ''}`.slice(0, 500),
        });
      });
    },

    /**
     * Reminds the recipients that have not opened the dispatched document (or the one named),
     * each at most once a day; answers how many were reminded.
     */
    async remind(actor: Actor, id: string, body: { deliveryId?: string | undefined }) {
      const { row } = await authorized(db, actor, id, 'remind');
      const at = now();
      const since = new Date(deps.clock.now().getTime() - REMIND_INTERVAL_MS).toISOString();
      const fresh = (reminded: string | null) => reminded === null || reminded < since;
      return deps.transact(async ({ trx, audit }) => {
        const units = (
          await trx
            .selectFrom('document_deliveries as dl')
            .innerJoin('organizations as o', 'o.id', 'dl.organization_id')
            .select(['dl.id', 'dl.organization_id', 'dl.reminded_at', 'o.name'])
            .where('dl.document_id', '=', id)
            .where('dl.status', '=', '01')
            .where('dl.received_at', 'is', null)
            .execute()
        ).filter((d) => !body.deliveryId || d.id === body.deliveryId);
        const people = (
          await trx
            .selectFrom('document_person_deliveries')
            .select(['id', 'user_id', 'reminded_at', 'name'])
            .where('document_id', '=', id)
            .where('read_at', 'is', null)
            .execute()
        ).filter((d) => !body.deliveryId || d.id === body.deliveryId);
        if (body.deliveryId && units.length + people.length === 0) throw errors.deliveryNotFound();
        const dueUnits = units.filter((d) => fresh(d.reminded_at));
        const duePeople = people.filter((d) => fresh(d.reminded_at));
        if (dueUnits.length + duePeople.length === 0) {
          if (units.length + people.length > 0) throw errors.remindTooSoon();
          return { reminded: 0 };
        }
        for (const d of dueUnits) {
          await trx.updateTable('document_deliveries').set({ reminded_at: at }).where('id', '=', d.id).execute();
        }
        if (duePeople.length > 0) {
          await trx
            .updateTable('document_person_deliveries')
            .set({ reminded_at: at })
            .where(
              'id',
              'in',
              duePeople.map((d) => d.id),
            )
            .execute();
        }
        const clerks = await repo.clerksByOrganization(
          trx,
          dueUnits.map((d) => d.organization_id),
        );
        await deps.events.emit(trx, 'document.reminded', {
          ...core.facts(row),
          actorId: actor.userId,
          deliveries: dueUnits.map((d) => ({
            deliveryId: d.id,
            organizationId: d.organization_id,
            clerkIds: clerks.get(d.organization_id) ?? [],
          })),
          readerIds: duePeople.map((d) => d.user_id),
        });
        const names = [...dueUnits, ...duePeople].map((d) => d.name);
        await record(trx, id, actor, 'reminded', `Nhắc ${names.join(', ')}`.slice(0, 1000));
        await audit(auditActorOf(actor), {
          action: 'document.remind',
          entityType: 'document',
          entityId: id,
          summary: `Nhắc ${names.length} nơi nhận chưa mở ${row.number_text ?? ''}`.trim(),
        });
        return { reminded: names.length };
      });
    },

    /**
     * Sends the document again to one recipient: an organization that refused it or has not
     * accepted it gets it back in its clerks' queue; a person gets it back as unread.
     */
    async resend(actor: Actor, id: string, body: { deliveryId: string }) {
      const { row } = await authorized(db, actor, id, 'remind');
      const at = now();
      await deps.transact(async ({ trx, audit }) => {
        const unit = await trx
          .selectFrom('document_deliveries as dl')
          .innerJoin('organizations as o', 'o.id', 'dl.organization_id')
          .select(['dl.id', 'dl.status', 'dl.organization_id', 'o.name'])
          .where('dl.document_id', '=', id)
          .where('dl.id', '=', body.deliveryId)
          .executeTakeFirst();
        let name: string;
        if (unit) {
          // Once accepted, the receiver has it in its register: nothing to send again.
          if (unit.status !== '01' && unit.status !== '02') throw errors.deliveryNotFound();
          await trx
            .updateTable('document_deliveries')
            .set((eb) => ({
              status: '01',
              sent_at: at,
              received_at: null,
              decided_at: null,
              reason: null,
              reminded_at: null,
              updated_at: at,
              version: eb('version', '+', 1),
            }))
            .where('id', '=', unit.id)
            .execute();
          const clerks = await repo.clerksByOrganization(trx, [unit.organization_id]);
          await deps.events.emit(trx, 'document.resent', {
            ...core.facts(row),
            actorId: actor.userId,
            delivery: {
              deliveryId: unit.id,
              organizationId: unit.organization_id,
              clerkIds: clerks.get(unit.organization_id) ?? [],
            },
            readerIds: [],
          });
          name = unit.name;
        } else {
          const person = await trx
            .selectFrom('document_person_deliveries')
            .select(['id', 'user_id', 'name'])
            .where('document_id', '=', id)
            .where('id', '=', body.deliveryId)
            .executeTakeFirst();
          if (!person) throw errors.deliveryNotFound();
          await trx
            .updateTable('document_person_deliveries')
            .set({ sent_at: at, read_at: null, reminded_at: null })
            .where('id', '=', person.id)
            .execute();
          await deps.events.emit(trx, 'document.resent', {
            ...core.facts(row),
            actorId: actor.userId,
            delivery: null,
            readerIds: [person.user_id],
          });
          name = person.name;
        }
        await record(trx, id, actor, 'resent', `Gửi lại ${name}`);
        await audit(auditActorOf(actor), {
          action: 'document.resend',
          entityType: 'document',
          entityId: id,
          summary: `Gửi lại ${row.number_text ?? ''} đến ${name}`.slice(0, 500),
        });
      });
    },
  };
}
