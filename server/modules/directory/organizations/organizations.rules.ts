import type { Organization, OrganizationType } from '../../../../common/schemas/directory';
import { foldVietnamese } from '../../../../common/text/fold';
import type { OrganizationRow } from './organizations.repository';

/** Fields an organization write may change, as the API names them. */
const FIELDS = ['parentId', 'type', 'code', 'name', 'abbreviation', 'mailbox', 'nationalId', 'sortOrder'] as const;
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
    sortOrder: row.sort_order,
  };
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

export function toOrganization(row: OrganizationRow, childCount: number): Organization {
  return {
    id: row.id,
    parentId: row.parent_id,
    type: row.type as OrganizationType,
    code: row.code,
    name: row.name,
    abbreviation: row.abbreviation,
    mailbox: row.mailbox,
    nationalId: row.national_id,
    sortOrder: row.sort_order,
    depth: row.depth,
    childCount,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
