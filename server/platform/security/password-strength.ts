import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { DomainError } from '../http/errors';

/**
 * Passwords people in Vietnamese offices choose first, which no English list holds:
 * "password", "I love you", "change password", the office's own words, and the
 * number-and-letter habits of Vietnamese sites (`123456a@`).
 */
export const COMMON_VIETNAMESE_PASSWORDS: readonly string[] = [
  'matkhau',
  'matkhaumoi',
  'doimatkhau',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'yeuanh',
  'iloveyou',
  '123456a@',
  '123456a',
  '123456aa',
  'a123456',
  'a123456@',
  'abc123456',
  'admin123',
  'quantri',
  'quantrivien',
  'vietnam',
  'hanoi',
  'saigon',
  'hochiminh',
  'dangcongsan',
  'dangbo',
  'chibo',
  'dangvien',
  'huyenuy',
  'tinhuy',
  'thanhuy',
  'quanuy',
  'danguy',
  'ubnd',
  'uybannhandan',
  'hoidongnhandan',
  'matran',
  'congdoan',
  'doanthanhnien',
  'bithu',
  'chutich',
  'laodong',
  'hanhphuc',
  'tudo',
  'doclap',
];

/** zxcvbn's score from 0 to 4; 3 is "safely unguessable" against an attacker with the hashes. */
const MIN_SCORE = 3;
// Longer passwords are strong by length; the estimator's work grows with length.
const CHECKED_LENGTH = 100;

let estimator: Promise<ZxcvbnFactory> | null = null;

/** Loaded on first use, so the dictionaries cost nothing at start or in the web app. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
    ]);
    return new ZxcvbnFactory({
      dictionary: {
        ...common.dictionary,
        vietnamese: COMMON_VIETNAMESE_PASSWORDS.map((p) => p.toLowerCase()),
      },
      graphs: common.adjacencyGraphs,
      // The whole-password edit distance costs up to seconds on the event loop; the
      // dictionaries with l33t and reversed words already catch what it would.
      useLevenshteinDistance: false,
    });
  })();
  return estimator;
}

/** Vietnamese typed without its marks: "Mật khẩu" is guessed as "Mat khau". */
function withoutMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** The words of names and addresses, whole and run together, as a guesser would try them. */
export function personalWords(values: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    const parts = withoutMarks(value)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .slice(0, 12);
    // "Huyện ủy Đồng Văn" gives huyen, dong, van, dongvan, huyenuydongvan, …
    for (let from = 0; from < parts.length; from++) {
      for (let to = from + 1; to <= parts.length; to++) {
        const joined = parts.slice(from, to).join('');
        if (joined.length >= 3) words.add(joined);
      }
    }
  }
  return [...words];
}

export const weakPassword = () =>
  new DomainError(
    'invalid',
    'auth.weak_password',
    'Mật khẩu quá dễ đoán: đừng dùng mật khẩu phổ biến, chuỗi lặp hay dãy số, tên người, tên đăng nhập hay tên cơ quan. Hãy dùng một câu dài mà chỉ bạn nhớ.',
  );

/** Refuses a password an attacker would guess early; `userInputs` are the person's and the office's own words. */
export async function assertStrongPassword(password: string, userInputs: readonly (string | null | undefined)[]) {
  const zxcvbn = await loadEstimator();
  const inputs = personalWords(userInputs);
  const candidates = new Set([password, withoutMarks(password)].map((p) => p.slice(0, CHECKED_LENGTH)));
  for (const candidate of candidates) {
    if (zxcvbn.check(candidate, inputs).score < MIN_SCORE) throw weakPassword();
  }
}
