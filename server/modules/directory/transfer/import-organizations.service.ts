import { z } from 'zod';
import {
  abbreviationSchema,
  emailSchema,
  NATIONAL_ID_MESSAGE,
  normalizeNationalId,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  type OrganizationType,
  organizationWriteSchema,
  orgCodeSchema,
} from '../../../../common/schemas/directory';
import type { ImportRow } from '../../../../common/schemas/directory-transfer';
import { foldVietnamese } from '../../../../common/text/fold';
import type { AuditEntry } from '../../../platform/audit/audit-log';
import type { Executor } from '../../../platform/db/database';
import { newId } from '../../../platform/ids';
import { diffFields } from '../directory-changes.rules';
import * as repo from '../organizations/organizations.repository';
import { depthOf, fieldsOf, isOutside, organizationSearchText } from '../organizations/organizations.rules';
import * as reachRepo from '../organizations/reach.repository';
import { headerOf, ORGANIZATION_COLUMNS, type OrganizationColumn, type SourceRow } from './columns.rules';
import { REACH_CHOICES, reachFromText, reachIssues } from './import-reach.rules';
import { type ImportContext, RowCheck, rejected } from './import-rows.rules';

const H = (key: OrganizationColumn) => headerOf(ORGANIZATION_COLUMNS, key);
const sortOrderSchema = z.coerce.number().int().min(0).max(1_000_000);

const TYPE_BY_NAME = new Map<string, OrganizationType>();
for (const type of ORGANIZATION_TYPES) {
  const label = ORGANIZATION_TYPE_LABELS[type];
  TYPE_BY_NAME.set(type, type);
  TYPE_BY_NAME.set(foldVietnamese(label), type);
  TYPE_BY_NAME.set(foldVietnamese(label.replace(/\(.*\)/, '')), type);
}
const TYPE_CHOICES = ORGANIZATION_TYPES.map((t) => ORGANIZATION_TYPE_LABELS[t].replace(/\s*\(.*\)/, '')).join(', ');

/** "Chi bộ", "chi bo", "Cấp ủy (Tỉnh ủy, Đảng ủy...)" and "party_cell" all name a type. */
export function typeFromText(text: string): OrganizationType | undefined {
  return TYPE_BY_NAME.get(foldVietnamese(text)) ?? TYPE_BY_NAME.get(text.trim());
}

interface Node {
  id: string;
  parentId: string | null;
  /** The path stored now; null for an organization the file creates. */
  storedPath: string | null;
  before: repo.OrganizationRow | null;
  row: repo.OrganizationRow;
}

export interface OrganizationImportPlan {
  reports: ImportRow[];
  creates: repo.OrganizationRow[];
  updates: { before: repo.OrganizationRow; after: repo.OrganizationRow; changed: boolean }[];
}

/**
 * Checks every row against the directory as the earlier rows leave it, without writing.
 * Organizations are matched by code; a parent is named by its code, found in the directory
 * or on an earlier row.
 */
