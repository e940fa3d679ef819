import { z } from 'zod';
import {
  ACCESS_ROLES,
  APPEAL_OUTCOMES,
  CASE_ACTIONS,
  CASE_KINDS,
  CASE_STATUSES,
  DENUNCIATION_SOURCES,
  DISCIPLINE_FORMS,
  DOCUMENT_ROLES,
  INSPECTION_LIMITS,
  STAGES,
  SUBJECT_TYPES,
} from '../inspection';
import { optionalText, text, versionSchema } from './directory';
import { dateSchema } from './documents';
import { idParamsSchema, idSchema } from './http';

const id = z.string().min(1).max(64);
const year = z.coerce.number().int().min(2000).max(2100);

// Cases ---------------------------------------------------------------------------------------

export const subjectInputSchema = z
  .object({
    type: z.enum(SUBJECT_TYPES),
    /** A person of the directory, for a member; an organization of the directory, for an organization. */
    personId: id.optional(),
    organizationId: id.optional(),
    /** The name as recorded on the case, when the subject is not in the directory. */
    name: optionalText(INSPECTION_LIMITS.name).optional(),
    position: optionalText(INSPECTION_LIMITS.position).optional(),
  })
  .strict();
export type SubjectInput = z.infer<typeof subjectInputSchema>;

export const denouncerSchema = z.object({
  name: optionalText(INSPECTION_LIMITS.name),
  address: optionalText(INSPECTION_LIMITS.address),
  phone: optionalText(INSPECTION_LIMITS.phone),
});

export const caseCreateSchema = z
  .object({
    /** The Inspection Commission (or committee) that runs the case. */
    organizationId: id,
    kind: z.enum(CASE_KINDS),
    title: text(INSPECTION_LIMITS.title),
    summary: optionalText(INSPECTION_LIMITS.summary).optional(),
    /** The organization the case concerns (the subjects' own organization). */
    unitOrganizationId: id.optional(),
    subjects: z.array(subjectInputSchema).min(1).max(50),
    /** The day of the plan, or of the receipt of the letter. */
    openedOn: dateSchema,
    documentNumber: optionalText(INSPECTION_LIMITS.documentNumber).optional(),
    dueDate: dateSchema.optional(),
    /** When the case must be resolved; a denunciation defaults to 90 days after receipt. */
    deadline: dateSchema.optional(),
    programmeItemId: id.optional(),
    /** A letter's source and its author, for denunciations and complaints. */
    source: z.enum(DENUNCIATION_SOURCES).optional(),
    denouncer: denouncerSchema.optional(),
  })
  .strict();
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const casePatchSchema = z
  .object({
    version: versionSchema,
    title: text(INSPECTION_LIMITS.title).optional(),
    summary: optionalText(INSPECTION_LIMITS.summary).optional(),
    deadline: dateSchema.nullable().optional(),
  })
  .strict();
export type CasePatch = z.infer<typeof casePatchSchema>;

export const disciplineInputSchema = z.object({
  subjectId: id,
  form: z.enum(DISCIPLINE_FORMS),
  decidingBody: text(INSPECTION_LIMITS.decidingBody),
});

export const stageInputSchema = z
  .object({
    version: versionSchema,
    stage: z.enum(STAGES),
    onDate: dateSchema,
    documentNumber: optionalText(INSPECTION_LIMITS.documentNumber).optional(),
    documentId: id.optional(),
    note: optionalText(INSPECTION_LIMITS.note).optional(),
    /** The deadline for what follows; a default per stage when absent. */
    dueDate: dateSchema.optional(),
    /** The team named by the decision: users who handle the case with the one recording it. */
    team: z.array(id).max(20).optional(),
    /** The conclusion's finding. */
    violation: z.boolean().optional(),
    disciplines: z.array(disciplineInputSchema).max(50).optional(),
    appellant: optionalText(INSPECTION_LIMITS.name).optional(),
    appealOutcome: z.enum(APPEAL_OUTCOMES).optional(),
  })
  .strict();
export type StageInput = z.infer<typeof stageInputSchema>;

