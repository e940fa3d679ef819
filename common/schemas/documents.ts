import { z } from 'zod';
import {
  CHANNELS,
  DELIVERY_STATUSES,
  DOCUMENT_ACTIONS,
  DOCUMENT_LIMITS,
  DOCUMENT_STATUSES,
  ISSUER_ABBREVIATION_PATTERN,
  QUEUE_KINDS,
  REGISTER_LIMITS,
  SECRECY_LEVELS,
  TYPE_CODE_PATTERN,
  URGENCY_LEVELS,
} from '../documents';
import { optionalText, text, versionSchema } from './directory';
import { idSchema } from './http';

export * from '../documents';

export const secrecySchema = z.enum(SECRECY_LEVELS);
export const urgencySchema = z.enum(URGENCY_LEVELS);
export const channelSchema = z.enum(CHANNELS);
export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);
export const typeCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(DOCUMENT_LIMITS.typeCode)
  .regex(TYPE_CODE_PATTERN, 'Mã loại văn bản chỉ gồm chữ và số (ví dụ NQ, CV)');

/** A calendar date, YYYY-MM-DD, as the user means it in Vietnam. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'Ngày không tồn tại',
    },
  );
const clientKeySchema = z.string().trim().min(8).max(80).optional();

// Registers -------------------------------------------------------------------------------

export const registerWriteSchema = z.object({
  organizationId: idSchema,
  direction: z.enum(['incoming', 'outgoing']),
  secret: z.boolean().default(false),
  name: text(REGISTER_LIMITS.name),
  style: z.enum(['party', 'state']).default('party'),
  reset: z.enum(['year', 'term', 'never']).default('year'),
  perType: z.boolean().default(true),
  termLabel: optionalText(REGISTER_LIMITS.termLabel),
  issuerAbbreviation: z
    .string()
    .trim()
    .min(1)
    .max(REGISTER_LIMITS.issuerAbbreviation)
    .regex(ISSUER_ABBREVIATION_PATTERN, 'Ký hiệu cơ quan chỉ gồm chữ, số và gạch ngang (ví dụ HU, UBND)'),
  typeCodes: z.array(typeCodeSchema).max(60).default([]),
});
export type RegisterWrite = z.infer<typeof registerWriteSchema>;

/**
 * A register's changes: only the fields sent change. Direction, secrecy and organization are
 * its identity; the numbering rules may change only while no number has been issued from it.
 */
export const registerPatchSchema = z
  .object({
    name: text(REGISTER_LIMITS.name),
    style: z.enum(['party', 'state']),
    reset: z.enum(['year', 'term', 'never']),
    perType: z.boolean(),
    termLabel: optionalText(REGISTER_LIMITS.termLabel),
    issuerAbbreviation: registerWriteSchema.shape.issuerAbbreviation,
    typeCodes: z.array(typeCodeSchema).max(60),
    active: z.boolean(),
  })
  .partial()
  .extend({ version: versionSchema });
export type RegisterPatch = z.infer<typeof registerPatchSchema>;

export const registerSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  secret: z.boolean(),
  name: z.string(),
  style: z.enum(['party', 'state']),
  reset: z.enum(['year', 'term', 'never']),
  perType: z.boolean(),
  termLabel: z.string().nullable(),
  issuerAbbreviation: z.string(),
  typeCodes: z.array(z.string()),
  active: z.boolean(),
  version: versionSchema,
  /** What the caller may do with it: change its settings, register incoming documents in it. */
  actions: z.array(z.enum(['manage', 'register'])),
});
export type Register = z.infer<typeof registerSchema>;
export const registerListSchema = z.object({ items: z.array(registerSchema) });
export type RegisterList = z.infer<typeof registerListSchema>;

// Files and recipients --------------------------------------------------------------------------

export const documentFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number(),
  contentType: z.string(),
  kind: z.enum(['main', 'attachment', 'result']),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type DocumentFile = z.infer<typeof documentFileSchema>;

export const recipientWriteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organization'), id: idSchema }),
  z.object({ kind: z.literal('person'), id: idSchema }),
  z.object({ kind: z.literal('group'), id: idSchema }),
  z.object({
    kind: z.literal('external'),
    name: text(DOCUMENT_LIMITS.recipientName),
    channel: z.enum(['paper', 'email']),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(DOCUMENT_LIMITS.recipientEmail)
      .email('Địa chỉ thư không hợp lệ')
      .nullable()
      .optional(),
  }),
]);
export type RecipientWrite = z.infer<typeof recipientWriteSchema>;

/** How the e-mail to an outside recipient stands: queued, tried and waiting to retry, sent, failed. */
export const OUTSIDE_MAIL_STATUSES = ['queued', 'retrying', 'sent', 'failed'] as const;

