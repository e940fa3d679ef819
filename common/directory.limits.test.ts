import { describe, expect, it } from 'vitest';
import {
  DIRECTORY_LIMITS as L,
  NATIONAL_ID_MESSAGE,
  normalizeNationalId,
  PHONE_PATTERN,
  PHONE_SEPARATORS,
} from './directory';
import { count, email, itKeepsLimits, itKeepsPatterns, type LimitCase } from './limits.testing';
import { groupWriteSchema, organizationWriteSchema, personWriteSchema } from './schemas/directory';

const organization = { parentId: null, type: 'party_cell', code: 'CB-01', name: 'Chi bộ Thôn 1', abbreviation: 'CB1' };
const person = {
  fullName: 'Nguyễn Thị Hương',
  memberships: [{ organizationId: 'o1', position: 'Bí thư chi bộ' }],
};

const cases: LimitCase[] = [
  ['organization name', organizationWriteSchema, organization, 'name', L.organizationName],
  ['organization code', organizationWriteSchema, organization, 'code', L.code],
  ['abbreviation', organizationWriteSchema, organization, 'abbreviation', L.abbreviation],
  ["organization's mailbox", organizationWriteSchema, organization, 'mailbox', L.email, email],
  ['place among siblings', organizationWriteSchema, organization, 'sortOrder', L.sortOrder, count],
  ['full name', personWriteSchema, person, 'fullName', L.fullName],
  ['position', personWriteSchema, person, 'position', L.position],
  ['position in an organization', personWriteSchema, person, 'memberships.0.position', L.position],
  ["person's e-mail", personWriteSchema, person, 'email', L.email, email],
  ["person's mailbox", personWriteSchema, person, 'mailbox', L.email, email],
  ['group name', groupWriteSchema, { ownerOrganizationId: 'o1' }, 'name', L.groupName],
  [
    'group description',
    groupWriteSchema,
    { ownerOrganizationId: 'o1', name: 'Bí thư' },
    'description',
    L.groupDescription,
  ],
];

describe('the directory forms stop where the schemas refuse', () => {
  itKeepsLimits(cases);
  itKeepsPatterns([
    ['organization code', organizationWriteSchema, organization, 'code', 'xã.tân-lập_1', 'xã tân lập'],
    ['abbreviation', organizationWriteSchema, organization, 'abbreviation', 'ĐUX', 'ĐU-X'],
    ['phone', personWriteSchema, person, 'phone', '0912.345.678', '0912 345 67'],
  ]);

  it('a phone written with its separators fits what the form lets one type, and is stored as digits', () => {
    const written = '+84 (912) 345-6789';
    expect(written.length).toBeLessThanOrEqual(L.phoneTyped);
    expect(PHONE_PATTERN.test(written.replace(PHONE_SEPARATORS, ''))).toBe(true);
    expect(personWriteSchema.parse({ ...person, phone: written }).phone).toBe('849123456789');
  });
});

describe("an organization's national identifier (mã định danh)", () => {
  it('takes dot-separated groups of letters and digits, trimmed and upper-cased, at most 35 characters', () => {
    expect(normalizeNationalId(' 000.00.00.g22 ')).toBe('000.00.00.G22');
    expect(normalizeNationalId('H10.01.00.A01')).toBe('H10.01.00.A01');
    expect(normalizeNationalId('000.00.00.H10.12')).toBe('000.00.00.H10.12');
    const longest = 'ABCDE.12345.ABCDE.12345.ABCDE.12345';
    expect(longest).toHaveLength(L.nationalId);
    expect(normalizeNationalId(longest)).toBe(longest);
    expect(normalizeNationalId(`${longest.slice(0, -7)}.1234.1`)).toHaveLength(L.nationalId);
  });

  it('means none when empty, and refuses anything else', () => {
    for (const none of [null, undefined, '', '   ']) expect(normalizeNationalId(none)).toBeNull();
    const bad = [
      'ABCDE.12345.ABCDE.12345.ABCDE.1234.1', // 36 characters
      'G22',
      '000.00.G22',
      '000.00.00.G2222X',
      '000..00.G22',
      '.000.00.00.G22',
      '000-00-00-G22',
      '000.00.00.Ğ22',
      'ß00.00.00.G22',
      'ı00.00.00.G22',
      '０00.00.00.G22',
      '000.00.00.G22\u0000',
    ];
    for (const raw of bad) expect(normalizeNationalId(raw), raw).toBeUndefined();
    expect(NATIONAL_ID_MESSAGE).toContain('000.00.00.G22');
  });
});
