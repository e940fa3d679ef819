/** The directory module's tables, added to the database type below. */

/**
 * The tables as Kysely sees them. Both engines store the same shapes:
 * times as UTC ISO-8601 text, booleans as 0/1 integers, ids as opaque text,
 * so one query layer serves SQLite and PostgreSQL alike.
 */
export interface OrganizationsTable {
  id: string;
  parent_id: string | null;
  /** Materialized path of ids, `/root/child/self/`, for subtree checks in one comparison. */
  path: string;
  depth: number;
  type: string;
  code: string;
  name: string;
  abbreviation: string;
  mailbox: string | null;
  /** Mã định danh điện tử (QĐ 20/2020/QĐ-TTg), upper case; unique where given. */
  national_id: string | null;
  /** `inside` this deployment, or outside: through a `peer` deployment or the exchange `platform`. */
  reach: string;
  /** The peer deployment an outside organization is reached through. */
  peer_id: string | null;
  sort_order: number;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  full_name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
  mailbox: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  person_id: string;
  organization_id: string;
  position: string | null;
  is_primary: number;
}

export interface DistributionGroupsTable {
  id: string;
  owner_organization_id: string;
  name: string;
  description: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  person_id: string | null;
  organization_id: string | null;
}

declare module '../../platform/db/schema' {
  interface DB {
    organizations: OrganizationsTable;
    people: PeopleTable;
    memberships: MembershipsTable;
    distribution_groups: DistributionGroupsTable;
    group_members: GroupMembersTable;
  }
}
