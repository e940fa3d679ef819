import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/** Step 1: directory, accounts, sessions, audit chain. */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('parent_id', 'varchar(64)', (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('path', 'varchar(2000)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('abbreviation', 'varchar(20)', (c) => c.notNull())
    .addColumn('mailbox', 'varchar(254)')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organizations_parent_idx')
    .on('organizations')
    .columns(['parent_id', 'sort_order'])
    .execute();
  await db.schema.createIndex('organizations_path_idx').on('organizations').column('path').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('full_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'varchar(200)')
    .addColumn('phone', 'varchar(20)')
    .addColumn('email', 'varchar(254)')
    .addColumn('mailbox', 'varchar(254)')
    .addColumn('search_text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('person_id', 'varchar(64)', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('organization_id', 'varchar(64)', (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('position', 'varchar(200)')
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('memberships_pk', ['person_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('memberships_org_idx').on('memberships').column('organization_id').execute();

  await db.schema
    .createTable('distribution_groups')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('owner_organization_id', 'varchar(64)', (c) =>
      c.notNull().references('organizations.id').onDelete('restrict'),
    )
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'varchar(1000)')
    .addColumn('search_text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .addUniqueConstraint('distribution_groups_owner_name_uq', ['owner_organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'varchar(64)', (c) => c.notNull().references('distribution_groups.id').onDelete('cascade'))
    .addColumn('person_id', 'varchar(64)', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('organization_id', 'varchar(64)', (c) => c.references('organizations.id').onDelete('cascade'))
    .addCheckConstraint(
      'group_members_one_kind',
      sql`(person_id is null and organization_id is not null) or (person_id is not null and organization_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('group_members_uq')
    .on('group_members')
    .columns(['group_id', 'person_id', 'organization_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('email', 'varchar(254)', (c) => c.unique())
    .addColumn('person_id', 'varchar(64)', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('full_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'varchar(200)')
    .addColumn('password_hash', 'varchar(300)', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totp_secret', 'varchar(64)')
    .addColumn('totp_pending_secret', 'varchar(64)')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn(...time('locked_until'))
    .addColumn(...time('last_sign_in_at'))
    .addColumn('search_text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'varchar(64)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addPrimaryKeyConstraint('role_grants_pk', ['user_id', 'organization_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('last_seen_at'), (c) => c.notNull())
    .addColumn(...time('expires_at'), (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('password_reset_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_by', 'varchar(64)')
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('expires_at'), (c) => c.notNull())
    .addColumn(...time('used_at'))
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn(...time('occurred_at'), (c) => c.notNull())
    .addColumn('actor_id', 'varchar(64)')
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('action', 'varchar(80)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .addColumn('data', 'text')
    .addColumn('search_text', 'varchar(2000)', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_occurred_idx').on('audit_events').column('occurred_at').execute();
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').column('actor_id').execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  // The trail is append-only at the database too; `vanphong audit verify`
  // still catches changes made by someone who drops these triggers.
  if (ctx.kind === 'sqlite') {
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only'; end $$`.execute(db);
    await sql`create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
  }

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
