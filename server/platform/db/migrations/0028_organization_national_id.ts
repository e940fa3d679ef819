import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * An organization's national identifier (mã định danh điện tử, QĐ 20/2020/QĐ-TTg amended by
 * QĐ 09/2025/QĐ-TTg: `000.00.00.G22`, at most 35 characters), the OrganId the edXML exchange
 * writes in From and To. Many organizations of a Party office (a cell, a board) have none, so
 * the column is nullable and only the identifiers given are unique.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('organizations').addColumn('national_id', 'varchar(35)').execute();
  await sql`create unique index organizations_national_id_uq on organizations (national_id)
    where national_id is not null`.execute(db);
}
