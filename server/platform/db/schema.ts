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
  failed_count: number;
  locked_until: string | null;
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
  hash: string;
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

export interface DB {
  organizations: OrganizationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  distribution_groups: DistributionGroupsTable;
  group_members: GroupMembersTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  app_meta: AppMetaTable;
  directory_state: DirectoryStateTable;
}
