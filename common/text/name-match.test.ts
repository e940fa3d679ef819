import { describe, expect, it } from 'vitest';
import { matchesAllWords, nameMatchRank } from './name-match';

describe('nameMatchRank', () => {
  it('ranks a whole word with diacritics, then folded, then a word start, then the rest', () => {
    expect(nameMatchRank('Nguyễn Văn Chứ', 'Chứ')).toBe(0);
    expect(nameMatchRank('Nguyễn Văn Chứ', 'chứ')).toBe(0);
    expect(nameMatchRank('Lý Mí Chu', 'Chứ')).toBe(1);
    expect(nameMatchRank('Nguyễn Văn Chứ', 'chu')).toBe(1);
    expect(nameMatchRank('Hoàng Văn Chung', 'Chứ')).toBe(2);
    expect(nameMatchRank('Đỗ Thị An', 'chu')).toBe(3);
    expect(nameMatchRank('Đặng Văn Đức', 'dang duc')).toBe(1);
  });
  it('matches every folded word anywhere in the text', () => {
    expect(matchesAllWords('Nguyễn Văn Chứ — Bí thư', 'chu bi thu')).toBe(true);
    expect(matchesAllWords('Đỗ Thị An — Chuyên viên', 'chứ')).toBe(true);
    expect(matchesAllWords('Đỗ Thị An — Văn thư', 'chu')).toBe(false);
  });
});
