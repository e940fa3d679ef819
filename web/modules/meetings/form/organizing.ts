/** Roles that call meetings: kept apart from the meeting form so a list can ask without loading it. */
export const ORGANIZING_ROLES = new Set(['clerk', 'leader', 'admin']);
