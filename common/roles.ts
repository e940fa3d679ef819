/**
 * Roles and menu sections, without zod, so the web app can import them cheaply.
 * The Zod schema for a role is in common/schemas/roles.ts.
 */
/** Roles are granted per organization; a person may hold several. */
export const ROLES = ['admin', 'clerk', 'leader', 'specialist', 'member', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  clerk: 'Văn thư',
  leader: 'Lãnh đạo',
  specialist: 'Chuyên viên',
  member: 'Đại biểu, Ủy viên',
  inspector: 'Cán bộ Ủy ban Kiểm tra',
};

/** Sections of the main menu; later steps fill them. */
export const SECTIONS = [
  'incoming',
  'outgoing',
  'mailbox',
  'meetings',
  'schedule',
  'inspection',
  'statistics',
  'directory',
  'admin',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Which roles see which section. The server computes the same list for /api/auth/me. */
export const SECTION_ROLES: Record<Section, readonly Role[]> = {
  incoming: ['admin', 'clerk', 'leader', 'specialist'],
  outgoing: ['admin', 'clerk', 'leader', 'specialist'],
  mailbox: ROLES,
  meetings: ROLES,
  schedule: ROLES,
  // Cases are confidential to the Inspection Commission, administrators included.
  inspection: ['inspector'],
  statistics: ['admin', 'leader', 'clerk'],
  directory: ROLES,
  admin: ['admin'],
};

export function sectionsFor(roles: readonly Role[]): Section[] {
  return SECTIONS.filter((section) => SECTION_ROLES[section].some((r) => roles.includes(r)));
}
