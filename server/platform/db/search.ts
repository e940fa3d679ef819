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
