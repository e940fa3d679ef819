import type { Generated } from 'kysely';

/** The documents module's tables, added to the database type below. */

export interface RegistersTable {
  id: string;
  organization_id: string;
  direction: string;
  secret: number;
  name: string;
  /** `party` (Số 05-NQ/HU) or `state` (Số: 05/QĐ-UBND). */
  style: string;
  /** When the numbers start again from 1: `year`, `term` or `never`. */
  reset: string;
  /** 1 when each document type has its own series. */
  per_type: number;
  /** The committee term numbers run within, e.g. `2025-2030`, when reset is `term`. */
  term_label: string | null;
  issuer_abbreviation: string;
  /** JSON array of the type codes the register takes; empty for all. */
  type_codes: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RegisterCountersTable {
  register_id: string;
  period: string;
  type_code: string;
  last_number: number;
}

export interface DocumentsTable {
  id: string;
  seq: Generated<number>;
  organization_id: string;
  direction: string;
  status: string;
  register_id: string | null;
  period: string | null;
  number: number | null;
  number_text: string | null;
  arrival_number: number | null;
  arrival_date: string | null;
  type_code: string;
  issuer_name: string;
  issuer_organization_id: string | null;
  issue_date: string | null;
  summary: string;
  signer_name: string | null;
  signer_position: string | null;
  page_count: number | null;
  copies: number | null;
  secrecy: string;
  urgency: string;
  channel: string | null;
  due_date: string | null;
  document_key: string | null;
  delivery_id: string | null;
  created_by: string;
  leader_id: string | null;
  client_key: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DocumentFilesTable {
  id: string;
  document_id: string;
  sha256: string;
  file_name: string;
  kind: string;
  added_by: string;
  added_at: string;
}

export interface DocumentAssignmentsTable {
  id: string;
  document_id: string;
  role: string;
  user_id: string | null;
  organization_id: string | null;
  due_date: string | null;
  status: string;
  assigned_at: string;
  done_at: string | null;
}

export interface DocumentAccessTable {
  document_id: string;
  user_id: string;
  reason: string;
}

export interface DocumentEventsTable {
  id: string;
  document_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  kind: string;
  note: string | null;
  data: string | null;
}

export interface DocumentExtensionRequestsTable {
  id: string;
  document_id: string;
  requested_by: string;
  requested_by_name: string;
  leader_id: string | null;
  current_due: string | null;
  proposed_due: string;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  granted_due: string | null;
  decision_note: string | null;
  created_at: string;
}

export interface DocumentRecipientsTable {
  id: string;
  document_id: string;
  kind: string;
  ref_id: string | null;
  name: string;
  channel: string;
  email: string | null;
  /** The relay's copy for an outside e-mail recipient, once dispatched. */
  mail_outbound_id: string | null;
}

export interface DocumentDeliveriesTable {
  id: string;
  document_id: string;
  organization_id: string;
  /** The exchange status code (QCVN 102): 01 arrived, 02 refused, 03 accepted, 05 processing, 06 done, 13 recalled. */
  status: string;
  sent_at: string;
  received_at: string | null;
  decided_at: string | null;
  updated_at: string;
  reason: string | null;
  incoming_document_id: string | null;
  version: number;
  /** When the sender last reminded this organization's clerks to open it. */
  reminded_at: string | null;
}

/** A dispatched document delivered to one person himself (a recipient with an account). */
export interface DocumentPersonDeliveriesTable {
  id: string;
  document_id: string;
  person_id: string;
  user_id: string;
  name: string;
  sent_at: string;
  read_at: string | null;
  reminded_at: string | null;
}

/** An outgoing draft written in reply to an incoming document. */
export interface DocumentRepliesTable {
  outgoing_id: string;
  incoming_id: string;
  created_by: string;
  created_at: string;
}

/** An outgoing document that replaces an earlier one of the same organization. */
export interface DocumentReplacementsTable {
  document_id: string;
  replaces_id: string;
  created_by: string;
  created_at: string;
}

/** A draft's content as it stood at one save; `fields` is JSON of the compared fields. */
export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  number: number;
  saved_by: string | null;
  saved_by_name: string;
  saved_at: string;
  fields: string;
  main_file_name: string | null;
  main_file_sha256: string | null;
}

declare module '../../platform/db/schema' {
  interface DB {
    registers: RegistersTable;
    register_counters: RegisterCountersTable;
    documents: DocumentsTable;
    document_files: DocumentFilesTable;
    document_assignments: DocumentAssignmentsTable;
    document_access: DocumentAccessTable;
    document_events: DocumentEventsTable;
    document_extension_requests: DocumentExtensionRequestsTable;
    document_recipients: DocumentRecipientsTable;
    document_deliveries: DocumentDeliveriesTable;
    document_person_deliveries: DocumentPersonDeliveriesTable;
    document_replies: DocumentRepliesTable;
    document_replacements: DocumentReplacementsTable;
    document_versions: DocumentVersionsTable;
  }
}
