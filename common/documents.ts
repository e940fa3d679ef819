/**
 * Document vocabularies and their Vietnamese labels, without zod, so the web pages import
 * them cheaply. The Zod schemas over them are in common/schemas/documents.ts.
 */
import { PARTY_DOCUMENT_TYPES } from './docnumber/format';

/** Secrecy (độ mật) and urgency (độ khẩn); urgency maps to the exchange priority 0–3. */
export const SECRECY_LEVELS = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];
export const SECRECY_LABELS: Record<Secrecy, string> = {
  normal: 'Thường',
  confidential: 'Mật',
  secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};

export const URGENCY_LEVELS = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];
export const URGENCY_LABELS: Record<Urgency, string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  very_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
};

export const CHANNELS = ['paper', 'system', 'mailbox', 'email', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  paper: 'Bản giấy',
  system: 'Liên thông điện tử',
  mailbox: 'Hòm thư công vụ',
  email: 'Thư điện tử',
  fax: 'Fax',
};

export const DOCUMENT_TYPE_CODES = Object.keys(PARTY_DOCUMENT_TYPES) as (keyof typeof PARTY_DOCUMENT_TYPES)[];

export const INCOMING_STATUSES = ['registered', 'submitted', 'in_progress', 'done', 'cancelled'] as const;
export const OUTGOING_STATUSES = ['draft', 'submitted', 'approved', 'issued', 'dispatched', 'recalled'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];
export type DocumentStatus = IncomingStatus | OutgoingStatus;
export const DOCUMENT_STATUSES = [
  'registered',
  'submitted',
  'in_progress',
  'done',
  'cancelled',
  'draft',
  'approved',
  'issued',
  'dispatched',
  'recalled',
] as const satisfies readonly DocumentStatus[];

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  registered: 'Đã vào sổ',
  submitted: 'Chờ xử lý của lãnh đạo',
  in_progress: 'Đang xử lý',
  done: 'Hoàn thành',
  cancelled: 'Đã hủy (thu hồi)',
  draft: 'Dự thảo',
  approved: 'Đã duyệt, chờ cấp số',
  issued: 'Đã cấp số',
  dispatched: 'Đã phát hành',
  recalled: 'Đã thu hồi',
};

/**
 * The status as its reader should understand it: an outgoing draft "submitted" awaits the
 * leader's signature, not just "handling".
 */
export function statusLabel(status: DocumentStatus, direction: 'incoming' | 'outgoing'): string {
  if (direction === 'outgoing' && status === 'submitted') return 'Chờ lãnh đạo ký duyệt';
  return STATUS_LABELS[status];
}

/** Delivery status codes of the exchange (QCVN 102:2016). */
export const DELIVERY_STATUSES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** The delivery status codes by name, so code never spells a bare '01'. */
export const DELIVERY_STATUS = {
  /** Sent, waiting in the receiver's inbox. */
  sent: '01',
  refused: '02',
  accepted: '03',
  /** Accepted and registered, waiting to be assigned. */
  awaitingAssignment: '04',
  inProgress: '05',
  done: '06',
  recalled: '13',
  /** An outside office agreed to the recall. */
  recallAgreed: '15',
  /** An outside office refused the recall, and keeps its copy. */
  recallRefused: '16',
} as const satisfies Record<string, DeliveryStatus>;
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  '01': 'Đã gửi đến',
  '02': 'Từ chối',
  '03': 'Đã tiếp nhận',
  '04': 'Chờ phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Đã thu hồi',
  '15': 'Đồng ý thu hồi',
  '16': 'Từ chối thu hồi',
};

export const DOCUMENT_ACTIONS = [
  'submit',
  'direct',
  'comment',
  'attach',
  'complete',
  'reassign',
  'extend',
  'return',
  'edit',
  'approve',
  'issue',
  'dispatch',
  'recall',
  'grant',
  'delete',
  'withdraw',
  'remind',
  'request_extension',
  'report_progress',
  'decide_extension',
  'reply',
  'update_outside',
] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

export const QUEUE_KINDS = [
  'toDirect',
  'toHandle',
  'toCoHandle',
  'forInformation',
  'overdue',
  'dueSoon',
  'toSign',
  'toIssue',
  'extensionRequests',
] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/**
 * The most characters each text of a document and of its steps may hold: common/schemas/documents.ts
 * refuses more (so does registering a mail as a document, common/schemas/mail.ts), and the forms
 * stop the typing there.
 */
export const DOCUMENT_LIMITS = {
  /** A document type's code as the notation writes it: NQ, CV, QĐ. */
  typeCode: 10,
  summary: 500,
  /** The signer's name, and his position. */
  signer: 200,
  /** The issuing body's name as it stands on the paper. */
  issuerName: 300,
  /** The number and notation of an incoming document as printed: 12-CV/ĐU. */
  numberText: 60,
  /** Whole numbers typed in, not characters. */
  pageCount: 100_000,
  copies: 10_000,
  /** An outside recipient's name, and his e-mail address. */
  recipientName: 300,
  recipientEmail: 254,
  /** A step's note, a comment, the leader's direction. */
  note: 4000,
  /** Why a draft is returned or recalled, a document withdrawn, a delivery refused. */
  reason: 1000,
  /** Why a handler asks for a later deadline or the leader refuses it; how far the handling has come. */
  report: 2000,
} as const;

/** A document type's code: letters and digits only. */
export const TYPE_CODE_PATTERN = /^[\p{L}\p{N}]+$/u;

/** The most characters a register's texts may hold, as DOCUMENT_LIMITS for its documents. */
export const REGISTER_LIMITS = {
  name: 200,
  /** The term a register numbers in when it starts again each term: 2025-2030. */
  termLabel: 40,
  /** The issuing body's abbreviation in the notation: HU, UBND. */
  issuerAbbreviation: 40,
} as const;

/** An issuing body's abbreviation: letters, digits and hyphens. */
export const ISSUER_ABBREVIATION_PATTERN = /^[\p{L}\p{N}-]+$/u;
