/**
 * The meetings entries of the main menu. Kept apart from meetings.i18n.ts because the
 * menu is part of the first load, and the rest of the meetings strings are not.
 */
export const MEETINGS_MENU = {
  all: 'Tất cả cuộc họp',
  mine: 'Cuộc họp của tôi',
};
