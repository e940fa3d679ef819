/**
 * The job queue's entry in the administration menu. Kept apart from jobs.i18n.ts because the
 * menu is part of the first load, and the rest of the page's strings are not.
 */
export const JOBS_MENU_LABEL = 'Hàng đợi gửi đi';
