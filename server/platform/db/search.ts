import { type Expression, type SqlBool, sql } from 'kysely';
import { foldVietnamese, likePattern } from '../../../common/text/fold';

const MAX_WORDS = 8;

/**
 * True when every word of `query`, folded, appears in the folded `column`: "lung cu chi bo"
 * finds "Chi bộ Thôn Lũng Cú". The ESCAPE clause is explicit because SQLite's LIKE has no
 * default escape character, so a `%` or `_` the user typed would otherwise match anything.
 */
export function matchesFolded(column: string, query: string): Expression<SqlBool> {
  const words = foldVietnamese(query).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  if (words.length === 0) return sql<SqlBool>`1 = 1`;
  const parts = words.map((word) => sql<SqlBool>`${sql.ref(column)} like ${likePattern(word)} escape '\\'`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** LIKE pattern for values starting with `prefix` (materialized paths), with `ESCAPE '\'`. */
export function startsWith(column: string, prefix: string): Expression<SqlBool> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`${sql.ref(column)} like ${`${escaped}%`} escape '\\'`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The case forms a typed word is compared in: as typed, lower case, and capitalized as names are. */
function caseForms(word: string): string[] {
  const lower = word.toLocaleLowerCase('vi');
  const title = lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
  return [...new Set([word, lower, title])];
}

/**
 * How well a person's name answers `query`, lower first: 0 every word is a whole word of
 * the name with its diacritics as typed ("Chứ" → Nguyễn Văn Chứ), 1 a whole word once
 * folded ("chu" → Chứ), 2 the start of a word of the name ("ch" → Chứ), 3 anything else
 * the search matched (a position title, an address). `foldedColumn` holds the folded text
 * that starts with the folded name (`people.search_text`): folding keeps a Vietnamese name's
 * length, so its first `length(name)` characters are the folded name. Both engines compare
 * case-sensitively, so the exact tier tries the word as typed, lower case and capitalized.
 */
export function nameMatchRank(nameColumn: string, foldedColumn: string, query: string): Expression<number> {
  const typed = canonicalWords(query);
  const folded = foldVietnamese(query).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  if (folded.length === 0 || typed.length === 0) return sql<number>`0`;
  const name = sql`(' ' || ${sql.ref(nameColumn)} || ' ')`;
  const foldedName = sql`(' ' || substr(${sql.ref(foldedColumn)}, 1, length(${sql.ref(nameColumn)})) || ' ')`;
  const all = (parts: Expression<SqlBool>[]) => sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  const exact = all(
    typed.map((word) => {
      const forms = caseForms(word).map((form) => sql<SqlBool>`${name} like ${`% ${escapeLike(form)} %`} escape '\\'`);
      return sql<SqlBool>`(${sql.join(forms, sql` or `)})`;
    }),
  );
  const whole = all(folded.map((word) => sql<SqlBool>`${foldedName} like ${`% ${escapeLike(word)} %`} escape '\\'`));
  const prefix = all(folded.map((word) => sql<SqlBool>`${foldedName} like ${`% ${escapeLike(word)}%`} escape '\\'`));
  return sql<number>`(case when ${exact} then 0 when ${whole} then 1 when ${prefix} then 2 else 3 end)`;
}

/** The words of a query as typed (NFC, single spaces), for comparisons that keep diacritics. */
function canonicalWords(query: string): string[] {
  return query.normalize('NFC').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}