export const recipientSchema = z.object({
  kind: z.enum(['organization', 'person', 'group', 'external']),
  id: z.string().nullable(),
  name: z.string(),
  channel: z.string(),
  email: z.string().nullable(),
  /** For an outside e-mail recipient of a dispatched document: its mail through the relay. */
  mail: z
    .object({ status: z.enum(OUTSIDE_MAIL_STATUSES), error: z.string().nullable(), updatedAt: z.string() })
    .nullable(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  /** An office outside the deployment: the copy travels as an edXML package, its statuses come back as messages. */
  outside: z.boolean(),
  status: z.enum(DELIVERY_STATUSES),
  sentAt: z.string(),
  receivedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
  reason: z.string().nullable(),
  /** When the sender last reminded the receiving clerks. */
  remindedAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** A dispatched document delivered to one person himself, read when he opened it. */
export const personDeliverySchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  sentAt: z.string(),
  readAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
});
export type PersonDelivery = z.infer<typeof personDeliverySchema>;

// Documents -------------------------------------------------------------------------------------

const commonFields = {
  typeCode: typeCodeSchema,
  summary: text(DOCUMENT_LIMITS.summary),
  signerName: optionalText(DOCUMENT_LIMITS.signer),
  signerPosition: optionalText(DOCUMENT_LIMITS.signer),
  pageCount: z.number().int().min(1).max(DOCUMENT_LIMITS.pageCount).nullable().optional(),
  secrecy: secrecySchema.default('normal'),
  urgency: urgencySchema.default('normal'),
  dueDate: dateSchema.nullable().optional(),
  uploadIds: z.array(idSchema).max(50).default([]),
  clientKey: clientKeySchema,
};

export const incomingWriteSchema = z.object({
  registerId: idSchema,
  issuerName: text(DOCUMENT_LIMITS.issuerName),
  issuerOrganizationId: idSchema.nullable().optional(),
  numberText: text(DOCUMENT_LIMITS.numberText),
  issueDate: dateSchema,
  arrivalDate: dateSchema.optional(),
  channel: channelSchema.default('paper'),
  /** Register even though a document with the same number and issuer is already there. */
  confirmDuplicate: z.boolean().default(false),
  ...commonFields,
});
export type IncomingWrite = z.infer<typeof incomingWriteSchema>;

export const outgoingWriteSchema = z.object({
  organizationId: idSchema,
  copies: z.number().int().min(1).max(DOCUMENT_LIMITS.copies).nullable().optional(),
  recipients: z.array(recipientWriteSchema).max(500).default([]),
  /** The incoming document this draft answers. */
  replyToId: idSchema.optional(),
  /** The dispatched outgoing document of the same organization that this one replaces. */
  replacesId: idSchema.optional(),
  ...commonFields,
});
export type OutgoingWrite = z.infer<typeof outgoingWriteSchema>;

/** A draft's changes: only the fields sent change (no defaults here, unlike the write schema). */
export const outgoingPatchSchema = z
  .object({
    typeCode: typeCodeSchema,
    summary: text(DOCUMENT_LIMITS.summary),
    signerName: optionalText(DOCUMENT_LIMITS.signer),
    signerPosition: optionalText(DOCUMENT_LIMITS.signer),
    pageCount: z.number().int().min(1).max(DOCUMENT_LIMITS.pageCount).nullable(),
    copies: z.number().int().min(1).max(DOCUMENT_LIMITS.copies).nullable(),
    secrecy: secrecySchema,
    urgency: urgencySchema,
    dueDate: dateSchema.nullable(),
    recipients: z.array(recipientWriteSchema).max(500),
    uploadIds: z.array(idSchema).max(50),
    replacesId: idSchema.nullable(),
  })
  .partial()
  .extend({ version: versionSchema });
export type OutgoingPatch = z.infer<typeof outgoingPatchSchema>;

export const assignmentSchema = z.object({
  id: z.string(),
  role: z.enum(['lead', 'co', 'info']),
  userId: z.string().nullable(),
  organizationId: z.string().nullable(),
  name: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
  assignedAt: z.string(),
  doneAt: z.string().nullable(),
});

export const documentEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  kind: z.string(),
  note: z.string().nullable(),
});

