import { type Kysely, sql } from 'kysely';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_directory_version';
import * as m0003 from './migrations/0003_files';
import * as m0004 from './migrations/0004_documents';
import * as m0005 from './migrations/0005_documents_fts_prefix';
import * as m0006 from './migrations/0006_documents_search_vector';
import * as m0007 from './migrations/0007_meetings';
import * as m0008 from './migrations/0008_jobs';
import * as m0009 from './migrations/0009_notification_channels';
import * as m0010 from './migrations/0010_reminders';
import * as m0011 from './migrations/0011_mailboxes';
import * as m0012 from './migrations/0012_inspection';
import * as m0013 from './migrations/0013_audit_keyed';
import * as m0014 from './migrations/0014_sign_in_guard';
import * as m0015 from './migrations/0015_refold_lookalikes';
import * as m0016 from './migrations/0016_demo_secrets';
import * as m0017 from './migrations/0017_outside_deliveries';
import * as m0018 from './migrations/0018_personal_deliveries';
import * as m0019 from './migrations/0019_extension_requests';
import * as m0023 from './migrations/0023_draft_replies_versions';
import * as m0024 from './migrations/0024_meeting_reply_keys';
import * as m0025 from './migrations/0025_domain_events';
import * as m0026 from './migrations/0026_duplicate_check_index';
import * as m0027 from './migrations/0027_queue_indexes';
import * as m0028 from './migrations/0028_organization_national_id';
import * as m0029 from './migrations/0029_exchange';
import * as m0030 from './migrations/0030_document_replacements';

export interface MigrationContext {
  kind: 'sqlite' | 'postgres';
}

interface Migration {
  name: string;
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
}

/** Every migration, in the order it applies. Append only; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_foundation', ...m0001 },
  { name: '0002_directory_version', up: m0002.up },
  { name: '0003_files', up: m0003.up },
  { name: '0004_documents', up: m0004.up },
  { name: '0005_documents_fts_prefix', up: m0005.up },
  { name: '0006_documents_search_vector', up: m0006.up },
  { name: '0007_meetings', up: m0007.up },
  { name: '0008_jobs', up: m0008.up },
  { name: '0009_notification_channels', up: m0009.up },
  { name: '0010_reminders', up: m0010.up },
  { name: '0011_mailboxes', up: m0011.up },
  { name: '0012_inspection', up: m0012.up },
  { name: '0013_audit_keyed', up: m0013.up },
  { name: '0014_sign_in_guard', up: m0014.up },
  { name: '0015_refold_lookalikes', up: m0015.up },
  { name: '0016_demo_secrets', up: m0016.up },
  { name: '0017_outside_deliveries', up: m0017.up },
  { name: '0018_personal_deliveries', up: m0018.up },
  { name: '0019_extension_requests', up: m0019.up },
  { name: '0023_draft_replies_versions', up: m0023.up },
  { name: '0024_meeting_reply_keys', up: m0024.up },
  { name: '0025_domain_events', up: m0025.up },
  { name: '0026_duplicate_check_index', up: m0026.up },
  { name: '0027_queue_indexes', up: m0027.up },
  { name: '0028_organization_national_id', up: m0028.up },
  { name: '0029_exchange', up: m0029.up },
  { name: '0030_document_replacements', up: m0030.up },
];

const LOCK_KEY = 7_316_001; // arbitrary, constant: one migrator at a time per PostgreSQL database

export interface MigrationResult {
  applied: string[];
  total: number;
}

/**
 * Applies pending migrations, each in its own transaction. On PostgreSQL an
 * advisory lock keeps two processes starting together from racing.
 */
export async function migrateToLatest(db: Kysely<unknown>, ctx: MigrationContext): Promise<MigrationResult> {
  await sql`create table if not exists schema_migrations (name varchar(200) primary key, applied_at varchar(30) not null)`.execute(
    db,
  );
  if (ctx.kind !== 'postgres') return applyPending(db, ctx);
  // Advisory locks belong to a session: hold one connection for the whole run.
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      return await applyPending(conn, ctx);
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}

async function applyPending(db: Kysely<unknown>, ctx: MigrationContext): Promise<MigrationResult> {
  const rows = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
  const done = new Set(rows.rows.map((r) => r.name));
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const unknown = [...done].filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(`Cơ sở dữ liệu có migration mà phiên bản này không biết: ${unknown.join(', ')}`);
  }
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.name)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx, ctx);
      await sql`insert into schema_migrations (name, applied_at) values (${migration.name}, ${new Date().toISOString()})`.execute(
        trx,
      );
    });
    applied.push(migration.name);
  }
  return { applied, total: MIGRATIONS.length };
}
