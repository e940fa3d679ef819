import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Identity } from './pki';

/**
 * Signs a PDF for tests as a signer's software does: an incremental update that adds a
 * signature field on the first page and its signature dictionary (`ETSI.CAdES.detached`), the
 * CMS made by `openssl cms -sign -cades` over the bytes outside the Contents gap. Earlier
 * signatures stay valid, as the update only appends. Reads PDFs with classic cross-reference
 * tables only (what the tests make), and an `/AcroForm` given by reference.
 */
export function signPdfForTest(
  pdf: Buffer,
  signer: Identity,
  options: { name?: string; time?: Date; contentsBytes?: number; pss?: boolean; noattr?: boolean } = {},
): Buffer {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s*%%EOF\s*$/.exec(text)?.[1]);
  if (!Number.isFinite(startxref)) throw new Error('no startxref');
  const offsets = new Map<number, number>();
  let trailer = '';
  for (let at: number | null = startxref; at !== null; ) {
    const section = text.slice(at);
    if (!section.startsWith('xref')) throw new Error('only classic cross-reference tables');
    const trailerAt = section.indexOf('trailer');
    const table = section.slice(4, trailerAt).trim().split(/\r?\n/);
    for (let i = 0; i < table.length; ) {
      const [first, count] = (table[i++] ?? '').trim().split(/\s+/).map(Number) as [number, number];
      for (let k = 0; k < count; k++, i++) {
        const [offset, , kind] = (table[i] ?? '').trim().split(/\s+/);
        if (kind === 'n' && !offsets.has(first + k)) offsets.set(first + k, Number(offset));
      }
    }
    const dict = section.slice(trailerAt, section.indexOf('startxref'));
    trailer ||= dict;
    const prev = /\/Prev\s+(\d+)/.exec(dict)?.[1];
    at = prev ? Number(prev) : null;
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict)?.[1]);
  const body = (n: number) => {
    const at = offsets.get(n);
    if (at === undefined) throw new Error(`object ${n} not found`);
    const chunk = text.slice(at, text.indexOf('endobj', at));
    return chunk.slice(chunk.indexOf('obj') + 3).trim();
  };
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const rootNum = ref(trailer, 'Root');
  const catalog = body(rootNum);
  let pageNum = ref(catalog, 'Pages');
  for (let page = body(pageNum); /\/Type\s*\/Pages\b/.test(page); page = body(pageNum)) {
    pageNum = Number(/\/Kids\s*\[\s*(\d+)\s+0\s+R/.exec(page)?.[1]);
  }
  const acroNum = ref(catalog, 'AcroForm');
  const fields = Number.isFinite(acroNum) ? (/\/Fields\s*\[([^\]]*)\]/.exec(body(acroNum))?.[1] ?? '').trim() : '';
  const [sigNum, widgetNum, newAcro] = [size, size + 1, size + 2];
  const time = options.time ?? new Date();
  const local = new Date(time.getTime() + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const contentsBytes = options.contentsBytes ?? 16384;
  const placeholder = '/ByteRange [0 0 0 0]'.padEnd(60, ' ');
  const name = `FEFF${Buffer.from(options.name ?? 'Chữ ký', 'utf16le')
    .swap16()
    .toString('hex')
    .toUpperCase()}`;
  const page = body(pageNum);
  const withAnnot = /\/Annots\s*\[/.test(page)
    ? page.replace(/\/Annots\s*\[/, `/Annots [${widgetNum} 0 R `)
    : page.replace(/>>\s*$/, `/Annots [${widgetNum} 0 R] >>`);
  const withForm = `${catalog.replace(/\/AcroForm\s+\d+\s+0\s+R/, '').replace(/>>\s*$/, '')} /AcroForm ${newAcro} 0 R >>`;
  const objects: [number, string][] = [
    [
      sigNum,
      `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${placeholder} /Contents <${'0'.repeat(contentsBytes * 2)}> /M (D:${local}+07'00') /Name <${name}> >>`,
    ],
    [
      widgetNum,
      `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T (Signature${sigNum}) /V ${sigNum} 0 R /P ${pageNum} 0 R >>`,
    ],
    [newAcro, `<< /Fields [${`${fields} ${widgetNum} 0 R`.trim()}] /SigFlags 3 >>`],
    [rootNum, withForm],
    [pageNum, withAnnot],
  ];
  let update = '\n';
  const at: [number, number][] = [];
  for (const [n, content] of objects) {
    at.push([n, pdf.length + update.length]);
    update += `${n} 0 obj\n${content}\nendobj\n`;
  }
  const xref = pdf.length + update.length;
  update += 'xref\n';
  for (const [n, offset] of at.sort((a, b) => a[0] - b[0])) {
    update += `${n} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  update += `trailer\n<< /Size ${size + 3} /Root ${rootNum} 0 R /Prev ${startxref} >>\nstartxref\n${xref}\n%%EOF\n`;
  const out = Buffer.concat([pdf, Buffer.from(update, 'latin1')]);

  const contentsAt = out.indexOf('/Contents <', pdf.length) + '/Contents '.length;
  const b = contentsAt;
  const c = contentsAt + contentsBytes * 2 + 2;
  const range = `/ByteRange [0 ${b} ${c} ${out.length - c}]`.padEnd(placeholder.length, ' ');
  out.write(range, out.indexOf(placeholder, pdf.length), 'latin1');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-sign-'));
  try {
    const data = path.join(dir, 'data');
    fs.writeFileSync(data, Buffer.concat([out.subarray(0, b), out.subarray(c)]));
    const cms = execFileSync('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-in',
      data,
      '-signer',
      signer.cert,
      '-inkey',
      signer.key,
      // A key option applies to the signer named just before it.
      ...(options.pss ? ['-keyopt', 'rsa_padding_mode:pss'] : []),
      ...(signer.chain ? ['-certfile', signer.chain] : []),
      '-outform',
      'DER',
      '-md',
      'sha256',
      ...(options.noattr ? ['-noattr'] : ['-cades', '-nosmimecap']),
    ]);
    if (cms.length > contentsBytes) throw new Error('signature larger than its place');
    out.write(cms.toString('hex').toUpperCase(), b + 1, 'latin1');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
