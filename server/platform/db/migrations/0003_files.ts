import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * Files stored once, named by the SHA-256 of their bytes. The bytes live on
 * disk or, when several processes share one PostgreSQL database, in `data`.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('data', ctx.kind === 'postgres' ? sql`bytea` : 'blob')
    /** Text found in the file (PDF, DOCX, ODT), folded for search; null when there is none. */
    .addColumn('text_content', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}
