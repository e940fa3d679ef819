/**
 * Reads an edXML file as it arrives, with saxes: the header becomes a small tree of elements named
 * by their local name; each attachment's base64 text is decoded as it comes and handed to a sink,
 * so memory stays bounded by the pieces in flight, not by the attachments.
 */
import { createHash } from 'node:crypto';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Base64Decoder, SNIFF_BYTES } from './attachment.rules';
import { edxmlRefused } from './edxml.errors';
import { type Correction, EDXML_NS } from './edxml.rules';

export interface XmlNode {
  /** Local name, prefix removed. */
  name: string;
  qname: string;
  attributes: Record<string, string>;
  items: (XmlNode | string)[];
  parent: XmlNode | null;
}

export interface AttachmentSink {
  write(bytes: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

/** What the sender declared of an attachment, before its bytes. */
export interface DeclaredAttachment {
  contentId: string;
  contentType: string;
  name: string;
}

export interface DecodedAttachment extends DeclaredAttachment {
  size: number;
  sha256: string;
  head: Buffer;
}

export type SourceBytes = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export const textOf = (node: XmlNode): string =>
  node.items.map((i) => (typeof i === 'string' ? i : textOf(i))).join('');

const CORRECTED = {
  bom: 'Bỏ dấu BOM ở đầu tệp.',
  leading_junk: 'Bỏ các byte lạ đứng trước phần khai báo XML.',
  trailing_junk: 'Bỏ phần dữ liệu lạ đứng sau phần tử gốc.',
  crlf: 'Tệp dùng xuống dòng kiểu Windows (CRLF); đã đọc như LF.',
  invalid_utf8: 'Tệp có byte không phải UTF-8; đã thay bằng ký tự thay thế.',
  control_characters: 'Bỏ các ký tự điều khiển không được phép trong XML.',
  default_namespace: 'Các phần tử dùng không gian tên mặc định thay cho tiền tố edXML:.',
  no_namespace: 'Các phần tử không có không gian tên QCVN 102:2016; đã đọc theo tên.',
  other_namespace: 'Các phần tử mang không gian tên khác QCVN 102:2016; đã đọc theo tên.',
} as const;

const text = (c: Correction['code'] & keyof typeof CORRECTED): Correction => ({
  code: `edxml.${c}`,
  message: CORRECTED[c],
});

// saxes keeps an element's text until the next tag; inside a large attachment that is the whole
// attachment. Its buffered text is taken after each piece instead (state 13 is saxes 5's text state;
// the memory test fails if a later saxes renames them).
interface SaxesBuffer {
  text: string;
  state: number;
}
const SAXES_TEXT_STATE = 13;

/** Text and elements outside attachments a package may hold (characters, an element counting 100). */
export const HEADER_BUDGET = 8 * 1024 * 1024;

/** Streams the source through saxes; returns the tree (attachments' text left out) and what was decoded. */
export async function readEdxml(
  source: SourceBytes,
  openSink: (declared: DeclaredAttachment) => AttachmentSink,
  corrections: Correction[],
): Promise<{ root: XmlNode; attachments: DecodedAttachment[] }> {
  const reported = new Set<string>();
  const report = (c: Correction) => {
    if (reported.has(c.code)) return;
    reported.add(c.code);
    corrections.push(c);
  };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const internals = parser as unknown as SaxesBuffer;
  const doc: XmlNode = { name: '#document', qname: '#document', attributes: {}, items: [], parent: null };
  let current = doc;
  let root: XmlNode | null = null;
  const scopes: Record<string, string>[] = [{}];
  let signatureDepth = 0;
  let charRefError = false;
  let spent = 0;
  const spend = (n: number) => {
    spent += n;
    if (spent > HEADER_BUDGET) throw edxmlRefused('header_too_large', { limit: HEADER_BUDGET });
  };

  let decoding: {
    decoder: Base64Decoder;
    sink: AttachmentSink;
    hash: ReturnType<typeof createHash>;
    size: number;
    head: Buffer[];
    headSize: number;
    declared: DeclaredAttachment;
  } | null = null;
  const attachments: DecodedAttachment[] = [];
  const queue: (() => void | Promise<void>)[] = [];

  const feed = (b64: string) => {
    if (!decoding) return;
    let bytes: Buffer;
    try {
      bytes = decoding.decoder.push(b64);
    } catch (e) {
      throw edxmlRefused('bad_base64', { contentId: decoding.declared.contentId, reason: (e as Error).message });
    }
    if (bytes.length === 0) return;
    const d = decoding;
    d.hash.update(bytes);
    d.size += bytes.length;
    if (d.headSize < SNIFF_BYTES) {
      const part = bytes.subarray(0, SNIFF_BYTES - d.headSize);
      d.head.push(Buffer.from(part));
      d.headSize += part.length;
    }
    queue.push(() => d.sink.write(bytes));
  };

  parser.on('error', (err) => {
    if (/disallowed character\.|malformed character entity/.test(err.message)) {
      charRefError ||= err.message.includes('entity');
      report(text('control_characters'));
      return;
    }
    // A multipart boundary or padding after the envelope: the document itself is whole.
    if (root !== null && current === doc && /outside of root node/.test(err.message)) {
      report(text('trailing_junk'));
      return;
    }
    throw edxmlRefused('not_xml', { reason: err.message });
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attributes = tag.attributes as Record<string, string>;
    const scope = { ...scopes[scopes.length - 1] };
    for (const [k, v] of Object.entries(attributes)) {
      if (k === 'xmlns') scope[''] = v;
      else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
    }
    scopes.push(scope);
    const colon = tag.name.indexOf(':');
    const name = colon >= 0 ? tag.name.slice(colon + 1) : tag.name;
    const prefix = colon >= 0 ? tag.name.slice(0, colon) : '';
    if (name === 'Signature' || signatureDepth > 0) signatureDepth++;
    else {
      const uri = scope[prefix] ?? '';
      if (uri === EDXML_NS && prefix === '') report(text('default_namespace'));
      else if (uri === '') report(text('no_namespace'));
      else if (uri !== EDXML_NS) report(text('other_namespace'));
    }
    spend(100);
    const node: XmlNode = { name, qname: tag.name, attributes, items: [], parent: current };
    current.items.push(node);
    current = node;
    root ??= node;
    if (name === 'ContentTransferEncoded' && node.parent?.name === 'Attachment' && signatureDepth === 0) {
      const sibling = (n: string) => {
        const found = node.parent?.items.find((i): i is XmlNode => typeof i !== 'string' && i.name === n);
        return found ? textOf(found).trim() : '';
      };
      const declared = {
        contentId: sibling('ContentId').replace(/^<|>$/g, '').replace(/^cid:/i, ''),
        contentType: sibling('ContentType'),
        name: sibling('AttachmentName'),
      };
      const sink = openSink(declared);
      decoding = {
        decoder: new Base64Decoder(),
        sink,
        hash: createHash('sha256'),
        size: 0,
        head: [],
        headSize: 0,
        declared,
      };
    }
  });
  const onText = (t: string) => {
    if (decoding) feed(t);
    else {
      spend(t.length);
      current.items.push(t);
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (decoding && current.name === 'ContentTransferEncoded') {
      const d = decoding;
      decoding = null;
      let rest: Buffer;
      try {
        rest = d.decoder.end();
      } catch (e) {
        throw edxmlRefused('bad_base64', { contentId: d.declared.contentId, reason: (e as Error).message });
      }
      if (rest.length) {
        d.hash.update(rest);
        d.size += rest.length;
        if (d.headSize < SNIFF_BYTES) d.head.push(rest.subarray(0, SNIFF_BYTES - d.headSize));
        queue.push(() => d.sink.write(rest));
      }
      queue.push(() => d.sink.end());
      attachments.push({ ...d.declared, size: d.size, sha256: d.hash.digest('hex'), head: Buffer.concat(d.head) });
    }
    if (signatureDepth > 0) signatureDepth--;
    scopes.pop();
    current = current.parent ?? doc;
  });

  const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  let started = false;
  let pending = '';
  const write = async (chunk: string) => {
    if (chunk.includes('\r')) report(text('crlf'));
    parser.write(chunk);
    if (decoding && internals.state === SAXES_TEXT_STATE && internals.text.length > 0) {
      const buffered = internals.text;
      internals.text = '';
      feed(buffered);
    } else if (internals.text.length + spent > HEADER_BUDGET) {
      throw edxmlRefused('header_too_large', { limit: HEADER_BUDGET });
    }
    for (const step of queue.splice(0)) await step();
  };
  const take = async (chunk: string, last: boolean) => {
    if (started) return write(chunk);
    pending += chunk;
    if (pending.length < 4096 && !last) return;
    let at = pending.indexOf('<?xml');
    if (at < 0 || at > 4096) at = pending.indexOf('<');
    if (at < 0) throw edxmlRefused('not_xml', { reason: 'no element' });
    if (at > 0) report(text(pending.startsWith('\uFEFF') && at === 1 ? 'bom' : 'leading_junk'));
    started = true;
    const rest = pending.slice(at);
    pending = '';
    await write(rest);
  };

  for await (const piece of pieces(source)) {
    const chunk = typeof piece === 'string' ? piece : utf8.decode(piece, { stream: true });
    if (typeof piece !== 'string' && chunk.includes('\uFFFD') && !Buffer.from(piece).includes('\uFFFD')) {
      report(text('invalid_utf8'));
    }
    await take(chunk, false);
  }
  await take(utf8.decode(), true);
  parser.close();
  for (const step of queue.splice(0)) await step();
  if (!root) throw edxmlRefused('not_xml', { reason: 'no element' });
  if (charRefError) cleanCharRefs(root);
  return { root, attachments };
}

async function* pieces(source: SourceBytes): AsyncIterable<string | Uint8Array> {
  if (typeof source === 'string') {
    for (let at = 0; at < source.length; at += 64 * 1024) yield source.slice(at, at + 64 * 1024);
  } else if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += 64 * 1024) yield source.subarray(at, at + 64 * 1024);
  } else yield* source;
}

// saxes leaves a reference to a forbidden character (`&#1;`) as written; it goes with the character.
function cleanCharRefs(node: XmlNode) {
  node.items = node.items.map((i) => {
    if (typeof i !== 'string') {
      cleanCharRefs(i);
      return i;
    }
    return i.replace(/&#(x[0-9a-f]+|[0-9]+);/gi, '');
  });
}
