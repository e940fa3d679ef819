import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * The duplicate check at registration asks for one organization's incoming documents with one
 * issuer and number. With the issuer-and-number key alone indexed, a planner without fresh
 * statistics preferred the organization's index and read every incoming document of the
 * organization: 86 ms a check at 100,000 documents instead of 0.14 ms. An index on all three
 * columns is the best choice with statistics or without, and replaces the key's own index
 * (nothing else looks documents up by key).
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createIndex('documents_duplicate_idx')
    .on('documents')
    .columns(['organization_id', 'direction', 'document_key'])
    .execute();
  await db.schema.dropIndex('documents_key_idx').execute();
}
