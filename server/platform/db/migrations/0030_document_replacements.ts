import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * An outgoing document may replace an earlier one of the same organization (văn bản thay thế): a
 * row per replacing document names the one it replaces, so both pages show the link and the
 * exchange sends the replacement as such (edXML business kind 3) to offices outside.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  const id = (name: string) => [name, 'varchar(64)'] as const;
  await db.schema
    .createTable('document_replacements')
    .addColumn(...id('document_id'), (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn(...id('replaces_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn(...id('created_by'), (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_replacements_replaces_idx')
    .on('document_replacements')
    .column('replaces_id')
    .execute();
}
