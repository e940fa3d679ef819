import type { Kysely } from 'kysely';

/**
 * Step 5: Party inspection, supervision and discipline. Cases belong to the Inspection
 * Commission that runs them; their subjects, dated stages, discipline decisions, linked
 * documents and who may see them hang off the case. Annual programmes plan cases by quarter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;
  const day = (name: string) => [name, 'varchar(10)'] as const;
  const id = (name: string) => [name, 'varchar(64)'] as const;

  await db.schema
    .createTable('inspection_programmes')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn(...id('created_by'), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_programmes_year_uq')
    .on('inspection_programmes')
    .columns(['organization_id', 'year'])
    .unique()
    .execute();

  await db.schema
    .createTable('inspection_programme_items')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('programme_id'), (c) => c.notNull().references('inspection_programmes.id').onDelete('cascade'))
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn(...id('unit_organization_id'), (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_programme_items_programme_idx')
    .on('inspection_programme_items')
    .columns(['programme_id', 'quarter'])
    .execute();

  await db.schema
    .createTable('inspection_cases')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('summary', 'varchar(4000)')
    .addColumn(...id('unit_organization_id'), (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn(...id('programme_item_id'), (c) => c.references('inspection_programme_items.id').onDelete('set null'))
    // The year and quarter the case opened in, kept for the reports' grouping.
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn(...day('opened_on'), (c) => c.notNull())
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn(...day('stage_due_date'))
    .addColumn(...day('deadline'))
    // 1 when the conclusion found a violation, 0 when it found none, null before it.
    .addColumn('violation', 'integer')
    .addColumn(...day('concluded_on'))
    .addColumn(...day('closed_on'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn(...id('created_by'), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
  // Covers the report's one grouped read: commission and year first, then every column it groups by.
  await db.schema
    .createIndex('inspection_cases_report_idx')
    .on('inspection_cases')
    .columns(['organization_id', 'year', 'kind', 'quarter', 'unit_organization_id', 'violation', 'status'])
    .execute();
  await db.schema
    .createIndex('inspection_cases_list_idx')
    .on('inspection_cases')
    .columns(['organization_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('inspection_cases_due_idx')
    .on('inspection_cases')
    .columns(['organization_id', 'status', 'stage_due_date'])
    .execute();
  await db.schema
    .createIndex('inspection_cases_programme_idx')
    .on('inspection_cases')
    .column('programme_item_id')
    .execute();

  await db.schema
    .createTable('inspection_subjects')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('case_id'), (c) => c.notNull().references('inspection_cases.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(30)', (c) => c.notNull())
    .addColumn(...id('person_id'), (c) => c.references('people.id').onDelete('set null'))
    .addColumn(...id('organization_id'), (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'varchar(300)')
    .execute();
  await db.schema
    .createIndex('inspection_subjects_case_idx')
    .on('inspection_subjects')
    .columns(['case_id', 'subject_type'])
    .execute();

  await db.schema
    .createTable('inspection_stages')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('case_id'), (c) => c.notNull().references('inspection_cases.id').onDelete('cascade'))
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn(...day('on_date'), (c) => c.notNull())
    .addColumn('document_number', 'varchar(60)')
    .addColumn(...id('document_id'), (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('note', 'varchar(4000)')
    .addColumn(...day('due_date'))
    .addColumn('data', 'text')
    .addColumn(...id('recorded_by'), (c) => c.notNull())
    .addColumn('recorded_by_name', 'varchar(200)', (c) => c.notNull())
    .addColumn(...time('recorded_at'), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_stages_case_idx')
    .on('inspection_stages')
    .columns(['case_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('inspection_disciplines')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('case_id'), (c) => c.notNull().references('inspection_cases.id').onDelete('cascade'))
    .addColumn(...id('subject_id'), (c) => c.notNull().references('inspection_subjects.id').onDelete('cascade'))
    // The case's commission and year, repeated so the reports group disciplines without a join.
    .addColumn(...id('organization_id'), (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('form', 'varchar(20)', (c) => c.notNull())
    .addColumn('deciding_body', 'varchar(200)', (c) => c.notNull())
    .addColumn(...day('decided_on'), (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)')
    .addColumn(...time('created_at'), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_disciplines_report_idx')
    .on('inspection_disciplines')
    .columns(['organization_id', 'year', 'form', 'subject_type'])
    .execute();
  await db.schema
    .createIndex('inspection_disciplines_case_idx')
    .on('inspection_disciplines')
    .column('case_id')
    .execute();

  // Who denounced is kept apart from the case, and shown only to those who handle it.
  await db.schema
    .createTable('inspection_denouncers')
    .addColumn(...id('case_id'), (c) => c.primaryKey().references('inspection_cases.id').onDelete('cascade'))
    .addColumn('source', 'varchar(20)')
    .addColumn('name', 'varchar(200)')
    .addColumn('address', 'varchar(300)')
    .addColumn('phone', 'varchar(40)')
    .execute();

  await db.schema
    .createTable('inspection_case_access')
    .addColumn(...id('case_id'), (c) => c.notNull().references('inspection_cases.id').onDelete('cascade'))
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn(...id('granted_by'), (c) => c.notNull())
    .addColumn(...time('granted_at'), (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_case_access_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('inspection_case_access_user_idx')
    .on('inspection_case_access')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('inspection_case_documents')
    .addColumn(...id('case_id'), (c) => c.notNull().references('inspection_cases.id').onDelete('cascade'))
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn(...id('linked_by'), (c) => c.notNull())
    .addColumn(...time('linked_at'), (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_case_documents_pk', ['case_id', 'document_id'])
    .execute();
}
