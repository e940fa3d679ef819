import { describe, expect, it } from 'vitest';
import { normalizeVietnamMobile } from './phone';

describe('normalizeVietnamMobile', () => {
  it.each([
    ['0912 345 678', '84912345678'],
    ['+84 912345678', '84912345678'],
    ['84912345678', '84912345678'],
    ['(091) 234-5678', '84912345678'],
    ['0912.345.678', '84912345678'],
    ['  0983-123-456 ', '84983123456'],
    ['+84 (0)912 345 678', '84912345678'],
    ['+840912345678', '84912345678'],
    ['912345678', '84912345678'],
    ['0321234567', '84321234567'],
    ['0551234567', '84551234567'],
    ['0701234567', '84701234567'],
    ['0871234567', '84871234567'],
    ['0991234567', '84991234567'],
    ['0841234567', '84841234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeVietnamMobile(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['02438123456', 'Hà Nội landline'],
    ['+84 24 3812 3456', 'landline written internationally'],
    ['02143123456', 'provincial landline'],
    ['19001234', 'service number'],
    ['01691234567', 'pre-2018 eleven-digit mobile'],
    ['091234567', 'nine digits with trunk zero'],
    ['09123456789', 'eleven digits'],
    ['8491234567', 'ten digits after 84'],
    ['849123456789', 'twelve digits after 84'],
    ['0951234567', '095 retired (S-Fone)'],
    ['0501234567', '050 unassigned'],
    ['0711234567', '071 unassigned'],
    ['0801234567', '080 not mobile'],
    ['0112345678', '01x'],
    ['+1 912 345 6789', 'other country code'],
    ['0912 345 67a', 'letter'],
    ['0912345678; 0987654321', 'two numbers'],
    ['+', 'plus alone'],
  ])('%s is rejected (%s)', (input) => {
    expect(normalizeVietnamMobile(input)).toBeNull();
  });

  it('accepts exactly the mobile prefixes carriers use since the 2018 renumbering', () => {
    const expected = [
      ...['032', '033', '034', '035', '036', '037', '038', '039'], // Viettel
      ...['052', '056', '058', '092'], // Vietnamobile
      '055', // Reddi/Wintel
      ...['059', '099'], // Gmobile
      ...['070', '076', '077', '078', '079', '089', '090', '093'], // MobiFone
      ...['081', '082', '083', '084', '085', '088', '091', '094'], // Vinaphone
      ...['086', '096', '097', '098'], // Viettel
      '087', // iTel
    ].sort();
    const accepted: string[] = [];
    for (let p = 0; p < 100; p++) {
      const prefix = `0${String(p).padStart(2, '0')}`;
      if (normalizeVietnamMobile(`${prefix}1234567`) !== null) accepted.push(prefix);
    }
    expect(accepted).toEqual(expected);
  });
});
