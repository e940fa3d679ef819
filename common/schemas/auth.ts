import { z } from 'zod';
import { USER_LIMITS } from '../users';
import { roleSchema } from './roles';

export const loginSchema = z.string().trim().min(1).max(254);
export const passwordSchema = z.string().min(1).max(256);
/** New passwords: long enough to resist guessing, short enough to hash cheaply. */
export const newPasswordSchema = z
  .string()
  .min(USER_LIMITS.passwordMin, `Mật khẩu mới cần ít nhất ${USER_LIMITS.passwordMin} ký tự`)
  .max(USER_LIMITS.passwordMax, `Mật khẩu mới dài quá ${USER_LIMITS.passwordMax} ký tự`);
export const totpCodeSchema = z.string().regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số');

export const signInBodySchema = z
  .object({
    login: loginSchema,
    password: passwordSchema,
    totp: totpCodeSchema.optional(),
  })
  .strict();
export type SignInBody = z.infer<typeof signInBodySchema>;

export const roleGrantSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  role: roleSchema,
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  fullName: z.string(),
  position: z.string().nullable(),
  personId: z.string().nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(roleGrantSchema),
  sections: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

export const meResponseSchema = z.object({ user: meSchema });

/** Who is signed in, asked without a 401: `ended` when the browser's session is over (not merely absent). */
export const sessionResponseSchema = z.object({ user: meSchema.nullable(), ended: z.boolean() });
export type SessionAnswer = z.infer<typeof sessionResponseSchema>;

export const changePasswordBodySchema = z
  .object({ currentPassword: passwordSchema, newPassword: newPasswordSchema })
  .strict();

export const resetPasswordBodySchema = z
  .object({ token: z.string().min(20).max(200), newPassword: newPasswordSchema })
  .strict();

export const totpSetupResponseSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpEnableBodySchema = z.object({ code: totpCodeSchema }).strict();
export const totpDisableBodySchema = z.object({ password: passwordSchema, code: totpCodeSchema }).strict();

export const authConfigResponseSchema = z.object({
  demoMode: z.boolean(),
  organizationName: z.string(),
  /** In demo mode, the demo accounts; a password only for a browser on the server's own machine. */
  demoAccounts: z.array(
    z.object({ username: z.string(), password: z.string().optional(), role: roleSchema, label: z.string() }),
  ),
});
export type AuthConfig = z.infer<typeof authConfigResponseSchema>;
