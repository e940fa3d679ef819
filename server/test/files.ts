import { crc32, createDeflate, deflateRawSync, deflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FileKind } from '../platform/files/content-type';

/** Real, minimal files of every accepted type, made in code so tests ship no binaries. */

export interface ZipInput {
  name: string;
  data: Buffer | string;
  /** Stored without compression (an ODF `mimetype` must be). */
  stored?: boolean;
}

export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const body = entry.stored ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A one-page PDF whose text is `text`, in a font that maps each code to its
 * Unicode character (Identity-H with a ToUnicode map), as office suites write
 * Vietnamese.
 */
export function makePdf(text: string): Buffer {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = `BT /F1 12 Tf 72 720 Td <${hex}> Tj ET`;
  const code = (c: string) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0').toUpperCase();
  const chars = [...new Set(text)];
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar ${chars.map((c) => `<${code(c)}> <${code(c)}>`).join(' ')} endbfchar`,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /FontDescriptor 8 0 R /CIDToGIDMap /Identity >>',
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    '<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 red PNG. */
export function makePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 1×1 images as the smallest common encoders write them. */
const JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';
const GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const WEBP = 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A DOCX whose body is the given paragraphs; a paragraph may be split into several runs. */
export function makeDocx(paragraphs: (string | string[])[]): Buffer {
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${(Array.isArray(p) ? p : [p]).map((t) => `<w:r><w:t xml:space="preserve">${xml(t)}</w:t></w:r>`).join('')}</w:p>`,
    )
    .join('');
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

export function makeOdf(kind: 'odt' | 'ods' | 'odp', text = 'Văn bản'): Buffer {
  const types = { odt: 'text', ods: 'spreadsheet', odp: 'presentation' } as const;
  return makeZip([
    { name: 'mimetype', data: `application/vnd.oasis.opendocument.${types[kind]}`, stored: true },
    {
      name: 'content.xml',
      data: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h>${xml(text)}</text:h><text:p>Số<text:s/>05</text:p></office:text></office:body></office:document-content>`,
    },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest/>' },
  ]);
}

function ooxml(part: string): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: part, data: '<?xml version="1.0"?><root/>' },
  ]);
}

export function sampleFile(kind: FileKind): Buffer {
  switch (kind) {
    case 'pdf':
      return makePdf('Nghị quyết');
    case 'png':
      return makePng();
    case 'jpeg':
      return Buffer.from(JPEG, 'base64');
    case 'gif':
      return Buffer.from(GIF, 'base64');
    case 'webp':
      return Buffer.from(WEBP, 'base64');
    case 'docx':
      return makeDocx(['Văn bản']);
    case 'xlsx':
      return ooxml('xl/workbook.xml');
    case 'pptx':
      return ooxml('ppt/presentation.xml');
    case 'odt':
    case 'ods':
    case 'odp':
      return makeOdf(kind);
  }
}

/** A Windows program's first bytes. */
export function makeExe(): Buffer {
  return Buffer.concat([
    Buffer.from('MZ', 'latin1'),
    Buffer.alloc(62),
    Buffer.from('This program cannot be run in DOS mode.'),
  ]);
}

/** One part of a multipart/form-data body; a part with `fileName` is a file. */
export interface Part {
  field?: string;
  fileName?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body as a browser sends it. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----vanphong-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName
      ? `form-data; name="${part.field ?? 'file'}"; filename="${part.fileName}"`
      : `form-data; name="${part.field ?? 'note'}"`;
    const type = part.fileName ? `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push(Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Windows program that carries a PDF header in its first kilobyte, as a disguised attachment does. */
export function makeExeWithPdfHeader(): Buffer {
  return Buffer.concat([makeExe(), Buffer.from('\n%PDF-1.4\n'), makePdf('Hóa đơn')]);
}

/** A web page (an HTA application) with a PDF header in its first kilobyte. */
export function makeHta(): Buffer {
  return Buffer.from(
    '<html><head><hta:application id="x"/></head><body>%PDF-1.4<script>new ActiveXObject("WScript.Shell").Run("calc")</script></body></html>',
  );
}

/** A Java archive: a manifest and a class. */
export function makeJar(): Buffer {
  return makeZip([
    { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\nMain-Class: vn.Main\r\n' },
    { name: 'vn/Main.class', data: Buffer.from('cafebabe00000034', 'hex') },
  ]);
}

/** A DOCX that carries a Windows program, under the given entry name. */
export function makeDocxCarrying(entryName: string, data: Buffer = makeExe()): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body/></w:document>` },
    { name: entryName, data },
  ]);
}

/**
 * A one-page PDF whose content stream inflates to `decodedBytes` of zeros (a
 * decompression bomb: 500 MB deflate to about 0.5 MB), made without holding the
 * decoded bytes in memory.
 */
export async function makePdfBomb(decodedBytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < decodedBytes; written += zeros.length) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  const body = Buffer.concat(chunks);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((text, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${text}\nendobj\n`;
  });
  offsets.push(out.length);
  const head = Buffer.from(`${out}4 0 obj\n<< /Length ${body.length} /Filter /FlateDecode >>\nstream\n`, 'latin1');
  const xrefAt = head.length + body.length + '\nendstream\nendobj\n'.length;
  let tail = `\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([head, body, Buffer.from(tail, 'latin1')]);
}

/** The PDF's text as pdf.js reads it back, white space collapsed. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('')}\n`;
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}
