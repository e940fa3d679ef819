import { z } from 'zod';

export const ORGANIZATION_TYPES = [
  'party_committee',
  'standing_committee',
  'executive_committee',
  'office',
  'board',
  'inspection_commission',
  'grassroots_committee',
  'party_cell',
  'other',
] as const;
export const organizationTypeSchema = z.enum(ORGANIZATION_TYPES);
export type OrganizationType = z.infer<typeof organizationTypeSchema>;

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  party_committee: 'Cấp ủy (Tỉnh ủy, Đảng ủy...)',
  standing_committee: 'Ban Thường vụ',
  executive_committee: 'Ban Chấp hành',
  office: 'Văn phòng',
  board: 'Ban xây dựng Đảng',
  inspection_commission: 'Ủy ban Kiểm tra',
  grassroots_committee: 'Đảng bộ cơ sở',
  party_cell: 'Chi bộ',
  other: 'Khác',
};

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
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
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Mã chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới');
export const abbreviationSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}]+$/u, 'Chữ viết tắt chỉ gồm chữ và số (ví dụ HU, VPHU)');
export const emailSchema = z.string().trim().toLowerCase().max(254).email('Địa chỉ thư không hợp lệ');
/** Vietnamese phone numbers, written 09xx..., +849x... or 849x... ; stored as 84xxxxxxxxx. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.()-]/g, ''))
  .pipe(z.string().regex(/^(\+?84|0)\d{9,10}$/, 'Số điện thoại không hợp lệ'))
  .transform((v) => v.replace(/^\+?84|^0/, '84'));

export const organizationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  type: organizationTypeSchema,
  code: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  mailbox: z.string().nullable(),
  sortOrder: z.number().int(),
  depth: z.number().int(),
  childCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationWriteSchema = z
  .object({
    parentId: z.string().max(64).nullable(),
    type: organizationTypeSchema,
    code: orgCodeSchema,
    name: text(300),
    abbreviation: abbreviationSchema,
    mailbox: emailSchema.nullable().optional(),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export const organizationPatchSchema = organizationWriteSchema.partial().extend({ version: z.number().int() }).strict();

export const membershipSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
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
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personWriteSchema = z
  .object({
    fullName: text(200),
    position: optionalText(200),
    phone: phoneSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    mailbox: emailSchema.nullable().optional(),
    memberships: z
      .array(
        z
          .object({
            organizationId: z.string().max(64),
            position: optionalText(200),
            isPrimary: z.boolean().default(false),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();
export const personPatchSchema = personWriteSchema.partial().extend({ version: z.number().int() }).strict();

export const groupMemberSchema = z.object({
  kind: z.enum(['person', 'organization']),
  id: z.string(),
  name: z.string(),
});
export const groupSchema = z.object({
  id: z.string(),
  ownerOrganizationId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  members: z.array(groupMemberSchema),
  version: z.number().int(),
});
export type DistributionGroup = z.infer<typeof groupSchema>;

export const groupWriteSchema = z
  .object({
    ownerOrganizationId: z.string().max(64),
    name: text(200),
    description: optionalText(1000),
    members: z
      .array(z.object({ kind: z.enum(['person', 'organization']), id: z.string().max(64) }).strict())
      .max(5000)
      .default([]),
  })
  .strict();
export const groupPatchSchema = groupWriteSchema.partial().extend({ version: z.number().int() }).strict();

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
