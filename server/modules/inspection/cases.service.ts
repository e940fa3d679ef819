import {
  CASE_KIND_LABELS,
  DEFAULT_DUE_DAYS,
  DENUNCIATION_DAYS,
  RECEIVED_KINDS,
  type Stage,
} from '../../../common/inspection';
import type {
  CaseCreate,
  CaseList,
  CaseListQuery,
  CasePatch,
  CaseView,
  InspectionOptions,
  SubjectInput,
} from '../../../common/schemas/inspection';
import { foldVietnamese } from '../../../common/text/fold';
import { addDays } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { CaseAccess } from './case-access.service';
import * as errors from './inspection.errors';
import { COMMISSION, commission } from './inspection.policy';
import * as repo from './inspection.repository';
import type { StageData } from './inspection.view';
import { summaryOf, viewOf } from './inspection.view';

const quarterOf = (day: string) => Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;

/** The subjects as the case records them: names taken from the directory when chosen there. */
async function resolveSubjects(ex: Executor, input: readonly SubjectInput[]) {
  const people = new Map(
    (
      await repo.findPeople(
        ex,
        input.flatMap((s) => (s.personId ? [s.personId] : [])),
      )
    ).map((p) => [p.id, p]),
  );
  const orgs = new Map(
    (
      await repo.findOrganizations(
        ex,
        input.flatMap((s) => (s.organizationId ? [s.organizationId] : [])),
      )
    ).map((o) => [o.id, o]),
  );
  return input.map((s, ordinal) => {
    if (s.type === 'organization') {
      const org = s.organizationId ? orgs.get(s.organizationId) : undefined;
      if (s.organizationId && !org) throw errors.unknownOrganization();
      const name = org?.name ?? s.name;
      if (!name) throw errors.subjectIncomplete();
      return { ordinal, type: s.type, personId: null, organizationId: org?.id ?? null, name, position: null };
    }
    const person = s.personId ? people.get(s.personId) : undefined;
    if (s.personId && !person) throw errors.unknownPerson();
    const name = person?.full_name ?? s.name;
    if (!name) throw errors.subjectIncomplete();
    return {
      ordinal,
      type: s.type,
      personId: person?.id ?? null,
      organizationId: null,
      name,
      position: s.position ?? person?.position ?? null,
    };
  });
}

