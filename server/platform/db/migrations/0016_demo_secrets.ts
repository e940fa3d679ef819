import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { hashPassword, verifyPassword } from '../../security/password';

/**
 * Earlier versions kept the demo accounts' passwords in clear in `app_meta.demo_accounts`
 * and gave them to anyone who asked the sign-in page. The list keeps only names and roles
 * from now on. A demo password still in use was public, so it is withdrawn: the account gets
 * a password nobody knows (a real scrypt hash, so signing in takes the usual time) and its
 * sessions end; the operator sets a new one with `vanphong user reset-password`.
 * Accounts whose password was changed since are left alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const row = await sql<{ value: string }>`select value from app_meta where key = 'demo_accounts'`.execute(db);
  const stored = row.rows[0]?.value;
  if (stored === undefined) return;
  let entries: unknown;
  try {
    entries = JSON.parse(stored);
  } catch {
    entries = [];
  }
  const kept: { username: string; role: string; label: string }[] = [];
  for (const entry of Array.isArray(entries) ? (entries as Record<string, unknown>[]) : []) {
    const { username, role, label, password } = entry ?? {};
    if (typeof username !== 'string' || typeof role !== 'string') continue;
    kept.push({ username, role, label: typeof label === 'string' ? label : role });
    if (typeof password !== 'string') continue;
    const user = await sql<{ id: string; password_hash: string }>`
      select id, password_hash from users where username = ${username}`.execute(db);
    const account = user.rows[0];
    if (!account || !(await verifyPassword(password, account.password_hash))) continue;
    const unknown = await hashPassword(randomBytes(32).toString('base64url'));
    const now = new Date().toISOString();
    await sql`update users set password_hash = ${unknown}, version = version + 1, updated_at = ${now}
      where id = ${account.id}`.execute(db);
    await sql`delete from sessions where user_id = ${account.id}`.execute(db);
  }
  await sql`update app_meta set value = ${JSON.stringify(kept)} where key = 'demo_accounts'`.execute(db);
}
