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

export interface DomainEventsTable {
  id: string;
  kind: string;
  occurred_at: string;
  payload: string;
}

/**
 * The platform's own tables. Each module adds its tables to `DB` from its `<module>.tables.ts`
 * by declaration merging, so the database type is whole while the platform names no feature.
 */
export interface DB {
  domain_events: DomainEventsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  audit_repairs: AuditRepairsTable;
  app_meta: AppMetaTable;
  directory_state: DirectoryStateTable;
  blobs: BlobsTable;
  file_uploads: FileUploadsTable;
  reminders_sent: RemindersSentTable;
  settings: SettingsTable;
  jobs: JobsTable;
}
