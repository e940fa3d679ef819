import { describe, expect, it } from 'vitest';
import { canonicalText, isCanonicalText } from './canonical';

describe('canonicalText', () => {
  it('replaces lone surrogates with U+FFFD, as storage would', () => {
    expect(canonicalText('a\ud800b')).toBe('a\ufffdb');
    expect(canonicalText('\udc00')).toBe('\ufffd');
    expect(canonicalText('😀')).toBe('😀');
  });

  it('composes decomposed Vietnamese to NFC', () => {
    const decomposed = 'Đảng ủy'.normalize('NFD');
    expect(decomposed).not.toBe('Đảng ủy');
    expect(canonicalText(decomposed)).toBe('Đảng ủy');
  });

  it('drops NUL', () => {
    expect(canonicalText('a\u0000b')).toBe('ab');
  });

  it('is canonical after dropping a NUL that stood between a letter and its mark', () => {
    const text = canonicalText('Nguye\u0000\u0302\u0303n \ud800\u0000');
    expect(text).toBe('Nguyễn \ufffd');
    expect(isCanonicalText(text)).toBe(true);
    expect(canonicalText(text)).toBe(text);
  });

  it('knows canonical text when it sees it', () => {
    expect(isCanonicalText('Huyện ủy Đồng Văn')).toBe(true);
    expect(isCanonicalText('Huyện'.normalize('NFD'))).toBe(false);
    expect(isCanonicalText('x\ud800')).toBe(false);
    expect(isCanonicalText('x\u0000')).toBe(false);
  });
});
