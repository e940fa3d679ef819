import type { OrganizationReach } from '../../../../common/exchange';
import type { Organization, OrganizationType } from '../../../../common/schemas/directory';
import { foldVietnamese } from '../../../../common/text/fold';
import type { ReachProblem } from '../directory.errors';
import type { OrganizationRow } from './organizations.repository';
import type { PeerRef } from './reach.repository';

/** Fields an organization write may change, as the API names them. */
const FIELDS = [
  'parentId',
  'type',
  'code',
  'name',
  'abbreviation',
  'mailbox',
  'nationalId',
  'reach',
  'peerId',
  'sortOrder',
] as const;
type Field = (typeof FIELDS)[number];
export type OrganizationFields = Record<Field, string | number | null>;

/** The folded text a list search reads: name, code, abbreviation and the national identifier. */
export function organizationSearchText(o: {
  name: string;
  code: string;
  abbreviation: string;
  nationalId: string | null;
}): string {
  return foldVietnamese(`${o.name} ${o.code} ${o.abbreviation} ${o.nationalId ?? ''}`)
    .trim()
    .slice(0, 1000);
}

export function pathOf(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

export function fieldsOf(row: OrganizationRow): OrganizationFields {
  return {
    parentId: row.parent_id,
    type: row.type,
    code: row.code,
    name: row.name,
    abbreviation: row.abbreviation,
    mailbox: row.mailbox,
    nationalId: row.national_id,
    reach: row.reach,
    peerId: row.peer_id,
    sortOrder: row.sort_order,
  };
}

export const isOutside = (row: { reach: string }): boolean => row.reach !== 'inside';

/**
 * What refuses an organization as it would be after a change, by the rules of organizations
 * reached outside the deployment; the service refuses the first, an import reports each on its
 * column. `peer` is the peer named by `peerId` (undefined when none or unknown), `parentReach`
 * the reach of the parent (null at the top level). A peer is chosen only while active; one the
 * organization already had (`keptPeerId`) and since stopped does not block its other changes.
 */
export function reachProblems(next: {
  reach: string;
  peerId: string | null;
  parentId: string | null;
  nationalId: string | null;
  peer: PeerRef | undefined;
  parentReach: string | null;
  keptPeerId?: string | null;
}): ReachProblem[] {
  const problems: ReachProblem[] = [];
  if (next.parentReach !== null && next.parentReach !== 'inside') problems.push('outside_no_children');
  if (next.reach !== 'peer' && next.peerId !== null) problems.push('peer_only_for_peer_reach');
  const peerUsable = next.peer && (next.peer.active || next.peer.id === next.keptPeerId);
  if (next.reach === 'peer' && !peerUsable) problems.push('peer_not_found');
  if (next.reach !== 'inside' && next.parentId !== null && next.parentReach === 'inside')
    problems.push('outside_not_top_level');
  if (next.reach !== 'inside' && !next.nationalId) problems.push('outside_needs_national_id');
  return problems;
}

/** Depth-first order: every parent before its children, siblings kept in the order given. */
export function treeOrder<T extends { id: string; parent_id: string | null }>(rows: readonly T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    const parent = row.parent_id && ids.has(row.parent_id) ? row.parent_id : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(row);
    else children.set(parent, [row]);
  }
  const out: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const row = stack.pop() as T;
    out.push(row);
    const kids = children.get(row.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as T);
  }
  return out;
}

export function toOrganization(row: OrganizationRow, childCount: number, peerName: string | null): Organization {
  return {
    id: row.id,
    parentId: row.parent_id,
    type: row.type as OrganizationType,
    code: row.code,
    name: row.name,
    abbreviation: row.abbreviation,
    mailbox: row.mailbox,
    nationalId: row.national_id,
    reach: row.reach as OrganizationReach,
    peerId: row.peer_id,
    peerName: row.peer_id ? peerName : null,
    sortOrder: row.sort_order,
    depth: row.depth,
    childCount,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