export async function planOrganizationImport(
  ctx: ImportContext,
  source: SourceRow<OrganizationColumn>[],
): Promise<OrganizationImportPlan> {
  const byId = new Map<string, Node>();
  const byCode = new Map<string, Node>();
  /** Who holds each national identifier as the earlier rows leave the directory. */
  const byNationalId = new Map<string, { node: Node; line: number | null }>();
  for (const row of await repo.allOrganizationRows(ctx.ex)) {
    const node: Node = { id: row.id, parentId: row.parent_id, storedPath: row.path, before: row, row };
    byId.set(row.id, node);
    byCode.set(row.code, node);
    if (row.national_id) byNationalId.set(row.national_id, { node, line: null });
  }
  const peersByNode = new Map((await reachRepo.allPeerRefs(ctx.ex)).map((p) => [p.node, p]));
  const peersById = new Map([...peersByNode.values()].map((p) => [p.id, p]));
  /** How many children each organization has as the earlier rows leave the directory. */
  const children = new Map<string, number>();
  const adopt = (parentId: string | null, delta: number) => {
    if (parentId) children.set(parentId, (children.get(parentId) ?? 0) + delta);
  };
  for (const node of byId.values()) adopt(node.parentId, 1);
  const pathOf = (id: string | null): string => {
    const ids: string[] = [];
    for (let n = id ? byId.get(id) : undefined; n; n = n.parentId ? byId.get(n.parentId) : undefined) ids.unshift(n.id);
    return ids.length === 0 ? '/' : `/${ids.join('/')}/`;
  };
  const firstLine = new Map<string, number>();
  for (const src of source) {
    const code = src.get('code');
    if (code && !firstLine.has(code)) firstLine.set(code, src.line);
  }
  const seen = new Map<string, { line: number; ok: boolean }>();
  const reports: ImportRow[] = [];
  const created: Node[] = [];
  const touched = new Set<string>();

  for (const src of source) {
    const check = new RowCheck();
    const rawCode = src.get('code') ?? '';
    const code = check.field(orgCodeSchema, rawCode, H('code'));
    const name = check.field(organizationWriteSchema.shape.name, src.get('name') ?? '', H('name'));
    const abbreviation = check.field(abbreviationSchema, src.get('abbreviation') ?? '', H('abbreviation'));
    const typeText = src.get('type') ?? '';
    const type = typeFromText(typeText);
    if (!typeText) check.add(H('type'), 'Không được để trống.');
    else if (!type) check.add(H('type'), `“${typeText}” không phải loại tổ chức. Dùng một trong: ${TYPE_CHOICES}.`);
    const mailbox = check.optional(emailSchema, src.get('mailbox'), H('mailbox'));
    const nationalIdRaw = src.get('nationalId');
    // undefined: the file does not say; null: none.
    const nationalId = normalizeNationalId(nationalIdRaw);
    if (nationalIdRaw !== undefined && nationalId === undefined)
      check.add(H('nationalId'), `“${nationalIdRaw}” không hợp lệ. ${NATIONAL_ID_MESSAGE}`);
    const reachRaw = src.get('reach');
    // undefined: the file does not say.
    const reach = reachRaw === undefined ? undefined : reachFromText(reachRaw);
    if (reachRaw !== undefined && reach === undefined)
      check.add(
        H('reach'),
        `“${reachRaw}” không phải cách nhận. Dùng một trong: ${REACH_CHOICES}; để trống là trong hệ thống.`,
      );
    const peerNode = src.get('peerNode');
    // undefined: the file does not say; null: none.
    const peer = peerNode ? peersByNode.get(peerNode) : peerNode === '' ? null : undefined;
    if (peerNode && !peer) check.add(H('peerNode'), `Không có máy chủ liên thông nào tên “${peerNode}”.`);
    const sortRaw = src.get('sortOrder');
    const sortOrder = sortRaw ? check.field(sortOrderSchema, sortRaw, H('sortOrder')) : undefined;

    const node = code ? byCode.get(code) : undefined;
    const earlier = code ? seen.get(code) : undefined;
    if (code && earlier) check.add(H('code'), `Mã “${code}” đã có ở dòng ${earlier.line}.`);
    const holder = nationalId ? byNationalId.get(nationalId) : undefined;
    if (nationalId && holder && holder.node !== node) {
      check.add(
        H('nationalId'),
        holder.line === null
          ? `Mã định danh “${nationalId}” đã được dùng cho tổ chức ${holder.node.row.name}.`
          : `Mã định danh “${nationalId}” đã có ở dòng ${holder.line} (${holder.node.row.name}).`,
      );
    }

    // undefined: the file does not say; null: top level.
    let parent: Node | null | undefined;
    const parentCode = src.get('parentCode');
    if (parentCode === '') parent = null;
    else if (parentCode !== undefined) {
      const found = byCode.get(parentCode);
      const parentRow = seen.get(parentCode);
      const later = firstLine.get(parentCode);
      if (parentCode === code) check.add(H('parentCode'), 'Một tổ chức không thể là cấp trên của chính nó.');
      else if (found && node && pathOf(found.id).startsWith(pathOf(node.id))) {
        check.add(
          H('parentCode'),
          `Không thể chuyển vào “${parentCode}” vì đó là tổ chức trực thuộc ${node.row.name}.`,
        );
      } else if (found) parent = found;
      else if (parentRow && !parentRow.ok) {
        check.add(
          H('parentCode'),
          `Đơn vị cấp trên “${parentCode}” ở dòng ${parentRow.line} có lỗi nên chưa có trong danh bạ.`,
        );
      } else if (later !== undefined && later > src.line) {
        check.add(
          H('parentCode'),
          `Đơn vị cấp trên “${parentCode}” nằm ở dòng ${later}, dưới dòng này. Hãy đặt dòng của đơn vị cấp trên lên trước.`,
        );
      } else
        check.add(H('parentCode'), `Không có tổ chức nào mã “${parentCode}” trong danh bạ hay ở các dòng phía trên.`);
    }

    const key = code ?? rawCode;
    const fail = () => {
      reports.push(rejected(src.line, key, check, node ? 'update' : 'create'));
      if (code && !earlier) seen.set(code, { line: src.line, ok: false });
    };
    if (check.failed || !code || !name || !abbreviation || !type) {
      fail();
      continue;
    }

    const parentId = parent === undefined ? (node?.parentId ?? null) : (parent?.id ?? null);
    const parentPath = parentId ? pathOf(parentId) : null;
    const parentName = parentId ? byId.get(parentId)?.row.name : undefined;
    const base = node?.row;
    const nextReach = reach ?? base?.reach ?? 'inside';
    // The file's peer column wins; without it, a reach other than `peer` leaves its peer.
    const nextPeerId = peer !== undefined ? (peer?.id ?? null) : nextReach === 'peer' ? (base?.peer_id ?? null) : null;
    const turningOutside = nextReach !== 'inside' && (!base || base.reach === 'inside');
    const outsideChanged = base ? isOutside(base) !== (nextReach !== 'inside') : nextReach !== 'inside';
    const usage =
      node && turningOutside
        ? { ...(await reachRepo.reachUsage(ctx.ex, node.id)), children: children.get(node.id) ?? 0 }
        : null;
    for (const issue of reachIssues(
      {
        name,
        reach: nextReach,
        peerId: nextPeerId,
        parentId,
        nationalId: nationalId === undefined ? (base?.national_id ?? null) : nationalId,
        peer: nextPeerId ? peersById.get(nextPeerId) : undefined,
        parentReach: parentId ? (byId.get(parentId)?.row.reach ?? 'inside') : null,
        keptPeerId: base?.reach === 'peer' ? base.peer_id : null,
      },
      usage,
    ))
      check.add(H(issue.column), issue.message);

    if (check.failed) {
      // A row the rules refuse is not also refused for want of a right the rule explains.
    } else if (
      node &&
      !ctx.can('update', { kind: 'organization', path: pathOf(node.id), outside: base && isOutside(base) })
    ) {
      check.add(null, `Bạn không có quyền sửa ${node.row.name}.`);
    } else if (
      (!node || parentId !== node.parentId) &&
      !ctx.can('createChild', { kind: 'organization', path: parentPath })
    ) {
      check.add(
        H('parentCode'),
        parentName
          ? `Bạn không có quyền thêm tổ chức vào ${parentName}.`
          : 'Bạn không có quyền thêm tổ chức cấp cao nhất.',
      );
    } else if (outsideChanged && !ctx.can('createChild', { kind: 'organization', path: null })) {
      check.add(H('reach'), 'Bạn không có quyền thêm hay bỏ tổ chức ngoài hệ thống.');
    }
    if (check.failed) {
      fail();
      continue;
    }

    const row: repo.OrganizationRow = {
      id: node?.id ?? newId(),
      parent_id: parentId,
      reach: nextReach,
      peer_id: nextPeerId,
      path: '',
      depth: 0,
      type,
      code,
      name,
      abbreviation,
      mailbox: mailbox === undefined ? (base?.mailbox ?? null) : mailbox,
      national_id: nationalId === undefined ? (base?.national_id ?? null) : nationalId,
      sort_order: sortOrder ?? base?.sort_order ?? 0,
      search_text: '',
      version: base?.version ?? 1,
      created_at: base?.created_at ?? ctx.now,
      updated_at: ctx.now,
    };
    row.search_text = organizationSearchText({ name, code, abbreviation, nationalId: row.national_id });
    const changes = base ? diffFields(fieldsOf(base), fieldsOf(row)).changed.map(columnOfField) : [];
    let target: Node;
    if (node) {
      node.row = row;
      adopt(node.parentId, -1);
      adopt(parentId, 1);
      node.parentId = parentId;
      touched.add(node.id);
      target = node;
    } else {
      target = { id: row.id, parentId, storedPath: null, before: null, row };
      byId.set(target.id, target);
      byCode.set(code, target);
      adopt(parentId, 1);
      created.push(target);
    }
    if (base?.national_id && base.national_id !== row.national_id) byNationalId.delete(base.national_id);
    if (row.national_id) byNationalId.set(row.national_id, { node: target, line: src.line });
    seen.set(code, { line: src.line, ok: true });
    reports.push({
      row: src.line,
      status: 'valid',
      key: code,
      action: node ? 'update' : 'create',
      changes,
      errors: [],
    });
  }

  // Paths last: a move on one row changes the paths below it, whichever rows come after.
  const creates = created.map((n) => ({ ...n.row, path: pathOf(n.id), depth: depthOf(pathOf(n.id)) }));
  const updates: OrganizationImportPlan['updates'] = [];
  for (const node of byId.values()) {
    if (!node.before) continue;
    const path = pathOf(node.id);
    const changed = touched.has(node.id) && diffFields(fieldsOf(node.before), fieldsOf(node.row)).changed.length > 0;
    if (changed || path !== node.storedPath) {
      updates.push({ before: node.before, after: { ...node.row, path, depth: depthOf(path) }, changed });
    }
  }
  return { reports, creates, updates };
}

