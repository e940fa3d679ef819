import {
  APPEAL_OUTCOME_LABELS,
  type AppealOutcome,
  CASE_ACTIONS,
  type CaseKind,
  type CaseStatus,
  DENUNCIATION_SOURCE_LABELS,
  type DenunciationSource,
  nextStages,
  type Stage,
} from '../../../common/inspection';
import type { CaseSummary, CaseView } from '../../../common/schemas/inspection';
import type { Actor } from '../../platform/security/actor';
import type { Authorizer } from '../../platform/security/authorize';
import type { CaseResource } from './inspection.policy';
import type * as repo from './inspection.repository';

type SubjectRow = Awaited<ReturnType<typeof repo.subjectsOf>>[number];
type StageRow = Awaited<ReturnType<typeof repo.stagesOf>>[number];

/** What a stage settled, kept as JSON beside it. */
export interface StageData {
  source?: DenunciationSource;
  team?: string[];
  violation?: boolean;
  disciplines?: string[];
  appellant?: string | null;
  outcome?: AppealOutcome;
}

export function isOverdue(row: Pick<repo.CaseRow, 'status' | 'stage_due_date' | 'deadline'>, today: string): boolean {
  if (row.status !== 'open') return false;
  return (!!row.stage_due_date && row.stage_due_date < today) || (!!row.deadline && row.deadline < today);
}

export function summaryOf(row: repo.CaseRow, subjects: readonly SubjectRow[], today: string): CaseSummary {
  return {
    id: row.id,
    kind: row.kind as CaseKind,
    title: row.title,
    organizationName: row.organization_name,
    unitOrganizationId: row.unit_organization_id,
    unitOrganizationName: row.unit_name,
    subjectNames: subjects.filter((s) => s.case_id === row.id).map((s) => s.name),
    stage: row.stage as Stage,
    status: row.status as CaseStatus,
    openedOn: row.opened_on,
    stageDueDate: row.stage_due_date,
    deadline: row.deadline,
    overdue: isOverdue(row, today),
  };
}

function detailsOf(data: StageData): string[] {
  const out: string[] = [];
  if (data.source) out.push(`Nguồn: ${DENUNCIATION_SOURCE_LABELS[data.source]}`);
  if (data.team?.length) out.push(`Đoàn: ${data.team.join(', ')}`);
  if (data.violation !== undefined) out.push(data.violation ? 'Kết luận: có vi phạm' : 'Kết luận: không có vi phạm');
  for (const d of data.disciplines ?? []) out.push(d);
  if (data.appellant) out.push(`Người khiếu nại: ${data.appellant}`);
  if (data.outcome) out.push(`Kết quả: ${APPEAL_OUTCOME_LABELS[data.outcome]}`);
  return out;
}

export function stageOf(row: StageRow): CaseView['stages'][number] {
  const data = row.data ? (JSON.parse(row.data) as StageData) : {};
  return {
    id: row.id,
    stage: row.stage as Stage,
    onDate: row.on_date,
    documentNumber: row.document_number,
    documentId: row.document_id,
    note: row.note,
    dueDate: row.due_date,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
    details: detailsOf(data),
  };
}

export interface CaseParts {
  subjects: SubjectRow[];
  stages: StageRow[];
  disciplines: Awaited<ReturnType<typeof repo.disciplinesOf>>;
  documents: Awaited<ReturnType<typeof repo.documentsOf>>;
  access: Awaited<ReturnType<typeof repo.accessOf>>;
  denouncer: Awaited<ReturnType<typeof repo.denouncerOf>>;
}

export function viewOf(
  row: repo.CaseRow,
  parts: CaseParts,
  ctx: { actor: Actor; authorizer: Authorizer; resource: CaseResource; today: string },
): CaseView {
  const showDenouncer = ctx.authorizer.can(ctx.actor, 'denouncer', ctx.resource);
  const names = new Map(parts.subjects.map((s) => [s.id, s]));
  const done = parts.stages.map((s) => s.stage as Stage);
  const violation = row.violation === null ? null : row.violation === 1;
  return {
    ...summaryOf(row, parts.subjects, ctx.today),
    organizationId: row.organization_id,
    summary: row.summary,
    version: row.version,
    violation,
    programmeItemId: row.programme_item_id,
    subjects: parts.subjects.map((s) => ({
      id: s.id,
      type: s.subject_type as CaseView['subjects'][number]['type'],
      personId: s.person_id,
      organizationId: s.organization_id,
      name: s.name,
      position: s.position,
    })),
    stages: parts.stages.map(stageOf),
    disciplines: parts.disciplines.map((d) => ({
      id: d.id,
      subjectId: d.subject_id,
      subjectName: names.get(d.subject_id)?.name ?? '',
      subjectType: d.subject_type as CaseView['disciplines'][number]['subjectType'],
      form: d.form as CaseView['disciplines'][number]['form'],
      decidingBody: d.deciding_body,
      decidedOn: d.decided_on,
      outcome: d.outcome as AppealOutcome | null,
    })),
    documents: parts.documents.map((d) => ({
      documentId: d.document_id,
      role: d.role as CaseView['documents'][number]['role'],
      summary: d.summary,
      numberText: d.number_text,
      linkedAt: d.linked_at,
    })),
    access: parts.access.map((a) => ({
      userId: a.user_id,
      fullName: a.full_name,
      role: a.role as CaseView['access'][number]['role'],
    })),
    denouncer:
      showDenouncer && parts.denouncer
        ? {
            source: parts.denouncer.source as DenunciationSource | null,
            name: parts.denouncer.name,
            address: parts.denouncer.address,
            phone: parts.denouncer.phone,
          }
        : null,
    denouncerHidden: !showDenouncer && !!parts.denouncer,
    nextStages: row.status === 'closed' ? [] : nextStages(row.kind as CaseKind, done, violation),
    actions: ctx.authorizer.allowedActions(ctx.actor, CASE_ACTIONS, ctx.resource),
  };
}
