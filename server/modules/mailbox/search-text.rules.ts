import { foldVietnamese } from '../../../common/text/fold';

/** What a message is found by: its words folded, without diacritics, `đ` as `d`. */
export const searchText = (parts: (string | null | undefined)[]) =>
  foldVietnamese(parts.filter(Boolean).join(' ')).slice(0, 20_000);
