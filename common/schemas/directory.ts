import { z } from 'zod';
import {
  ABBREVIATION_PATTERN,
  DIRECTORY_LIMITS,
  ORGANIZATION_CODE_PATTERN,
  ORGANIZATION_TYPES,
  PHONE_PATTERN,
  PHONE_SEPARATORS,
} from '../directory';
import { ORGANIZATION_REACHES } from '../exchange';

export {
  ABBREVIATION_PATTERN,
  DIRECTORY_LIMITS,
  NATIONAL_ID_MESSAGE,
  NATIONAL_ID_PATTERN,
  normalizeNationalId,
  ORGANIZATION_CODE_PATTERN,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  type OrganizationType,
  PHONE_PATTERN,
  PHONE_SEPARATORS,
} from '../directory';

export const organizationTypeSchema = z.enum(ORGANIZATION_TYPES);

/** Row versions for optimistic concurrency; bounded to the 32-bit column that stores them. */
export const versionSchema = z.number().int().min(1).max(2_147_483_646);

/** Required text, trimmed, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text, trimmed; empty means none (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const orgCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(DIRECTORY_LIMITS.code)
  .regex(ORGANIZATION_CODE_PATTERN, 'Mã chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới');
export const abbreviationSchema = z
  .string()
  .trim()
  .min(1)
  .max(DIRECTORY_LIMITS.abbreviation)
  .regex(ABBREVIATION_PATTERN, 'Chữ viết tắt chỉ gồm chữ và số (ví dụ HU, VPHU)');
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(DIRECTORY_LIMITS.email)
  .email('Địa chỉ thư không hợp lệ');
/** Vietnamese phone numbers, written 09xx..., +849x... or 849x... ; stored as 84xxxxxxxxx. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(PHONE_SEPARATORS, ''))
  .pipe(z.string().regex(PHONE_PATTERN, 'Số điện thoại không hợp lệ'))
  .transform((v) => v.replace(/^\+?84|^0/, '84'));

export const organizationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  type: organizationTypeSchema,
  code: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  mailbox: z.string().nullable(),
  /** Mã định danh điện tử, upper case (`000.00.00.G22`), or null. */
  nationalId: z.string().nullable(),
  /** `inside` this deployment; outside (`peer`, `platform`) ones sit at the top level, without children. */
  reach: z.enum(ORGANIZATION_REACHES),
  /** The peer deployment an organization reached through a `peer` is reached by, and its name. */
  peerId: z.string().nullable(),
  peerName: z.string().nullable(),
  sortOrder: z.number().int(),
  depth: z.number().int(),
  childCount: z.number().int(),
  version: versionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

