/**
 * Folds Vietnamese text for search: NFD, drop combining marks, đ→d, lower case,
 * collapse whitespace. Applied both when indexing and when querying, so
 * "Đồng Văn", "dong van" and "ĐỒNG  VĂN" all meet at "dong van".
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /\s+/g;

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .trim();
}

/** Escapes a folded query for use inside a SQL LIKE pattern with `ESCAPE '\'`. */
export function likePattern(query: string): string {
  return `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
