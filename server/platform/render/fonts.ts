import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Liberation Serif ships in `assets/fonts`: it has the metrics of Times New
 * Roman, the typeface of Vietnamese official documents, and every precomposed
 * Vietnamese letter. Documents never depend on the fonts of the machine they
 * are made on, and the product needs no internet to make them.
 */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

const FILE_NAMES: Record<FontStyle, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

/** The family Word documents name: Word users have Times New Roman, which Liberation Serif stands in for. */
export const DOCX_FONT_FAMILY = 'Times New Roman';

// From source this file is server/platform/render/fonts.ts; bundled by esbuild
// it is part of dist/server/main.mjs. Both lie under the repository root.
const CANDIDATES = ['../../../assets/fonts/', '../../assets/fonts/'];

let fontsDir: string | null = null;
const loaded = new Map<FontStyle, Buffer>();

export function fontsDirectory(): string {
  if (fontsDir) return fontsDir;
  for (const candidate of CANDIDATES) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (fs.existsSync(`${dir}${FILE_NAMES.regular}`)) {
      fontsDir = dir;
      return dir;
    }
  }
  throw new Error(`The document fonts are missing: no assets/fonts/${FILE_NAMES.regular} near ${import.meta.url}`);
}

/** The bytes of one style, read on first use and kept: start-up reads nothing. */
export function fontBytes(style: FontStyle): Buffer {
  let bytes = loaded.get(style);
  if (!bytes) {
    bytes = fs.readFileSync(`${fontsDirectory()}${FILE_NAMES[style]}`);
    loaded.set(style, bytes);
  }
  return bytes;
}
