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

  // An upload belongs to the account that sent it until a record takes it in; only its owner may attach it.
  await db.schema
    .createTable('file_uploads')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull().references('blobs.sha256').onDelete('restrict'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('file_uploads_user_idx').on('file_uploads').column('user_id').execute();
}
