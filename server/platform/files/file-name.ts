import { extensionOf, FILE_KINDS, FILE_TYPES, type FileType } from './content-type';
import { PROGRAM_ENDINGS } from './programs';

const MAX_NAME_LENGTH = 255;

/**
 * The name as the person gave it, safe to keep and show: no folders, no control
 * or direction-changing characters (which can make `exe.pdf` read as `pdf.exe`),
 * at most 255 characters with the ending kept.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = [...base]
    .filter((c) => !isHiddenCharacter(c.charCodeAt(0)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '' || name === '.' || name === '..') name = 'tep-khong-ten';
  return capped(name);
}

function isHiddenCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    code === 0x7f ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function capped(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ending = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME_LENGTH - ending.length) + ending;
}

/** Endings that say a type: ours, other common ones, and programs'. Others are part of the name (`Báo cáo.v2`). */
const KNOWN_ENDINGS: ReadonlySet<string> = new Set([
  ...FILE_KINDS.flatMap((k) => FILE_TYPES[k].extensions),
  ...PROGRAM_ENDINGS,
  ...['zip', 'rar', '7z', 'gz', 'tar', 'doc', 'xls', 'ppt', 'docm', 'xlsm', 'pptm', 'dotx', 'dotm'],
  ...['html', 'htm', 'xhtml', 'svg', 'xml', 'txt', 'rtf', 'csv', 'tif', 'tiff', 'bmp', 'heic', 'odg', 'eml', 'msg'],
]);

/**
 * The name with the ending of the type its bytes are: an ending that says
 * another type is replaced (`app.jar` holding a DOCX becomes `app.docx`), and a
 * name with none is given one, so what is downloaded opens in the right program.
 */
export function nameForType(fileName: string, type: FileType): string {
  const ending = extensionOf(fileName);
  if (ending && type.extensions.includes(ending)) return fileName;
  const stem = ending && KNOWN_ENDINGS.has(ending) ? fileName.slice(0, -(ending.length + 1)) : fileName;
  return capped(`${stem.trimEnd() || 'tep'}.${type.extensions[0]}`);
}
