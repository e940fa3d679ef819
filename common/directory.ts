/**
 * The directory's vocabularies and limits, without zod so the web's forms import them cheaply.
 * The Zod schemas over them are in common/schemas/directory.ts.
 */

export const ORGANIZATION_TYPES = [
  'party_committee',
  'standing_committee',
  'executive_committee',
  'office',
  'board',
  'inspection_commission',
  'grassroots_committee',
  'party_cell',
  'other',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  party_committee: 'Cấp ủy (Tỉnh ủy, Đảng ủy...)',
  standing_committee: 'Ban Thường vụ',
  executive_committee: 'Ban Chấp hành',
  office: 'Văn phòng',
  board: 'Ban xây dựng Đảng',
  inspection_commission: 'Ủy ban Kiểm tra',
  grassroots_committee: 'Đảng bộ cơ sở',
  party_cell: 'Chi bộ',
  other: 'Khác',
};

/**
 * The most characters each text of the directory may hold: common/schemas/directory.ts refuses
 * more, and the forms stop the typing there.
 */
export const DIRECTORY_LIMITS = {
  organizationName: 300,
  /** An organization's code, unique in the office (ORGANIZATION_CODE_PATTERN). */
  code: 40,
  /** An organization's abbreviation as the notation writes it: HU, VPHU (ABBREVIATION_PATTERN). */
  abbreviation: 20,
  /** An e-mail address or mailbox, of an organization or a person. */
  email: 254,
  /** A whole number typed in, not characters: where an organization stands among its siblings. */
  sortOrder: 1_000_000,
  fullName: 200,
  /** A person's position, in general or in one of his organizations. */
  position: 200,
  groupName: 200,
  groupDescription: 1000,
  /**
   * What the form lets one type for a phone. The schema bounds a phone by PHONE_PATTERN once
   * PHONE_SEPARATORS are dropped, not by its length; this leaves room for the spaces and dots.
   */
  phoneTyped: 20,
  /** Mã định danh điện tử (QĐ 20/2020/QĐ-TTg): `000.00.00.G22`; NATIONAL_ID_PATTERN. */
  nationalId: 35,
} as const;

export const ORGANIZATION_CODE_PATTERN = /^[\p{L}\p{N}._-]+$/u;
export const ABBREVIATION_PATTERN = /^[\p{L}\p{N}]+$/u;
/** A Vietnamese phone number without its separators: 09xx..., +849x... or 849x... */
export const PHONE_PATTERN = /^(\+?84|0)\d{9,10}$/;
/** What people write between a phone's digits: spaces, dots, brackets, hyphens. */
export const PHONE_SEPARATORS = /[\s.()-]/g;

/**
 * An organization's national identifier (mã định danh điện tử, QĐ 20/2020/QĐ-TTg as amended by
 * QĐ 09/2025/QĐ-TTg), the OrganId of the edXML exchange: dot-separated groups of Latin letters
 * and digits, at least four, each of 1–5 characters (`000.00.00.G22`, `H10.01.00.A01`, and the
 * Party bodies' own prefixes), upper case, at most DIRECTORY_LIMITS.nationalId characters.
 */
export const NATIONAL_ID_PATTERN = /^[A-Z0-9]{1,5}(?:\.[A-Z0-9]{1,5}){3,}$/;
export const NATIONAL_ID_MESSAGE =
  'Mã định danh gồm ít nhất 4 nhóm chữ cái không dấu hoặc chữ số, mỗi nhóm 1–5 ký tự, cách nhau bằng dấu chấm, tối đa 35 ký tự (ví dụ 000.00.00.G22).';

/**
 * The identifier as stored: trimmed and upper-cased; null for none (empty); undefined when it is
 * not a valid identifier. Only ASCII is taken before upper-casing, since `toUpperCase` turns `ß`
 * into `SS` and the Turkish `ı` into `I`, which would let a look-alike through.
 */
export function normalizeNationalId(raw: string | null | undefined): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (trimmed.length > DIRECTORY_LIMITS.nationalId || !/^[A-Za-z0-9.]+$/.test(trimmed)) return undefined;
  const upper = trimmed.toUpperCase();
  return NATIONAL_ID_PATTERN.test(upper) ? upper : undefined;
}
