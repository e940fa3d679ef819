import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { OrganizationType } from '../../common/schemas/directory';
import type { Role } from '../../common/schemas/roles';
import { foldVietnamese } from '../../common/text/fold';
import { newId, newToken } from '../platform/ids';
import type { SystemCaller } from '../platform/security/actor';
import { hashToken } from '../platform/security/tokens';
import type { TestApp } from './harness';

export const SYSTEM: SystemCaller = {
  system: true,
  audit: { userId: null, name: 'Kiểm thử', ip: null, userAgent: null },
};

const unique = () => randomBytes(4).toString('hex');

export interface OrgFixture {
  id: string;
  path: string;
  code: string;
  name: string;
}

/**
 * Inserts an organization straight into the table: factories build the world a
 * test needs without going through the features under test.
 */
export async function makeOrganization(
  t: TestApp,
  input: { name?: string; parent?: OrgFixture; type?: OrganizationType; abbreviation?: string; code?: string } = {},
): Promise<OrgFixture> {
  const id = newId();
  const code = input.code ?? `ORG${unique()}`;
  const name = input.name ?? `Tổ chức ${unique()}`;
  const path = `${input.parent?.path ?? '/'}${id}/`;
  const now = t.clock.now().toISOString();
  await t.deps.database.db
    .insertInto('organizations')
    .values({
      id,
      parent_id: input.parent?.id ?? null,
      path,
      depth: path.split('/').filter(Boolean).length - 1,
      type: input.type ?? (input.parent ? 'party_cell' : 'party_committee'),
      code,
      name,
      abbreviation: input.abbreviation ?? 'HU',
      mailbox: null,
      reach: 'inside',
      sort_order: 0,
      search_text: foldVietnamese(`${name} ${code} ${input.abbreviation ?? 'HU'}`),
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, path, code, name };
}

export interface UserFixture {
  id: string;
  username: string;
  password: string;
  fullName: string;
}

export async function makeUser(
  t: TestApp,
  roles: { organization: OrgFixture; role: Role }[] = [],
  input: { username?: string; email?: string; fullName?: string; password?: string } = {},
): Promise<UserFixture> {
  const username = input.username ?? `user${unique()}`;
  const password = input.password ?? `Mat-khau-${unique()}`;
  const fullName = input.fullName ?? 'Nguyễn Văn Thử';
  const view = await t.services.users.create(SYSTEM, {
    username,
    email: input.email ?? null,
    fullName,
    password,
    mustChangePassword: false,
    roles: roles.map((r) => ({ organizationId: r.organization.id, role: r.role })),
  });
  return { id: view.id, username, password, fullName };
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signIn(t: TestApp, user: { username: string; password: string }): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { login: user.username, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return sessionCookieOf(res);
}

/**
 * The cookie header of a new session for the user, as signing in would open it, without the sign-in
 * (no password check, no sign-in audit entry): for tests that are not about signing in.
 */
export async function sessionFor(t: TestApp, user: { id: string }): Promise<string> {
  const token = newToken();
  const now = t.clock.now();
  await t.deps.database.db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + t.deps.config.session.absoluteMs).toISOString(),
      ip: null,
      user_agent: null,
    })
    .execute();
  return `vp_session=${token}`;
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'vp_session');
  if (!cookie) throw new Error('no session cookie');
  return `vp_session=${cookie.value}`;
}

/** A signed-in user holding `role` in a fresh organization of their own. */
export async function signedInAs(t: TestApp, role: Role, organization?: OrgFixture) {
  const org = organization ?? (await makeOrganization(t));
  const user = await makeUser(t, [{ organization: org, role }]);
  const cookie = await sessionFor(t, user);
  return { org, user, cookie };
}
