/** The inspection module's tables, added to the database type below. */

export interface InspectionProgrammesTable {
  id: string;
  organization_id: string;
  year: number;
  title: string;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InspectionProgrammeItemsTable {
  id: string;
  programme_id: string;
  quarter: number;
  kind: string;
  title: string;
  unit_organization_id: string | null;
  created_at: string;
}

export interface InspectionCasesTable {
  id: string;
  /** The Inspection Commission (or committee) running the case. */
  organization_id: string;
  kind: string;
  title: string;
  summary: string | null;
  unit_organization_id: string | null;
  programme_item_id: string | null;
  year: number;
  quarter: number;
  opened_on: string;
  stage: string;
  status: string;
  stage_due_date: string | null;
  deadline: string | null;
  violation: number | null;
  concluded_on: string | null;
  closed_on: string | null;
  search_text: string;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InspectionSubjectsTable {
  id: string;
  case_id: string;
  ordinal: number;
  subject_type: string;
  person_id: string | null;
  organization_id: string | null;
  name: string;
  position: string | null;
}

export interface InspectionStagesTable {
  id: string;
  case_id: string;
  stage: string;
  on_date: string;
  document_number: string | null;
  document_id: string | null;
  note: string | null;
  due_date: string | null;
  /** JSON: what the stage settled (source, finding, team, outcome). */
  data: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface InspectionDisciplinesTable {
  id: string;
  case_id: string;
  subject_id: string;
  organization_id: string;
  year: number;
  subject_type: string;
  form: string;
  deciding_body: string;
  decided_on: string;
  outcome: string | null;
  created_at: string;
}

export interface InspectionDenouncersTable {
  case_id: string;
  source: string | null;
  name: string | null;
  address: string | null;
  phone: string | null;
}

export interface InspectionCaseAccessTable {
  case_id: string;
  user_id: string;
  role: string;
  granted_by: string;
  granted_at: string;
}

export interface InspectionCaseDocumentsTable {
  case_id: string;
  document_id: string;
  role: string;
  linked_by: string;
  linked_at: string;
}

declare module '../../platform/db/schema' {
  interface DB {
    inspection_programmes: InspectionProgrammesTable;
    inspection_programme_items: InspectionProgrammeItemsTable;
    inspection_cases: InspectionCasesTable;
    inspection_subjects: InspectionSubjectsTable;
    inspection_stages: InspectionStagesTable;
    inspection_disciplines: InspectionDisciplinesTable;
    inspection_denouncers: InspectionDenouncersTable;
    inspection_case_access: InspectionCaseAccessTable;
    inspection_case_documents: InspectionCaseDocumentsTable;
  }
}
