/**
 * The peers' entry in the administration menu. Kept apart from exchange.i18n.ts because the
 * menu is part of the first load, and the rest of the page's strings are not.
 */
export const PEERS_MENU_LABEL = 'Liên thông VanPhong';

/** The exchange's health page in the administration menu. */
export const EXCHANGE_MENU_LABEL = 'Liên thông văn bản';
