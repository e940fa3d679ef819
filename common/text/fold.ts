/**
 * Folds Vietnamese text for search: compatibility decomposition (NFKD), drop
 * every combining mark, every look-alike of đ to d, lower case, collapse
 * whitespace. Applied both when indexing and when querying, so "Đồng Văn",
 * "dong van", "ĐỒNG  VĂN" and "Ðồng Văn" typed with an old font's Ð all meet at
 * "dong van".
 *
 * NFKD rather than NFD: full-width letters and digits (Ｄ, ０５), ligatures (ﬁ),
 * circled and superscript digits come out as the plain letters and digits a
 * person would type to find them. No Vietnamese letter has a compatibility
 * decomposition, so Vietnamese text folds as it did under NFD.
 */
const COMBINING_MARKS = /\p{M}/gu;
/**
 * đ and Đ, and what old fonts, TCVN3 and VNI converters and OCR put in their place:
 * Ð/ð (U+00D0/U+00F0, Icelandic eth) and Ɖ/ɖ (U+0189/U+0256, African D).
 */
const D_LOOKALIKES = /[đĐðÐɖƉ]/g;
const WHITESPACE = /\s+/g;

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(D_LOOKALIKES, 'd')
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .trim();
}

/** Escapes a folded query for use inside a SQL LIKE pattern with `ESCAPE '\'`. */
export function likePattern(query: string): string {
  return `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
