import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Both engines store the same shapes:
 * times as UTC ISO-8601 text, booleans as 0/1 integers, ids as opaque text,
 * so one query layer serves SQLite and PostgreSQL alike.
 */
export interface OrganizationsTable {
  id: string;
  parent_id: string | null;
  /** Materialized path of ids, `/root/child/self/`, for subtree checks in one comparison. */
  path: string;
  depth: number;
  type: string;
  code: string;
  name: string;
  abbreviation: string;
  mailbox: string | null;
  sort_order: number;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  full_name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
  mailbox: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  person_id: string;
  organization_id: string;
  position: string | null;
  is_primary: number;
}

export interface DistributionGroupsTable {
  id: string;
  owner_organization_id: string;
  name: string;
  description: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  person_id: string | null;
  organization_id: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  email: string | null;
  person_id: string | null;
  full_name: string;
  position: string | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  last_sign_in_at: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  user_id: string;
  organization_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/**
 * Sign-in attempts counted per key (an address, an account or unknown name, or the two
 * together), reserved before the password is checked. Times are epoch milliseconds.
 */
export interface SignInThrottlesTable {
  key: string;
  account_id: string | null;
  attempts: number;
  window_ends: number;
  strikes: number;
  /** An account and address that signed in: the account-wide limit does not shut it out. */
  trusted_until: number | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditEventsTable {
  seq: number;
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  ip: string | null;
  user_agent: string | null;
  data: string | null;
  search_text: string;
  prev_hash: string;
  /** HMAC-SHA256 with the chain's key; on entries written before keys, their plain SHA-256. */
  hash: string;
  /** Names the key that MACed the entry; null on entries written before keys. */
  key_id: string | null;
}

/** Proof that an old entry fails its hash only because a lone surrogate was stored as U+FFFD. */
export interface AuditRepairsTable {
  seq: number;
  /** JSON: which U+FFFD characters were which lone surrogates. */
  substitutions: string;
  repaired_at: string;
  repaired_by: string;
}

/** One row: the newest sequence number and hash of the audit chain. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** One row: moved on by triggers at every change to the directory tables. */
export interface DirectoryStateTable {
  id: number;
  version: number;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

/** A file's bytes and what is known of them, stored once per SHA-256. */
export interface BlobsTable {
  sha256: string;
  size: number;
  content_type: string;
  /** The bytes, when files are kept in the database; null when they are on disk. */
  data: Buffer | null;
  text_content: string | null;
  /** Pages, when known (PDF) or estimated (DOCX, ODT); null for other kinds. */
  page_count: number | null;
  created_at: string;
}

export interface FileUploadsTable {
  id: string;
  sha256: string;
  user_id: string;
  file_name: string;
  created_at: string;
}

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

/** A reply's idempotency key, per person: a repeat of the same key writes nothing. */
export interface MeetingReplyKeysTable {
  user_id: string;
  key: string;
  meeting_id: string;
  /** SHA-256 of the meeting and the reply, so the same key with another reply is refused. */
  request_hash: string;
  created_at: string;
}

export interface MeetingsTable {
  id: string;
  organization_id: string;
  body: string;
  title: string;
  chair_user_id: string | null;
  chair_name: string | null;
  starts_at: string;
  ends_at: string;
  place: string;
  content: string | null;
  secrecy: string;
  status: string;
  signer_name: string | null;
  signer_position: string | null;
  signer_authority: string | null;
  register_id: string | null;
  invitation_document_id: string | null;
  sent_at: string | null;
  client_key: string | null;
  created_by: string;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingAgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  presenter_name: string | null;
  presenter_user_id: string | null;
}

export interface MeetingFilesTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  kind: string;
  sha256: string;
  file_name: string;
  pages: number | null;
  replaces_id: string | null;
  superseded_at: string | null;
  withdrawn_at: string | null;
  added_by: string;
  added_by_name: string;
  added_at: string;
}

export interface MeetingInviteesTable {
  id: string;
  meeting_id: string;
  kind: string;
  person_id: string | null;
  organization_id: string | null;
  user_id: string | null;
  name: string;
  position: string | null;
  role: string;
  reply: string;
  reason: string | null;
  deputy_name: string | null;
  replied_at: string | null;
  replied_by: string | null;
  attendance: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  reminded_at: string | null;
  invited_at: string;
  version: number;
}

export interface MeetingViewsTable {
  meeting_id: string;
  user_id: string;
  seen_at: string;
}

export interface MeetingFileOpensTable {
  meeting_file_id: string;
  user_id: string;
  first_opened_at: string;
  last_opened_at: string;
}

export interface MeetingEventsTable {
  id: string;
  meeting_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  kind: string;
  note: string | null;
}

export interface SchedulesTable {
  id: string;
  organization_id: string;
  owner: string;
  owner_user_id: string | null;
  owner_key: string;
  week_start: string;
  status: string;
  revision: number;
  published_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  note: string | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ScheduleItemsTable {
  id: string;
  schedule_id: string;
  day: string;
  start_time: string;
  end_time: string | null;
  place: string | null;
  content: string;
  lead_text: string | null;
  attendees_text: string | null;
  preparers_text: string | null;
  meeting_id: string | null;
  changed_at: string | null;
  cancelled_at: string | null;
  change_note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ScheduleItemPeopleTable {
  item_id: string;
  user_id: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  created_at: string;
  read_at: string | null;
  /** 1 for news of something secret: e-mail and SMS say only that there is news. */
  sensitive: Generated<number>;
}

export interface NotificationSettingsTable {
  user_id: string;
  email_enabled: number;
  sms_enabled: number;
  quiet_from: string;
  quiet_to: string;
  /** JSON list of `kind:channel` pairs the person does not want. */
  muted: string;
  version: number;
  updated_at: string;
}

export interface NotificationDeliveriesTable {
  id: string;
  notification_id: string;
  user_id: string;
  channel: string;
  address: string | null;
  /** queued, sent, delivered, failed, skipped */
  status: string;
  provider_id: string | null;
  segments: number | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface PaperSavingsTable {
  id: string;
  occurred_at: string;
  /** YYYY-MM in Vietnam. */
  month: string;
  organization_id: string;
  kind: string;
  entity_id: string;
  pages: number;
  copies: number;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'dead';

/** Work done after commit by the job runner (`platform/jobs`). */
export interface JobsTable {
  id: string;
  kind: string;
  /** Unique: the same key enqueued twice is one job, and handlers pass it on to providers. */
  idempotency_key: string;
  /** JSON. */
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  /** When the job is due (UTC ISO); for a failed one, when it is tried again. */
  run_at: string;
  /** The lease of the worker running it: past this, another worker takes it again. */
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface RemindersSentTable {
  key: string;
  sent_at: string;
}

export interface MailboxesTable {
  id: string;
  kind: 'organization' | 'person' | 'user';
  owner_id: string;
  address: string;
  name: string;
  search_text: string;
  created_at: string;
}

export interface MailMessagesTable {
  id: string;
  thread_id: string;
  mailbox_id: string | null;
  from_address: string;
  from_name: string | null;
  subject: string;
  body_text: string;
  body_html: string | null;
  recipients: string;
  bcc: string;
  message_id: string;
  in_reply_to: string | null;
  headers: string | null;
  source: 'internal' | 'smtp';
  status: 'draft' | 'sent';
  size: number;
  search_text: string;
  created_by: string | null;
  client_key: string | null;
  version: number;
  created_at: string;
  sent_at: string | null;
}

export interface MailAttachmentsTable {
  id: string;
  message_id: string;
  position: number;
  sha256: string;
  file_name: string;
  size: number;
  content_type: string;
}

export interface MailFoldersTable {
  id: string;
  mailbox_id: string;
  name: string;
  created_at: string;
}

export interface MailItemsTable {
  id: string;
  message_id: string;
  mailbox_id: string;
  folder: string;
  role: 'from' | 'to' | 'cc' | 'bcc';
  read_at: string | null;
  document_id: string | null;
  created_at: string;
}

export interface MailOutboundTable {
  id: string;
  message_id: string;
  address: string;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  created_at: string;
  updated_at: string;
}

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

export interface DomainEventsTable {
  id: string;
  kind: string;
  occurred_at: string;
  payload: string;
}

export interface DB {
  domain_events: DomainEventsTable;
  organizations: OrganizationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  distribution_groups: DistributionGroupsTable;
  group_members: GroupMembersTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  password_reset_tokens: PasswordResetTokensTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  audit_repairs: AuditRepairsTable;
  app_meta: AppMetaTable;
  directory_state: DirectoryStateTable;
  blobs: BlobsTable;
  file_uploads: FileUploadsTable;
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
  document_versions: DocumentVersionsTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_files: MeetingFilesTable;
  meeting_invitees: MeetingInviteesTable;
  meeting_reply_keys: MeetingReplyKeysTable;
  meeting_views: MeetingViewsTable;
  meeting_file_opens: MeetingFileOpensTable;
  meeting_events: MeetingEventsTable;
  schedules: SchedulesTable;
  schedule_items: ScheduleItemsTable;
  schedule_item_people: ScheduleItemPeopleTable;
  calendar_feeds: CalendarFeedsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  notification_deliveries: NotificationDeliveriesTable;
  reminders_sent: RemindersSentTable;
  paper_savings: PaperSavingsTable;
  settings: SettingsTable;
  jobs: JobsTable;
  mailboxes: MailboxesTable;
  mail_messages: MailMessagesTable;
  mail_attachments: MailAttachmentsTable;
  mail_folders: MailFoldersTable;
  mail_items: MailItemsTable;
  mail_outbound: MailOutboundTable;
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
