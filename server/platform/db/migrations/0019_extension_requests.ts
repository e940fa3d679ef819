import type { Kysely } from 'kysely';

/**
 * A handler's request for more time on a document, waiting for the leader who directed it to
 * grant (with the new deadline) or refuse (with the reason). One may wait per document at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_extension_requests')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(64)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('requested_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('requested_by_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('leader_id', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('current_due', 'varchar(10)')
    .addColumn('proposed_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(40)')
    .addColumn('granted_due', 'varchar(10)')
    .addColumn('decision_note', 'varchar(2000)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_extension_requests_document_idx')
    .on('document_extension_requests')
    .columns(['document_id', 'status'])
    .execute();
  await db.schema
    .createIndex('document_extension_requests_leader_idx')
    .on('document_extension_requests')
    .columns(['leader_id', 'status'])
    .execute();
}
