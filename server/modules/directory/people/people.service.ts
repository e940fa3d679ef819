import {
  type PersonListQuery,
  type PersonPatch,
  type PersonView,
  type PersonWrite,
  personPatchSchema,
  personWriteSchema,
  RECORD_ACTIONS,
} from '../../../../common/schemas/directory';
import { foldVietnamese } from '../../../../common/text/fold';
import type { Executor } from '../../../platform/db/database';
import type { PlatformDeps } from '../../../platform/deps';
import { staleVersion } from '../../../platform/http/errors';
import { newId } from '../../../platform/ids';
import { auditOf, type Caller } from '../../../platform/security/actor';
import * as errors from '../directory.errors';
import { createDirectoryAccess, type DirectoryAccess } from '../directory.policy';
import { diffFields } from '../directory-changes.rules';
import * as orgRepo from '../organizations/organizations.repository';
import * as repo from './people.repository';

export interface MembershipInput {
  organizationId: string;
  position: string | null;
  isPrimary: boolean;
}

export function personSearchText(p: {
  full_name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
}): string {
  // The phone is stored as 84...; people type it as 09..., so both forms are searchable.
  const phone = p.phone ? `${p.phone} 0${p.phone.slice(2)}` : '';
  return foldVietnamese(`${p.full_name} ${p.position ?? ''} ${p.email ?? ''} ${phone}`).slice(0, 1000);
}

/** One entry per organization, exactly one primary (the first, unless another is marked). */
export function normalizeMemberships(
  input: readonly { organizationId: string; position?: string | null | undefined; isPrimary?: boolean | undefined }[],
): MembershipInput[] {
  const ids = input.map((m) => m.organizationId);
  if (new Set(ids).size !== ids.length) throw errors.duplicateMembership();
  const primaries = input.filter((m) => m.isPrimary).length;
  if (primaries > 1) throw errors.multiplePrimary();
  return input.map((m, i) => ({
    organizationId: m.organizationId,
    position: m.position ?? null,
    isPrimary: primaries === 0 ? i === 0 : m.isPrimary === true,
  }));
}

const membershipKey = (m: MembershipInput) => `${m.organizationId}|${m.position ?? ''}|${m.isPrimary ? 1 : 0}`;

function personFields(row: repo.PersonRow) {
  return { fullName: row.full_name, position: row.position, phone: row.phone, email: row.email, mailbox: row.mailbox };
}

