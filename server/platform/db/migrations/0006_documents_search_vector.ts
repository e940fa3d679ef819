import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * PostgreSQL: keep each document's search vector in a stored column rather than an
 * expression index. A search then never recomputes `to_tsvector` for the rows it checks
 * (a bitmap recheck, or a newest-first walk that tests rows one by one), which at a
 * million documents is most of its time.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.kind !== 'postgres') return;
  await sql`drop index documents_search_idx`.execute(db);
  await sql`alter table documents add column search_vector tsvector
    generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
  await sql`create index documents_search_idx on documents using gin (search_vector)`.execute(db);
}
