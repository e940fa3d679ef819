import { type Kysely, sql } from 'kysely';
import { foldVietnamese } from '../../../../common/text/fold';

/**
 * Search folding now maps every look-alike of Đ (Ð, ð, Ɖ, ɖ) to d and folds
 * compatibility forms (full-width letters and digits, ligatures). Rows indexed
 * before kept those characters in their folded text, or (documents, whose index
 * keeps only a-z and 0-9) lost them; they are indexed again here.
 *
 * The fold before this step left only ASCII for Vietnamese text, so a
 * non-ASCII character in a folded column is exactly what it left behind:
 * refolding that text gives what folding the source gives now. Documents are
 * rebuilt from their own fields and the text of their files, as the documents
 * module builds them. SQLite's full-text table follows through its triggers,
 * PostgreSQL's index follows the column.
 *
 * The audit trail is append-only and is not touched: its entries keep the
 * folded text they were written with.
 */
const PLAIN_TABLES = [
  'organizations',
  'people',
  'distribution_groups',
  'users',
  'meetings',
  'mailboxes',
  'mail_messages',
  'inspection_cases',
] as const;

const PAGE = 500;

/** The fold as it was before this step, to tell which documents it indexed differently. */
function previousFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (fold: (t: string) => string, text: string) =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');

export async function up(db: Kysely<unknown>, ctx: { kind: 'sqlite' | 'postgres' }): Promise<void> {
  const nonAscii = (column: string) =>
    ctx.kind === 'postgres' ? sql`${sql.ref(column)} ~ '[^\\x01-\\x7e]'` : sql`${sql.ref(column)} glob '*[^ -~]*'`;

  for (const table of PLAIN_TABLES) {
    const rows = await sql<{ id: string; search_text: string }>`
      select id, search_text from ${sql.table(table)} where ${nonAscii('search_text')}`.execute(db);
    for (const row of rows.rows) {
      const refolded = foldVietnamese(row.search_text);
      if (refolded === row.search_text) continue;
      await sql`update ${sql.table(table)} set search_text = ${refolded} where id = ${row.id}`.execute(db);
    }
  }

  const blobs = await sql<{ sha256: string; text_content: string }>`
    select sha256, text_content from blobs where text_content is not null and ${nonAscii('text_content')}`.execute(db);
  const refoldedBlobs = new Set<string>();
  for (const blob of blobs.rows) {
    const refolded = foldVietnamese(blob.text_content);
    if (refolded === blob.text_content) continue;
    refoldedBlobs.add(blob.sha256);
    await sql`update blobs set text_content = ${refolded} where sha256 = ${blob.sha256}`.execute(db);
  }

  // The documents holding a refolded file, found once rather than per document.
  const fromFiles = new Set<string>();
  const shas = [...refoldedBlobs];
  for (let i = 0; i < shas.length; i += PAGE) {
    const chunk = shas.slice(i, i + PAGE);
    const linked = await sql<{ document_id: string }>`
      select distinct document_id from document_files where sha256 in (${sql.join(chunk)})`.execute(db);
    for (const row of linked.rows) fromFiles.add(row.document_id);
  }

  let after = 0;
  while (true) {
    const page = await sql<DocumentSource>`
      select d.seq, d.id, d.number_text, d.type_code, d.summary, d.issuer_name, d.signer_name, d.arrival_number
      from documents d where d.seq > ${after} order by d.seq limit ${PAGE}`.execute(db);
    if (page.rows.length === 0) break;
    after = Number(page.rows[page.rows.length - 1]?.seq);
    for (const doc of page.rows) {
      const own = [doc.number_text, doc.type_code, doc.summary, doc.issuer_name, doc.signer_name, doc.arrival_number]
        .filter((p) => p !== null && p !== undefined)
        .join(' ');
      if (words(previousFold, own) === words(foldVietnamese, own) && !fromFiles.has(doc.id)) continue;
      const files = await sql<{ text_content: string | null }>`
        select b.text_content from document_files f join blobs b on b.sha256 = f.sha256
        where f.document_id = ${doc.id} order by f.id`.execute(db);
      const fileWords = files.rows.map((f) => words(foldVietnamese, f.text_content ?? '')).join(' ');
      const search = `${words(foldVietnamese, own)} ${fileWords}`.slice(0, 200_000).trim();
      await sql`update documents set search_text = ${search} where id = ${doc.id}`.execute(db);
    }
  }
}

interface DocumentSource {
  seq: number;
  id: string;
  number_text: string | null;
  type_code: string | null;
  summary: string | null;
  issuer_name: string | null;
  signer_name: string | null;
  arrival_number: string | number | null;
}
