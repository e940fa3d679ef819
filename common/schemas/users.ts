import { z } from 'zod';
import { USER_LIMITS } from '../users';
import { newPasswordSchema } from './auth';
import { pageOf, paginationQuerySchema, versionSchema } from './directory';
import { roleSchema } from './roles';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(USER_LIMITS.usernameMin, `Tên đăng nhập cần ít nhất ${USER_LIMITS.usernameMin} ký tự`)
  .max(USER_LIMITS.usernameMax)
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới');

const grantInputSchema = z.object({ organizationId: z.string().max(64), role: roleSchema }).strict();
export type RoleAssignment = z.infer<typeof grantInputSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  fullName: z.string(),
  position: z.string().nullable(),
  personId: z.string().nullable(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  version: versionSchema,
  roles: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), role: roleSchema })),
});
export type UserView = z.infer<typeof userSchema>;

export const userListQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  organizationId: z.string().max(64).optional(),
});
export const userListResponseSchema = pageOf(userSchema);

export const userCreateBodySchema = z
  .object({
    username: usernameSchema,
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email('Địa chỉ thư không hợp lệ')
      .max(USER_LIMITS.email)
      .nullable()
      .optional(),
    fullName: z.string().trim().min(1).max(USER_LIMITS.fullName),
    position: z.string().trim().max(USER_LIMITS.position).nullable().optional(),
    personId: z.string().max(64).nullable().optional(),
    password: newPasswordSchema,
    mustChangePassword: z.boolean().default(true),
    roles: z.array(grantInputSchema).max(100).default([]),
  })
  .strict();
/** Input form: callers inside the server may leave out fields that have defaults. */
export type UserCreateBody = z.input<typeof userCreateBodySchema>;

export const userPatchBodySchema = z
  .object({
    version: versionSchema.optional(),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email('Địa chỉ thư không hợp lệ')
      .max(USER_LIMITS.email)
      .nullable()
      .optional(),
    fullName: z.string().trim().min(1).max(USER_LIMITS.fullName).optional(),
    position: z.string().trim().max(USER_LIMITS.position).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserPatchBody = z.infer<typeof userPatchBodySchema>;

export const userRolesBodySchema = z.object({ roles: z.array(grantInputSchema).max(100) }).strict();
export const userIdParamsSchema = z.object({ id: z.string().max(64) });
export const temporaryPasswordBodySchema = z
  .object({
    /** Typed by the administrator; left out, the server makes one. */
    password: newPasswordSchema.optional(),
  })
  .strict();
export const temporaryPasswordResponseSchema = z.object({ username: z.string(), password: z.string() });
export type TemporaryPassword = z.infer<typeof temporaryPasswordResponseSchema>;
export const resetLinkResponseSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type ResetLink = z.infer<typeof resetLinkResponseSchema>;
