import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { type Actor, auditOf, type Caller } from '../../platform/security/actor';
import type { ActionOf } from '../../platform/security/authorize';
import type { UnitOfWork } from '../../platform/transactor';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import { actionLabel, EXPECTED_STATUS } from './documents.rules';
import { resourceOf } from './documents.view';

/** Loading a document for someone: found, readable by them, the step allowed; secret reads audited. */
export function createDocumentAccess(deps: PlatformDeps) {
  const { authorizer } = deps;

  async function load(ex: Executor, id: string): Promise<repo.DocumentRow> {
    const row = await repo.findDocument(ex, id);
    if (!row) throw errors.documentNotFound();
    return row;
  }

  /** Loads a document and refuses unless the actor may take `action`; unseen documents are "not found". */
  async function authorized(ex: Executor, actor: Actor, id: string, action: ActionOf<'document'>) {
    const row = await load(ex, id);
    const resource = await resourceOf(ex, actor, row);
    if (!authorizer.can(actor, 'read', resource)) throw errors.documentNotFound();
    if (action !== 'read' && !authorizer.can(actor, action, resource)) {
      // A step someone else already took reads as a conflict, not as a lack of rights.
      const expected = EXPECTED_STATUS[`${row.direction}:${action}`];
      if (expected && expected !== row.status) throw errors.wrongStatus(actionLabel(action));
      authorizer.authorize(actor, action, resource);
    }
    return { row, resource };
  }

  /** Secret documents: every view and download goes into the audit trail. */
  async function auditSecretAccess(uow: UnitOfWork, caller: Caller, row: repo.DocumentRow, what: 'view' | 'download') {
    if (row.secrecy === 'normal') return;
    await uow.audit(auditOf(caller), {
      action: `document.${what}`,
      entityType: 'document',
      entityId: row.id,
      summary: `${what === 'view' ? 'Xem' : 'Tải tệp của'} văn bản mật ${row.number_text ?? ''}`.trim(),
    });
  }

  return { load, authorized, auditSecretAccess };
}
