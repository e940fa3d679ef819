/**
 * Programs and scripts, recognised by their bytes and, inside archives, by
 * their names: what no office file may be or carry, whatever it is called.
 * Each function answers with a label for people (Vietnamese), or null.
 */

const WINDOWS = 'chương trình Windows (.exe, .dll, .scr)';
const SCRIPT = 'tệp lệnh (script)';
const WEB_PAGE = 'trang web hoặc ứng dụng HTML (.html, .hta)';
const JAVA = 'chương trình Java (.jar, .class)';
const MACRO = 'tài liệu có macro';

/** Name endings of programs and scripts, on Windows, Linux, macOS, Android and Java. */
export const PROGRAM_ENDINGS: ReadonlySet<string> = new Set([
  'exe',
  'dll',
  'scr',
  'com',
  'pif',
  'cpl',
  'msi',
  'msp',
  'msc',
  'sys',
  'drv',
  'ocx',
  'bat',
  'cmd',
  'ps1',
  'psm1',
  'psd1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'mjs',
  'wsf',
  'wsh',
  'hta',
  'lnk',
  'scf',
  'reg',
  'inf',
  'jar',
  'class',
  'dex',
  'apk',
  'sh',
  'bash',
  'elf',
  'so',
  'dylib',
  'app',
  'command',
  'py',
  'pl',
  'rb',
  'php',
]);

/** Endings a program can hide behind in an archive; the content decides. */
export function programByName(entryName: string): string | null {
  const name = entryName.toLowerCase();
  if (name === 'meta-inf/manifest.mf' || name.endsWith('.class')) return JAVA;
  if (name.endsWith('vbaproject.bin')) return MACRO;
  // OpenDocument keeps macros as Basic modules and scripts in folders of their own.
  if (/^basic\/[^/]+\/(?!script-lb\.xml$|dialog-lb\.xml$)[^/]+$/.test(name) || /^scripts\/.+[^/]$/.test(name)) {
    return MACRO;
  }
  const ending = /\.([a-z0-9]{1,8})$/.exec(name)?.[1];
  if (ending && PROGRAM_ENDINGS.has(ending)) return `tệp chương trình hoặc tệp lệnh (.${ending})`;
  return null;
}

/**
 * What the first bytes are, when they are a program or a script. `where` is
 * `file` for a whole file, where any web page counts (a browser or `mshta` runs
 * it), and `entry` for a part inside an office file, where only a page with
 * script does (Word keeps imported HTML and SVG images as parts).
 */
export function programByContent(head: Buffer, where: 'file' | 'entry'): string | null {
  const starts = (...bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
  if (starts(0x4d, 0x5a)) return WINDOWS; // MZ: DOS and PE
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return 'chương trình Linux (ELF)';
  for (const magic of [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe]) {
    if (head.length >= 4 && head.readUInt32BE(0) === magic) return 'chương trình macOS';
  }
  // Java classes and macOS universal binaries share CAFEBABE; either is a program.
  if (starts(0xca, 0xfe, 0xba, 0xbe))
    return head.length >= 8 && head.readUInt32BE(4) < 45 ? 'chương trình macOS' : JAVA;
  if (starts(0x64, 0x65, 0x78, 0x0a)) return 'chương trình Android (.dex)';
  if (starts(0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00)) return 'lối tắt Windows (.lnk)';

  // Markup is looked for in any bytes: a page can follow binary junk and still be run as one.
  const text = asText(head);
  const markup = `${head.toString('latin1')}\n${text ?? ''}`.toLowerCase();
  const scripted = /<script\b|<hta:application\b|javascript:|vbscript:/.test(markup);
  if (where === 'file') {
    if (scripted || /<!doctype\s+html|<html\b|<head\b|<body\b|<iframe\b|<frameset\b/.test(markup)) return WEB_PAGE;
    if (/<svg\b/.test(markup) && /\son[a-z]+\s*=|<foreignobject\b/.test(markup)) return 'ảnh SVG có mã lệnh';
  } else if (scripted || (/<svg\b/.test(markup) && /\son[a-z]+\s*=/.test(markup))) {
    return WEB_PAGE;
  }
  if (text === null) return null;
  const lower = text.toLowerCase();
  if (/^\s*#!/.test(text)) return SCRIPT;
  if (lower.trimStart().startsWith('<')) return null;
  if (/^\s*@?echo\s+(off|on)\b|^\s*(@|rem\s|::|goto\s|setlocal\b)/m.test(lower)) return 'tệp lệnh Windows (.bat, .cmd)';
  if (
    /\b(invoke-expression|invoke-webrequest|start-process|set-executionpolicy|new-object\s+(system\.)?net\.|add-type|-encodedcommand)\b|\$env:|^\s*param\s*\(/m.test(
      lower,
    )
  ) {
    return 'tệp lệnh PowerShell (.ps1)';
  }
  if (/\bcreateobject\s*\(|\bwscript\.|\bexecuteglobal\b|^\s*on\s+error\s+resume\s+next\b/m.test(lower)) {
    return 'tệp lệnh VBScript (.vbs)';
  }
  if (
    /\bactivexobject\b|\beval\s*\(|\brequire\s*\(|\bdocument\.write\b|\bfunction\s*\w*\s*\([^)]*\)\s*\{|\b(var|let|const)\s+\w+\s*=/.test(
      lower,
    )
  ) {
    return 'tệp lệnh JavaScript (.js)';
  }
  return null;
}

/**
 * The bytes as text when they look like text (UTF-8 or UTF-16 with its mark, no
 * control characters besides white space), else null: scripts are text.
 */
function asText(head: Buffer): string | null {
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) text = Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  else text = head.toString('utf8').replace(/^\ufeff/, '');
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return null;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) controls++;
  }
  return controls > text.length / 20 ? null : text;
}
