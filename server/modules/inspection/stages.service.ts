import {
  ALLOWED_FORMS,
  type CaseDocumentRole,
  type CaseKind,
  DEFAULT_DUE_DAYS,
  DISCIPLINE_FORM_LABELS,
  requirementOf,
  STAGE_LABELS,
  STAGE_ORDER,
  type Stage,
  type SubjectType,
} from '../../../common/inspection';
import type { StageInput } from '../../../common/schemas/inspection';
import { addDays } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { CaseAccess } from './case-access.service';
import * as errors from './inspection.errors';
import * as repo from './inspection.repository';
import type { StageData } from './inspection.view';

/** The role a document linked through a stage plays in the case. */
const DOCUMENT_ROLE_OF: Partial<Record<Stage, CaseDocumentRole>> = {
  receipt: 'letter',
  decision: 'decision',
  report: 'report',
  conclusion: 'conclusion',
  discipline: 'decision',
  notification: 'conclusion',
  appeal: 'letter',
  appeal_outcome: 'decision',
};

/** Recording a case's next stage: in the order the rules lay down, with what each stage settles. */
export function createStagesService(core: CaseAccess) {
  const { db, deps, now } = core;

  function checkOrder(row: repo.CaseRow, done: readonly Stage[], stage: Stage) {
    const last = Math.max(...done.map((s) => STAGE_ORDER[s]));
    if (STAGE_ORDER[stage] <= last) throw errors.stageOutOfOrder(stage);
    const refusal = requirementOf(
      row.kind as CaseKind,
      stage,
      (s) => done.includes(s),
      row.violation === null ? null : row.violation === 1,
    );
    switch (refusal) {
      case null:
        return;
      case 'report_required':
        throw errors.reportRequired();
      case 'no_violation':
        throw errors.noViolation();
      case 'appeal_outcome_required':
        throw errors.appealOutcomeRequired();
      case 'out_of_order':
        throw errors.stageOutOfOrder(stage);
    }
  }

  /** The team must be the commission's own active officers; they come to handle the case. */
  async function teamOf(ex: Executor, row: repo.CaseRow, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    const grants = await repo.inspectorGrants(ex, unique);
    const names = new Map<string, string>();
    for (const g of grants) {
      if (g.path && row.organization_path.startsWith(g.path)) names.set(g.id, g.full_name);
    }
    if (names.size !== unique.length) throw errors.unknownOfficer();
    return names;
  }

  async function disciplinesOf(ex: Executor, row: repo.CaseRow, input: StageInput) {
    const list = input.disciplines ?? [];
    if (list.length === 0) throw errors.disciplinesRequired();
    const subjects = new Map((await repo.subjectsOf(ex, [row.id])).map((s) => [s.id, s]));
    return list.map((d) => {
      const subject = subjects.get(d.subjectId);
      if (!subject) throw errors.unknownSubject();
      const type = subject.subject_type as SubjectType;
      if (!ALLOWED_FORMS[type].includes(d.form)) throw errors.formNotAllowed(d.form, type);
      return { ...d, subject };
    });
  }

  async function record(actor: Actor, id: string, input: StageInput): Promise<void> {
    const { row } = await core.authorized(db, actor, id, 'record');
    // Read outside the transaction: on SQLite the one connection belongs to it once open.
    if (input.documentId) await core.readableDocument(actor, input.documentId);
    await deps.transact(async ({ trx, audit }) => {
      const stages = await repo.stagesOf(trx, id);
      checkOrder(
        row,
        stages.map((s) => s.stage as Stage),
        input.stage,
      );
      const lastDate =
        stages
          .map((s) => s.on_date)
          .sort()
          .at(-1) ?? '';
      if (input.onDate < lastDate) throw errors.dateBeforePrevious();
      const closing = input.stage === 'closure';
      const defaultDays = DEFAULT_DUE_DAYS[input.stage];
      const dueDate = closing ? null : (input.dueDate ?? (defaultDays ? addDays(input.onDate, defaultDays) : null));
      if (dueDate && dueDate <= input.onDate) throw errors.dueBeforeDate();

      const data: StageData = {};
      const at = now();
      if (input.stage === 'decision' && input.team?.length) {
        const team = await teamOf(trx, row, input.team);
        data.team = [...team.values()];
        for (const userId of team.keys()) {
          await repo.grantAccess(trx, {
            case_id: id,
            user_id: userId,
            role: 'handler',
            granted_by: actor.userId,
            granted_at: at,
          });
        }
      }
      if (input.stage === 'conclusion') {
        if (input.violation === undefined) throw errors.violationRequired();
        data.violation = input.violation;
      }
      if (input.stage === 'discipline') {
        const decided = await disciplinesOf(trx, row, input);
        data.disciplines = decided.map(
          (d) => `${d.subject.name}: ${DISCIPLINE_FORM_LABELS[d.form]} (${d.decidingBody})`,
        );
        await repo.insertDisciplines(
          trx,
          decided.map((d) => ({
            id: newId(),
            case_id: id,
            subject_id: d.subjectId,
            organization_id: row.organization_id,
            year: row.year,
            subject_type: d.subject.subject_type,
            form: d.form,
            deciding_body: d.decidingBody,
            decided_on: input.onDate,
            outcome: null,
            created_at: at,
          })),
        );
      }
      if (input.stage === 'appeal') data.appellant = input.appellant ?? null;
      if (input.stage === 'appeal_outcome') {
        if (!input.appealOutcome) throw errors.outcomeRequired();
        data.outcome = input.appealOutcome;
        await repo.setAppealOutcome(trx, id, input.appealOutcome);
      }

      const moved = await repo.updateCase(trx, id, input.version, {
        stage: input.stage,
        stage_due_date: dueDate,
        ...(input.stage === 'conclusion' && { violation: input.violation ? 1 : 0, concluded_on: input.onDate }),
        ...(closing && { status: 'closed', closed_on: input.onDate }),
        updated_at: at,
      });
      if (!moved) throw staleVersion('Vụ việc');
      await repo.insertStage(trx, {
        id: newId(),
        case_id: id,
        stage: input.stage,
        on_date: input.onDate,
        document_number: input.documentNumber ?? null,
        document_id: input.documentId ?? null,
        note: input.note ?? null,
        due_date: dueDate,
        data: JSON.stringify(data),
        recorded_by: actor.userId,
        recorded_by_name: actor.fullName,
        recorded_at: at,
      });
      const role = DOCUMENT_ROLE_OF[input.stage];
      if (input.documentId && role) {
        const linked = await repo.documentsOf(trx, id);
        if (!linked.some((d) => d.document_id === input.documentId)) {
          await repo.insertDocumentLink(trx, {
            case_id: id,
            document_id: input.documentId,
            role,
            linked_by: actor.userId,
            linked_at: at,
          });
        }
      }
      await audit(auditActorOf(actor), {
        action: `inspection.stage.${input.stage}`,
        entityType: 'inspection_case',
        entityId: id,
        summary: `${STAGE_LABELS[input.stage]}: vụ việc (nội dung ẩn)`,
      });
    });
  }

  return { record };
}

export type StagesService = ReturnType<typeof createStagesService>;
