/** The identity module's tables, added to the database type below. */

export interface UsersTable {
  id: string;
  username: string;
  email: string | null;
  person_id: string | null;
  full_name: string;
  position: string | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  last_sign_in_at: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  user_id: string;
  organization_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/**
 * Sign-in attempts counted per key (an address, an account or unknown name, or the two
 * together), reserved before the password is checked. Times are epoch milliseconds.
 */
export interface SignInThrottlesTable {
  key: string;
  account_id: string | null;
  attempts: number;
  window_ends: number;
  strikes: number;
  /** An account and address that signed in: the account-wide limit does not shut it out. */
  trusted_until: number | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

declare module '../../platform/db/schema' {
  interface DB {
    users: UsersTable;
    role_grants: RoleGrantsTable;
    sessions: SessionsTable;
    sign_in_throttles: SignInThrottlesTable;
    password_reset_tokens: PasswordResetTokensTable;
  }
}
