import type { Generated } from 'kysely';

/** The notifications module's tables, added to the database type below. */

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

declare module '../../platform/db/schema' {
  interface DB {
    notifications: NotificationsTable;
    notification_settings: NotificationSettingsTable;
    notification_deliveries: NotificationDeliveriesTable;
  }
}
