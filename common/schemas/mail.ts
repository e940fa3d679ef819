import { z } from 'zod';
import { DOCUMENT_LIMITS } from '../documents';
import { MAIL_LIMITS } from '../mail';
import { versionSchema } from './directory';
import { dateSchema, typeCodeSchema } from './documents';
import { idSchema } from './http';

/** The folders every mailbox has; a mailbox's own folders are named by their id. */
export const SYSTEM_FOLDERS = ['inbox', 'sent', 'drafts', 'archive', 'trash'] as const;
export type SystemFolder = (typeof SYSTEM_FOLDERS)[number];

const id = idSchema;

/** Someone to write to: a person, an organization or a group of the directory, or any address. */
export const mailRecipientWriteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), id }),
  z.object({ kind: z.literal('organization'), id }),
  z.object({ kind: z.literal('group'), id }),
  z.object({ kind: z.literal('mailbox'), id }),
  z.object({ kind: z.literal('address'), address: z.string().min(3).max(MAIL_LIMITS.address) }),
]);
export type MailRecipientWrite = z.infer<typeof mailRecipientWriteSchema>;

const recipients = z.array(mailRecipientWriteSchema).max(500);

export const mailWriteSchema = z
  .object({
    /** The mailbox it is written from: one's own or that of an organization one acts for. */
    mailboxId: id,
    to: recipients.default([]),
    cc: recipients.default([]),
    bcc: recipients.default([]),
    subject: z.string().trim().max(MAIL_LIMITS.subject).default(''),
    text: z.string().max(MAIL_LIMITS.body).default(''),
    /** Simple rich text; kept only after sanitizing (no scripts, styles, frames or event handlers). */
    html: z
      .string()
      .max(MAIL_LIMITS.body * 2)
      .nullable()
      .optional(),
    uploadIds: z.array(id).max(50).default([]),
    /** A reply: the item answered, so the new message joins its thread. */
    replyToItemId: id.optional(),
    /** A forward: the attachments of this item go along, stored once. */
    forwardItemId: id.optional(),
    /** Saved in Drafts instead of being sent. */
    draft: z.boolean().default(false),
    clientKey: z.string().min(8).max(80).optional(),
  })
  .strict();
export type MailWrite = z.infer<typeof mailWriteSchema>;

export const draftPatchSchema = mailWriteSchema
  .omit({ mailboxId: true, draft: true, clientKey: true, replyToItemId: true, forwardItemId: true })
  .extend({ version: versionSchema, send: z.boolean().default(false) })
  .strict();
export type DraftPatch = z.infer<typeof draftPatchSchema>;

export const mailFolderSchema = z.object({ id: z.string(), name: z.string(), unread: z.number(), total: z.number() });

export const mailboxSchema = z.object({
  id: z.string(),
  kind: z.enum(['organization', 'person', 'user']),
  address: z.string(),
  name: z.string(),
  /** The organization whose mailbox it is; null for a person's. */
  organizationId: z.string().nullable(),
  /** System folders first, then the mailbox's own. */
  folders: z.array(mailFolderSchema),
});
export type MailboxView = z.infer<typeof mailboxSchema>;
export const mailboxListSchema = z.object({ items: z.array(mailboxSchema) });
export type MailboxList = z.infer<typeof mailboxListSchema>;

export const mailListQuerySchema = z.object({
  folder: z.string().min(1).max(64).default('inbox'),
  q: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25),
});

const person = z.object({ address: z.string(), name: z.string().nullable() });

export const mailListItemSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  threadId: z.string(),
  subject: z.string(),
  from: person,
  to: z.array(person),
  snippet: z.string(),
  attachments: z.number(),
  readAt: z.string().nullable(),
  status: z.enum(['draft', 'sent']),
  at: z.string(),
  registeredDocumentId: z.string().nullable(),
});
export type MailListItem = z.infer<typeof mailListItemSchema>;
export const mailListSchema = z.object({ items: z.array(mailListItemSchema), total: z.number() });
export type MailList = z.infer<typeof mailListSchema>;

export const mailAttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number(),
  contentType: z.string(),
});

