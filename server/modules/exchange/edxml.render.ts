/**
 * edXML packages and status messages made: every element carries the `edXML:` prefix (the national
 * validator refuses messages without it), text is escaped, and attachments are base64-encoded piece
 * by piece as they are read, so a package is written without ever holding its attachments whole.
 */
import { Base64Encoder } from './attachment.rules';
import { edxmlRefused } from './edxml.errors';
import {
  type AttachmentRef,
  attachmentRefSchema,
  documentIdOf,
  EDXML_NS,
  edxmlDay,
  edxmlTimestamp,
  type MessageHeader,
  type Organ,
  type PackageModel,
  packageSchema,
  type ResponseFor,
  type StatusModel,
  statusSchema,
} from './edxml.rules';

export type ByteSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
export type OutgoingAttachment = AttachmentRef & { bytes: ByteSource };

/**
 * Stored files as a package's attachments, each opened only when the package reaches it, so a
 * package holds one file open at a time.
 */
export function lazyAttachments(
  files: readonly { sha256: string; fileName: string; contentType: string }[],
  open: (sha256: string) => Promise<{ stream: unknown }>,
): OutgoingAttachment[] {
  return files.map((f, i) => ({
    contentId: `tep-${i + 1}`,
    contentType: f.contentType,
    name: f.fileName,
    bytes: (async function* () {
      const opened = await open(f.sha256);
      yield* opened.stream as AsyncIterable<Uint8Array>;
    })(),
  }));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
/** Escaped for text and attribute values; CR kept as a reference so CRLF in a text survives parsing. */
export const escapeXml = (text: string) => text.replace(/[&<>"\r]/g, (c) => ESCAPES[c] ?? c);

type Child = string | undefined | false;
const el = (name: string, ...children: Child[]) =>
  `<edXML:${name}>${children.filter(Boolean).join('')}</edXML:${name}>`;
/** An element with text, left out when there is no value. */
const val = (name: string, value: string | number | undefined) =>
  value === undefined ? undefined : `<edXML:${name}>${escapeXml(String(value))}</edXML:${name}>`;

const organ = (name: string, o: Organ) =>
  el(
    name,
    val('OrganId', o.organId),
    val('OrganName', o.organName),
    val('OrganAdd', o.organAdd),
    val('Email', o.email),
    val('Telephone', o.telephone),
    val('Fax', o.fax),
    val('Website', o.website),
  );

const responseFor = (r: ResponseFor) =>
  el(
    'ResponseFor',
    val('OrganId', r.organId),
    val('Code', r.code),
    val('PromulgationDate', edxmlDay(r.promulgationDate)),
    val('DocumentId', r.documentId),
  );

function messageHeader(h: MessageHeader): string {
  const o = h.otherInfo;
  return el(
    'MessageHeader',
    organ('From', h.from),
    ...h.to.map((t) => organ('To', t)),
    val('DocumentId', documentIdOf(h)),
    h.code && el('Code', val('CodeNumber', h.code.codeNumber), val('CodeNotation', h.code.codeNotation)),
    el(
      'PromulgationInfo',
      val('Place', h.promulgationInfo.place),
      val('PromulgationDate', edxmlDay(h.promulgationInfo.promulgationDate)),
    ),
    el('DocumentType', val('Type', h.documentType.type), val('TypeName', h.documentType.typeName)),
    val('Subject', h.subject),
    val('Content', h.content),
    el(
      'SignerInfo',
      val('Competence', h.signerInfo.competence),
      val('Position', h.signerInfo.position),
      val('FullName', h.signerInfo.fullName),
    ),
    val('DueDate', h.dueDate && edxmlDay(h.dueDate)),
    el('ToPlaces', ...h.toPlaces.map((p) => val('Place', p))),
    el(
      'OtherInfo',
      val('Priority', o.priority),
      val('SphereOfPromulgation', o.sphereOfPromulgation),
      val('TyperNotation', o.typerNotation),
      val('PromulgationAmount', o.promulgationAmount),
      val('PageAmount', o.pageAmount),
    ),
    val('SteeringType', h.steeringType),
    h.responseFor && responseFor(h.responseFor),
  );
}

const envelopeStart = `<?xml version="1.0" encoding="UTF-8"?>\n<edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">`;
const envelopeEnd = '</edXML:edXMLEnvelope>\n';

function invalidModel(issues: { path: PropertyKey[]; message: string }[]): never {
  throw edxmlRefused(
    'invalid_model',
    issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

const PIECE = 48 * 1024; // a multiple of 3: whole base64 groups

async function* piecesOf(source: ByteSource): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += PIECE) yield source.subarray(at, at + PIECE);
    return;
  }
  yield* source;
}

/**
 * A document package, written as UTF-8 pieces. Attachments are read one after another, each only
 * while it is being written; the model is checked first and refused whole (`edxml.invalid_model`).
 */
export async function* buildPackage(
  model: PackageModel,
  attachments: OutgoingAttachment[],
): AsyncGenerator<Buffer, void, undefined> {
  const checked = packageSchema.safeParse(model);
  if (!checked.success) invalidModel(checked.error.issues);
  const refs = attachments.map((a, i) => {
    const ref = attachmentRefSchema.safeParse({ ...a, bytes: undefined });
    if (!ref.success) invalidModel(ref.error.issues.map((x) => ({ ...x, path: ['attachments', i, ...x.path] })));
    return { ...ref.data, contentId: ref.data.contentId ?? `attachment-${i + 1}` };
  });
  const m = checked.data;
  const business =
    m.business &&
    el(
      'Bussiness',
      val('BussinessDocType', m.business.bussinessDocType),
      val('BussinessDocReason', m.business.bussinessDocReason),
      val('DocumentId', m.business.documentId),
      m.business.replacementInfo?.length
        ? el(
            'ReplacementInfoList',
            ...m.business.replacementInfo.map((x) =>
              el(
                'ReplacementInfo',
                val('DocumentId', x.documentId),
                x.organIds.length > 0 ? el('OrganIdList', ...x.organIds.map((id) => val('OrganId', id))) : undefined,
              ),
            ),
          )
        : undefined,
    );
  const traces = m.traces.map((t) =>
    el('TraceHeader', val('OrganId', t.organId), val('Timestamp', edxmlTimestamp(t.timestamp))),
  );
  const header = el('edXMLHeader', messageHeader(m.header), el('TraceHeaderList', ...traces, business), m.signature);
  const manifest = el(
    'edXMLManifest',
    ...refs.map(
      (r) =>
        `<edXML:Reference hrefid="cid:${escapeXml(r.contentId)}">${[
          val('ContentType', r.contentType),
          val('AttachmentName', r.name),
          val('Description', r.description),
        ]
          .filter(Boolean)
          .join('')}</edXML:Reference>`,
    ),
  );
  yield Buffer.from(`${envelopeStart}${header}<edXML:edXMLBody>${manifest}<edXML:AttachmentEncoded>`);
  for (const [i, ref] of refs.entries()) {
    const source = attachments[i]?.bytes ?? new Uint8Array();
    yield Buffer.from(
      `<edXML:Attachment>${val('ContentId', ref.contentId)}${val('ContentType', ref.contentType)}${val('AttachmentName', ref.name)}<edXML:ContentTransferEncoded>`,
    );
    const encoder = new Base64Encoder();
    for await (const piece of piecesOf(source)) {
      const text = encoder.push(piece);
      if (text) yield Buffer.from(text, 'latin1');
    }
    yield Buffer.from(`${encoder.end()}</edXML:ContentTransferEncoded></edXML:Attachment>`, 'latin1');
  }
  yield Buffer.from(`</edXML:AttachmentEncoded></edXML:edXMLBody>${envelopeEnd}`);
}

/** A status message answering a document (01 arrived … 16 refused), as UTF-8 text. */
export function buildStatus(model: StatusModel): string {
  const checked = statusSchema.safeParse(model);
  if (!checked.success) invalidModel(checked.error.issues);
  const s = checked.data;
  const status = el(
    'Status',
    responseFor(s.responseFor),
    organ('From', s.from),
    el(
      'StaffInfo',
      val('Department', s.staffInfo.department),
      val('Staff', s.staffInfo.staff),
      val('Mobile', s.staffInfo.mobile),
      val('Email', s.staffInfo.email),
    ),
    val('StatusCode', s.statusCode),
    val('Description', s.description),
    val('Timestamp', edxmlTimestamp(s.timestamp)),
  );
  return `${envelopeStart}${el('edXMLHeader', status)}${envelopeEnd}`;
}
