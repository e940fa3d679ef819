/**
 * Those who may call a meeting; the server decides finally. Apart from the meeting form, so the
 * meetings list can ask without loading the form.
 */
export const ORGANIZING_ROLES = new Set(['clerk', 'leader', 'admin']);
