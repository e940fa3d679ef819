import { foldVietnamese } from './fold';

/**
 * How well a name answers what was typed, lower first, the same order the server's
 * people search uses (`nameMatchRank` in `server/platform/db/search.ts`): 0 every typed word
 * is a whole word of the name with its diacritics, 1 a whole word once folded, 2 the start
 * of a word of the name, 3 not in the name at all (found in a position title, say).
 */
export function nameMatchRank(name: string, query: string): 0 | 1 | 2 | 3 {
  const typed = query.normalize('NFC').toLocaleLowerCase('vi').split(/\s+/).filter(Boolean);
  const folded = foldVietnamese(query).split(' ').filter(Boolean);
  if (folded.length === 0) return 3;
  const nameWords = name.normalize('NFC').toLocaleLowerCase('vi').split(/\s+/);
  const foldedWords = foldVietnamese(name).split(' ');
  if (typed.every((word) => nameWords.includes(word))) return 0;
  if (folded.every((word) => foldedWords.includes(word))) return 1;
  if (folded.every((word) => foldedWords.some((w) => w.startsWith(word)))) return 2;
  return 3;
}

/** True when every folded word typed appears in the folded text: "chu bi thu" finds "Nguyễn Văn Chứ — Bí thư". */
export function matchesAllWords(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
