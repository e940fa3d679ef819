/**
 * A received edXML package or status message read into the product's model. It takes what real
 * systems send and says what it corrected (stable codes, Vietnamese messages); it refuses only what
 * cannot be a document, with a typed error (`edxml.*`).
 */
import { agrees, nameFor, sniff } from './attachment.rules';
import { edxmlRefused } from './edxml.errors';
import {
  type Business,
  type Correction,
  documentIdOf,
  type MessageHeader,
  type Organ,
  type PackageModel,
  type ResponseFor,
  readDate,
  STATUS_CODES,
  type StatusCode,
  type StatusModel,
  type TraceHeader,
  xmlSafe,
} from './edxml.rules';
import {
  type AttachmentSink,
  type DeclaredAttachment,
  readEdxml,
  type SourceBytes,
  textOf,
  type XmlNode,
} from './edxml-reader.rules';

export type { AttachmentSink, DeclaredAttachment } from './edxml-reader.rules';

export interface ReceivedAttachment {
  contentId: string;
  /** The type the bytes say when they say one, else the declared type. */
  contentType: string;
  name: string;
  description?: string;
  size: number;
  sha256: string;
}

export interface ParsedPackage {
  model: PackageModel;
  /** The DocumentId as received (the model's fields are the header's, see `edxml.document_id_mismatch`). */
  receivedDocumentId: string | null;
  attachments: ReceivedAttachment[];
  corrections: Correction[];
}

const fix = (code: string, message: string): Correction => ({ code: `edxml.${code}`, message });

class Reader {
  constructor(readonly corrections: Correction[]) {}

