import { DELIVERY_STATUS } from '../../../common/documents';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as copies from './deliveries.repository';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import type { DocumentsCore } from './documents.steps.service';

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
        if (!(await repo.deleteDraft(trx, id, body.version))) throw errors.draftNotDeletable();
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
        const units = (await copies.unopenedDeliveries(trx, id)).filter(
          (d) => !body.deliveryId || d.id === body.deliveryId,
        );
        const people = (await copies.unreadPersonDeliveries(trx, id)).filter(
          (d) => !body.deliveryId || d.id === body.deliveryId,
        );
        if (body.deliveryId && units.length + people.length === 0) throw errors.deliveryNotFound();
        const dueUnits = units.filter((d) => fresh(d.reminded_at));
        const duePeople = people.filter((d) => fresh(d.reminded_at));
        if (dueUnits.length + duePeople.length === 0) {
          if (units.length + people.length > 0) throw errors.remindTooSoon();
          return { reminded: 0 };
        }
        for (const d of dueUnits) {
          await copies.markDeliveryReminded(trx, d.id, at);
        }
        await copies.markPersonDeliveriesReminded(
          trx,
          duePeople.map((d) => d.id),
          at,
        );
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
        const unit = await copies.findDelivery(trx, id, body.deliveryId);
        let name: string;
        if (unit) {
          // An outside office's copy is not in a queue here to put back: the exchange keeps sending it.
          if (unit.reach !== 'inside') throw errors.outsideNotResent(unit.name);
          // Once accepted, the receiver has it in its register: nothing to send again.
          if (unit.status !== DELIVERY_STATUS.sent && unit.status !== DELIVERY_STATUS.refused) {
            throw errors.deliveryNotFound();
          }
          await copies.sendAgain(trx, unit.id, at);
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
          const person = await copies.findPersonDelivery(trx, id, body.deliveryId);
          if (!person) throw errors.deliveryNotFound();
          await copies.sendToPersonAgain(trx, person.id, at);
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
