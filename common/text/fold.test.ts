import { describe, expect, it } from 'vitest';
import { foldVietnamese, likePattern } from './fold';

describe('foldVietnamese', () => {
  it('drops every diacritic, including vowels with two marks', () => {
    expect(foldVietnamese('Huyện ủy Đồng Văn')).toBe('huyen uy dong van');
    expect(foldVietnamese('Thường vụ, Kiểm tra, Tuyệt mật')).toBe('thuong vu, kiem tra, tuyet mat');
    expect(foldVietnamese('ế ệ ồ ờ ữ ỵ')).toBe('e e o o u y');
  });

  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('Đảng ủy đặc biệt')).toBe('dang uy dac biet');
  });

  it('folds the look-alikes of Đ that old fonts and converters produce', () => {
    expect(foldVietnamese('Ðảng ủy xã Ðồng Văn')).toBe('dang uy xa dong van');
    expect(foldVietnamese('ðảng ƉẢNG ɖảng')).toBe('dang dang dang');
  });

  it('folds compatibility forms: full-width letters and digits, ligatures, circled digits', () => {
    expect(foldVietnamese('Ｓố ０５／ＱĐ')).toBe('so 05/qd');
    expect(foldVietnamese('ﬁle ① x²')).toBe('file 1 x2');
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Vă\u0306n'.normalize('NFD'))).toBe(foldVietnamese('Văn'));
  });

  it('collapses whitespace', () => {
    expect(foldVietnamese('  Chi   bộ\tThôn 1 ')).toBe('chi bo thon 1');
  });

  it('escapes LIKE wildcards in queries', () => {
    expect(likePattern('50%_Đồng')).toBe('%50\\%\\_dong%');
  });
});
