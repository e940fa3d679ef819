import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * The last word of a search is a prefix (the person may still be typing it), and short
 * prefixes such as `ba*` or `dan*` span thousands of words. FTS5 keeps separate indexes of
 * 2- and 3-character prefixes so those are answered without merging every word's list.
 * PostgreSQL's GIN index answers prefixes from its sorted keys already.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.kind !== 'sqlite') return;
  await sql`drop trigger documents_fts_ai`.execute(db);
  await sql`drop trigger documents_fts_ad`.execute(db);
  await sql`drop trigger documents_fts_au`.execute(db);
  await sql`drop table documents_fts`.execute(db);
  await sql`create virtual table documents_fts using fts5(search_text, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`.execute(
    db,
  );
  await sql`insert into documents_fts(rowid, search_text) select seq, search_text from documents`.execute(db);
  await sql`create trigger documents_fts_ai after insert on documents begin
    insert into documents_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
  await sql`create trigger documents_fts_ad after delete on documents begin
    delete from documents_fts where rowid = old.seq; end`.execute(db);
  await sql`create trigger documents_fts_au after update of search_text on documents begin
    delete from documents_fts where rowid = old.seq;
    insert into documents_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
}
