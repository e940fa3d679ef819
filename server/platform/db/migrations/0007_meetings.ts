import type { Kysely } from 'kysely';

/**
 * Step 3: meetings and their invitations, documents, replies and attendance; weekly work
 * schedules and calendar feeds; in-app notifications; the paper saved and its costs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;
  const id = (name: string) => [name, 'varchar(64)'] as const;

  // The page count of a stored file, when it can be known (PDF) or estimated (DOCX, ODT).
  await db.schema.alterTable('blobs').addColumn('page_count', 'integer').execute();

  await db.schema
    .createTable('meetings')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('body', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn(...id('chair_user_id'), (c) => c.references('users.id').onDelete('set null'))
    .addColumn('chair_name', 'varchar(200)')
    .addColumn(...time('starts_at'), (c) => c.notNull())
    .addColumn(...time('ends_at'), (c) => c.notNull())
    .addColumn('place', 'varchar(300)', (c) => c.notNull())
    .addColumn('content', 'varchar(8000)')
    .addColumn('secrecy', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('signer_name', 'varchar(200)')
    .addColumn('signer_position', 'varchar(200)')
    .addColumn('signer_authority', 'varchar(200)')
    .addColumn(...id('register_id'), (c) => c.references('registers.id').onDelete('restrict'))
    .addColumn(...id('invitation_document_id'), (c) => c.references('documents.id').onDelete('set null'))
    .addColumn(...time('sent_at'))
    .addColumn('client_key', 'varchar(80)')
    .addColumn(...id('created_by'), (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_org_idx').on('meetings').columns(['organization_id', 'starts_at']).execute();
  await db.schema.createIndex('meetings_starts_idx').on('meetings').column('starts_at').execute();
  await db.schema
    .createIndex('meetings_client_key_uq')
    .on('meetings')
    .columns(['created_by', 'client_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('meeting_id'), (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('presenter_name', 'varchar(200)')
    .addColumn(...id('presenter_user_id'), (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('meeting_agenda_meeting_idx').on('meeting_agenda_items').column('meeting_id').execute();

  // Files are never changed in place: a replacement is a new row naming the one it replaces.
  await db.schema
    .createTable('meeting_files')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('meeting_id'), (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn(...id('agenda_item_id'), (c) => c.references('meeting_agenda_items.id').onDelete('set null'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull().references('blobs.sha256').onDelete('restrict'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('pages', 'integer')
    .addColumn(...id('replaces_id'), (c) => c)
    .addColumn(...time('superseded_at'))
    .addColumn(...time('withdrawn_at'))
    .addColumn(...id('added_by'), (c) => c.notNull())
    .addColumn('added_by_name', 'varchar(200)', (c) => c.notNull())
    .addColumn(...time('added_at'), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_files_meeting_idx').on('meeting_files').column('meeting_id').execute();

  // One row per person or organization invited, however many groups brought them in.
  await db.schema
    .createTable('meeting_invitees')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('meeting_id'), (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn(...id('person_id'), (c) => c.references('people.id').onDelete('restrict'))
    .addColumn(...id('organization_id'), (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn(...id('user_id'), (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('position', 'varchar(200)')
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('reply', 'varchar(12)', (c) => c.notNull())
    .addColumn('reason', 'varchar(1000)')
    .addColumn('deputy_name', 'varchar(200)')
    .addColumn(...time('replied_at'))
    .addColumn(...id('replied_by'), (c) => c)
    .addColumn('attendance', 'varchar(10)', (c) => c.notNull())
    .addColumn(...time('checked_in_at'))
    .addColumn(...id('checked_in_by'), (c) => c)
    .addColumn(...time('reminded_at'))
    .addColumn(...time('invited_at'), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('meeting_invitees_person_uq', ['meeting_id', 'person_id'])
    .addUniqueConstraint('meeting_invitees_org_uq', ['meeting_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('meeting_invitees_user_idx').on('meeting_invitees').column('user_id').execute();
  await db.schema.createIndex('meeting_invitees_org_idx').on('meeting_invitees').column('organization_id').execute();

  // When each person last looked at a meeting, and which of its files they opened.
  await db.schema
    .createTable('meeting_views')
    .addColumn(...id('meeting_id'), (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn(...time('seen_at'), (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_views_pk', ['meeting_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('meeting_file_opens')
    .addColumn(...id('meeting_file_id'), (c) => c.notNull().references('meeting_files.id').onDelete('cascade'))
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn(...time('first_opened_at'), (c) => c.notNull())
    .addColumn(...time('last_opened_at'), (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_file_opens_pk', ['meeting_file_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('meeting_events')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('meeting_id'), (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn(...time('at'), (c) => c.notNull())
    .addColumn(...id('actor_id'), (c) => c)
    .addColumn('actor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(4000)')
    .execute();
  await db.schema
    .createIndex('meeting_events_meeting_idx')
    .on('meeting_events')
    .columns(['meeting_id', 'at'])
    .execute();

  await db.schema
    .createTable('schedules')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('owner', 'varchar(20)', (c) => c.notNull())
    .addColumn(...id('owner_user_id'), (c) => c.references('users.id').onDelete('restrict'))
    // 'standing_committee' or 'user:<id>': unique per organization and week, nulls aside.
    .addColumn('owner_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('week_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn(...time('published_at'))
    .addColumn(...id('approved_by'), (c) => c)
    .addColumn('approved_by_name', 'varchar(200)')
    .addColumn('note', 'varchar(1000)')
    .addColumn(...id('created_by'), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .addUniqueConstraint('schedules_week_uq', ['organization_id', 'owner_key', 'week_start'])
    .execute();
  await db.schema.createIndex('schedules_week_idx').on('schedules').column('week_start').execute();

  await db.schema
    .createTable('schedule_items')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('schedule_id'), (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('end_time', 'varchar(5)')
    .addColumn('place', 'varchar(300)')
    .addColumn('content', 'varchar(2000)', (c) => c.notNull())
    .addColumn('lead_text', 'varchar(300)')
    .addColumn('attendees_text', 'varchar(2000)')
    .addColumn('preparers_text', 'varchar(500)')
    .addColumn(...id('meeting_id'), (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn(...time('changed_at'))
    .addColumn(...time('cancelled_at'))
    .addColumn('change_note', 'varchar(500)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('schedule_items_schedule_idx')
    .on('schedule_items')
    .columns(['schedule_id', 'day'])
    .execute();
  await db.schema
    .createTable('schedule_item_people')
    .addColumn(...id('item_id'), (c) => c.notNull().references('schedule_items.id').onDelete('cascade'))
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('schedule_item_people_pk', ['item_id', 'user_id'])
    .execute();
  await db.schema.createIndex('schedule_item_people_user_idx').on('schedule_item_people').column('user_id').execute();

  // A personal iCalendar address: only the token's hash is kept; a new one replaces the old.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn(...id('user_id'), (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn(...time('created_at'), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('body', 'varchar(2000)')
    .addColumn('link', 'varchar(500)')
    .addColumn('entity_type', 'varchar(40)')
    .addColumn(...id('entity_id'), (c) => c)
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('read_at'))
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  // Pages × copies that would have been printed, one row per electronic delivery.
  await db.schema
    .createTable('paper_savings')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...time('occurred_at'), (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn(...id('entity_id'), (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('paper_savings_month_idx')
    .on('paper_savings')
    .columns(['month', 'organization_id'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...id('updated_by'), (c) => c)
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
}