function columnOfField(field: string): string {
  const map: Record<string, OrganizationColumn> = {
    parentId: 'parentCode',
    type: 'type',
    code: 'code',
    name: 'name',
    abbreviation: 'abbreviation',
    mailbox: 'mailbox',
    nationalId: 'nationalId',
    reach: 'reach',
    peerId: 'peerNode',
    sortOrder: 'sortOrder',
  };
  return H(map[field] ?? 'name');
}

/** Writes the plan: new organizations (parents first), then changed ones and moved subtrees. */
export async function applyOrganizationImport(
  ex: Executor,
  plan: OrganizationImportPlan,
  audit: (entry: AuditEntry) => Promise<void>,
): Promise<void> {
  await repo.clearNationalIds(
    ex,
    plan.updates
      .filter((u) => u.before.national_id && u.before.national_id !== u.after.national_id)
      .map((u) => u.after.id),
  );
  await repo.insertOrganizations(ex, plan.creates);
  for (const u of plan.updates) {
    if (!u.changed) {
      await repo.setPath(ex, u.after.id, u.after.path, u.after.depth);
      continue;
    }
    const { id, created_at: _c, version: _v, ...patch } = u.after;
    await repo.updateOrganization(ex, id, patch);
  }
  for (const row of plan.creates) {
    await audit({
      action: 'directory.organization_created',
      entityType: 'organization',
      entityId: row.id,
      summary: `Tạo tổ chức ${row.name} (nhập từ tệp)`,
      data: { ...fieldsOf(row), source: 'import' },
    });
  }
  for (const u of plan.updates.filter((x) => x.changed)) {
    const diff = diffFields(fieldsOf(u.before), fieldsOf(u.after));
    const moved = u.before.parent_id !== u.after.parent_id;
    await audit({
      action: moved ? 'directory.organization_moved' : 'directory.organization_updated',
      entityType: 'organization',
      entityId: u.after.id,
      summary: `${moved ? 'Chuyển' : 'Sửa'} tổ chức ${u.after.name} (nhập từ tệp)`,
      data: { before: diff.before, after: diff.after, source: 'import' },
    });
  }
}
