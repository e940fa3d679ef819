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
/** The path of one peer deployment. */
export const peerParamsSchema = z.object({ id: z.string().max(64) });
