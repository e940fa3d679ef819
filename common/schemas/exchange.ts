import { z } from 'zod';
import { ORGANIZATION_REACHES, PEER_LIMITS, PEER_NODE_PATTERN } from '../exchange';
import { versionSchema } from './directory';

export { ORGANIZATION_REACH_LABELS, ORGANIZATION_REACHES, type OrganizationReach, PEER_LIMITS } from '../exchange';

export const organizationReachSchema = z.enum(ORGANIZATION_REACHES);

/** Another VanPhong deployment as the administrator sees it; its secret is never shown back. */
export const peerViewSchema = z.object({
  id: z.string(),
  node: z.string(),
  name: z.string(),
  url: z.string(),
  secretApproved: z.boolean(),
  active: z.boolean(),
  /** How many outside organizations are reached through it. */
  organizationCount: z.number().int(),
  version: versionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PeerView = z.infer<typeof peerViewSchema>;

const peerFields = {
  node: z.string().trim().regex(PEER_NODE_PATTERN, 'Tên máy chủ chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới.'),
  name: z.string().trim().min(1).max(PEER_LIMITS.name),
  /** https, or http to this machine only (checked by the service). */
  url: z.string().trim().max(PEER_LIMITS.url),
  secret: z.string().min(1).max(PEER_LIMITS.secretMax),
  secretApproved: z.boolean().optional(),
};
export const peerWriteSchema = z.object(peerFields).strict();
export type PeerWrite = z.input<typeof peerWriteSchema>;
export const peerPatchSchema = z
  .object({
    name: peerFields.name.optional(),
    url: peerFields.url.optional(),
    /** A new secret; absent keeps the old one. */
    secret: peerFields.secret.optional(),
    secretApproved: z.boolean().optional(),
    active: z.boolean().optional(),
    version: versionSchema,
  })
  .strict();
export type PeerPatch = z.input<typeof peerPatchSchema>;
export const peerListSchema = z.object({ items: z.array(peerViewSchema) });

/** A message from a peer deployment, taken (or recognised as one taken before). */
export const peerReceiptSchema = z.object({
  received: z.literal(true),
  duplicate: z.boolean(),
  message: z.string(),
});

export const correctionSchema = z.object({ code: z.string(), message: z.string() });

/** An `.edxml` file brought by hand, taken as arriving for one organization (and registered when asked). */
export const importResultSchema = z.object({
  /** The same document to the same organization came before: nothing new was made. */
  duplicate: z.boolean(),
  /** The outside document as recorded here, when this import made it. */
  documentId: z.string().nullable(),
  /** The copy waiting in the organization's clerks' inbox (also the earlier one for a duplicate). */
  deliveryId: z.string().nullable(),
  /** The incoming document, when it was registered at once. */
  incomingDocumentId: z.string().nullable(),
  documentRef: z.string(),
  numberText: z.string().nullable(),
  /** The notation (ký hiệu) as the package gives it, e.g. `QĐ-TU`. */
  notation: z.string().nullable(),
  issuer: z.string(),
  subject: z.string(),
  issueDate: z.string(),
  attachments: z.array(z.object({ name: z.string(), contentType: z.string(), size: z.number() })),
  /** What was corrected on reading it. */
  corrections: z.array(correctionSchema),
  /** Documents already registered from the same issuer under the same number. */
  registeredBefore: z.array(
    z.object({
      id: z.string(),
      numberText: z.string().nullable(),
      arrivalNumber: z.number().nullable(),
      arrivalDate: z.string().nullable(),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const exchangeMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  kind: z.string(),
  business: z.number().nullable(),
  statusCode: z.string().nullable(),
  source: z.string(),
  fromId: z.string(),
  toId: z.string(),
  documentRef: z.string(),
  state: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});

/** The exchange's health, for the administrator. */
export const exchangeHealthSchema = z.object({
  node: z.string(),
  platform: z.object({
    configured: z.boolean(),
    lastPollAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
  }),
  counts: z.object({
    queued: z.number(),
    sent: z.number(),
    failed: z.number(),
    received: z.number(),
    refused: z.number(),
  }),
  recent: z.array(exchangeMessageSchema),
  failures: z.array(exchangeMessageSchema),
});
export type ExchangeHealth = z.infer<typeof exchangeHealthSchema>;

/** An outside office's request to recall a copy our clerks received. */
export const recallRequestSchema = z.object({
  deliveryId: z.string(),
  organizationName: z.string(),
  fromName: z.string(),
  numberText: z.string().nullable(),
  summary: z.string(),
  reason: z.string().nullable(),
  incomingDocumentId: z.string().nullable(),
});
export type RecallRequest = z.infer<typeof recallRequestSchema>;
export const recallListSchema = z.object({ items: z.array(recallRequestSchema) });
export const recallRefuseSchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
/** The path of one peer deployment. */
export const peerParamsSchema = z.object({ id: z.string().max(64) });