const organizationFields = {
  parentId: z.string().max(64).nullable(),
  type: organizationTypeSchema,
  code: orgCodeSchema,
  name: text(DIRECTORY_LIMITS.organizationName),
  abbreviation: abbreviationSchema,
  mailbox: emailSchema.nullable().optional(),
  /**
   * Checked by the service with normalizeNationalId, so that a wrong one is refused with its own
   * code (directory.national_id_invalid); bounded here only against abuse. Empty means none.
   */
  nationalId: z.string().max(200).nullable().optional(),
  /** Absent: inside on create, unchanged on update. An outside one needs a national identifier. */
  reach: z.enum(ORGANIZATION_REACHES).optional(),
  /** Only with reach `peer`: an active peer deployment's id. */
  peerId: z.string().max(64).nullable().optional(),
  sortOrder: z.number().int().min(0).max(DIRECTORY_LIMITS.sortOrder).optional(),
};
export const organizationWriteSchema = z.object(organizationFields).strict();
export const organizationPatchSchema = z
  .object(organizationFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type OrganizationWrite = z.input<typeof organizationWriteSchema>;
export type OrganizationPatch = z.input<typeof organizationPatchSchema>;

export const membershipSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  organizationCode: z.string(),
  position: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const personSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  mailbox: z.string().nullable(),
  memberships: z.array(membershipSchema),
  hasAccount: z.boolean(),
  version: versionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const membershipWriteSchema = z
  .object({
    organizationId: z.string().max(64),
    position: optionalText(DIRECTORY_LIMITS.position),
    isPrimary: z.boolean().default(false),
  })
  .strict();
// No defaults here: a PATCH that leaves a field out must leave it alone.
const personFields = {
  fullName: text(DIRECTORY_LIMITS.fullName),
  position: optionalText(DIRECTORY_LIMITS.position),
  phone: phoneSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  mailbox: emailSchema.nullable().optional(),
  memberships: z.array(membershipWriteSchema).max(50),
};
export const personWriteSchema = z
  .object({ ...personFields, memberships: personFields.memberships.default([]) })
  .strict();
export const personPatchSchema = z.object(personFields).partial().extend({ version: versionSchema }).strict();
export type PersonWrite = z.input<typeof personWriteSchema>;
export type PersonPatch = z.input<typeof personPatchSchema>;

export const GROUP_MEMBER_KINDS = ['person', 'organization'] as const;
export const groupMemberSchema = z.object({
  kind: z.enum(GROUP_MEMBER_KINDS),
  id: z.string(),
  name: z.string(),
});
export const groupSchema = z.object({
  id: z.string(),
  ownerOrganizationId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  members: z.array(groupMemberSchema),
  version: versionSchema,
});
export type DistributionGroup = z.infer<typeof groupSchema>;

const groupFields = {
  ownerOrganizationId: z.string().max(64),
  name: text(DIRECTORY_LIMITS.groupName),
  description: optionalText(DIRECTORY_LIMITS.groupDescription),
  members: z.array(z.object({ kind: z.enum(GROUP_MEMBER_KINDS), id: z.string().max(64) }).strict()).max(5000),
};
export const groupWriteSchema = z.object({ ...groupFields, members: groupFields.members.default([]) }).strict();
export const groupPatchSchema = z.object(groupFields).partial().extend({ version: versionSchema }).strict();
export type GroupWrite = z.input<typeof groupWriteSchema>;
export type GroupPatch = z.input<typeof groupPatchSchema>;

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

// What the directory API answers beyond the records themselves.

/** Actions the caller may take on a record, so the UI shows only real buttons. */
export const ORGANIZATION_ACTIONS = ['update', 'delete', 'createChild'] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];
export const RECORD_ACTIONS = ['update', 'delete'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const ORGANIZATION_REACH_FILTERS = ['inside', 'outside'] as const;

const searchText = z.string().trim().max(200).optional();

export const organizationViewSchema = organizationSchema.extend({
  /** From the root down to the parent, for a breadcrumb. */
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  actions: z.array(z.enum(ORGANIZATION_ACTIONS)),
});
export type OrganizationView = z.infer<typeof organizationViewSchema>;

export const organizationListQuerySchema = paginationQuerySchema.extend({
  q: searchText,
  /** An organization's id for its direct children, or `root` for the top level. Ignored by a search (`q`) when `root`. */
  parentId: z.string().max(64).optional(),
  type: organizationTypeSchema.optional(),
  /** `inside` this deployment, or `outside` it (through a peer or the exchange platform). */
  reach: z.enum(ORGANIZATION_REACH_FILTERS).optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;
export const organizationListResponseSchema = pageOf(organizationViewSchema.omit({ ancestors: true }));

export const organizationTreeNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  type: organizationTypeSchema,
  abbreviation: z.string(),
  code: z.string(),
  nationalId: z.string().nullable(),
  childCount: z.number().int(),
});
export type OrganizationTreeNode = z.infer<typeof organizationTreeNodeSchema>;
export const organizationTreeSchema = z.object({
  /** Depth-first: every parent before its children, siblings in display order. */
  items: z.array(organizationTreeNodeSchema),
  actions: z.array(z.enum(['createRoot'])),
});
export type OrganizationTree = z.infer<typeof organizationTreeSchema>;

export const personViewSchema = personSchema.extend({ actions: z.array(z.enum(RECORD_ACTIONS)) });
export type PersonView = z.infer<typeof personViewSchema>;
export const personListQuerySchema = paginationQuerySchema.extend({
  q: searchText,
  organizationId: z.string().max(64).optional(),
  includeDescendants: z.stringbool().default(false),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
export const personListResponseSchema = pageOf(personViewSchema);

export const groupViewSchema = groupSchema.extend({
  ownerOrganizationName: z.string(),
  actions: z.array(z.enum(RECORD_ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupView = z.infer<typeof groupViewSchema>;
export const groupListItemSchema = groupViewSchema.omit({ members: true }).extend({ memberCount: z.number().int() });
export type GroupListItem = z.infer<typeof groupListItemSchema>;
export const groupListQuerySchema = paginationQuerySchema.extend({
  q: searchText,
  ownerOrganizationId: z.string().max(64).optional(),
});
export type GroupListQuery = z.infer<typeof groupListQuerySchema>;
export const groupListResponseSchema = pageOf(groupListItemSchema);

/** Everyone a group reaches: its people, and the members of its organizations, each once. */
export const groupExpansionSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  people: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      mailbox: z.string().nullable(),
      /** Listed in the group by name. */
      direct: z.boolean(),
      /** Listed organizations this person is a member of. */
      viaOrganizationIds: z.array(z.string()),
    }),
  ),
  organizations: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      abbreviation: z.string(),
      mailbox: z.string().nullable(),
    }),
  ),
});
export type GroupExpansion = z.infer<typeof groupExpansionSchema>;

/** The path of one organization, person or group. */
export const directoryParamsSchema = z.object({ id: z.string().max(64) });
