import { type Dictionary, vi } from './vi';

/** The UI strings. Only Vietnamese today; another language would be picked here. */
export const t: Dictionary = vi;
export type { Dictionary };
