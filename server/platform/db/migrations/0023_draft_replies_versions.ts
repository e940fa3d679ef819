import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * An outgoing draft written in reply to an incoming document remembers which one: a row per
 * reply, so both pages can show the link. A draft's earlier contents are kept, a row per
 * saved version, so they can be compared.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  const id = (name: string) => [name, 'varchar(64)'] as const;
  await db.schema
    .createTable('document_replies')
    .addColumn(...id('outgoing_id'), (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn(...id('incoming_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn(...id('created_by'), (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_replies_incoming_idx').on('document_replies').column('incoming_id').execute();
  await db.schema
    .createTable('document_versions')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn(...id('saved_by'))
    .addColumn('saved_by_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('main_file_name', 'varchar(300)')
    .addColumn('main_file_sha256', 'varchar(64)')
    .addUniqueConstraint('document_versions_uq', ['document_id', 'number'])
    .execute();
}
