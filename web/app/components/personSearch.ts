import { matchesAllWords, nameMatchRank } from '../../../common/text/name-match';

/** An option of a picker of people or units: `name` is what the match ranks on. */
export interface NamedOption {
  value: string;
  label: string;
  name: string;
}

/**
 * The search of a Select over people already loaded: words typed with or without
 * diacritics, and the obvious match first ("Chứ" puts Nguyễn Văn Chứ above eight
 * "Chuyên viên" rows), the same order as the server's people search.
 */
export const personSearch = {
  filterOption: (input: string, option?: NamedOption) => matchesAllWords(option?.label ?? '', input),
  filterSort: (a: NamedOption, b: NamedOption, info: { searchValue: string }) =>
    nameMatchRank(a.name, info.searchValue) - nameMatchRank(b.name, info.searchValue) ||
    a.label.localeCompare(b.label, 'vi'),
};
