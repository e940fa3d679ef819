/** The meetings module's tables, added to the database type below. */

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

declare module '../../platform/db/schema' {
  interface DB {
    meeting_reply_keys: MeetingReplyKeysTable;
    meetings: MeetingsTable;
    meeting_agenda_items: MeetingAgendaItemsTable;
    meeting_files: MeetingFilesTable;
    meeting_invitees: MeetingInviteesTable;
    meeting_views: MeetingViewsTable;
    meeting_file_opens: MeetingFileOpensTable;
    meeting_events: MeetingEventsTable;
  }
}
