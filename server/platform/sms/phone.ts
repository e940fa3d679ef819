/**
 * Vietnamese mobile numbers as SMS Brandname providers take them: `84` followed by
 * the nine national digits (no `+`, no trunk `0`), e.g. `84912345678`.
 */

/**
 * Mobile prefixes (the two digits after the trunk `0`) in use since the 2018
 * renumbering of 11-digit subscriber numbers to 10 digits (Ministry of Information
 * and Communications, Quyết định 798/QĐ-BTTTT, 2018, and later allocations):
 *
 * - 03x Viettel: 032 033 034 035 036 037 038 039 (was 0162–0169)
 * - 05x Vietnamobile 052 056 058, Reddi/Wintel 055, Gmobile 059 (050 051 053 054 057 unassigned)
 * - 07x MobiFone: 070 076 077 078 079 (was 0120–0128; 071–075 unassigned)
 * - 08x Vinaphone 081 082 083 084 085 088, Viettel 086, iTel 087, MobiFone 089 (080 is not mobile)
 * - 09x MobiFone 090 093, Vinaphone 091 094, Vietnamobile 092, Viettel 096 097 098,
 *   Gmobile 099 (095 belonged to S-Fone and is retired)
 *
 * Landlines start with 02 (e.g. 024, 028, 0214) and are rejected; so are 1800/1900
 * service numbers. Carriers get new blocks from time to time: extend this table then.
 */
const MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '52',
  '55',
  '56',
  '58',
  '59',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '87',
  '88',
  '89',
  '90',
  '91',
  '92',
  '93',
  '94',
  '96',
  '97',
  '98',
  '99',
]);

/** Separators people type inside a number; anything else (letters, `/`, `;`) rejects it. */
const ALLOWED = /^\+?[\d\s.()-]+$/;

/**
 * `0912 345 678`, `+84 912345678`, `84912345678`, `(091) 234-5678` → `84912345678`;
 * `null` for landlines, unknown prefixes, wrong lengths and anything that is not a number.
 * Nine bare digits (`912345678`) are accepted too: spreadsheets drop the leading zero.
 */
export function normalizeVietnamMobile(input: string): string | null {
  const trimmed = input.trim();
  if (!ALLOWED.test(trimmed)) return null;
  const hasPlus = trimmed.startsWith('+');
  const digits = trimmed.replace(/\D/g, '');

  let national: string;
  if (hasPlus || (digits.length >= 11 && digits.startsWith('84'))) {
    if (!digits.startsWith('84')) return null;
    // "+84 (0)912 345 678" is a common way of writing it; the trunk 0 does not belong there.
    national = digits.slice(2).replace(/^0/, '');
  } else if (digits.length === 10 && digits.startsWith('0')) {
    national = digits.slice(1);
  } else if (digits.length === 9) {
    national = digits;
  } else {
    return null;
  }
  if (national.length !== 9) return null;
  if (!MOBILE_PREFIXES.has(national.slice(0, 2))) return null;
  return `84${national}`;
}
