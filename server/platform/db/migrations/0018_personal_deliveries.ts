import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * A person chosen as a recipient of an outgoing document receives it himself: one row per
 * person with an account, read when he opens it, reminded at most once a day. Deliveries to
 * organizations remember their last reminder too.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;
  const id = (name: string) => [name, 'varchar(64)'] as const;
  await db.schema
    .createTable('document_person_deliveries')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn(...id('person_id'), (c) => c.notNull())
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn(...time('sent_at'), (c) => c.notNull())
    .addColumn(...time('read_at'))
    .addColumn(...time('reminded_at'))
    .addUniqueConstraint('document_person_deliveries_uq', ['document_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('document_person_deliveries_user_idx')
    .on('document_person_deliveries')
    .columns(['user_id', 'read_at'])
    .execute();
  await db.schema
    .alterTable('document_deliveries')
    .addColumn(...time('reminded_at'))
    .execute();
}
