/**
 * The exchange's vocabularies, without zod so the web's forms import them cheaply: how an
 * organization is reached, and the bounds of a peer deployment's settings.
 */

/** `inside` this deployment; outside, through a `peer` VanPhong deployment or the exchange `platform`. */
export const ORGANIZATION_REACHES = ['inside', 'peer', 'platform'] as const;
export type OrganizationReach = (typeof ORGANIZATION_REACHES)[number];

export const ORGANIZATION_REACH_LABELS: Record<OrganizationReach, string> = {
  inside: 'Trong hệ thống',
  peer: 'Liên thông VanPhong',
  platform: 'Trục liên thông (LGSP/VXP)',
};

export const PEER_LIMITS = {
  /** The name a deployment signs its messages with: letters, digits, dot, dash, underscore. */
  node: 100,
  name: 300,
  url: 500,
  /** A shared secret shorter than this is refused: the signatures are only as strong as it. */
  secretMin: 32,
  secretMax: 200,
} as const;

export const PEER_NODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Said by the form and by the server (`directory.outside_needs_national_id`): documents to and from
 * an organization outside the deployment are addressed by its national identifier.
 */
export const OUTSIDE_NEEDS_NATIONAL_ID_MESSAGE =
  'Cơ quan ngoài hệ thống phải có mã định danh điện tử để gửi, nhận văn bản liên thông.';
