import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/** Step 2: registers and their counters, documents, files, handling, trail, recipients and deliveries. */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const time = (name: string) => [name, 'varchar(30)'] as const;
  const id = (name: string) => [name, 'varchar(64)'] as const;

  await db.schema
    .createTable('registers')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('direction', 'varchar(10)', (c) => c.notNull())
    .addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('style', 'varchar(10)', (c) => c.notNull())
    .addColumn('reset', 'varchar(10)', (c) => c.notNull())
    .addColumn('per_type', 'integer', (c) => c.notNull())
    .addColumn('term_label', 'varchar(40)')
    .addColumn('issuer_abbreviation', 'varchar(40)', (c) => c.notNull())
    .addColumn('type_codes', 'varchar(2000)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .addUniqueConstraint('registers_org_name_uq', ['organization_id', 'name'])
    .execute();

  // The last number issued per register, period (year or term) and type ('' when one series for all).
  await db.schema
    .createTable('register_counters')
    .addColumn(...id('register_id'), (c) => c.notNull().references('registers.id').onDelete('cascade'))
    .addColumn('period', 'varchar(40)', (c) => c.notNull())
    .addColumn('type_code', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('register_counters_pk', ['register_id', 'period', 'type_code'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn(...id('id'), (c) => c.primaryKey())
    // A stable integer for the SQLite full-text index (rowid is not stable across VACUUM).
    .addColumn('seq', ctx.kind === 'postgres' ? 'bigserial' : 'integer', (c) => c.notNull().unique())
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('direction', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn(...id('register_id'), (c) => c.references('registers.id').onDelete('restrict'))
    .addColumn('period', 'varchar(40)')
    .addColumn('number', 'integer')
    .addColumn('number_text', 'varchar(60)')
    .addColumn('arrival_number', 'integer')
    .addColumn('arrival_date', 'varchar(10)')
    .addColumn('type_code', 'varchar(10)', (c) => c.notNull())
    .addColumn('issuer_name', 'varchar(300)', (c) => c.notNull())
    .addColumn(...id('issuer_organization_id'), (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('issue_date', 'varchar(10)')
    .addColumn('summary', 'varchar(500)', (c) => c.notNull())
    .addColumn('signer_name', 'varchar(200)')
    .addColumn('signer_position', 'varchar(200)')
    .addColumn('page_count', 'integer')
    .addColumn('copies', 'integer')
    .addColumn('secrecy', 'varchar(12)', (c) => c.notNull())
    .addColumn('urgency', 'varchar(12)', (c) => c.notNull())
    .addColumn('channel', 'varchar(12)')
    .addColumn('due_date', 'varchar(10)')
    .addColumn('document_key', 'varchar(300)')
    .addColumn(...id('delivery_id'), (c) => c)
    .addColumn(...id('created_by'), (c) => c.notNull())
    .addColumn(...id('leader_id'), (c) => c)
    .addColumn('client_key', 'varchar(80)')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...time('created_at'), (c) => c.notNull())
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('documents_org_idx')
    .on('documents')
    .columns(['organization_id', 'direction', 'created_at'])
    .execute();
  await db.schema.createIndex('documents_register_idx').on('documents').columns(['register_id', 'number']).execute();
  await db.schema.createIndex('documents_key_idx').on('documents').column('document_key').execute();
  await db.schema
    .createIndex('documents_client_key_uq')
    .on('documents')
    .columns(['created_by', 'client_key'])
    .unique()
    .execute();
  // A number is never issued twice in a register's period (outgoing), nor an arrival number (incoming).
  await sql`create unique index documents_number_uq on documents (register_id, period, number_text)
    where direction = 'outgoing' and number_text is not null`.execute(db);
  await sql`create unique index documents_arrival_uq on documents (register_id, period, arrival_number)
    where arrival_number is not null`.execute(db);

  await db.schema
    .createTable('document_files')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull().references('blobs.sha256').onDelete('restrict'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn(...id('added_by'), (c) => c.notNull())
    .addColumn(...time('added_at'), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_files_doc_idx').on('document_files').column('document_id').execute();
  await db.schema.createIndex('document_files_sha_idx').on('document_files').column('sha256').execute();

  // Who handles the document: a person's account or a unit, as lead, co-handler or for information.
  await db.schema
    .createTable('document_assignments')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('role', 'varchar(8)', (c) => c.notNull())
    .addColumn(...id('user_id'), (c) => c.references('users.id').onDelete('restrict'))
    .addColumn(...id('organization_id'), (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('due_date', 'varchar(10)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn(...time('assigned_at'), (c) => c.notNull())
    .addColumn(...time('done_at'))
    .addCheckConstraint(
      'document_assignments_one_kind',
      sql`(user_id is null and organization_id is not null) or (user_id is not null and organization_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('document_assignments_doc_idx')
    .on('document_assignments')
    .column('document_id')
    .execute();
  await db.schema
    .createIndex('document_assignments_user_idx')
    .on('document_assignments')
    .columns(['user_id', 'status'])
    .execute();

  // Everyone a document has been opened to: creator, leader, handlers, people granted access.
  await db.schema
    .createTable('document_access')
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn(...id('user_id'), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'varchar(12)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_access_pk', ['document_id', 'user_id'])
    .execute();
  await db.schema.createIndex('document_access_user_idx').on('document_access').column('user_id').execute();

  // The trail: every step, who took it, when, and what they wrote.
  await db.schema
    .createTable('document_events')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn(...time('at'), (c) => c.notNull())
    .addColumn(...id('actor_id'), (c) => c)
    .addColumn('actor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(4000)')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('document_events_doc_idx').on('document_events').columns(['document_id', 'at']).execute();

  // Recipients as chosen on the draft; organizations inside the system become deliveries on dispatch.
  await db.schema
    .createTable('document_recipients')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('ref_id', 'varchar(64)')
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('channel', 'varchar(12)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)')
    .execute();
  await db.schema.createIndex('document_recipients_doc_idx').on('document_recipients').column('document_id').execute();

  await db.schema
    .createTable('document_deliveries')
    .addColumn(...id('id'), (c) => c.primaryKey())
    .addColumn(...id('document_id'), (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn(...id('organization_id'), (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('status', 'varchar(4)', (c) => c.notNull())
    .addColumn(...time('sent_at'), (c) => c.notNull())
    .addColumn(...time('received_at'))
    .addColumn(...time('decided_at'))
    .addColumn(...time('updated_at'), (c) => c.notNull())
    .addColumn('reason', 'varchar(1000)')
    .addColumn(...id('incoming_document_id'), (c) => c)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('document_deliveries_uq', ['document_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('document_deliveries_org_idx')
    .on('document_deliveries')
    .columns(['organization_id', 'status'])
    .execute();

  // Accent-free search over number, notation, summary, issuer and the text of attachments.
  if (ctx.kind === 'sqlite') {
    // Contentless: the folded text is already in documents.search_text; the index keeps only tokens.
    await sql`create virtual table documents_fts using fts5(search_text, content='', contentless_delete=1, tokenize='unicode61')`.execute(
      db,
    );
    await sql`create trigger documents_fts_ai after insert on documents begin
      insert into documents_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
    await sql`create trigger documents_fts_ad after delete on documents begin
      delete from documents_fts where rowid = old.seq; end`.execute(db);
    await sql`create trigger documents_fts_au after update of search_text on documents begin
      delete from documents_fts where rowid = old.seq;
      insert into documents_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
  } else {
    await sql`create index documents_search_idx on documents using gin (to_tsvector('simple', search_text))`.execute(
      db,
    );
  }
}
