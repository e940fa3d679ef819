import {
  normalizeNationalId,
  ORGANIZATION_ACTIONS,
  type Organization,
  type OrganizationListQuery,
  type OrganizationPatch,
  type OrganizationTree,
  type OrganizationType,
  type OrganizationView,
  type OrganizationWrite,
  organizationPatchSchema,
  organizationWriteSchema,
} from '../../../../common/schemas/directory';
import type { Executor } from '../../../platform/db/database';
import type { PlatformDeps } from '../../../platform/deps';
import { staleVersion } from '../../../platform/http/errors';
import { freezeDeep } from '../../../platform/http/serializer';
import { newId } from '../../../platform/ids';
import { auditOf, type Caller, grantsKey } from '../../../platform/security/actor';
import { createDirectoryCache } from '../directory.cache';
import * as errors from '../directory.errors';
import { createDirectoryAccess, type DirectoryAccess } from '../directory.policy';
import { diffFields } from '../directory-changes.rules';
import * as repo from './organizations.repository';
import {
  depthOf,
  fieldsOf,
  isOutside,
  organizationSearchText,
  pathOf,
  toOrganization,
  treeOrder,
} from './organizations.rules';
import * as reachRepo from './reach.repository';
import { checkReach, ensureHoldsNothing } from './reach.service';

