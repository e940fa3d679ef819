import type { AccessRole, CaseAction, CaseStatus } from '../../../common/inspection';
import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { DomainError, forbidden } from '../../platform/http/errors';
import type { Actor } from '../../platform/security/actor';
import type { CaseDocumentsPort } from './inspection.contract';
import * as errors from './inspection.errors';
import { type CaseResource, COMMISSION } from './inspection.policy';
import * as repo from './inspection.repository';

/** Load and authorize a case, the actor's scope, and the link to documents: what every case operation shares. */
export function createCaseAccess(deps: PlatformDeps, documents: CaseDocumentsPort) {
  const { database, clock, authorizer } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();
  const today = () => dayInVietnam(clock.now());

  async function load(ex: Executor, id: string): Promise<repo.CaseRow> {
    const row = await repo.findCase(ex, id);
    if (!row) throw errors.caseNotFound();
    return row;
  }

  async function resourceOf(ex: Executor, actor: Actor, row: repo.CaseRow): Promise<CaseResource> {
    const access = (await repo.accessRoleOf(ex, row.id, actor.userId)) as AccessRole | null;
    return {
      kind: 'inspection_case',
      organizationPath: row.organization_path,
      access,
      status: row.status as CaseStatus,
    };
  }

  /**
   * Loads a case and refuses unless the actor may take `action`: someone outside the commission
   * and not given the case is refused outright; a commission member who does not handle it may
   * read it but not move it on; a closed case takes no more steps.
   */
  async function authorized(ex: Executor, actor: Actor, id: string, action: CaseAction | 'read') {
    const row = await load(ex, id);
    const resource = await resourceOf(ex, actor, row);
    if (!authorizer.can(actor, 'read', resource)) throw errors.outsideCommission();
    if (action !== 'read' && !authorizer.can(actor, action, resource)) {
      if (action === 'grant') throw forbidden();
      if (row.status === 'closed') throw errors.caseClosed();
      throw errors.notHandler();
    }
    return { row, resource };
  }

  /** The commissions whose cases the actor sees as a member. */
  const commissionPaths = (actor: Actor) =>
    actor.grants.filter((g) => COMMISSION.includes(g.role)).map((g) => g.organizationPath);

  const scopeOf = (actor: Actor): repo.CaseScope => ({ commissionPaths: commissionPaths(actor), userId: actor.userId });

  /** The document if the actor may read it; a refusal in the inspection's own words otherwise. */
  async function readableDocument(actor: Actor, documentId: string) {
    try {
      return await documents.describe(actor, documentId);
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'forbidden')) {
        throw errors.documentNotReadable();
      }
      throw error;
    }
  }

  return { db, deps, now, today, load, resourceOf, authorized, scopeOf, commissionPaths, readableDocument };
}

export type CaseAccess = ReturnType<typeof createCaseAccess>;