export function createPeopleService(
  deps: PlatformDeps,
  access: DirectoryAccess = createDirectoryAccess(deps.authorizer),
) {
  const { database, clock, transact } = deps;
  const db = database.db;

  const actionsOn = (caller: Caller, memberships: readonly repo.MembershipDetail[]) =>
    access.allowed(caller, RECORD_ACTIONS, {
      kind: 'person',
      organizationPaths: memberships.map((m) => m.organizationPath),
    });

  async function views(ex: Executor, caller: Caller, rows: readonly repo.PersonRow[]): Promise<PersonView[]> {
    const ids = rows.map((r) => r.id);
    const [memberships, accounts] = await Promise.all([repo.membershipsOf(ex, ids), repo.peopleWithAccounts(ex, ids)]);
    return rows.map((row) => {
      const ms = memberships.get(row.id) ?? [];
      return {
        id: row.id,
        ...personFields(row),
        memberships: ms.map((m) => ({
          organizationId: m.organizationId,
          organizationName: m.organizationName,
          organizationCode: m.organizationCode,
          position: m.position,
          isPrimary: m.isPrimary,
        })),
        hasAccount: accounts.has(row.id),
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        actions: actionsOn(caller, ms),
      };
    });
  }

  async function view(ex: Executor, caller: Caller, row: repo.PersonRow): Promise<PersonView> {
    return (await views(ex, caller, [row]))[0] as PersonView;
  }

  async function requirePerson(ex: Executor, id: string): Promise<repo.PersonRow> {
    const row = await repo.findPersonById(ex, id);
    if (!row) throw errors.personNotFound();
    return row;
  }

  async function resolveOrganizations(ex: Executor, memberships: readonly MembershipInput[]) {
    const orgs = await orgRepo.organizationsByIds(
      ex,
      memberships.map((m) => m.organizationId),
    );
    const missing = memberships.map((m) => m.organizationId).filter((id) => !orgs.has(id));
    if (missing.length > 0) throw errors.unknownOrganizations(missing);
    return orgs;
  }

  async function ensureEmailFree(ex: Executor, email: string | null | undefined, exceptId?: string): Promise<void> {
    if (!email) return;
    const other = await repo.findPersonByEmail(ex, email);
    if (other && other.id !== exceptId) throw errors.personEmailTaken(email, other.full_name);
  }

  const membershipRows = (personId: string, ms: readonly MembershipInput[]): repo.MembershipRow[] =>
    ms.map((m) => ({
      person_id: personId,
      organization_id: m.organizationId,
      position: m.position,
      is_primary: m.isPrimary ? 1 : 0,
    }));

  return {
    async listPeople(caller: Caller, query: PersonListQuery) {
      access.authorize(caller, 'read', { kind: 'person', organizationPaths: [] });
      let organizationPath: string | undefined;
      if (query.organizationId) {
        const org = await orgRepo.findOrganizationById(db, query.organizationId);
        if (!org) throw errors.organizationNotFound();
        if (query.includeDescendants) organizationPath = org.path;
      }
      const { rows, total } = await repo.listPeople(db, {
        q: query.q,
        organizationId: query.organizationId,
        organizationPath,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: await views(db, caller, rows), total, page: query.page, pageSize: query.pageSize };
    },

    async getPerson(caller: Caller, id: string): Promise<PersonView> {
      const row = await requirePerson(db, id);
      access.authorize(caller, 'read', { kind: 'person', organizationPaths: [] });
      return view(db, caller, row);
    },

    async createPerson(caller: Caller, input: PersonWrite): Promise<PersonView> {
      const body = errors.parseInput(personWriteSchema, input);
      const memberships = normalizeMemberships(body.memberships);
      return transact(async ({ trx, audit }) => {
        const orgs = await resolveOrganizations(trx, memberships);
        const paths = memberships.map((m) => orgs.get(m.organizationId)?.path ?? '');
        access.authorize(caller, 'create', { kind: 'person', organizationPaths: paths });
        await ensureEmailFree(trx, body.email);
        const now = clock.now().toISOString();
        const row: repo.PersonRow = {
          id: newId(),
          full_name: body.fullName,
          position: body.position ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
          mailbox: body.mailbox ?? null,
          search_text: '',
          version: 1,
          created_at: now,
          updated_at: now,
        };
        row.search_text = personSearchText(row);
        await repo.insertPeople(trx, [row]);
        await repo.insertMemberships(trx, membershipRows(row.id, memberships));
        const primary = memberships.find((m) => m.isPrimary);
        await audit(auditOf(caller), {
          action: 'directory.person_created',
          entityType: 'person',
          entityId: row.id,
          summary: `Thêm ${row.full_name}${primary ? ` vào ${orgs.get(primary.organizationId)?.name}` : ''} trong danh bạ`,
          data: { ...personFields(row), memberships },
        });
        return view(trx, caller, row);
      });
    },

    async updatePerson(caller: Caller, id: string, patch: PersonPatch): Promise<PersonView> {
      const body = errors.parseInput(personPatchSchema, patch);
      return transact(async ({ trx, audit }) => {
        const current = await requirePerson(trx, id);
        const currentMs = (await repo.membershipsOf(trx, [id])).get(id) ?? [];
        access.authorize(caller, 'update', {
          kind: 'person',
          organizationPaths: currentMs.map((m) => m.organizationPath),
        });
        if (body.version !== current.version) throw staleVersion('Thông tin người này');

        const before: MembershipInput[] = currentMs.map((m) => ({
          organizationId: m.organizationId,
          position: m.position,
          isPrimary: m.isPrimary,
        }));
        let nextMs: MembershipInput[] | null = null;
        if (body.memberships !== undefined) {
          const normalized = normalizeMemberships(body.memberships);
          const orgs = await resolveOrganizations(trx, normalized);
          const oldIds = new Set(before.map((m) => m.organizationId));
          const newIds = new Set(normalized.map((m) => m.organizationId));
          // Adding someone to an organization, or taking them out, is a change to that organization's people.
          for (const m of currentMs.filter((m) => !newIds.has(m.organizationId))) {
            access.authorize(caller, 'update', { kind: 'person', organizationPaths: [m.organizationPath] });
          }
          for (const orgId of [...newIds].filter((o) => !oldIds.has(o))) {
            access.authorize(caller, 'update', { kind: 'person', organizationPaths: [orgs.get(orgId)?.path ?? ''] });
          }
          // A changed position or primary flag in an organization is that organization's business too.
          const beforeKeys = new Set(before.map(membershipKey));
          for (const m of normalized.filter((n) => oldIds.has(n.organizationId) && !beforeKeys.has(membershipKey(n)))) {
            access.authorize(caller, 'update', {
              kind: 'person',
              organizationPaths: [orgs.get(m.organizationId)?.path ?? ''],
            });
          }
          const same = before.map(membershipKey).sort().join() === normalized.map(membershipKey).sort().join();
          if (!same) nextMs = normalized;
        }
        if (body.email !== undefined && body.email !== current.email) await ensureEmailFree(trx, body.email, id);

        const next = { ...current };
        if (body.fullName !== undefined) next.full_name = body.fullName;
        if (body.position !== undefined) next.position = body.position;
        if (body.phone !== undefined) next.phone = body.phone;
        if (body.email !== undefined) next.email = body.email;
        if (body.mailbox !== undefined) next.mailbox = body.mailbox;
        const diff = diffFields(personFields(current), personFields(next));
        if (diff.changed.length === 0 && !nextMs) return view(trx, caller, current);

        next.search_text = personSearchText(next);
        next.updated_at = clock.now().toISOString();
        const { id: _id, created_at: _c, version: _v, ...changes } = next;
        if (!(await repo.updatePersonVersioned(trx, id, body.version, changes)))
          throw staleVersion('Thông tin người này');
        if (nextMs) await repo.replaceMemberships(trx, id, membershipRows(id, nextMs));
        await audit(auditOf(caller), {
          action: 'directory.person_updated',
          entityType: 'person',
          entityId: id,
          summary: `Sửa thông tin ${next.full_name} trong danh bạ`,
          data: {
            before: { ...diff.before, ...(nextMs ? { memberships: before } : {}) },
            after: { ...diff.after, ...(nextMs ? { memberships: nextMs } : {}) },
          },
        });
        return view(trx, caller, { ...next, version: body.version + 1 });
      });
    },

    async deletePerson(caller: Caller, id: string): Promise<void> {
      await transact(async ({ trx, audit }) => {
        const current = await requirePerson(trx, id);
        const ms = (await repo.membershipsOf(trx, [id])).get(id) ?? [];
        // Deleting removes the person from every organization: the caller must answer for each one.
        for (const m of ms)
          access.authorize(caller, 'delete', { kind: 'person', organizationPaths: [m.organizationPath] });
        if (ms.length === 0) access.authorize(caller, 'delete', { kind: 'person', organizationPaths: [] });
        if ((await repo.peopleWithAccounts(trx, [id])).has(id)) throw errors.personHasAccount(current.full_name);
        const groupIds = await repo.groupsContaining(trx, id);
        await repo.deletePerson(trx, id);
        await audit(auditOf(caller), {
          action: 'directory.person_deleted',
          entityType: 'person',
          entityId: id,
          summary: `Xóa ${current.full_name} khỏi danh bạ`,
          data: {
            ...personFields(current),
            memberships: ms.map((m) => ({
              organizationId: m.organizationId,
              position: m.position,
              isPrimary: m.isPrimary,
            })),
            removedFromGroups: groupIds,
          },
        });
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
