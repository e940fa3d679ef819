import {
  type GroupExpansion,
  type GroupListItem,
  type GroupListQuery,
  type GroupPatch,
  type GroupView,
  type GroupWrite,
  groupPatchSchema,
  groupWriteSchema,
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
import * as repo from './groups.repository';

const groupSearchText = (g: { name: string; description: string | null }) =>
  foldVietnamese(`${g.name} ${g.description ?? ''}`).slice(0, 1000);

const memberKey = (m: repo.MemberRef) => `${m.kind}:${m.id}`;

function distinctMembers(members: readonly repo.MemberRef[]): repo.MemberRef[] {
  const seen = new Map<string, repo.MemberRef>();
  for (const m of members) seen.set(memberKey(m), { kind: m.kind, id: m.id });
  return [...seen.values()];
}

export function createGroupsService(
  deps: PlatformDeps,
  access: DirectoryAccess = createDirectoryAccess(deps.authorizer),
) {
  const { database, clock, transact } = deps;
  const db = database.db;

  const actionsOn = (caller: Caller, ownerPath: string) =>
    access.allowed(caller, RECORD_ACTIONS, { kind: 'group', ownerPath });

  async function view(ex: Executor, caller: Caller, row: repo.GroupWithOwner): Promise<GroupView> {
    const members = await repo.membersOf(ex, row.id);
    return {
      id: row.id,
      ownerOrganizationId: row.owner_organization_id,
      ownerOrganizationName: row.owner_name,
      name: row.name,
      description: row.description,
      members: members.map(({ kind, id, name }) => ({ kind, id, name })),
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      actions: actionsOn(caller, row.owner_path),
    };
  }

  async function requireGroup(ex: Executor, id: string): Promise<repo.GroupWithOwner> {
    const row = await repo.findGroupById(ex, id);
    if (!row) throw errors.groupNotFound();
    return row;
  }

  async function requireOwner(ex: Executor, id: string): Promise<orgRepo.OrganizationRow> {
    const owner = await orgRepo.findOrganizationById(ex, id);
    if (!owner) throw errors.unknownOrganizations([id]);
    return owner;
  }

  async function checkMembers(ex: Executor, members: readonly repo.MemberRef[]): Promise<void> {
    const found = await repo.existingMembers(ex, members);
    const missing = members.filter((m) => !found.has(memberKey(m)));
    if (missing.length > 0) throw errors.unknownGroupMembers(missing);
  }

  async function ensureNameFree(ex: Executor, ownerId: string, name: string, exceptId?: string): Promise<void> {
    const other = await repo.findGroupByName(ex, ownerId, name);
    if (other && other.id !== exceptId) throw errors.groupNameTaken(name);
  }

  async function withNameCheck<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (name && errors.isUniqueViolation(error, 'distribution_groups')) throw errors.groupNameTaken(name);
      throw error;
    }
  }

  return {
    async listGroups(caller: Caller, query: GroupListQuery) {
      access.authorize(caller, 'read', { kind: 'group', ownerPath: '/' });
      const { rows, total } = await repo.listGroups(db, query);
      const counts = await repo.memberCounts(
        db,
        rows.map((r) => r.id),
      );
      const items: GroupListItem[] = rows.map((row) => ({
        id: row.id,
        ownerOrganizationId: row.owner_organization_id,
        ownerOrganizationName: row.owner_name,
        name: row.name,
        description: row.description,
        memberCount: counts.get(row.id) ?? 0,
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        actions: actionsOn(caller, row.owner_path),
      }));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async getGroup(caller: Caller, id: string): Promise<GroupView> {
      const row = await requireGroup(db, id);
      access.authorize(caller, 'read', { kind: 'group', ownerPath: row.owner_path });
      return view(db, caller, row);
    },

    async createGroup(caller: Caller, input: GroupWrite): Promise<GroupView> {
      const body = errors.parseInput(groupWriteSchema, input);
      const members = distinctMembers(body.members);
      return withNameCheck(body.name, () =>
        transact(async ({ trx, audit }) => {
          const owner = await requireOwner(trx, body.ownerOrganizationId);
          access.authorize(caller, 'create', { kind: 'group', ownerPath: owner.path });
          await ensureNameFree(trx, owner.id, body.name);
          await checkMembers(trx, members);
          const now = clock.now().toISOString();
          const row: repo.GroupRow = {
            id: newId(),
            owner_organization_id: owner.id,
            name: body.name,
            description: body.description ?? null,
            search_text: groupSearchText({ name: body.name, description: body.description ?? null }),
            version: 1,
            created_at: now,
            updated_at: now,
          };
          await repo.insertGroup(trx, row);
          await repo.replaceMembers(trx, row.id, members);
          await audit(auditOf(caller), {
            action: 'directory.group_created',
            entityType: 'group',
            entityId: row.id,
            summary: `Tạo nhóm nhận văn bản ${row.name} của ${owner.name}`,
            data: { ownerOrganizationId: owner.id, name: row.name, description: row.description, members },
          });
          return view(trx, caller, { ...row, owner_name: owner.name, owner_path: owner.path });
        }),
      );
    },

    async updateGroup(caller: Caller, id: string, patch: GroupPatch): Promise<GroupView> {
      const body = errors.parseInput(groupPatchSchema, patch);
      return withNameCheck(body.name, () =>
        transact(async ({ trx, audit }) => {
          const current = await requireGroup(trx, id);
          access.authorize(caller, 'update', { kind: 'group', ownerPath: current.owner_path });
          if (body.version !== current.version) throw staleVersion('Nhóm nhận văn bản');
          let owner = { id: current.owner_organization_id, name: current.owner_name, path: current.owner_path };
          if (body.ownerOrganizationId !== undefined && body.ownerOrganizationId !== owner.id) {
            owner = await requireOwner(trx, body.ownerOrganizationId);
            access.authorize(caller, 'create', { kind: 'group', ownerPath: owner.path });
          }
          const next = { ...current, owner_organization_id: owner.id, owner_name: owner.name, owner_path: owner.path };
          if (body.name !== undefined) next.name = body.name;
          if (body.description !== undefined) next.description = body.description;
          if (next.name !== current.name || next.owner_organization_id !== current.owner_organization_id) {
            await ensureNameFree(trx, next.owner_organization_id, next.name, id);
          }
          const fields = (g: repo.GroupRow) => ({
            ownerOrganizationId: g.owner_organization_id,
            name: g.name,
            description: g.description,
          });
          const diff = diffFields(fields(current), fields(next));
          let membersChange: { before: repo.MemberRef[]; after: repo.MemberRef[] } | null = null;
          if (body.members !== undefined) {
            const after = distinctMembers(body.members);
            const before = (await repo.membersOf(trx, id)).map(({ kind, id: memberId }) => ({ kind, id: memberId }));
            if (before.map(memberKey).sort().join() !== after.map(memberKey).sort().join()) {
              await checkMembers(trx, after);
              membersChange = { before, after };
            }
          }
          if (diff.changed.length === 0 && !membersChange) return view(trx, caller, current);

          next.search_text = groupSearchText(next);
          next.updated_at = clock.now().toISOString();
          const ok = await repo.updateGroupVersioned(trx, id, body.version, {
            owner_organization_id: next.owner_organization_id,
            name: next.name,
            description: next.description,
            search_text: next.search_text,
            updated_at: next.updated_at,
          });
          if (!ok) throw staleVersion('Nhóm nhận văn bản');
          if (membersChange) await repo.replaceMembers(trx, id, membersChange.after);
          const before = membersChange ? { ...diff.before, members: membersChange.before } : diff.before;
          const after = membersChange ? { ...diff.after, members: membersChange.after } : diff.after;
          await audit(auditOf(caller), {
            action: 'directory.group_updated',
            entityType: 'group',
            entityId: id,
            summary: `Sửa nhóm nhận văn bản ${next.name}`,
            data: { before, after },
          });
          return view(trx, caller, { ...next, version: body.version + 1 });
        }),
      );
    },

    async deleteGroup(caller: Caller, id: string): Promise<void> {
      await transact(async ({ trx, audit }) => {
        const current = await requireGroup(trx, id);
        access.authorize(caller, 'delete', { kind: 'group', ownerPath: current.owner_path });
        const members = (await repo.membersOf(trx, id)).map(({ kind, id: memberId }) => ({ kind, id: memberId }));
        await repo.deleteGroup(trx, id);
        await audit(auditOf(caller), {
          action: 'directory.group_deleted',
          entityType: 'group',
          entityId: id,
          summary: `Xóa nhóm nhận văn bản ${current.name} của ${current.owner_name}`,
          data: { ownerOrganizationId: current.owner_organization_id, name: current.name, members },
        });
      });
    },

    /** The distinct people and organizations a group reaches, to address invitations and documents. */
    async expandGroup(caller: Caller, id: string): Promise<GroupExpansion> {
      const group = await requireGroup(db, id);
      access.authorize(caller, 'read', { kind: 'group', ownerPath: group.owner_path });
      const { direct, organizations, viaOrganizations } = await repo.expansionOf(db, id);
      type Reached = GroupExpansion['people'][number] & { sortKey: string };
      const people = new Map<string, Reached>();
      const reach = (p: (typeof direct)[number]): Reached => {
        const existing = people.get(p.id);
        if (existing) return existing;
        const entry: Reached = {
          id: p.id,
          fullName: p.full_name,
          position: p.position,
          phone: p.phone,
          email: p.email,
          mailbox: p.mailbox,
          direct: false,
          viaOrganizationIds: [],
          sortKey: p.search_text,
        };
        people.set(p.id, entry);
        return entry;
      };
      for (const p of direct) reach(p).direct = true;
      for (const p of viaOrganizations) {
        const entry = reach(p);
        if (!entry.viaOrganizationIds.includes(p.organization_id)) entry.viaOrganizationIds.push(p.organization_id);
      }
      return {
        groupId: group.id,
        name: group.name,
        people: [...people.values()]
          .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
          .map(({ sortKey: _s, ...rest }) => rest),
        organizations,
      };
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
