import { describe, expect, it } from 'vitest';
import { DIRECTORY_LIMITS as L, PHONE_PATTERN, PHONE_SEPARATORS } from './directory';
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