  child(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
    return node?.items.find((i): i is XmlNode => typeof i !== 'string' && names.includes(i.name));
  }
  children(node: XmlNode | undefined, name: string): XmlNode[] {
    return (node?.items ?? []).filter((i): i is XmlNode => typeof i !== 'string' && i.name === name);
  }
  /** A field's text, forbidden characters removed; trimmed unless it is prose. */
  text(node: XmlNode | undefined, name: string, prose = false): string | undefined {
    const found = this.child(node, name);
    if (!found) return undefined;
    const safe = xmlSafe(textOf(found));
    if (safe.changed) this.note(fix('control_characters', 'Bỏ các ký tự điều khiển không được phép trong XML.'));
    return prose ? safe.text : safe.text.trim();
  }
  int(node: XmlNode | undefined, name: string): number | undefined {
    const t = this.text(node, name);
    if (t === undefined || t === '') return undefined;
    if (!/^\d+$/.test(t)) {
      this.note(fix('number_unreadable', `Bỏ giá trị số không đọc được của ${name}: "${t}".`));
      return undefined;
    }
    return Number(t);
  }
  date(node: XmlNode | undefined, name: string): string | undefined {
    const t = this.text(node, name);
    if (!t) return undefined;
    const read = readDate(t);
    if (!read) {
      this.note(fix('date_unreadable', `Ngày ${name} "${t}" không đọc được; đã bỏ.`));
      return undefined;
    }
    if (read.unusual) this.note(fix('date_format', `Ngày viết khác dạng yyyy/MM/dd giờ Việt Nam (${name}: "${t}").`));
    return read.day;
  }
  organ(node: XmlNode | undefined): Organ | undefined {
    const organId = this.text(node, 'OrganId');
    if (!node || !organId) return undefined;
    const opt = (n: string) => this.text(node, n) || undefined;
    const organName = this.text(node, 'OrganName');
    if (!organName) this.note(fix('organ_name_missing', `Cơ quan ${organId} không có tên (OrganName); tạm dùng mã.`));
    const organ: Organ = { organId, organName: organName || organId };
    for (const [key, n] of [
      ['organAdd', 'OrganAdd'],
      ['email', 'Email'],
      ['telephone', 'Telephone'],
      ['fax', 'Fax'],
      ['website', 'Website'],
    ] as const) {
      const v = opt(n);
      if (v !== undefined) organ[key] = v;
    }
    return organ;
  }
  responseFor(node: XmlNode | undefined): ResponseFor | undefined {
    if (!node) return undefined;
    return {
      organId: this.text(node, 'OrganId') ?? '',
      code: this.text(node, 'Code') ?? '',
      promulgationDate: this.date(node, 'PromulgationDate') ?? '',
      documentId: this.text(node, 'DocumentId') ?? '',
    };
  }
  note(c: Correction) {
    if (!this.corrections.some((x) => x.code === c.code && x.message === c.message)) this.corrections.push(c);
  }
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function header(r: Reader, h: XmlNode): MessageHeader {
  const from = r.organ(r.child(h, 'From'));
  if (!from) throw edxmlRefused('no_sender');
  const codeNode = r.child(h, 'Code');
  const subject = r.text(h, 'Subject', true);
  const code = codeNode && {
    codeNumber: r.text(codeNode, 'CodeNumber') ?? '',
    codeNotation: r.text(codeNode, 'CodeNotation') ?? '',
  };
  const hasCode = code && (code.codeNumber !== '' || code.codeNotation !== '');
  if (!subject?.trim() && !hasCode) throw edxmlRefused('no_subject_or_code');
  if (!subject?.trim()) r.note(fix('subject_missing', 'Gói tin không có trích yếu (Subject).'));
  const to = r.children(h, 'To').flatMap((t) => r.organ(t) ?? []);
  if (to.length === 0) r.note(fix('no_recipient', 'Gói tin không ghi cơ quan nhận (To).'));
  const info = r.child(h, 'PromulgationInfo');
  let promulgationDate = r.date(info, 'PromulgationDate');
  const receivedId = r.text(h, 'DocumentId');
  if (!promulgationDate) {
    const fromId = receivedId && readDate(receivedId.split(',')[1] ?? '');
    if (!fromId) throw edxmlRefused('bad_date');
    promulgationDate = fromId.day;
    r.note(fix('promulgation_date_from_document_id', 'Ngày ban hành lấy từ DocumentId vì PromulgationDate thiếu.'));
  }
  const type = r.child(h, 'DocumentType');
  const signer = r.child(h, 'SignerInfo');
  const other = r.child(h, 'OtherInfo');
  let priority = r.int(other, 'Priority') ?? 0;
  if (priority > 3) {
    r.note(fix('priority_unknown', `Độ khẩn ${priority} không có trong QCVN 102:2016; coi là thường.`));
    priority = 0;
  }
  return clean({
    from,
    to,
    code: hasCode ? code : undefined,
    promulgationInfo: { place: r.text(info, 'Place') ?? '', promulgationDate },
    documentType: { type: r.text(type, 'Type') ?? '', typeName: r.text(type, 'TypeName') ?? '' },
    subject: subject ?? '',
    content: r.text(h, 'Content', true),
    signerInfo: clean({
      competence: r.text(signer, 'Competence'),
      position: r.text(signer, 'Position'),
      fullName: r.text(signer, 'FullName') ?? '',
    }),
    dueDate: r.date(h, 'DueDate'),
    toPlaces: r.children(r.child(h, 'ToPlaces'), 'Place').map((p) => xmlSafe(textOf(p)).text.trim()),
    otherInfo: clean({
      priority: priority as 0 | 1 | 2 | 3,
      sphereOfPromulgation: r.text(other, 'SphereOfPromulgation'),
      typerNotation: r.text(other, 'TyperNotation'),
      promulgationAmount: r.int(other, 'PromulgationAmount'),
      pageAmount: r.int(other, 'PageAmount'),
    }),
    steeringType: r.int(h, 'SteeringType'),
    responseFor: r.responseFor(r.child(h, 'ResponseFor')),
  }) as MessageHeader;
}

function traces(r: Reader, list: XmlNode | undefined): { traces: TraceHeader[]; business?: Business } {
  const out: TraceHeader[] = [];
  for (const t of r.children(list, 'TraceHeader')) {
    const organId = r.text(t, 'OrganId') ?? '';
    const raw = r.text(t, 'Timestamp') ?? '';
    const read = readDate(raw);
    if (!read || !organId) {
      r.note(fix('trace_dropped', `Bỏ một mục vết chuyển không đọc được (${organId || '?'}, "${raw}").`));
      continue;
    }
    if (read.unusual)
      r.note(fix('date_format', `Thời điểm viết khác dạng yyyy/MM/dd HH:mm:ss giờ Việt Nam ("${raw}").`));
    out.push({ organId, timestamp: read.instant });
  }
  const b = r.child(list, 'Bussiness', 'Business');
  if (!b) return { traces: out };
  if (b.name === 'Business' || r.child(b, 'BusinessDocType')) {
    r.note(fix('business_spelling', 'Đọc Business/BusinessDocType như Bussiness/BussinessDocType của QCVN 102:2016.'));
  }
  const kindText = r.text(b, 'BussinessDocType') ?? r.text(b, 'BusinessDocType') ?? '0';
  let kind = Number(kindText);
  if (!/^[0-3]$/.test(kindText)) {
    r.note(fix('business_unknown', `Loại nghiệp vụ "${kindText}" không rõ; coi là văn bản mới.`));
    kind = 0;
  }
  const reason = r.text(b, 'BussinessDocReason', true) ?? r.text(b, 'BusinessDocReason', true);
  const replacementInfo = r
    .children(r.child(b, 'ReplacementInfoList'), 'ReplacementInfo')
    .map((x) => ({
      documentId: r.text(x, 'DocumentId') ?? '',
      organIds: r
        .children(r.child(x, 'OrganIdList'), 'OrganId')
        .map((o) => xmlSafe(textOf(o)).text.trim())
        .filter(Boolean),
    }))
    .filter((x) => x.documentId);
  return {
    traces: out,
    business: clean({
      bussinessDocType: kind as 0 | 1 | 2 | 3,
      bussinessDocReason: reason,
      documentId: r.text(b, 'DocumentId'),
      replacementInfo: replacementInfo.length > 0 ? replacementInfo : undefined,
    }),
  };
}

// Escaped as XML canonicalization writes them (C14N), empty elements as start and end tags: what a
// signature's digest is computed over. Attribute order and namespace placement stay as received.
const C14N_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const C14N_ATTR: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
const c14nText = (s: string) => s.replace(/[&<>\r]/g, (c) => C14N_TEXT[c] ?? c);
const c14nAttr = (s: string) => s.replace(/[&<"\t\n\r]/g, (c) => C14N_ATTR[c] ?? c);
/** The signature element written back as received, in canonical form. */
const serialize = (n: XmlNode): string =>
  `<${n.qname}${Object.entries(n.attributes)
    .map(([k, v]) => ` ${k}="${c14nAttr(v)}"`)
    .join('')}>${n.items.map((i) => (typeof i === 'string' ? c14nText(i) : serialize(i))).join('')}</${n.qname}>`;

function received(r: Reader, body: XmlNode | undefined, decoded: Awaited<ReturnType<typeof readEdxml>>['attachments']) {
  const refs = new Map<string, { contentType?: string; name?: string; description?: string }>();
  for (const ref of r.children(r.child(body, 'edXMLManifest'), 'Reference')) {
    const href = Object.entries(ref.attributes).find(([k]) => k === 'hrefid' || k.endsWith(':hrefid'))?.[1] ?? '';
    refs.set(href.replace(/^cid:/i, '').replace(/^<|>$/g, ''), {
      contentType: r.text(ref, 'ContentType'),
      name: r.text(ref, 'AttachmentName'),
      description: r.text(ref, 'Description', true),
    });
  }
  return decoded.map((a, i): ReceivedAttachment => {
    const ref = refs.get(a.contentId) ?? {};
    const contentId = a.contentId || `attachment-${i + 1}`;
    let contentType = a.contentType || ref.contentType || 'application/octet-stream';
    let name = a.name || ref.name || contentId;
    const kind = sniff(a.head);
    if (kind && !agrees(contentType, kind)) {
      r.note(fix('attachment_type', `Tệp "${name}" khai là ${contentType} nhưng nội dung là ${kind.contentType}.`));
      contentType = kind.contentType;
    }
    if (kind && nameFor(name, kind) !== name) {
      const renamed = nameFor(name, kind);
      r.note(fix('attachment_name', `Đổi tên tệp "${name}" thành "${renamed}" cho đúng với nội dung.`));
      name = renamed;
    }
    return clean({ contentId, contentType, name, description: ref.description, size: a.size, sha256: a.sha256 });
  });
}

/**
 * Reads a package; each attachment's bytes go to the sink `openSink` gives for it, as they are
 * decoded. Refuses (`edxml.not_xml`, `no_message_header`, `no_subject_or_code`, `no_sender`,
 * `bad_base64`, `bad_date`) only what cannot be a document.
 */
export async function parsePackage(
  source: SourceBytes,
  openSink: (declared: DeclaredAttachment) => AttachmentSink,
): Promise<ParsedPackage> {
  const corrections: Correction[] = [];
  const { root, attachments } = await readEdxml(source, openSink, corrections);
  const r = new Reader(corrections);
  const head = r.child(root, 'edXMLHeader');
  const mh = r.child(head, 'MessageHeader');
  if (!mh) throw edxmlRefused('no_message_header');
  const model: PackageModel = { header: header(r, mh), ...traces(r, r.child(head, 'TraceHeaderList')) };
  const signature = r.child(head, 'Signature') ?? r.child(r.child(root, 'Signature'));
  if (signature) model.signature = serialize(signature);
  const receivedDocumentId = r.text(mh, 'DocumentId') || null;
  const expected = documentIdOf(model.header);
  if (!receivedDocumentId) r.note(fix('document_id_missing', `Gói tin không có DocumentId; lập lại là "${expected}".`));
  else if (receivedDocumentId !== expected) {
    r.note(
      fix(
        'document_id_mismatch',
        `DocumentId "${receivedDocumentId}" không khớp cơ quan gửi, số, ký hiệu và ngày ban hành; dùng các trường đó ("${expected}").`,
      ),
    );
  }
  return { model, receivedDocumentId, attachments: received(r, r.child(root, 'edXMLBody'), attachments), corrections };
}

/** Reads a status message (01 arrived … 16 refused). */
export async function parseStatus(source: SourceBytes): Promise<{ model: StatusModel; corrections: Correction[] }> {
  const corrections: Correction[] = [];
  const { root } = await readEdxml(source, () => ({ write() {}, end() {} }), corrections);
  const r = new Reader(corrections);
  const s = r.child(r.child(root, 'edXMLHeader'), 'Status');
  if (!s) throw edxmlRefused('no_status');
  const code = (r.text(s, 'StatusCode') ?? '').padStart(2, '0');
  if (!(code in STATUS_CODES)) throw edxmlRefused('bad_status_code', { code });
  const from = r.organ(r.child(s, 'From'));
  const responseFor = r.responseFor(r.child(s, 'ResponseFor'));
  if (!from || !responseFor) throw edxmlRefused('no_sender');
  const staff = r.child(s, 'StaffInfo');
  const at = readDate(r.text(s, 'Timestamp') ?? '');
  if (!at) throw edxmlRefused('bad_date', { field: 'Timestamp' });
  const model = clean({
    from,
    responseFor,
    staffInfo: clean({
      department: r.text(staff, 'Department'),
      staff: r.text(staff, 'Staff'),
      mobile: r.text(staff, 'Mobile'),
      email: r.text(staff, 'Email'),
    }),
    statusCode: code as StatusCode,
    description: r.text(s, 'Description', true),
    timestamp: at.instant,
  }) as StatusModel;
  return { model, corrections };
}
