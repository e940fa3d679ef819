import type { CaseKind, CaseStatus, Stage } from '../../../common/inspection';
import type { ProgrammeItemInput, ProgrammeView } from '../../../common/schemas/inspection';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { CaseAccess } from './case-access.service';
import * as errors from './inspection.errors';
import { commission } from './inspection.policy';
import * as repo from './inspection.repository';
import * as programmes from './programmes.repository';

/** The annual inspection and supervision programme: cases planned by quarter, and how far they got. */
export function createProgrammesService(core: CaseAccess) {
  const { db, deps, now } = core;

  /** The commission asked for, or the actor's first; refused outside the commission. */
  async function commissionOf(actor: Actor, organizationId: string | undefined, action: 'read' | 'plan') {
    const id = organizationId ?? actor.grants.find((g) => g.role === 'inspector')?.organizationId;
    const [org] = id ? await repo.findOrganizations(db, [id]) : [];
    if (!org) throw organizationId ? errors.unknownOrganization() : errors.outsideCommission();
    if (!deps.authorizer.can(actor, action, commission(org.path))) throw errors.outsideCommission();
    return org;
  }

  async function view(actor: Actor, query: { year?: number; organizationId?: string }): Promise<ProgrammeView> {
    const org = await commissionOf(actor, query.organizationId, 'read');
    const year = query.year ?? Number(core.today().slice(0, 4));
    const programme = await programmes.findProgramme(db, org.id, year);
    const items = programme ? await programmes.itemsWithCases(db, programme.id) : [];
    const byQuarter = [1, 2, 3, 4].map((quarter) => {
      const of = items.filter((i) => i.quarter === quarter);
      return {
        quarter,
        planned: of.length,
        started: of.filter((i) => i.case_id).length,
        closed: of.filter((i) => i.case_status === 'closed').length,
      };
    });
    const sum = (k: 'planned' | 'started' | 'closed') => byQuarter.reduce((a, q) => a + q[k], 0);
    return {
      year,
      programme: programme
        ? { id: programme.id, organizationId: org.id, title: programme.title, version: programme.version }
        : null,
      items: items.map((i) => ({
        id: i.id,
        quarter: i.quarter,
        kind: i.kind as CaseKind,
        title: i.title,
        unitOrganizationName: i.unit_name,
        caseId: i.case_id,
        caseStage: i.case_stage as Stage | null,
        caseStatus: i.case_status as CaseStatus | null,
      })),
      byQuarter,
      totals: { planned: sum('planned'), started: sum('started'), closed: sum('closed') },
      canEdit: deps.authorizer.can(actor, 'plan', commission(org.path)),
    };
  }

  async function create(actor: Actor, input: { organizationId: string; year: number; title: string }) {
    const org = await commissionOf(actor, input.organizationId, 'plan');
    if (await programmes.findProgramme(db, org.id, input.year)) throw errors.programmeExists();
    const id = newId();
    try {
      await deps.transact(async ({ trx, audit }) => {
        const at = now();
        await programmes.insertProgramme(trx, {
          id,
          organization_id: org.id,
          year: input.year,
          title: input.title,
          created_by: actor.userId,
          version: 1,
          created_at: at,
          updated_at: at,
        });
        await audit(auditActorOf(actor), {
          action: 'inspection.programme.create',
          entityType: 'inspection_programme',
          entityId: id,
          summary: `Lập chương trình kiểm tra, giám sát năm ${input.year}: ${input.title}`.slice(0, 500),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'year')) throw errors.programmeExists();
      throw error;
    }
    return { id };
  }

  async function addItem(actor: Actor, programmeId: string, input: ProgrammeItemInput) {
    const programme = await programmes.findProgrammeById(db, programmeId);
    if (!programme) throw errors.programmeNotFound();
    if (!deps.authorizer.can(actor, 'plan', commission(programme.organization_path))) throw errors.outsideCommission();
    if (input.unitOrganizationId && (await repo.findOrganizations(db, [input.unitOrganizationId])).length === 0) {
      throw errors.unknownOrganization();
    }
    const id = newId();
    await deps.transact(async ({ trx, audit }) => {
      const at = now();
      await programmes.insertItem(trx, {
        id,
        programme_id: programmeId,
        quarter: input.quarter,
        kind: input.kind,
        title: input.title,
        unit_organization_id: input.unitOrganizationId ?? null,
        created_at: at,
      });
      await programmes.touchProgramme(trx, programmeId, at);
      await audit(auditActorOf(actor), {
        action: 'inspection.programme.item',
        entityType: 'inspection_programme',
        entityId: programmeId,
        summary: `Thêm vào chương trình năm ${programme.year}, quý ${input.quarter}: ${input.title}`.slice(0, 500),
      });
    });
    return { id };
  }

  return { view, create, addItem };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