export const caseListQuerySchema = z.object({
  kind: z.enum(CASE_KINDS).optional(),
  stage: z.enum(STAGES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  unitOrganizationId: id.optional(),
  year: year.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

const subjectSchema = z.object({
  id: z.string(),
  type: z.enum(SUBJECT_TYPES),
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  name: z.string(),
  position: z.string().nullable(),
});

export const caseSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(CASE_KINDS),
  title: z.string(),
  organizationName: z.string(),
  unitOrganizationId: z.string().nullable(),
  unitOrganizationName: z.string().nullable(),
  subjectNames: z.array(z.string()),
  stage: z.enum(STAGES),
  status: z.enum(CASE_STATUSES),
  openedOn: z.string(),
  stageDueDate: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListSchema = z.object({
  items: z.array(caseSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const stageSchema = z.object({
  id: z.string(),
  stage: z.enum(STAGES),
  onDate: z.string(),
  documentNumber: z.string().nullable(),
  documentId: z.string().nullable(),
  note: z.string().nullable(),
  dueDate: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  /** What the stage settled, in words (source, finding, outcome). */
  details: z.array(z.string()),
});

export const caseViewSchema = caseSummarySchema.extend({
  organizationId: z.string(),
  summary: z.string().nullable(),
  version: z.number(),
  violation: z.boolean().nullable(),
  programmeItemId: z.string().nullable(),
  subjects: z.array(subjectSchema),
  stages: z.array(stageSchema),
  disciplines: z.array(
    z.object({
      id: z.string(),
      subjectId: z.string(),
      subjectName: z.string(),
      subjectType: z.enum(SUBJECT_TYPES),
      form: z.enum(DISCIPLINE_FORMS),
      decidingBody: z.string(),
      decidedOn: z.string(),
      outcome: z.enum(APPEAL_OUTCOMES).nullable(),
    }),
  ),
  documents: z.array(
    z.object({
      documentId: z.string(),
      role: z.enum(DOCUMENT_ROLES),
      summary: z.string(),
      numberText: z.string().nullable(),
      linkedAt: z.string(),
    }),
  ),
  access: z.array(z.object({ userId: z.string(), fullName: z.string(), role: z.enum(ACCESS_ROLES) })),
  /** Shown only to those who handle the case; null otherwise or when there is none. */
  denouncer: z
    .object({
      source: z.enum(DENUNCIATION_SOURCES).nullable(),
      name: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
  denouncerHidden: z.boolean(),
  nextStages: z.array(z.enum(STAGES)),
  actions: z.array(z.enum(CASE_ACTIONS)),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const documentLinkSchema = z.object({ documentId: id, role: z.enum(DOCUMENT_ROLES) }).strict();
export const accessGrantSchema = z.object({ userId: id, role: z.enum(ACCESS_ROLES) }).strict();

export const inspectionOptionsSchema = z.object({
  commissions: z.array(z.object({ id: z.string(), name: z.string() })),
  officers: z.array(z.object({ id: z.string(), fullName: z.string(), position: z.string().nullable() })),
});
export type InspectionOptions = z.infer<typeof inspectionOptionsSchema>;

// Programmes ----------------------------------------------------------------------------------

export const programmeCreateSchema = z
  .object({ organizationId: id, year, title: text(INSPECTION_LIMITS.programmeTitle) })
  .strict();
export const programmeItemSchemaIn = z
  .object({
    quarter: z.number().int().min(1).max(4),
    kind: z.enum(CASE_KINDS),
    title: text(INSPECTION_LIMITS.title),
    unitOrganizationId: id.optional(),
  })
  .strict();
export type ProgrammeItemInput = z.infer<typeof programmeItemSchemaIn>;
export const programmeQuerySchema = z.object({ year: year.optional(), organizationId: id.optional() });

const progress = { planned: z.number(), started: z.number(), closed: z.number() };
export const programmeViewSchema = z.object({
  year: z.number(),
  programme: z
    .object({ id: z.string(), organizationId: z.string(), title: z.string(), version: z.number() })
    .nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      quarter: z.number(),
      kind: z.enum(CASE_KINDS),
      title: z.string(),
      unitOrganizationName: z.string().nullable(),
      caseId: z.string().nullable(),
      caseStage: z.enum(STAGES).nullable(),
      caseStatus: z.enum(CASE_STATUSES).nullable(),
    }),
  ),
  byQuarter: z.array(z.object({ quarter: z.number(), ...progress })),
  totals: z.object(progress),
  canEdit: z.boolean(),
});
export type ProgrammeView = z.infer<typeof programmeViewSchema>;

// Reports -------------------------------------------------------------------------------------

export const reportQuerySchema = z.object({ year, organizationId: id.optional() });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const counted = { cases: z.number(), violations: z.number() };
export const inspectionReportSchema = z.object({
  year: z.number(),
  totals: z.object({ ...counted, open: z.number(), closed: z.number(), overdue: z.number() }),
  byKind: z.array(z.object({ kind: z.enum(CASE_KINDS), ...counted })),
  /** Members and organizations inspected, each counted once per case. */
  bySubjectType: z.array(
    z.object({ subjectType: z.enum(SUBJECT_TYPES), subjects: z.number(), violations: z.number() }),
  ),
  byOrganization: z.array(
    z.object({ organizationId: z.string().nullable(), organizationName: z.string(), ...counted }),
  ),
  byQuarter: z.array(z.object({ quarter: z.number(), ...counted })),
  disciplines: z.array(
    z.object({ form: z.enum(DISCIPLINE_FORMS), subjectType: z.enum(SUBJECT_TYPES), count: z.number() }),
  ),
  denunciations: z.object({ received: z.number(), handled: z.number(), inTime: z.number() }),
});
export type InspectionReport = z.infer<typeof inspectionReportSchema>;

/** One user's access to a case. */
export const caseAccessParamsSchema = idParamsSchema.extend({ userId: idSchema });
