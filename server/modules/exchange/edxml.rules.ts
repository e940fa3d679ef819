/**
 * The edXML package (QCVN 102:2016/BTTTT) as the product models it: the document header, the trace
 * of offices it passed through, the business kind (new, recall, update, replace), the attachments'
 * descriptions, and the status messages offices send back. Pure: no database, no HTTP.
 */
import { z } from 'zod';

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** Priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc. */
export const PRIORITIES = [0, 1, 2, 3] as const;
/** BussinessDocType: 0 new, 1 recall, 2 update, 3 replace. */
export const BUSINESS_KINDS = [0, 1, 2, 3] as const;
export const STATUS_CODES = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Chờ phân công',
  '05': 'Đang xử lý',
  '06': 'Đã hoàn thành',
  '13': 'Đề nghị lấy lại',
  '15': 'Đồng ý lấy lại/cập nhật',
  '16': 'Từ chối lấy lại/cập nhật',
} as const;
export type StatusCode = keyof typeof STATUS_CODES;

// XML 1.0 refuses C0 controls other than tab, LF, CR; U+FFFE/U+FFFF; and lone surrogates.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text XML can carry: what it cannot is removed; `changed` says whether anything was. */
export function xmlSafe(text: string): { text: string; changed: boolean } {
  const clean = text.replace(FORBIDDEN, '');
  return { text: clean, changed: clean !== text };
}

const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !xmlSafe(s).changed, 'Có ký tự điều khiển không được phép trong XML.');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => isRealDay(s), 'Ngày không có thật.');
const optional = (max: number) => safeText(max).optional();

export const organSchema = z.object({
  organId: safeText(64).min(1),
  organName: safeText(500).min(1),
  organAdd: optional(500),
  email: optional(254),
  telephone: optional(64),
  fax: optional(64),
  website: optional(254),
});
export type Organ = z.infer<typeof organSchema>;

export const responseForSchema = z.object({
  organId: safeText(64).min(1),
  code: safeText(200),
  promulgationDate: day,
  documentId: safeText(300).min(1),
});
export type ResponseFor = z.infer<typeof responseForSchema>;

export const messageHeaderSchema = z.object({
  from: organSchema,
  to: z.array(organSchema).min(1),
  code: z.object({ codeNumber: safeText(50), codeNotation: safeText(100) }).optional(),
  promulgationInfo: z.object({ place: safeText(200), promulgationDate: day }),
  documentType: z.object({ type: safeText(10), typeName: safeText(200) }),
  subject: safeText(4000),
  content: optional(100_000),
  signerInfo: z.object({ competence: optional(200), position: optional(200), fullName: safeText(200) }),
  dueDate: day.optional(),
  toPlaces: z.array(safeText(500)),
  otherInfo: z.object({
    priority: z.union(PRIORITIES.map((p) => z.literal(p))),
    sphereOfPromulgation: optional(200),
    typerNotation: optional(50),
    promulgationAmount: z.number().int().nonnegative().optional(),
    pageAmount: z.number().int().nonnegative().optional(),
  }),
  steeringType: z.number().int().nonnegative().optional(),
  responseFor: responseForSchema.optional(),
});
export type MessageHeader = z.infer<typeof messageHeaderSchema>;

/** `Timestamp` is an instant (ISO, UTC); it travels as `yyyy/MM/dd HH:mm:ss` in Vietnam's time. */
export const traceSchema = z.object({ organId: safeText(64).min(1), timestamp: z.iso.datetime() });
export type TraceHeader = z.infer<typeof traceSchema>;

/** A document this one replaces, and the offices it was sent to. */
export const replacementSchema = z.object({
  documentId: safeText(300).min(1),
  organIds: z.array(safeText(64).min(1)).max(500),
});
export type Replacement = z.infer<typeof replacementSchema>;

export const businessSchema = z.object({
  bussinessDocType: z.union(BUSINESS_KINDS.map((k) => z.literal(k))),
  bussinessDocReason: optional(2000),
  /** The DocumentId the business is about (the document recalled or updated). */
  documentId: optional(300),
  /** For a replacement (3): the documents it replaces. */
  replacementInfo: z.array(replacementSchema).max(50).optional(),
});
export type Business = z.infer<typeof businessSchema>;

export const attachmentRefSchema = z.object({
  contentId: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{1,200}$/)
    .optional(),
  contentType: safeText(200).min(1),
  name: safeText(255).min(1),
  description: optional(1000),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const packageSchema = z.object({
  header: messageHeaderSchema,
  traces: z.array(traceSchema),
  business: businessSchema.optional(),
  /** A `Signature` element received, kept as XML text; signing is done elsewhere. */
  signature: z.string().optional(),
});
export type PackageModel = z.infer<typeof packageSchema>;

export const staffSchema = z.object({
  department: optional(500),
  staff: optional(200),
  mobile: optional(64),
  email: optional(254),
});

export const statusSchema = z.object({
  from: organSchema,
  responseFor: responseForSchema,
  staffInfo: staffSchema,
  statusCode: z.enum(Object.keys(STATUS_CODES) as [StatusCode, ...StatusCode[]]),
  description: optional(2000),
  timestamp: z.iso.datetime(),
});
export type StatusModel = z.infer<typeof statusSchema>;

/** Something accepted from a peer after fixing it; `code` is stable, `message` is for people. */
export interface Correction {
  code: string;
  message: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isRealDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** `2015-09-30` → `2015/09/30`, the standard's form. */
export const edxmlDay = (iso: string) => iso.replaceAll('-', '/');

const VIETNAM_MS = 7 * 60 * 60 * 1000;

/** An instant → `yyyy/MM/dd HH:mm:ss` on a wall clock in Vietnam. */
export function edxmlTimestamp(instant: string): string {
  const d = new Date(new Date(instant).getTime() + VIETNAM_MS);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export interface ReadDate {
  /** `yyyy-MM-dd` on Vietnam's calendar. */
  day: string;
  /** The instant, when a time was given (else midnight in Vietnam). */
  instant: string;
  /** Written otherwise than the standard's `yyyy/MM/dd[ HH:mm:ss]` in Vietnam's time. */
  unusual: boolean;
}

const DATE =
  /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date as systems write it: `yyyy/MM/dd` or `yyyy-MM-dd`, with or without a time and a zone;
 * without a zone it is Vietnam's time. Null when it is no date at all (31 February included).
 */
export function readDate(raw: string): ReadDate | null {
  const m = DATE.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const [h, mi, s] = [Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0)];
  if (!isRealDay(`${m[1]}-${pad(mo)}-${pad(d)}`) || h > 23 || mi > 59 || s > 59) return null;
  const zone = m[8];
  let offsetMs = VIETNAM_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offsetMs = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3))) * 60_000;
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMs;
  const wall = new Date(ms + VIETNAM_MS);
  const dayInVietnam = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const unusual =
    m[2] !== '/' ||
    (zone !== undefined && offsetMs !== VIETNAM_MS) ||
    (m[3] ?? '').length < 2 ||
    (m[4] ?? '').length < 2;
  return { day: dayInVietnam, instant: new Date(ms).toISOString(), unusual };
}

/** `OrganId,yyyy/MM/dd,number/notation`: how the standard names a document. */
export function documentIdOf(header: Pick<MessageHeader, 'from' | 'code' | 'promulgationInfo'>): string {
  const code = header.code ? `${header.code.codeNumber}/${header.code.codeNotation}` : '';
  return `${header.from.organId},${edxmlDay(header.promulgationInfo.promulgationDate)},${code}`;
}
