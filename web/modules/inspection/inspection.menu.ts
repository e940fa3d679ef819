/**
 * The inspection entries of the main menu. Kept apart from inspection.i18n.ts because the
 * menu is part of the first load, and the rest of the inspection strings are not.
 */
export const INSPECTION_MENU = {
  cases: 'Vụ việc',
  programme: 'Chương trình năm',
  reports: 'Thống kê, báo cáo',
};
