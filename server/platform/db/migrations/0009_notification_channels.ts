import { type Kysely, sql } from 'kysely';

/** Step 4: notifications leave the app by e-mail and SMS, per person's settings, each delivery tracked. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;
  const id = (name: string) => [name, 'varchar(64)'] as const;

  // Secret matters: e-mail and SMS then say only that there is news, never what it is.
  await db.schema
    .alterTable('notifications')
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn(...id('user_id'), (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sms_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    // No SMS between these times (Vietnam); what falls inside waits for the end of the quiet hours.
    .addColumn('quiet_from', 'varchar(5)', (c) => c.notNull().defaultTo('21:00'))
    .addColumn('quiet_to', 'varchar(5)', (c) => c.notNull().defaultTo('07:00'))
    // JSON list of `kind:channel` pairs the person does not want.
    .addColumn('muted', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('notification_id'), (c) => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('address', 'varchar(254)')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('provider_id', 'varchar(200)')
    .addColumn('segments', 'integer')
    .addColumn('error', 'varchar(1000)')
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .addUniqueConstraint('notification_deliveries_uq', ['notification_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_provider_idx')
    .on('notification_deliveries')
    .column('provider_id')
    .execute();
}