export function createOrganizationsService(
  deps: PlatformDeps,
  access: DirectoryAccess = createDirectoryAccess(deps.authorizer),
) {
  const { database, clock, transact } = deps;
  const db = database.db;
  const cache = createDirectoryCache();

  const resourceOf = (row: { path: string; reach: string }) => ({
    kind: 'organization' as const,
    path: row.path,
    outside: isOutside(row),
  });
  const actionsOn = (caller: Caller, row: { path: string; reach: string }) =>
    access.allowed(caller, ORGANIZATION_ACTIONS, resourceOf(row));

  async function peerNameOf(ex: Executor, row: repo.OrganizationRow): Promise<string | null> {
    return row.peer_id ? ((await reachRepo.findPeerRef(ex, row.peer_id))?.name ?? null) : null;
  }

  async function view(ex: Executor, caller: Caller, row: repo.OrganizationRow): Promise<OrganizationView> {
    const ancestorIds = row.path.split('/').filter(Boolean).slice(0, -1);
    const [counts, ancestors, peerName] = await Promise.all([
      repo.childCounts(ex, [row.id]),
      repo.organizationsByIds(ex, ancestorIds),
      peerNameOf(ex, row),
    ]);
    return {
      ...toOrganization(row, counts.get(row.id) ?? 0, peerName),
      ancestors: ancestorIds.flatMap((id) => {
        const a = ancestors.get(id);
        return a ? [{ id: a.id, name: a.name }] : [];
      }),
      actions: actionsOn(caller, row),
    };
  }

  async function requireOrganization(ex: Executor, id: string): Promise<repo.OrganizationRow> {
    const row = await repo.findOrganizationById(ex, id);
    if (!row) throw errors.organizationNotFound();
    return row;
  }

  async function ensureCodeFree(ex: Executor, code: string, exceptId?: string): Promise<void> {
    const other = await repo.findOrganizationByCode(ex, code);
    if (other && other.id !== exceptId) throw errors.organizationCodeTaken(code, other.name);
  }

  async function ensureNationalIdFree(ex: Executor, nationalId: string, exceptId?: string): Promise<void> {
    const other = await repo.findOrganizationByNationalId(ex, nationalId);
    if (other && other.id !== exceptId) throw errors.nationalIdTaken(nationalId, other.name);
  }

  async function withCodeCheck<T>(
    code: string | undefined,
    nationalId: string | null | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // Two creators racing past the checks: the unique indexes have the last word.
      if (nationalId && errors.isUniqueViolation(error, 'national_id'))
        throw errors.nationalIdTaken(nationalId, nationalId);
      if (code && errors.isUniqueViolation(error, 'code')) throw errors.organizationCodeTaken(code, code);
      throw error;
    }
  }

  /** The identifier as stored (upper case, null for none), or the refusal naming what a valid one looks like. */
  function nationalIdOf(raw: string | null | undefined): string | null {
    const value = normalizeNationalId(raw);
    if (value === undefined) throw errors.nationalIdInvalid((raw ?? '').trim());
    return value;
  }

  return {
    /**
     * One page of the list. The page, with the actions the caller's grants allow on each row,
     * is kept frozen while the directory is unchanged, so the same page asked again by anyone
     * holding the same grants is written from the text already made.
     */
    async listOrganizations(caller: Caller, query: OrganizationListQuery) {
      access.authorize(caller, 'read', { kind: 'organization', path: null });
      return cache.read(db, `organizations:${JSON.stringify(query)}:${grantsKey(caller)}`, async () => {
        const { rows, total } = await repo.listOrganizations(db, query);
        return freezeDeep({
          items: rows.map((r) => ({
            ...toOrganization(r, Number(r.child_count ?? 0), r.peer_name),
            actions: actionsOn(caller, r),
          })),
          total,
          page: query.page,
          pageSize: query.pageSize,
        });
      });
    },

    /**
     * The whole tree in one query, depth-first, for the tree view: the organizations inside the
     * deployment. Outside ones are found by the list's search (and its `reach=outside`).
     */
    async organizationTree(caller: Caller): Promise<OrganizationTree> {
      access.authorize(caller, 'read', { kind: 'organization', path: null });
      const rows = await cache.read(db, 'organizations:tree', async () =>
        (await repo.allOrganizations(db)).filter((row) => !isOutside(row)),
      );
      const childCount = new Map<string, number>();
      for (const row of rows)
        if (row.parent_id) childCount.set(row.parent_id, (childCount.get(row.parent_id) ?? 0) + 1);
      const items = treeOrder(rows).map((row) => ({
        id: row.id,
        parentId: row.parent_id,
        name: row.name,
        type: row.type as OrganizationType,
        abbreviation: row.abbreviation,
        code: row.code,
        nationalId: row.national_id,
        childCount: childCount.get(row.id) ?? 0,
      }));
      const canCreateRoot = access.can(caller, 'createChild', { kind: 'organization', path: null });
      return { items, actions: canCreateRoot ? ['createRoot'] : [] };
    },

    async getOrganization(caller: Caller, id: string): Promise<OrganizationView> {
      const row = await requireOrganization(db, id);
      access.authorize(caller, 'read', { kind: 'organization', path: row.path });
      return view(db, caller, row);
    },

    /** For code that knows an organization by its code (the demo loader, imports of other data). */
    async findOrganizationByCode(code: string): Promise<Organization | null> {
      const row = await repo.findOrganizationByCode(db, code);
      if (!row) return null;
      const [counts, peerName] = await Promise.all([repo.childCounts(db, [row.id]), peerNameOf(db, row)]);
      return toOrganization(row, counts.get(row.id) ?? 0, peerName);
    },

    /**
     * An office outside the deployment first met through the exchange (the platform, or a file
     * brought by hand): added at the top level, reached through the platform, in the caller's
     * transaction, so it exists only if the document it sent is stored.
     */
    async addOutsideOrganization(trx: Executor, input: { nationalId: string; name: string; at: string }) {
      const id = newId();
      const path = pathOf(null, id);
      const row: repo.OrganizationRow = {
        id,
        parent_id: null,
        reach: 'platform',
        peer_id: null,
        path,
        depth: depthOf(path),
        type: 'other',
        code: `LT.${input.nationalId}`.slice(0, 40),
        name: input.name.slice(0, 300) || input.nationalId,
        abbreviation: 'LT',
        mailbox: null,
        national_id: input.nationalId,
        sort_order: 0,
        search_text: '',
        version: 1,
        created_at: input.at,
        updated_at: input.at,
      };
      row.search_text = organizationSearchText({ ...row, nationalId: input.nationalId });
      await repo.insertOrganizations(trx, [row]);
      return { id, name: row.name, national_id: input.nationalId, reach: row.reach, peer_id: null, path };
    },

    async createOrganization(caller: Caller, input: OrganizationWrite): Promise<OrganizationView> {
      const body = errors.parseInput(organizationWriteSchema, input);
      const nationalId = nationalIdOf(body.nationalId);
      return withCodeCheck(body.code, nationalId, () =>
        transact(async ({ trx, audit }) => {
          await repo.lockTree(trx, database.kind);
          const parent = body.parentId ? await repo.findOrganizationById(trx, body.parentId) : undefined;
          if (body.parentId && !parent) throw errors.parentNotFound();
          const reach = body.reach ?? 'inside';
          const peerId = body.peerId ?? null;
          await checkReach(
            trx,
            { reach, peer_id: peerId, parent_id: parent?.id ?? null, national_id: nationalId },
            parent?.reach ?? null,
          );
          access.authorize(caller, 'createChild', { kind: 'organization', path: parent?.path ?? null });
          await ensureCodeFree(trx, body.code);
          if (nationalId) await ensureNationalIdFree(trx, nationalId);
          const id = newId();
          const path = pathOf(parent?.path ?? null, id);
          const now = clock.now().toISOString();
          const row: repo.OrganizationRow = {
            id,
            parent_id: parent?.id ?? null,
            reach,
            peer_id: peerId,
            path,
            depth: depthOf(path),
            type: body.type,
            code: body.code,
            name: body.name,
            abbreviation: body.abbreviation,
            mailbox: body.mailbox ?? null,
            national_id: nationalId,
            sort_order: body.sortOrder ?? 0,
            search_text: organizationSearchText({ ...body, nationalId }),
            version: 1,
            created_at: now,
            updated_at: now,
          };
          await repo.insertOrganizations(trx, [row]);
          await audit(auditOf(caller), {
            action: 'directory.organization_created',
            entityType: 'organization',
            entityId: id,
            summary: `Tạo tổ chức ${row.name}${parent ? ` thuộc ${parent.name}` : ''}`,
            data: fieldsOf(row),
          });
          return view(trx, caller, row);
        }),
      );
    },

    async updateOrganization(caller: Caller, id: string, patch: OrganizationPatch): Promise<OrganizationView> {
      const body = errors.parseInput(organizationPatchSchema, patch);
      const nationalId = body.nationalId === undefined ? undefined : nationalIdOf(body.nationalId);
      return withCodeCheck(body.code, nationalId, () =>
        transact(async ({ trx, audit }) => {
          await repo.lockTree(trx, database.kind);
          const current = await requireOrganization(trx, id);
          access.authorize(caller, 'update', resourceOf(current));
          if (body.version !== current.version) throw staleVersion('Tổ chức');
          const moving = body.parentId !== undefined && body.parentId !== current.parent_id;
          let parent: repo.OrganizationRow | undefined;
          if (moving && body.parentId) {
            parent = await repo.findOrganizationById(trx, body.parentId);
            if (!parent) throw errors.parentNotFound();
            if (parent.path.startsWith(current.path)) throw errors.moveIntoDescendant();
          }
          const reach = body.reach ?? current.reach;
          // Leaving the peer's reach leaves its peer too, unless the patch names one (refused).
          const peerId = body.peerId !== undefined ? body.peerId : reach === 'peer' ? current.peer_id : null;
          const stayingUnder =
            !moving && current.parent_id ? await repo.findOrganizationById(trx, current.parent_id) : undefined;
          await checkReach(
            trx,
            {
              reach,
              peer_id: peerId,
              parent_id: moving ? (body.parentId ?? null) : current.parent_id,
              national_id: nationalId === undefined ? current.national_id : nationalId,
            },
            (moving ? parent : stayingUnder)?.reach ?? null,
            current.reach === 'peer' ? current.peer_id : null,
          );
          if (isOutside({ reach }) !== isOutside(current)) {
            // Who keeps the outside organizations (at the top level, held by no grant) decides which are.
            access.authorize(caller, 'createChild', { kind: 'organization', path: null });
            if (!isOutside(current)) await ensureHoldsNothing(trx, current);
          }
          if (moving) access.authorize(caller, 'createChild', { kind: 'organization', path: parent?.path ?? null });
          if (body.code !== undefined && body.code !== current.code) await ensureCodeFree(trx, body.code, id);
          if (nationalId && nationalId !== current.national_id) await ensureNationalIdFree(trx, nationalId, id);

          const before = fieldsOf(current);
          const next = { ...current };
          if (body.parentId !== undefined) next.parent_id = body.parentId;
          if (body.type !== undefined) next.type = body.type;
          if (body.code !== undefined) next.code = body.code;
          if (body.name !== undefined) next.name = body.name;
          if (body.abbreviation !== undefined) next.abbreviation = body.abbreviation;
          if (body.mailbox !== undefined) next.mailbox = body.mailbox;
          if (nationalId !== undefined) next.national_id = nationalId;
          if (body.sortOrder !== undefined) next.sort_order = body.sortOrder;
          next.reach = reach;
          next.peer_id = peerId;
          const diff = diffFields(before, fieldsOf(next));
          if (diff.changed.length === 0) return view(trx, caller, current);

          next.path = moving ? pathOf(parent?.path ?? null, id) : current.path;
          next.depth = depthOf(next.path);
          next.search_text = organizationSearchText({ ...next, nationalId: next.national_id });
          next.updated_at = clock.now().toISOString();
          const { id: _id, created_at: _created, version: _version, ...changes } = next;
          const ok = await repo.updateOrganizationVersioned(trx, id, body.version, changes);
          if (!ok) throw staleVersion('Tổ chức');
          const moved = moving
            ? await repo.moveDescendants(trx, current.path, next.path, next.depth - current.depth)
            : 0;
          await audit(auditOf(caller), {
            action: moving ? 'directory.organization_moved' : 'directory.organization_updated',
            entityType: 'organization',
            entityId: id,
            summary: moving
              ? `Chuyển tổ chức ${current.name} ${parent ? `vào ${parent.name}` : 'lên cấp cao nhất'}`
              : `Sửa tổ chức ${next.name}`,
            data: { before: diff.before, after: diff.after, ...(moving ? { descendantsMoved: moved } : {}) },
          });
          return view(trx, caller, { ...next, version: body.version + 1 });
        }),
      );
    },

    async deleteOrganization(caller: Caller, id: string): Promise<void> {
      await transact(async ({ trx, audit }) => {
        await repo.lockTree(trx, database.kind);
        const current = await requireOrganization(trx, id);
        access.authorize(caller, 'delete', resourceOf(current));
        const usage = await repo.organizationUsage(trx, id);
        if (Object.values(usage).some((n) => n > 0)) throw errors.organizationInUse(current.name, usage);
        try {
          await repo.deleteOrganization(trx, id);
        } catch (error) {
          // Later features refer to organizations too; their foreign keys refuse the delete.
          if (errors.isForeignKeyViolation(error)) throw errors.organizationInUse(current.name, usage);
          throw error;
        }
        await audit(auditOf(caller), {
          action: 'directory.organization_deleted',
          entityType: 'organization',
          entityId: id,
          summary: `Xóa tổ chức ${current.name}`,
          data: fieldsOf(current),
        });
      });
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
