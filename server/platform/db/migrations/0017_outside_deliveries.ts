import type { Kysely } from 'kysely';

/**
 * A dispatched document's outside e-mail recipient points at the copy the relay carries
 * (`mail_outbound`), so the document shows whether it went, and the paper saved counts
 * only what was delivered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('document_recipients')
    .addColumn('mail_outbound_id', 'varchar(64)', (c) => c.references('mail_outbound.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('document_recipients_outbound_idx')
    .on('document_recipients')
    .column('mail_outbound_id')
    .execute();
}
