import { DELIVERY_STATUS } from '../../../common/documents';
import type { OutgoingPatch, OutgoingWrite, RecipientWrite } from '../../../common/schemas/documents';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as crossing from './crossing.repository';
import * as copies from './deliveries.repository';
import * as errors from './documents.errors';
import type { RegisterResource } from './documents.policy';
import * as repo from './documents.repository';
import { checkRegister } from './documents.rules';
import type { DocumentsCore } from './documents.steps.service';
import { issueOutgoingNumber } from './numbering.service';
import type { OutsideMail } from './outside-mail.service';
import * as recipients from './recipients.repository';
import { findRegister } from './registers.repository';
import { keepVersion } from './versions.service';

interface ResolvedRecipient {
  kind: string;
  ref_id: string | null;
  name: string;
  channel: string;
  email: string | null;
}

export function createOutgoingService(core: DocumentsCore, outside: OutsideMail) {
  const { db, deps, today, now, authorized, record, advance } = core;

  /** Checks every recipient against the directory and keeps its name as it was when chosen. */
  async function resolveRecipients(ex: Executor, list: readonly RecipientWrite[], secrecy: string) {
    const ids = (kind: RecipientWrite['kind']) => list.flatMap((r) => (r.kind === kind && 'id' in r ? [r.id] : []));
    const names = await recipients.directoryNames(ex, {
      organizations: ids('organization'),
      people: ids('person'),
      groups: ids('group'),
    });
    const seen = new Set<string>();
    const out: ResolvedRecipient[] = [];
    for (const r of list) {
      if (r.kind === 'external') {
        if (secrecy !== 'normal' && r.channel === 'email') throw errors.secretByEmail();
        out.push({ kind: 'external', ref_id: null, name: r.name, channel: r.channel, email: r.email ?? null });
        continue;
      }
      const name = names.get(r.id);
      if (!name) throw errors.unknownRecipient();
      if (seen.has(`${r.kind}:${r.id}`)) continue;
      seen.add(`${r.kind}:${r.id}`);
      out.push({ kind: r.kind, ref_id: r.id, name, channel: 'system', email: null });
    }
    // Told while drafting, not only at dispatch: a secret document does not leave by a link not approved for it.
    if (secrecy !== 'normal') {
      const outside = await crossing.outsideAmong(ex, ids('organization'));
      const closed = outside.filter((o) => o.reach !== 'peer' || o.secret_approved !== 1);
      if (closed.length > 0) throw errors.secretAcrossBoundary(closed.map((o) => o.name));
    }
    return out;
  }

  async function saveRecipients(trx: Executor, documentId: string, list: ResolvedRecipient[]) {
    await recipients.replaceRecipients(
      trx,
      documentId,
      list.map((r) => ({ id: newId(), document_id: documentId, ...r })),
    );
  }

  /**
   * Where a dispatch lands inside the system. A person with an account receives it himself;
   * one without receives it through the clerk of the organization he primarily belongs to.
   * Every organization reached must have a clerk to accept it, or the dispatch is refused
   * naming them: a delivery nobody can receive is never made.
   */
  async function deliveryTargets(ex: Executor, documentId: string, senderId: string, secrecy: string) {
    const chosen = await repo.recipientsOf(ex, documentId);
    const orgIds = new Set(chosen.filter((r) => r.kind === 'organization').map((r) => r.ref_id as string));
    const groupIds = chosen.filter((r) => r.kind === 'group').map((r) => r.ref_id as string);
    const personIds = chosen.filter((r) => r.kind === 'person').map((r) => r.ref_id as string);
    if (groupIds.length > 0) {
      const members = await recipients.groupMembers(ex, groupIds);
      for (const m of members) {
        if (m.organization_id) orgIds.add(m.organization_id);
        if (m.person_id) personIds.push(m.person_id);
      }
    }
    const people: { personId: string; userId: string; name: string }[] = [];
    const unreachable: string[] = [];
    const wanted = [...new Set(personIds)];
    if (wanted.length > 0) {
      const accounts = await recipients.accountsOf(ex, wanted);
      const reached = new Set<string>();
      for (const a of accounts) {
        if (!a.person_id || reached.has(a.person_id)) continue;
        reached.add(a.person_id);
        people.push({ personId: a.person_id, userId: a.user_id, name: a.full_name });
      }
      const rest = wanted.filter((id) => !reached.has(id));
      if (rest.length > 0) {
        const homes = await recipients.membershipsOf(ex, rest);
        const chosen = new Set<string>();
        for (const h of homes) {
          if (chosen.has(h.person_id)) continue;
          chosen.add(h.person_id);
          orgIds.add(h.organization_id);
        }
        const named = await recipients.peopleNamed(ex, rest);
        for (const p of named) if (!chosen.has(p.id)) unreachable.push(p.full_name);
      }
    }
    orgIds.delete(senderId);
    // Outside offices have no clerk here: their copy travels as an edXML package, if it may.
    const outsideRows = await crossing.outsideAmong(ex, [...orgIds]);
    const outside = outsideRows.map((o) => o.id);
    if (outside.length > 0) {
      const self = await crossing.identityOf(ex, senderId);
      if (!self?.national_id) throw errors.senderWithoutIdentifier(self?.name ?? '');
    }
    for (const id of outside) orgIds.delete(id);
    const unidentified = outsideRows.filter((o) => !o.national_id || (o.reach === 'peer' && o.peer_active !== 1));
    if (unidentified.length > 0) throw errors.outsideWithoutIdentifier(unidentified.map((o) => o.name));
    if (secrecy !== 'normal') {
      const closed = outsideRows.filter((o) => o.reach !== 'peer' || o.secret_approved !== 1);
      if (closed.length > 0) throw errors.secretAcrossBoundary(closed.map((o) => o.name));
    }
    const organizations = [...orgIds];
    const withClerk = new Set(await recipients.organizationsWithClerk(ex, organizations));
    const clerkless = organizations.filter((id) => !withClerk.has(id));
    if (clerkless.length > 0) {
      unreachable.push(...(await recipients.organizationNames(ex, clerkless)));
    }
    if (unreachable.length > 0) throw errors.noClerkFor(unreachable);
    return { organizations, outside, people };
  }

  /**
   * The earlier document a draft of `organizationId` may replace: an outgoing one of the same
   * organization, dispatched and not recalled, that the author may read, and not the draft itself.
   */
  async function replaceable(actor: Actor, replacesId: string, organizationId: string, draftId?: string) {
    if (replacesId === draftId) throw errors.replacesInvalid();
    const earlier = await authorized(db, actor, replacesId, 'read').then(
      (found) => found.row,
      () => null,
    );
    if (
      earlier?.direction !== 'outgoing' ||
      earlier.organization_id !== organizationId ||
      earlier.status !== 'dispatched'
    )
      throw errors.replacesInvalid();
  }

  return {
    async createDraft(actor: Actor, input: OutgoingWrite): Promise<{ id: string; created: boolean }> {
      const org = await repo.findOrganization(db, input.organizationId);
      if (!org) throw errors.registerWrongOrganization();
      const resource: RegisterResource = { kind: 'register', organizationPath: org.path };
      deps.authorizer.authorize(actor, 'draft', resource);
      if (input.dueDate && input.dueDate < today()) throw errors.dueDateInPast();
      const again = await core.sameSubmission(actor, input.clientKey);
      if (again) return again;
      // Only those who handle an incoming document may answer it; others do not learn it exists.
      const answered = input.replyToId ? (await authorized(db, actor, input.replyToId, 'reply')).row : null;
      if (answered && answered.direction !== 'incoming') throw errors.documentNotFound();
      const chosen = await resolveRecipients(db, input.recipients, input.secrecy);
      if (input.replacesId) await replaceable(actor, input.replacesId, org.id);
      return core.createOnce(actor, input.clientKey, (id) =>
        deps.transact(async ({ trx, audit }) => {
          const at = now();
          await repo.insertDocument(trx, deps.database.kind, {
            id,
            organization_id: org.id,
            direction: 'outgoing',
            status: 'draft',
            register_id: null,
            period: null,
            number: null,
            number_text: null,
            arrival_number: null,
            arrival_date: null,
            type_code: input.typeCode,
            issuer_name: org.name,
            issuer_organization_id: org.id,
            issue_date: null,
            summary: input.summary,
            signer_name: input.signerName ?? null,
            signer_position: input.signerPosition ?? null,
            page_count: input.pageCount ?? null,
            copies: input.copies ?? null,
            secrecy: input.secrecy,
            urgency: input.urgency,
            channel: 'system',
            due_date: input.dueDate ?? null,
            document_key: null,
            delivery_id: null,
            created_by: actor.userId,
            leader_id: null,
            client_key: input.clientKey ?? null,
            search_text: '',
            version: 1,
            created_at: at,
            updated_at: at,
          });
          await saveRecipients(trx, id, chosen);
          if (input.replacesId) await repo.setReplacement(trx, id, input.replacesId, actor.userId, at);
          await core.attachUploads(trx, id, actor, input.uploadIds, 'main');
          await core.reindex(trx, id);
          await keepVersion(trx, id, actor, at);
          await repo.grantAccess(trx, id, [actor.userId], 'created');
          await record(trx, id, actor, 'drafted');
          if (answered) {
            await repo.insertReply(trx, {
              outgoing_id: id,
              incoming_id: answered.id,
              created_by: actor.userId,
              created_at: at,
            });
            // The incoming trail says an answer is being written, never what it says.
            await record(trx, answered.id, actor, 'reply_drafted');
            await audit(auditActorOf(actor), {
              action: 'document.reply',
              entityType: 'document',
              entityId: id,
              // Like the draft's own entry: what a secret document is stays with its readers.
              summary:
                answered.secrecy === 'normal' && input.secrecy === 'normal'
                  ? `Soạn văn bản trả lời văn bản số ${answered.number_text ?? ''} của ${answered.issuer_name}`.slice(
                      0,
                      500,
                    )
                  : 'Soạn văn bản trả lời văn bản mật (nội dung ẩn)',
            });
          }
          await audit(auditActorOf(actor), {
            action: 'document.draft',
            entityType: 'document',
            entityId: id,
            // A secret document's abstract stays with its readers, never in the trail.
            summary:
              input.secrecy === 'normal'
                ? `Tạo dự thảo: ${input.summary.slice(0, 120)}`
                : 'Tạo dự thảo văn bản mật (nội dung ẩn)',
          });
        }),
      );
    },

    async updateDraft(actor: Actor, id: string, patch: OutgoingPatch) {
      const { row } = await authorized(db, actor, id, 'edit');
      const secrecy = patch.secrecy ?? row.secrecy;
      if (patch.dueDate && patch.dueDate < today()) throw errors.dueDateInPast();
      const recipients = patch.recipients ? await resolveRecipients(db, patch.recipients, secrecy) : null;
      if (patch.replacesId) await replaceable(actor, patch.replacesId, row.organization_id, id);
      // Made secret with the recipients it already has: none of them may be an outside e-mail address.
      if (!recipients && secrecy !== 'normal') {
        const saved = await repo.recipientsOf(db, id);
        if (saved.some((r) => r.kind === 'external' && r.channel === 'email')) throw errors.secretByEmail();
      }
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, patch.version, {
          ...(patch.typeCode !== undefined && { type_code: patch.typeCode }),
          ...(patch.summary !== undefined && { summary: patch.summary }),
          ...(patch.signerName !== undefined && { signer_name: patch.signerName }),
          ...(patch.signerPosition !== undefined && { signer_position: patch.signerPosition }),
          ...(patch.pageCount !== undefined && { page_count: patch.pageCount }),
          ...(patch.copies !== undefined && { copies: patch.copies }),
          ...(patch.secrecy !== undefined && { secrecy: patch.secrecy }),
          ...(patch.urgency !== undefined && { urgency: patch.urgency }),
          ...(patch.dueDate !== undefined && { due_date: patch.dueDate }),
        });
        if (recipients) await saveRecipients(trx, id, recipients);
        if (patch.replacesId !== undefined) await repo.setReplacement(trx, id, patch.replacesId, actor.userId, now());
        if (patch.uploadIds) await core.attachUploads(trx, id, actor, patch.uploadIds, 'attachment');
        await core.reindex(trx, id);
        // Every save is kept: the leader and the author can see what changed between versions.
        await keepVersion(trx, id, actor, now());
        await record(trx, id, actor, 'edited');
      });
    },

    async submitForSignature(actor: Actor, id: string, body: { version: number; leaderId: string; note?: string }) {
      const { row } = await authorized(db, actor, id, 'submit');
      if (!(await core.isLeaderOver(db, body.leaderId, row.organization_path))) throw errors.leaderRequired();
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, body.version, { status: 'submitted', leader_id: body.leaderId });
        await repo.grantAccess(trx, id, [body.leaderId], 'leader');
        await record(trx, id, actor, 'submitted', body.note, { leaderId: body.leaderId });
        await deps.events.emit(trx, 'document.submitted', {
          ...core.facts(row),
          actorId: actor.userId,
          direction: 'outgoing',
          leaderId: body.leaderId,
        });
      });
    },

    async approve(actor: Actor, id: string, body: { version: number; note?: string }) {
      const { row } = await authorized(db, actor, id, 'approve');
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, body.version, {
          status: 'approved',
          signer_name: row.signer_name ?? actor.fullName,
          signer_position: row.signer_position ?? actor.account.position,
        });
        await record(trx, id, actor, 'approved', body.note);
      });
    },

    async returnDraft(actor: Actor, id: string, body: { version: number; reason: string }) {
      const { row } = await authorized(db, actor, id, 'return');
      await deps.transact(async ({ trx }) => {
        await advance(trx, row, body.version, { status: 'draft' });
        await record(trx, id, actor, 'returned', body.reason);
      });
    },

    /** The clerk takes the next number of the register, dated today, in the same transaction. */
    async issueNumber(actor: Actor, id: string, body: { version: number; registerId: string }) {
      const { row } = await authorized(db, actor, id, 'issue');
      const register = checkRegister(await findRegister(db, body.registerId), 'outgoing', row.secrecy, row.type_code);
      if (register.organization_id !== row.organization_id) throw errors.registerWrongOrganization();
      const day = today();
      const issue = () =>
        deps.transact(async ({ trx, audit }) => {
          const issued = await issueOutgoingNumber(trx, register, row.type_code, day);
          await advance(trx, row, body.version, {
            status: 'issued',
            register_id: register.id,
            period: issued.period,
            number: issued.number,
            number_text: issued.numberText,
            issue_date: day,
          });
          await core.reindex(trx, id);
          await record(trx, id, actor, 'numbered', issued.printed);
          await audit(auditActorOf(actor), {
            action: 'document.issue_number',
            entityType: 'document',
            entityId: id,
            summary: `Cấp số ${issued.numberText}`,
          });
          return issued;
        });
      try {
        return await issue();
      } catch (error) {
        // Only when a register's rules were changed under issued numbers; refused, never a 500.
        if (isUniqueViolation(error, 'number_text')) throw errors.numberTaken();
        throw error;
      }
    },

    /** Delivers to every recipient organization's incoming queue at once; files are shared, not copied. */
    async dispatch(actor: Actor, id: string, body: { version: number }) {
      const { row } = await authorized(db, actor, id, 'dispatch');
      const {
        organizations: targets,
        outside: beyond,
        people,
      } = await deliveryTargets(db, id, row.organization_id, row.secrecy);
      const external = (await repo.recipientsOf(db, id)).filter((r) => r.kind === 'external');
      if (targets.length === 0 && beyond.length === 0 && people.length === 0 && external.length === 0)
        throw errors.noRecipients();
      await deps.transact(async ({ trx, audit }) => {
        await advance(trx, row, body.version, { status: 'dispatched' });
        const at = now();
        const deliveries = targets.map((organizationId) => ({ deliveryId: newId(), organizationId }));
        const crossings = beyond.map((organizationId) => ({ deliveryId: newId(), organizationId }));
        await copies.insertDeliveries(
          trx,
          [...deliveries, ...crossings].map(({ deliveryId, organizationId }) => ({
            id: deliveryId,
            document_id: id,
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
        await copies.insertPersonDeliveries(
          trx,
          people.map((p) => ({
            id: newId(),
            document_id: id,
            person_id: p.personId,
            user_id: p.userId,
            name: p.name,
            sent_at: at,
            read_at: null,
            reminded_at: null,
          })),
        );
        // The person reads the document itself, in his own list of documents.
        await repo.grantAccess(
          trx,
          id,
          people.map((p) => p.userId),
          'recipient',
        );
        // Each receiving clerk is told of their own copy; every copy is paper saved.
        const clerks = await repo.clerksByOrganization(trx, targets);
        const files = await repo.fileHashesOf(trx, id);
        const { replaces: replacesId } = await repo.replacementLinksOf(trx, id);
        if (replacesId)
          await record(
            trx,
            replacesId,
            actor,
            'replaced',
            `Được thay thế bằng văn bản số ${row.number_text ?? ''}: ${row.summary}`.slice(0, 2000),
            { by: id },
          );
        await deps.events.emit(trx, 'document.dispatched', {
          ...core.facts(row),
          actorId: actor.userId,
          deliveries: deliveries.map((d) => ({ ...d, clerkIds: clerks.get(d.organizationId) ?? [] })),
          readerIds: people.map((p) => p.userId),
          outsideDeliveries: crossings,
          replacesId,
          copies: targets.length + people.length,
          organizationId: row.organization_id,
          pageCount: row.page_count,
          fileSha256s: files,
        });
        const emailed = await outside.send(trx, row);
        const said = [
          targets.length > 0 ? `gửi ${targets.length} nơi trong hệ thống` : '',
          beyond.length > 0 ? `gửi liên thông đến ${beyond.length} cơ quan ngoài hệ thống` : '',
          people.length > 0 ? `gửi ${people.length} người nhận trực tiếp` : '',
          emailed > 0 ? `gửi thư điện tử đến ${emailed} nơi ngoài hệ thống` : '',
        ]
          .filter(Boolean)
          .join(', ');
        const note = said.charAt(0).toUpperCase() + said.slice(1);
        await record(trx, id, actor, 'dispatched', note || 'Phát hành', {
          organizations: targets.length,
          outside: beyond.length,
          people: people.length,
          external: external.length,
          emailed,
        });
        await audit(auditActorOf(actor), {
          action: 'document.dispatch',
          entityType: 'document',
          entityId: id,
          summary: `Phát hành ${row.number_text ?? ''} đến ${targets.length + beyond.length + people.length} nơi`,
        });
      });
      return { deliveries: targets.length + beyond.length + people.length, external: external.length };
    },

    /** Recalls a dispatched document: every receiver's copy is cancelled and the trail says so. */
    async recall(actor: Actor, id: string, body: { version: number; reason: string }) {
      const { row } = await authorized(db, actor, id, 'recall');
      await deps.transact(async ({ trx, audit }) => {
        await advance(trx, row, body.version, { status: 'recalled' });
        const at = now();
        // The update's own answer says which copies exist: an accept committing meanwhile is
        // waited for and seen, so its copy is cancelled too.
        const deliveries = await copies.recallDeliveries(trx, id, at);
        for (const d of deliveries) {
          if (!d.incoming_document_id) continue;
          await repo.bumpDocument(trx, d.incoming_document_id, { status: 'cancelled', updated_at: at });
          await record(
            trx,
            d.incoming_document_id,
            { userId: null, fullName: row.organization_name },
            'cancelled',
            `Bên gửi đã thu hồi văn bản: ${body.reason}`,
          );
        }
        const readers = await copies.readersOf(trx, id);
        const clerks = await repo.clerksByOrganization(
          trx,
          deliveries.map((d) => d.organization_id),
        );
        await deps.events.emit(trx, 'document.recalled', {
          ...core.facts(row),
          actorId: actor.userId,
          reason: body.reason,
          deliveries: deliveries.map((d) => ({
            deliveryId: d.id,
            organizationId: d.organization_id,
            incomingDocumentId: d.incoming_document_id,
            clerkIds: clerks.get(d.organization_id) ?? [],
          })),
          readerIds: readers,
        });
        await record(trx, id, actor, 'recalled', body.reason, { deliveries: deliveries.length });
        await audit(auditActorOf(actor), {
          action: 'document.recall',
          entityType: 'document',
          entityId: id,
          summary: `Thu hồi ${row.number_text ?? ''}: ${body.reason}`.slice(0, 500),
        });
      });
    },

    /**
     * Sends the document again to the offices outside that hold a copy, as an update: each is asked
     * to take the new package in place of the one it holds, and answers agreed (15) or refused (16).
     */
    async updateOutside(actor: Actor, id: string, body: { version: number; reason: string }) {
      const { row } = await authorized(db, actor, id, 'update_outside');
      const standing = (await repo.deliveriesOf(db, id)).filter(
        (d) => d.reach !== 'inside' && d.status !== DELIVERY_STATUS.recalled && d.status !== DELIVERY_STATUS.refused,
      );
      if (standing.length === 0) throw errors.noOutsideCopies();
      await deps.transact(async ({ trx, audit }) => {
        await advance(trx, row, body.version, {});
        await deps.events.emit(trx, 'document.outside_update', {
          ...core.facts(row),
          actorId: actor.userId,
          reason: body.reason,
          deliveryIds: standing.map((d) => d.id),
        });
        await record(trx, id, actor, 'outside_update', body.reason, { deliveries: standing.length });
        await audit(auditActorOf(actor), {
          action: 'document.outside_update',
          entityType: 'document',
          entityId: id,
          summary: `Gửi cập nhật liên thông ${row.number_text ?? ''} đến ${standing.length} nơi: ${body.reason}`.slice(
            0,
            500,
          ),
        });
      });
    },
  };
}