export const documentSummarySchema = z.object({
  id: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  status: documentStatusSchema,
  organizationId: z.string(),
  /** Whose register it is in: a list over several organizations and registers names both on each row. */
  organizationName: z.string(),
  registerId: z.string().nullable(),
  registerName: z.string().nullable(),
  numberText: z.string().nullable(),
  arrivalNumber: z.number().nullable(),
  arrivalDate: z.string().nullable(),
  typeCode: z.string(),
  issuerName: z.string(),
  issueDate: z.string().nullable(),
  summary: z.string(),
  secrecy: secrecySchema,
  urgency: urgencySchema,
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: versionSchema,
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** Another document this one is linked to, as its reader names it. */
export const documentLinkSchema = z.object({
  documentId: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  numberText: z.string().nullable(),
  issuerName: z.string(),
  summary: z.string(),
  status: documentStatusSchema,
});
export type DocumentLink = z.infer<typeof documentLinkSchema>;

export const documentViewSchema = documentSummarySchema.extend({
  issuerOrganizationId: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  pageCount: z.number().nullable(),
  copies: z.number().nullable(),
  channel: z.string().nullable(),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  files: z.array(documentFileSchema),
  assignments: z.array(assignmentSchema),
  events: z.array(documentEventSchema),
  recipients: z.array(recipientSchema),
  deliveries: z.array(deliverySchema),
  personDeliveries: z.array(personDeliverySchema),
  /** For an incoming document that came through the system: how the sender sees it. */
  source: z.object({ documentId: z.string(), organizationName: z.string() }).nullable(),
  /** A handler's request for more time, waiting for the leader's answer. */
  extensionRequest: z
    .object({
      id: z.string(),
      requestedByName: z.string(),
      currentDue: z.string().nullable(),
      proposedDue: z.string(),
      reason: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
  /** For a draft written in reply: the incoming document it answers (when the reader may see it). */
  replyTo: documentLinkSchema.nullable(),
  /** For an incoming document: the replies to it that the reader may see. */
  replies: z.array(documentLinkSchema),
  /** For an outgoing document: the earlier one it replaces (when the reader may see it). */
  replaces: documentLinkSchema.nullable(),
  /** For an outgoing document: the later ones, dispatched, that replace it and the reader may see. */
  replacedBy: z.array(documentLinkSchema),
  actions: z.array(z.enum(DOCUMENT_ACTIONS)),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

/** A draft's content as it stood at one save, as the versions list compares it. */
export const draftVersionSchema = z.object({
  number: z.number().int(),
  savedAt: z.string(),
  savedByName: z.string(),
  fields: z.object({
    typeCode: z.string(),
    summary: z.string(),
    signerName: z.string().nullable(),
    signerPosition: z.string().nullable(),
    pageCount: z.number().nullable(),
    copies: z.number().nullable(),
    secrecy: z.string(),
    urgency: z.string(),
    dueDate: z.string().nullable(),
    recipients: z.array(z.string()),
  }),
  files: z.array(z.object({ id: z.string(), name: z.string(), sha256: z.string() })),
  mainFile: z.object({ name: z.string(), sha256: z.string() }).nullable(),
});
export type DraftVersion = z.infer<typeof draftVersionSchema>;
export const draftVersionListSchema = z.object({ items: z.array(draftVersionSchema) });
export type DraftVersionList = z.infer<typeof draftVersionListSchema>;

export const documentListQuerySchema = z.object({
  direction: z.enum(['incoming', 'outgoing']),
  organizationId: idSchema.optional(),
  registerId: idSchema.optional(),
  q: z.string().trim().max(200).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  issuer: z.string().trim().max(300).optional(),
  typeCode: typeCodeSchema.optional(),
  urgency: urgencySchema.optional(),
  secrecy: secrecySchema.optional(),
  status: documentStatusSchema.optional(),
  handlerId: idSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['newest', 'oldest', 'number', 'register', 'due']).default('newest'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const documentListSchema = z.object({
  items: z.array(documentSummarySchema),
  total: z.number(),
  /** True when there are more than `total` (a list counts up to 5,000 documents, a search up to 1,000). */
  totalCapped: z.boolean().optional(),
  page: z.number(),
  pageSize: z.number(),
});

// Workflow bodies -------------------------------------------------------------------------------

export const noteSchema = z.string().trim().max(DOCUMENT_LIMITS.note);
export const submitSchema = z.object({ version: versionSchema, leaderId: idSchema, note: noteSchema.optional() });
const handlerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: idSchema }),
  z.object({ kind: z.literal('organization'), id: idSchema }),
]);
export type Handler = z.infer<typeof handlerSchema>;
export const directSchema = z.object({
  version: versionSchema,
  direction: text(DOCUMENT_LIMITS.note),
  lead: handlerSchema,
  coHandlers: z.array(handlerSchema).max(50).default([]),
  forInformation: z.array(idSchema).max(100).default([]),
  dueDate: dateSchema.nullable().optional(),
});
export type DirectBody = z.infer<typeof directSchema>;
export const commentSchema = z.object({
  note: text(DOCUMENT_LIMITS.note),
  uploadIds: z.array(idSchema).max(20).default([]),
});
export const completeSchema = z.object({
  version: versionSchema,
  note: noteSchema.optional(),
  uploadIds: z.array(idSchema).max(20).default([]),
});
/** The handler asks the leader for a later deadline, saying why. */
export const extensionRequestSchema = z.object({ dueDate: dateSchema, reason: text(DOCUMENT_LIMITS.report) });
/** The leader grants (a new deadline, the one asked by default) or refuses (with the reason). */
export const extensionDecisionSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('grant'),
    requestId: idSchema,
    dueDate: dateSchema.optional(),
    note: noteSchema.optional(),
  }),
  z.object({ decision: z.literal('refuse'), requestId: idSchema, reason: text(DOCUMENT_LIMITS.report) }),
]);
export type ExtensionDecision = z.infer<typeof extensionDecisionSchema>;
/** How far the handling has come, told to the leader. */
export const progressSchema = z.object({
  note: text(DOCUMENT_LIMITS.report),
  percent: z.number().int().min(0).max(100).optional(),
});
export const extendSchema = z.object({ version: versionSchema, dueDate: dateSchema, note: noteSchema.optional() });
export const reasonSchema = z.object({ version: versionSchema, reason: text(DOCUMENT_LIMITS.reason) });
export const versionOnlySchema = z.object({ version: versionSchema, note: noteSchema.optional() });
export const grantSchema = z.object({ userIds: z.array(idSchema).min(1).max(50) });
export const deliveryDecisionSchema = z.object({
  version: versionSchema,
  registerId: idSchema.optional(),
  reason: z.string().trim().max(DOCUMENT_LIMITS.reason).optional(),
});