/** Opening a case, reading it (every reading audited), the list, and who may see it. */
export function createCasesService(core: CaseAccess) {
  const { db, deps, now, today } = core;

  async function programmeItem(ex: Executor, organizationId: string, itemId: string) {
    const item = await repo.findProgrammeItem(ex, itemId);
    if (!item || item.organization_id !== organizationId) throw errors.programmeItemNotFound();
    const taken = await repo.programmeItemTaken(ex, itemId);
    if (taken) throw errors.programmeItemTaken();
  }

  async function create(actor: Actor, input: CaseCreate): Promise<{ id: string }> {
    const [org] = await repo.findOrganizations(db, [input.organizationId]);
    if (!org) throw errors.unknownOrganization();
    if (!deps.authorizer.can(actor, 'create', commission(org.path))) throw errors.outsideCommission();
    const [unit] = input.unitOrganizationId ? await repo.findOrganizations(db, [input.unitOrganizationId]) : [];
    if (input.unitOrganizationId && !unit) throw errors.unknownOrganization();
    const received = RECEIVED_KINDS.includes(input.kind);
    if (received && !input.source) throw errors.sourceRequired();
    const first: Stage = received ? 'receipt' : 'plan';
    const dueDate = input.dueDate ?? addDays(input.openedOn, DEFAULT_DUE_DAYS[first] ?? 30);
    if (dueDate <= input.openedOn) throw errors.dueBeforeDate();
    const deadline =
      input.deadline ?? (input.kind === 'denunciation' ? addDays(input.openedOn, DENUNCIATION_DAYS) : null);

    const id = newId();
    await deps.transact(async ({ trx, audit }) => {
      const subjects = await resolveSubjects(trx, input.subjects);
      if (input.programmeItemId) await programmeItem(trx, org.id, input.programmeItemId);
      const at = now();
      await repo.insertCase(trx, {
        id,
        organization_id: org.id,
        kind: input.kind,
        title: input.title,
        summary: input.summary ?? null,
        unit_organization_id: unit?.id ?? null,
        programme_item_id: input.programmeItemId ?? null,
        year: Number(input.openedOn.slice(0, 4)),
        quarter: quarterOf(input.openedOn),
        opened_on: input.openedOn,
        stage: first,
        status: 'open',
        stage_due_date: dueDate,
        deadline,
        violation: null,
        concluded_on: null,
        closed_on: null,
        search_text: foldVietnamese(
          [input.title, unit?.name, input.documentNumber, ...subjects.map((s) => s.name)].filter(Boolean).join(' '),
        ),
        created_by: actor.userId,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      await repo.insertSubjects(
        trx,
        subjects.map((s) => ({
          id: newId(),
          case_id: id,
          ordinal: s.ordinal,
          subject_type: s.type,
          person_id: s.personId,
          organization_id: s.organizationId,
          name: s.name,
          position: s.position,
        })),
      );
      const data: StageData = received && input.source ? { source: input.source } : {};
      await repo.insertStage(trx, {
        id: newId(),
        case_id: id,
        stage: first,
        on_date: input.openedOn,
        document_number: input.documentNumber ?? null,
        document_id: null,
        note: input.summary ?? null,
        due_date: dueDate,
        data: JSON.stringify(data),
        recorded_by: actor.userId,
        recorded_by_name: actor.fullName,
        recorded_at: at,
      });
      if (received) {
        await repo.insertDenouncer(trx, {
          case_id: id,
          source: input.source ?? null,
          name: input.denouncer?.name ?? null,
          address: input.denouncer?.address ?? null,
          phone: input.denouncer?.phone ?? null,
        });
      }
      await repo.grantAccess(trx, {
        case_id: id,
        user_id: actor.userId,
        role: 'handler',
        granted_by: actor.userId,
        granted_at: at,
      });
      await audit(auditActorOf(actor), {
        action: 'inspection.case.create',
        entityType: 'inspection_case',
        entityId: id,
        // A case's title stays with those who may read the case, never in the trail.
        summary: `Mở vụ việc ${CASE_KIND_LABELS[input.kind].toLowerCase()} (nội dung ẩn)`,
      });
    });
    return { id };
  }

  /** The whole case; the reading itself is written to the audit trail. */
  async function get(actor: Actor, id: string): Promise<CaseView> {
    return deps.transact(async ({ trx, audit }) => {
      const { row, resource } = await core.authorized(trx, actor, id, 'read');
      const parts = {
        subjects: await repo.subjectsOf(trx, [id]),
        stages: await repo.stagesOf(trx, id),
        disciplines: await repo.disciplinesOf(trx, id),
        documents: await repo.documentsOf(trx, id),
        access: await repo.accessOf(trx, id),
        denouncer: await repo.denouncerOf(trx, id),
      };
      const view = viewOf(row, parts, { actor, authorizer: deps.authorizer, resource, today: today() });
      await audit(auditActorOf(actor), {
        action: 'inspection.case.read',
        entityType: 'inspection_case',
        entityId: id,
        summary: `Xem hồ sơ vụ việc (nội dung ẩn)${view.denouncer ? ', kèm danh tính người tố cáo' : ''}`,
      });
      return view;
    });
  }

  async function list(actor: Actor, query: CaseListQuery): Promise<CaseList> {
    const scope = core.scopeOf(actor);
    return deps.transact(async ({ trx, audit }) => {
      const { rows, total } = await repo.listCases(trx, scope, query, today());
      const subjects = await repo.subjectsOf(
        trx,
        rows.map((r) => r.id),
      );
      await audit(auditActorOf(actor), {
        action: 'inspection.case.list',
        entityType: 'inspection_case',
        entityId: null,
        summary: `Xem danh sách vụ việc kiểm tra, giám sát (${total} vụ việc, trang ${query.page})`,
      });
      return {
        items: rows.map((r) => summaryOf(r, subjects, today())),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  async function edit(actor: Actor, id: string, patch: CasePatch): Promise<void> {
    const { row } = await core.authorized(db, actor, id, 'edit');
    await deps.transact(async ({ trx, audit }) => {
      const title = patch.title ?? row.title;
      const changed = await repo.updateCase(trx, id, patch.version, {
        title,
        ...(patch.summary !== undefined && { summary: patch.summary }),
        ...(patch.deadline !== undefined && { deadline: patch.deadline }),
        search_text: foldVietnamese(`${row.search_text} ${title}`),
        updated_at: now(),
      });
      if (!changed) throw staleVersion('Vụ việc');
      await audit(auditActorOf(actor), {
        action: 'inspection.case.edit',
        entityType: 'inspection_case',
        entityId: id,
        summary: 'Sửa thông tin vụ việc (nội dung ẩn)',
      });
    });
  }

  /** The commissions the actor opens cases for, and the officers who may form a team. */
  async function options(actor: Actor): Promise<InspectionOptions> {
    const grants = actor.grants.filter((g) => COMMISSION.includes(g.role));
    const commissions = await repo.commissionsUnder(
      db,
      grants.map((g) => g.organizationId),
      grants.map((g) => g.organizationPath),
    );
    const officers = await repo.officersOver(
      db,
      commissions.map((c) => c.path),
    );
    return {
      commissions: commissions.map((c) => ({ id: c.id, name: c.name })),
      officers: officers.map((o) => ({ id: o.id, fullName: o.full_name, position: o.position })),
    };
  }

  return { create, get, list, edit, options };
}

export type CasesService = ReturnType<typeof createCasesService>;
