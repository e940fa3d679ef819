import type { Transaction } from 'kysely';
import type { DirectBody, Handler, IncomingWrite } from '../../../common/schemas/documents';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as assignments from './assignments.repository';
import * as copies from './deliveries.repository';
import * as errors from './documents.errors';
import type { RegisterResource } from './documents.policy';
import * as repo from './documents.repository';
import { checkRegister, DELIVERY_STATUS_OF } from './documents.rules';
import type { DocumentsCore } from './documents.steps.service';
import { periodOf } from './numbering.service';
import { findRegister, numberArrival, numberPlaceholder } from './registers.repository';

export function createIncomingService(core: DocumentsCore) {
  const { db, deps, today, now, authorized, record, advance } = core;

  /** Keeps the sender's view of a copy that came through the system in step with it. */
  async function syncDelivery(trx: Transaction<DB>, row: repo.DocumentRow, status: string, actor: Actor) {
    const code = DELIVERY_STATUS_OF[status];
    if (!row.delivery_id || !code) return;
    const at = now();
    await copies.followReceiverStatus(trx, row.delivery_id, code, at);
    await deps.events.emit(trx, 'document.delivery_moved', {
      deliveryId: row.delivery_id,
      organizationId: row.organization_id,
      status: code,
      reason: null,
      byName: actor.fullName,
      at,
    });
  }

  async function resolveHandlers(trx: Parameters<typeof record>[0], row: repo.DocumentRow, body: DirectBody) {
    const handlers: Handler[] = [body.lead, ...body.coHandlers];
    if (row.secrecy !== 'normal' && handlers.some((h) => h.kind === 'organization')) throw errors.secretToUnit();
    const userIds = [...handlers.filter((h) => h.kind === 'user').map((h) => h.id), ...body.forInformation];
    const users = await core.requireUsers(trx, userIds);
    const orgIds = handlers.filter((h) => h.kind === 'organization').map((h) => h.id);
    if (orgIds.length > 0) {
      const orgs = await repo.existingOrganizations(trx, orgIds);
      if (orgs.length !== new Set(orgIds).size) throw errors.unknownRecipient();
    }
    return users;
  }

  async function assign(trx: Transaction<DB>, actor: Actor, row: repo.DocumentRow, body: DirectBody) {
    const users = await resolveHandlers(trx, row, body);
    const at = now();
    const due = body.dueDate ?? row.due_date;
    const rows = [
      { role: 'lead', handler: body.lead },
      ...body.coHandlers.map((h) => ({ role: 'co', handler: h })),
      ...body.forInformation.map((id) => ({ role: 'info', handler: { kind: 'user', id } as Handler })),
    ];
    await assignments.insertAssignments(
      trx,
      rows.map(({ role, handler }) => ({
        id: newId(),
        document_id: row.id,
        role,
        user_id: handler.kind === 'user' ? handler.id : null,
        organization_id: handler.kind === 'organization' ? handler.id : null,
        due_date: role === 'info' ? null : due,
        status: 'open',
        assigned_at: at,
        done_at: null,
      })),
    );
    await repo.grantAccess(trx, row.id, [...users.keys()], 'assigned');
    await deps.events.emit(trx, 'document.assigned', {
      ...core.facts(row),
      actorId: actor.userId,
      assigneeIds: [...users.keys()],
    });
    return due;
  }

  return {
    async registerIncoming(actor: Actor, input: IncomingWrite): Promise<{ id: string; created: boolean }> {
      const register = checkRegister(
        await findRegister(db, input.registerId),
        'incoming',
        input.secrecy,
        input.typeCode,
      );
      const resource: RegisterResource = { kind: 'register', organizationPath: register.organization_path };
      deps.authorizer.authorize(actor, 'register', resource);
      const day = today();
      const arrivalDate = input.arrivalDate ?? day;
      if (input.issueDate > day) throw errors.issueDateInFuture();
      if (arrivalDate > day) throw errors.arrivalDateInFuture();
      if (arrivalDate < input.issueDate) throw errors.arrivalBeforeIssue();
      if (input.dueDate && input.dueDate < day) throw errors.dueDateInPast();
      if (input.issuerOrganizationId) {
        const issuer = await repo.findOrganization(db, input.issuerOrganizationId);
        if (!issuer) throw errors.unknownIssuer();
      }
      const again = await core.sameSubmission(actor, input.clientKey);
      if (again) return again;
      const documentKey = core.documentKey(input.issuerName, input.numberText);
      if (!input.confirmDuplicate) {
        const matches = await repo.duplicatesOf(db, register.organization_id, documentKey);
        if (matches.length > 0) {
          throw errors.possibleDuplicate(
            matches.map((m) => ({ id: m.id, numberText: m.number_text, arrivalNumber: m.arrival_number })),
          );
        }
      }
      return core.createOnce(actor, input.clientKey, (id) =>
        deps.transact(async ({ trx, audit, auditHeadLocked }) => {
          const at = now();
          await repo.insertDocument(trx, deps.database.kind, {
            id,
            organization_id: register.organization_id,
            direction: 'incoming',
            status: 'registered',
            register_id: register.id,
            period: null,
            number: null,
            number_text: input.numberText,
            arrival_number: null,
            arrival_date: arrivalDate,
            type_code: input.typeCode,
            issuer_name: input.issuerName,
            issuer_organization_id: input.issuerOrganizationId ?? null,
            issue_date: input.issueDate,
            summary: input.summary,
            signer_name: input.signerName ?? null,
            signer_position: input.signerPosition ?? null,
            page_count: input.pageCount ?? null,
            copies: null,
            secrecy: input.secrecy,
            urgency: input.urgency,
            channel: input.channel,
            due_date: input.dueDate ?? null,
            document_key: documentKey,
            delivery_id: null,
            created_by: actor.userId,
            leader_id: null,
            client_key: input.clientKey ?? null,
            search_text: '',
            version: 1,
            created_at: at,
            updated_at: at,
          });
          const texts = await core.attachUploads(trx, id, actor, input.uploadIds, 'main');
          await repo.grantAccess(trx, id, [actor.userId], 'created');
          // The number is taken last, so its counter row stays locked for the shortest time: one
          // statement takes it and writes it into the document and its registration step.
          const placeholder = numberPlaceholder();
          const { number: arrivalNumber, auditHead } = await numberArrival(trx, deps.database.kind, {
            registerId: register.id,
            period: periodOf(register, arrivalDate),
            documentId: id,
            searchTemplate: repo.searchTextOf(
              [input.numberText, input.typeCode, input.summary, input.issuerName, input.signerName, placeholder],
              texts,
            ),
            placeholder,
            steps: [{ ...core.step(id, actor, 'registered'), note: `Vào sổ đến số ${placeholder}` }],
          });
          auditHeadLocked(auditHead);
          await audit(auditActorOf(actor), {
            action: 'document.register',
            entityType: 'document',
            entityId: id,
            summary: `Vào sổ văn bản đến số ${arrivalNumber}: ${input.numberText}`,
          });
        }),
      );
    },

    async submitToLeader(actor: Actor, id: string, body: { version: number; leaderId: string; note?: string }) {
      const { row } = await authorized(db, actor, id, 'submit');
      if (!(await core.isLeaderOver(db, body.leaderId, row.organization_path))) throw errors.leaderRequired();
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, body.version, { status: 'submitted', leader_id: body.leaderId });
        await repo.grantAccess(trx, id, [body.leaderId], 'leader');
        await record(trx, id, actor, 'submitted', body.note, { leaderId: body.leaderId });
        await syncDelivery(trx, row, 'submitted', actor);
        await deps.events.emit(trx, 'document.submitted', {
          ...core.facts(row),
          actorId: actor.userId,
          direction: 'incoming',
          leaderId: body.leaderId,
        });
      });
    },

    async direct(actor: Actor, id: string, body: DirectBody) {
      const { row } = await authorized(db, actor, id, 'direct');
      if (body.dueDate && body.dueDate < today()) throw errors.dueDateInPast();
      await deps.transact(async ({ trx }) => {
        const due = await assign(trx, actor, row, body);
        await advance(trx, row, body.version, { status: 'in_progress', due_date: due, leader_id: actor.userId });
        await record(trx, id, actor, 'directed', body.direction, { lead: body.lead, dueDate: due });
        await syncDelivery(trx, row, 'in_progress', actor);
      });
    },

    /** Replaces the open assignments: a new lead, co-handlers or due date. */
    async reassign(actor: Actor, id: string, body: DirectBody) {
      const { row } = await authorized(db, actor, id, 'reassign');
      if (body.dueDate && body.dueDate < today()) throw errors.dueDateInPast();
      await deps.transact(async ({ trx }) => {
        await assignments.deleteOpenAssignments(trx, id);
        const due = await assign(trx, actor, row, body);
        await advance(trx, row, body.version, { due_date: due });
        await record(trx, id, actor, 'reassigned', body.direction, { lead: body.lead, dueDate: due });
      });
    },

    async extend(actor: Actor, id: string, body: { version: number; dueDate: string; note?: string }) {
      const { row } = await authorized(db, actor, id, 'extend');
      if (body.dueDate < today()) throw errors.dueDateInPast();
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, body.version, { due_date: body.dueDate });
        await assignments.setOpenDueDate(trx, id, body.dueDate);
        await record(trx, id, actor, 'extended', body.note, { dueDate: body.dueDate });
      });
    },

    /** The leader sends the document back to the clerk, with the reason. */
    async returnToClerk(actor: Actor, id: string, body: { version: number; reason: string }) {
      const { row } = await authorized(db, actor, id, 'return');
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, body.version, { status: 'registered', leader_id: null });
        await record(trx, id, actor, 'returned', body.reason);
        await syncDelivery(trx, row, 'registered', actor);
      });
    },

    async complete(actor: Actor, id: string, body: { version: number; note?: string; uploadIds: string[] }) {
      const { row } = await authorized(db, actor, id, 'complete');
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, body.version, { status: 'done' });
        await core.attachUploads(trx, id, actor, body.uploadIds, 'result');
        if (body.uploadIds.length > 0) await core.reindex(trx, id);
        await assignments.closeOpenAssignments(trx, id, now());
        // Whoever finished it (a unit's leader, say) keeps it in view.
        await repo.grantAccess(trx, id, [actor.userId], 'handled');
        await record(trx, id, actor, 'completed', body.note);
        await syncDelivery(trx, row, 'done', actor);
      });
    },
  };
}