// Queue ------------------------------------------------------------------------------------------

/** An issuing body to pick when registering: from the directory, an outside organization, or one registered before. */
export const issuerSuggestionSchema = z.object({
  name: z.string(),
  source: z.enum(['directory', 'outside', 'seen']),
  organizationId: z.string().nullable(),
});
export type IssuerSuggestion = z.infer<typeof issuerSuggestionSchema>;
export const issuerSuggestionListSchema = z.object({ items: z.array(issuerSuggestionSchema) });
export const issuerQuerySchema = z.object({ q: z.string().trim().max(200).default('') });

export const queueCountsSchema = z.object({
  toDirect: z.number(),
  toHandle: z.number(),
  toCoHandle: z.number(),
  forInformation: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
  toSign: z.number(),
  toIssue: z.number(),
  toReceive: z.number(),
  extensionRequests: z.number(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const inboxItemSchema = z.object({
  deliveryId: z.string(),
  version: versionSchema,
  status: z.enum(DELIVERY_STATUSES),
  sentAt: z.string(),
  fromOrganizationName: z.string(),
  numberText: z.string().nullable(),
  issueDate: z.string().nullable(),
  typeCode: z.string(),
  summary: z.string(),
  urgency: urgencySchema,
  secrecy: secrecySchema,
  incomingDocumentId: z.string().nullable(),
});
export const inboxSchema = z.object({ items: z.array(inboxItemSchema) });
export type Inbox = z.infer<typeof inboxSchema>;
export const deliveryViewSchema = inboxItemSchema.extend({
  files: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number(), contentType: z.string() })),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const queueParamsSchema = z.object({ kind: z.enum(QUEUE_KINDS) });
const documentPersonSchema = z.object({ id: z.string(), fullName: z.string(), position: z.string().nullable() });
/** Whom a document may be sent to: the leaders, the handlers and the units. */
export const documentPeopleSchema = z.object({
  leaders: z.array(documentPersonSchema),
  handlers: z.array(documentPersonSchema),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DocumentPeople = z.infer<typeof documentPeopleSchema>;
export const attachFilesSchema = z.object({ uploadIds: z.array(idSchema).min(1).max(20) });
export const issueSchema = z.object({ version: versionSchema, registerId: idSchema });
export const withdrawSchema = z.object({
  version: versionSchema,
  reason: z.string().max(DOCUMENT_LIMITS.reason).optional(),
});
export const remindSchema = z.object({ deliveryId: idSchema.optional() });
export const resendSchema = z.object({ deliveryId: idSchema });
/** A draft is deleted at the version the user saw, given in the query (a DELETE has no body). */
export const deleteDraftQuerySchema = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_646) });
export const deliveryInboxQuerySchema = z.object({ status: z.enum(DELIVERY_STATUSES).optional() });
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type DocumentPerson = z.infer<typeof documentPersonSchema>;
