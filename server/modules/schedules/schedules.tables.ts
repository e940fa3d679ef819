/** The schedules module's tables, added to the database type below. */

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

declare module '../../platform/db/schema' {
  interface DB {
    schedules: SchedulesTable;
    schedule_items: ScheduleItemsTable;
    schedule_item_people: ScheduleItemPeopleTable;
    calendar_feeds: CalendarFeedsTable;
  }
}
