/** Replaced at build time with the package version; tests read package.json's value too. */
declare const __VANPHONG_VERSION__: string | undefined;

export const VERSION: string = typeof __VANPHONG_VERSION__ === 'string' ? __VANPHONG_VERSION__ : '0.1.0-dev';