export const mailDeliverySchema = z.object({
  address: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  error: z.string().nullable(),
  at: z.string(),
});

export const mailMessageSchema = z.object({
  itemId: z.string(),
  messageId: z.string(),
  subject: z.string(),
  from: person,
  to: z.array(person),
  cc: z.array(person),
  /** Only on the sender's own copy. */
  bcc: z.array(person),
  text: z.string(),
  html: z.string().nullable(),
  attachments: z.array(mailAttachmentSchema),
  at: z.string(),
  source: z.enum(['internal', 'smtp']),
  /** Written from the mailbox being read. */
  own: z.boolean(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

export const mailItemViewSchema = z.object({
  id: z.string(),
  mailboxId: z.string(),
  folder: z.string(),
  status: z.enum(['draft', 'sent']),
  version: z.number(),
  readAt: z.string().nullable(),
  message: mailMessageSchema,
  thread: z.array(mailMessageSchema),
  /** Outside addresses and how their delivery went (sent mail only). */
  deliveries: z.array(mailDeliverySchema),
  /** Headers a received message came with, for those who must check where it came from. */
  headers: z.record(z.string(), z.string()).nullable(),
  registeredDocumentId: z.string().nullable(),
  /** For a draft: the recipients as written, to edit them. */
  draft: z
    .object({
      to: z.array(mailRecipientWriteSchema),
      cc: z.array(mailRecipientWriteSchema),
      bcc: z.array(mailRecipientWriteSchema),
      /** Names for the picks, by `kind:id`. */
      labels: z.record(z.string(), z.string()),
    })
    .nullable(),
  actions: z.array(z.enum(['reply', 'forward', 'move', 'trash', 'delete', 'register', 'edit'])),
});
export type MailItemView = z.infer<typeof mailItemViewSchema>;

export const moveSchema = z.object({ folder: z.string().min(1).max(64) }).strict();
export const markMailSchema = z.object({ read: z.boolean() }).strict();
export const folderWriteSchema = z.object({ name: z.string().trim().min(1).max(MAIL_LIMITS.folderName) }).strict();

export const mailRegisterSchema = z
  .object({
    registerId: id,
    typeCode: typeCodeSchema,
    numberText: z.string().trim().min(1).max(DOCUMENT_LIMITS.numberText),
    issuerName: z.string().trim().min(1).max(DOCUMENT_LIMITS.issuerName),
    issueDate: dateSchema,
    summary: z.string().trim().min(1).max(DOCUMENT_LIMITS.summary),
    dueDate: dateSchema.nullable().optional(),
    /** Register even though a document with the same number and issuer is already there. */
    confirmDuplicate: z.boolean().default(false),
  })
  .strict();
export type MailRegister = z.infer<typeof mailRegisterSchema>;

export const recipientQuerySchema = z.object({ q: z.string().max(100).default('') });
export const recipientOptionSchema = z.object({
  kind: z.enum(['mailbox', 'group']),
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  /** organization | person | user for a mailbox; the member count for a group. */
  detail: z.string(),
});
export type RecipientOption = z.infer<typeof recipientOptionSchema>;
export const recipientOptionsSchema = z.object({ items: z.array(recipientOptionSchema) });
export type RecipientOptions = z.infer<typeof recipientOptionsSchema>;

export const mailboxParamsSchema = z.object({ mailboxId: id });
export const mailFolderParamsSchema = mailboxParamsSchema.extend({ folderId: id });
export const mailItemParamsSchema = z.object({ itemId: id });
export const mailAttachmentParamsSchema = mailItemParamsSchema.extend({ attachmentId: id });
/** A message written: `created` is false when the same request was already answered. */
export const mailWrittenSchema = z.object({ itemId: z.string(), created: z.boolean() });
export type MailWritten = z.infer<typeof mailWrittenSchema>;
export const draftSavedSchema = z.object({ itemId: z.string() });
export type DraftSaved = z.infer<typeof draftSavedSchema>;
export const mailRegisteredSchema = z.object({ documentId: z.string(), created: z.boolean() });
export type MailRegistered = z.infer<typeof mailRegisteredSchema>;
