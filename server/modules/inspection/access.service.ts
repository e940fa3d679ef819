import { ACCESS_ROLE_LABELS, type AccessRole, type DOCUMENT_ROLE_LABELS } from '../../../common/inspection';
import { isUniqueViolation } from '../../platform/db/errors';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { CaseAccess } from './case-access.service';
import * as errors from './inspection.errors';
import * as repo from './inspection.repository';

/** Who besides the commission may see a case, and the documents that belong to it. */
export function createAccessService(core: CaseAccess) {
  const { db, deps, now } = core;

  async function grant(actor: Actor, id: string, input: { userId: string; role: AccessRole }) {
    await core.authorized(db, actor, id, 'grant');
    const user = await repo.findActiveUser(db, input.userId);
    if (!user) throw errors.unknownUser();
    await deps.transact(async ({ trx, audit }) => {
      await repo.grantAccess(trx, {
        case_id: id,
        user_id: user.id,
        role: input.role,
        granted_by: actor.userId,
        granted_at: now(),
      });
      await audit(auditActorOf(actor), {
        action: 'inspection.access.grant',
        entityType: 'inspection_case',
        entityId: id,
        summary: `Giao vụ việc (nội dung ẩn) cho ${user.full_name} (${ACCESS_ROLE_LABELS[input.role].toLowerCase()})`,
      });
    });
  }

  async function revoke(actor: Actor, id: string, userId: string) {
    await core.authorized(db, actor, id, 'grant');
    await deps.transact(async ({ trx, audit }) => {
      if (!(await repo.revokeAccess(trx, id, userId))) return;
      await audit(auditActorOf(actor), {
        action: 'inspection.access.revoke',
        entityType: 'inspection_case',
        entityId: id,
        summary: 'Thu hồi quyền xem vụ việc (nội dung ẩn)',
        data: { userId },
      });
    });
  }

  /** Links a document of the documents module, once the actor is shown to be able to read it. */
  async function link(
    actor: Actor,
    id: string,
    input: { documentId: string; role: keyof typeof DOCUMENT_ROLE_LABELS },
  ) {
    await core.authorized(db, actor, id, 'link');
    const document = await core.readableDocument(actor, input.documentId);
    try {
      await deps.transact(async ({ trx, audit }) => {
        if ((await repo.documentsOf(trx, id)).some((d) => d.document_id === document.id)) throw errors.documentLinked();
        await repo.insertDocumentLink(trx, {
          case_id: id,
          document_id: document.id,
          role: input.role,
          linked_by: actor.userId,
          linked_at: now(),
        });
        await audit(auditActorOf(actor), {
          action: 'inspection.document.link',
          entityType: 'inspection_case',
          entityId: id,
          summary: 'Gắn văn bản vào vụ việc (nội dung ẩn)',
          data: { documentId: document.id },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'document_id')) throw errors.documentLinked();
      throw error;
    }
  }

  return { grant, revoke, link };
}
