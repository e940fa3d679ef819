/**
 * The limits of an account's fields, without zod so the web's forms import them cheaply:
 * common/schemas/users.ts and common/schemas/auth.ts refuse more, and the forms say so first.
 */
export const USER_LIMITS = {
  usernameMin: 3,
  usernameMax: 64,
  fullName: 200,
  position: 200,
  email: 254,
  passwordMin: 10,
  passwordMax: 256,
} as const;
