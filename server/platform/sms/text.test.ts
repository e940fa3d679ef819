import { describe, expect, it } from 'vitest';
import { encodingOf, fitOneSegment, measure, segments, toSmsText } from './text';

/** Every Vietnamese vowel with no tone, huyền, sắc, hỏi, ngã, nặng. */
const VOWELS: Array<[string, string]> = [
  ['aàáảãạ', 'a'],
  ['ăằắẳẵặ', 'a'],
  ['âầấẩẫậ', 'a'],
  ['eèéẻẽẹ', 'e'],
  ['êềếểễệ', 'e'],
  ['iìíỉĩị', 'i'],
  ['oòóỏõọ', 'o'],
  ['ôồốổỗộ', 'o'],
  ['ơờớởỡợ', 'o'],
  ['uùúủũụ', 'u'],
  ['ưừứửữự', 'u'],
  ['yỳýỷỹỵ', 'y'],
];

describe('toSmsText', () => {
  it.each(VOWELS)('drops every tone from %s, keeping case', (forms, base) => {
    expect(toSmsText(forms)).toBe(base.repeat(6));
    expect(toSmsText(forms.toUpperCase())).toBe(base.toUpperCase().repeat(6));
    // Text pasted from some editors arrives decomposed.
    expect(toSmsText(forms.normalize('NFD'))).toBe(base.repeat(6));
  });

  it('turns đ into d and Đ into D', () => {
    expect(toSmsText('đ Đ đĐ')).toBe('d D dD');
  });

  it('writes a real notification without diacritics', () => {
    expect(
      toSmsText('Đồng chí Nguyễn Thị Hường: Huyện ủy mời họp BTV lúc 14h00 ngày 05/12, tại Phòng họp số 1. Khẩn!'),
    ).toBe('Dong chi Nguyen Thi Huong: Huyen uy moi hop BTV luc 14h00 ngay 05/12, tai Phong hop so 1. Khan!');
  });

  it('maps typographic punctuation to ASCII and drops what has no GSM form', () => {
    expect(toSmsText('“Giấy mời” – số 05‑GM/HU… ‘đọc’ `ngay` 😀 会议 Привет')).toBe(
      "\"Giay moi\" - so 05-GM/HU... 'doc' 'ngay'",
    );
  });

  it('collapses whitespace and line breaks', () => {
    expect(toSmsText('  Kính gửi:\n\n\tđồng chí\u00a0Bí thư  \r\n')).toBe('Kinh gui: dong chi Bi thu');
  });

  it('keeps GSM extension characters', () => {
    expect(toSmsText('[Khẩn] {a} ~ | € ^ \\')).toBe('[Khan] {a} ~ | € ^ \\');
  });

  it('always returns GSM-7 text, whatever comes in', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 200; n++) {
      let input = '';
      for (let i = 0; i < 40; i++) input += String.fromCodePoint(Math.floor(random() * 0x2ffff));
      expect(encodingOf(toSmsText(input))).toBe('gsm7');
    }
  });
});

describe('segments', () => {
  it('counts GSM-7 single and concatenated segments at their boundaries', () => {
    expect(segments('')).toBe(0);
    expect(segments('a')).toBe(1);
    expect(segments('a'.repeat(160))).toBe(1);
    expect(segments('a'.repeat(161))).toBe(2);
    expect(segments('a'.repeat(153 * 2))).toBe(2);
    expect(segments('a'.repeat(153 * 2 + 1))).toBe(3);
    expect(segments('a'.repeat(153 * 3))).toBe(3);
  });

  it('counts extension characters twice and never splits one across segments', () => {
    expect(measure('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(segments(`${'a'.repeat(159)}€`)).toBe(2);
    expect(segments(`${'a'.repeat(158)}{`)).toBe(1);
    // 306 septets would be two full segments, but the escape pair cannot straddle the first boundary.
    const straddling = `${'a'.repeat(152)}{${'a'.repeat(152)}`;
    expect(measure(straddling).units).toBe(306);
    expect(segments(straddling)).toBe(3);
  });

  it('counts GSM characters outside ASCII once', () => {
    expect(measure(`${'é£Δ'.repeat(53)}ü`)).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
  });

  it('falls back to UCS-2 when any character is outside GSM-7', () => {
    expect(measure('ạ'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(segments('ạ'.repeat(71))).toBe(2);
    expect(segments(`${'a'.repeat(69)}ạ`)).toBe(1);
    expect(segments(`${'a'.repeat(70)}ạ`)).toBe(2);
    expect(segments('ạ'.repeat(67 * 2))).toBe(2);
    expect(segments('ạ'.repeat(67 * 2 + 1))).toBe(3);
    expect(measure('😀'.repeat(35))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(segments('😀'.repeat(36))).toBe(2);
  });
});

describe('fitOneSegment', () => {
  const long =
    'Dong chi Nguyen Van A: Van phong Huyen uy gui giay moi hop Ban Thuong vu ngay 05/12 luc 14h00 tai phong hop so 1, ' +
    'de nghi dong chi xem tai lieu tren he thong truoc cuoc hop va xac nhan tham du som.';

  it('leaves a text that fits alone', () => {
    expect(fitOneSegment('Moi hop BTV 14h00')).toBe('Moi hop BTV 14h00');
    expect(fitOneSegment('a'.repeat(160))).toBe('a'.repeat(160));
  });

  it('cuts a long text at a word boundary and ends it with ...', () => {
    expect(long.length).toBeGreaterThan(160);
    const fitted = fitOneSegment(long);
    expect(fitted.length).toBeLessThanOrEqual(160);
    expect(fitted.endsWith('...')).toBe(true);
    const head = fitted.slice(0, -3);
    expect(long.startsWith(head)).toBe(true);
    expect(long[head.length]).toMatch(/[ ,]/);
    expect(head.length).toBeGreaterThan(140);
    expect(segments(fitted)).toBe(1);
  });

  it('honours a smaller maximum', () => {
    expect(fitOneSegment(long, 41)).toBe('Dong chi Nguyen Van A: Van phong Huyen...');
    expect(fitOneSegment(long, 40)).toBe('Dong chi Nguyen Van A: Van phong...');
  });

  it('cuts a single long word hard', () => {
    expect(fitOneSegment('x'.repeat(200))).toBe(`${'x'.repeat(157)}...`);
  });

  it('counts extension characters when fitting', () => {
    const fitted = fitOneSegment('{ab} '.repeat(50));
    expect(measure(fitted).units).toBeLessThanOrEqual(160);
    expect(measure(fitted).units).toBeGreaterThan(150);
    expect(fitted.endsWith('{ab}...')).toBe(true);
  });

  it('fits a UCS-2 text into 70 units', () => {
    const fitted = fitOneSegment('Đồng chí Nguyễn Văn A được mời họp Ban Thường vụ chiều nay tại phòng họp số một');
    expect(measure(fitted)).toMatchObject({ encoding: 'ucs2', segments: 1 });
    expect(fitted.length).toBeLessThanOrEqual(70);
    expect(fitted.endsWith('...')).toBe(true);
  });
});
